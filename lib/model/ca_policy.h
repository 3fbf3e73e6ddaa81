// Why: a Conditional Access policy and its named locations as Graph exports
// them (v1.0 and beta, portal/PowerShell/Graph Explorer), read once into an
// owning model so `precheck` can judge a proposed policy against recent
// sign-ins. The parser fills it and never judges; classify/ evaluates it.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/ip.h"
#include "util/time.h"

namespace idt {

enum class CaState : std::uint8_t { enabled, report_only, disabled, unknown, count_ };
inline constexpr std::array<std::string_view, static_cast<std::size_t>(CaState::count_)> kCaStateNames = {
    "enabled", "report_only", "disabled", "unknown"};
constexpr std::string_view name(CaState s) { return kCaStateNames[static_cast<std::size_t>(s)]; }

// One list condition as written ("All", "None", ids, keywords), in file order.
using CaList = std::vector<std::string>;

struct CaConditions {
  // users
  CaList include_users, exclude_users, include_groups, exclude_groups, include_roles, exclude_roles;
  bool include_guests_object = false, exclude_guests_object = false;  // include/excludeGuestsOrExternalUsers set
  // applications
  CaList include_apps, exclude_apps, include_user_actions, include_auth_contexts;
  bool app_filter = false;  // applicationFilter set
  // client app types ("all", "browser", "mobileAppsAndDesktopClients", "exchangeActiveSync", "other", …)
  CaList client_app_types;
  // locations (present = the locations object is not null)
  bool locations = false;
  CaList include_locations, exclude_locations;
  // platforms
  bool platforms = false;
  CaList include_platforms, exclude_platforms;
  // risk
  CaList sign_in_risk, user_risk, service_principal_risk, insider_risk;
  // Conditions the model keeps only as "set" (their details cannot be
  // checked against a sign-in record): devices filter, device states,
  // times, client applications (workload identities), agents, authentication flows.
  std::vector<std::string> other;  // JSON names of those that are set, e.g. "devices"
};

struct CaGrant {
  bool present = false;   // grantControls not null
  std::string op = "OR";  // AND / OR
  CaList built_in;        // block, mfa, compliantDevice, domainJoinedDevice, …
  bool authentication_strength = false;
  std::size_t custom_factors = 0, terms_of_use = 0;
};

struct CaPolicyDef {
  std::string id, display_name, template_id;
  std::string state_raw;  // as written
  CaState state = CaState::unknown;
  Micros created = kNoTime, modified = kNoTime;
  CaConditions conditions;
  CaGrant grant;
  bool session_controls = false;  // sessionControls not null
  std::size_t index = 0;          // 0-based position in the file
};

enum class NamedLocationKind : std::uint8_t { ip, country, compliant_network, unknown };

struct NamedLocation {
  std::string id, display_name;
  NamedLocationKind kind = NamedLocationKind::unknown;
  std::string odata_type;  // as written, for messages
  bool is_trusted = false;
  std::vector<IpRange> ranges;
  std::vector<std::string> range_texts;  // as written, parallel to ranges
  CaList countries;                      // ISO 3166 alpha-2, upper case as written
  bool include_unknown_countries = false;
  std::string country_lookup;  // clientIpAddress (default) / authenticatorAppGps
};

// Everything one or more exported files held.
struct CaPolicySet {
  std::vector<CaPolicyDef> policies;
  std::vector<NamedLocation> locations;
  std::vector<std::string> sources;  // files read, in order
};

}  // namespace idt

namespace idt {

// Direct members of one group (a "Download members" export), so a policy's
// include/exclude groups can be decided for sign-ins of those users.
struct GroupMembers {
  std::string group_id;              // as given (compared case-insensitively)
  std::vector<std::string> members;  // lower-cased UPNs and object ids
  std::string source;                // file it came from
};

}  // namespace idt
