// Why: "what share of recent sign-ins would this Conditional Access policy
// have blocked" is only worth asking if the answer is honest. This decides,
// for one sign-in record, whether a policy's conditions apply — yes, no, or
// cannot be decided from the record (and why) — as a pure function over the
// policy, the named locations and group members given. Tables of app groups,
// client-app types and platforms are data here, each with its reason.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/ca_policy.h"
#include "model/signin.h"

namespace idt {

// Why a record could not be decided. Names are part of the JSON contract.
enum class CaUnknown : std::uint8_t {
  none,
  user_id_missing,              // the policy names users by object id and the record has none
  app_id_missing,               // the policy names apps by id and the record has neither app nor resource id
  group_membership,             // include/exclude group without a members file
  role_membership,              // directory roles are not in sign-in records
  guest_type,                   // GuestsOrExternalUsers and the record has no userType
  app_group,                    // Office365 / MicrosoftAdminPortals member not in the known-id table
  user_action,                  // user action other than security-info registration
  auth_context,                 // authentication context
  client_app_missing,           // the record has no client app
  client_app_unrecognised,      // a client-app value not in the mapping table
  location_undefined,           // a named location id without its definition (--locations)
  trusted_locations_undefined,  // AllTrusted without any named location given
  location_no_ip,               // IP range location, record without a readable IP
  country_missing,              // country location, record without a country
  location_unsupported,         // compliant-network / GPS-based / unknown location kinds
  platform_missing,             // platform condition, record without an operating system
  platform_unrecognised,        // an operating system not in the mapping table
  sign_in_risk_missing,         // sign-in risk condition, record without a risk level (or "hidden")
  user_risk,                    // user risk is not in sign-in records
  insider_risk,                 // insider risk is not in sign-in records
  service_principal_risk,       // workload-identity risk
  other_condition,              // device filter, device states, times, client applications, agents, flows, app filter
  count_
};
inline constexpr std::size_t kCaUnknownCount = static_cast<std::size_t>(CaUnknown::count_);
inline constexpr std::array<std::string_view, kCaUnknownCount> kCaUnknownNames = {"none",
                                                                                  "user_id_missing",
                                                                                  "app_id_missing",
                                                                                  "group_membership",
                                                                                  "role_membership",
                                                                                  "guest_type",
                                                                                  "app_group",
                                                                                  "user_action",
                                                                                  "auth_context",
                                                                                  "client_app_missing",
                                                                                  "client_app_unrecognised",
                                                                                  "location_undefined",
                                                                                  "trusted_locations_undefined",
                                                                                  "location_no_ip",
                                                                                  "country_missing",
                                                                                  "location_unsupported",
                                                                                  "platform_missing",
                                                                                  "platform_unrecognised",
                                                                                  "sign_in_risk_missing",
                                                                                  "user_risk",
                                                                                  "insider_risk",
                                                                                  "service_principal_risk",
                                                                                  "other_condition"};
static_assert(kCaUnknownNames.size() == kCaUnknownCount, "every CaUnknown needs a name");
static_assert(kCaUnknownNames.back() == "other_condition");
constexpr std::string_view name(CaUnknown u) { return kCaUnknownNames[static_cast<std::size_t>(u)]; }
// One sentence per reason, for reports ("what to give to decide it").
std::string_view describe(CaUnknown u);

enum class CaMatch : std::uint8_t { no, yes, unknown };

struct CaDecision {
  CaMatch match = CaMatch::no;
  CaUnknown why = CaUnknown::none;  // set when match == unknown
};

// A policy prepared for evaluation: ids lower-cased into sets, named
// locations and group members resolved. Built once, then evaluated per
// record (thread-safe: evaluation only reads it).
class CaPolicyEval {
 public:
  CaPolicyEval(const CaPolicyDef& policy, const std::vector<NamedLocation>& locations,
               const std::vector<GroupMembers>& groups);

  const CaPolicyDef& policy() const { return policy_; }
  // Whether every condition of the policy applies to this sign-in.
  CaDecision evaluate(const SignIn& s) const;
  // Only the users condition, for an account known by id and/or UPN (the
  // break-glass check). user_type may be empty.
  CaDecision users_condition(std::string_view user_id, std::string_view upn, std::string_view user_type) const;
  bool blocks() const { return block_; }  // grant controls contain "block"
  // Notes on approximations this policy's evaluation makes (e.g. AllTrusted).
  const std::vector<std::string>& notes() const { return notes_; }

 private:
  struct Loc {
    const NamedLocation* def = nullptr;  // null: id not defined
    std::string id;
  };
  CaDecision users(std::string_view user_id, std::string_view upn, std::string_view user_type) const;
  CaDecision apps(const SignIn& s) const;
  CaDecision client_apps(const SignIn& s) const;
  CaDecision locations(const SignIn& s) const;
  CaDecision platforms(const SignIn& s) const;
  CaDecision risks(const SignIn& s) const;
  CaDecision location_list(const std::vector<Loc>& list, bool all, bool all_trusted, const SignIn& s) const;
  CaDecision one_location(const NamedLocation& l, const SignIn& s) const;

  struct Group {
    std::string id;
    std::shared_ptr<const std::unordered_set<std::string>> members;  // null: no members file
  };
  const CaPolicyDef& policy_;
  bool block_ = false;
  std::unordered_set<std::string> include_user_ids_, exclude_user_ids_;
  bool include_all_users_ = false, include_guests_ = false, exclude_guests_ = false;
  std::vector<Group> include_groups_, exclude_groups_;
  std::vector<Loc> include_locs_, exclude_locs_;
  bool include_all_locs_ = false, include_trusted_ = false, exclude_trusted_ = false;
  std::vector<const NamedLocation*> trusted_;
  bool any_location_defs_ = false;
  std::vector<std::string> notes_;
};

// Data tables (exposed for tests and docs).
struct AppGroupMember {
  std::string_view group;  // Office365 / MicrosoftAdminPortals
  std::string_view app_id;
  std::string_view name;
};
std::span<const AppGroupMember> ca_app_group_members();

struct ClientAppType {
  std::string_view logged;    // clientAppUsed as Entra logs it
  std::string_view ca_value;  // conditionalAccessClientApp value
};
std::span<const ClientAppType> ca_client_app_types();
// "Browser" -> "browser"; empty view when the value is not in the table.
std::string_view ca_client_app_type(std::string_view client_app_used);

// Operating system as logged ("Windows 10", "Ios 17.4", "MacOs") -> platform
// value ("windows", "iOS", "macOS", …); empty when not recognised.
std::string_view ca_platform(std::string_view os);

}  // namespace idt
