// Why: see ca_evaluate.h. Three-valued logic throughout: a condition is
// "include matches and exclude does not"; an include or exclude list is the
// OR of its entries; the policy is the AND of its conditions. Any "no"
// decides; otherwise any "cannot tell" makes the record not evaluable.
#include "classify/ca_evaluate.h"

#include "classify/codes.h"
#include "util/ip.h"
#include "util/text.h"

namespace idt {
namespace {

// Members of the app groups a policy can name instead of app ids, by the
// ids Microsoft's own tenant publishes for them (merill/microsoft-info,
// MicrosoftApps.csv). The groups have more members than listed: an app not
// in this table is "cannot tell", never "not a member".
constexpr AppGroupMember kAppGroups[] = {
    {"Office365", "00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online"},
    {"Office365", "00000003-0000-0ff1-ce00-000000000000", "Office 365 SharePoint Online"},
    {"Office365", "00000004-0000-0ff1-ce00-000000000000", "Skype for Business Online"},
    {"Office365", "00000005-0000-0ff1-ce00-000000000000", "Viva Engage (Yammer)"},
    {"Office365", "00000006-0000-0ff1-ce00-000000000000", "Microsoft Office 365 Portal"},
    {"Office365", "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe", "Microsoft Teams Services"},
    {"Office365", "1fec8e78-bce4-4aaf-ab1b-5451cc387264", "Microsoft Teams"},
    {"Office365", "4765445b-32c6-49b0-83e6-1d93765276ca", "OfficeHome"},
    {"MicrosoftAdminPortals", "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "Azure Portal"},
    {"MicrosoftAdminPortals", "497effe9-df71-4043-a8bb-14cf78c4b63b", "Exchange Admin Center"},
};

// clientAppUsed as Entra logs it -> the conditionalAccessClientApp value a
// policy lists. Every legacy-authentication protocol is "other" (Entra's
// "Other clients"); values not listed here are "cannot tell".
constexpr ClientAppType kClientApps[] = {
    {"Browser", "browser"},
    {"Mobile Apps and Desktop clients", "mobileAppsAndDesktopClients"},
    {"Exchange ActiveSync", "exchangeActiveSync"},
    {"Other clients", "other"},
    {"IMAP4", "other"},
    {"IMAP", "other"},
    {"POP3", "other"},
    {"POP", "other"},
    {"SMTP", "other"},
    {"Authenticated SMTP", "other"},
    {"Exchange Web Services", "other"},
    {"MAPI Over HTTP", "other"},
    {"Offline Address Book", "other"},
    {"Outlook Anywhere (RPC over HTTP)", "other"},
    {"AutoDiscover", "other"},
    {"Exchange Online PowerShell", "other"},
    {"Reporting Web Services", "other"},
    {"Universal Outlook", "other"},
};

// Operating system prefixes as logged (deviceDetail.operatingSystem:
// "Windows 10", "Windows10", "Ios", "MacOs", "Android 14"…) -> platform.
// Order matters: "Windows Phone" before "Windows".
struct PlatformPrefix {
  std::string_view prefix, platform;
};
constexpr PlatformPrefix kPlatforms[] = {
    {"windows phone", "windowsPhone"},
    {"windows", "windows"},
    {"ios", "iOS"},
    {"ipados", "iOS"},
    {"iphone", "iOS"},
    {"ipad", "iOS"},
    {"android", "android"},
    {"macos", "macOS"},
    {"mac os", "macOS"},
    {"os x", "macOS"},
    {"linux", "linux"},
    {"ubuntu", "linux"},
};

constexpr std::string_view kRiskLevels[] = {"none", "low", "medium", "high"};
constexpr std::string_view kRegisterSecurityInfo = "urn:user:registersecurityinfo";

bool has(const CaList& l, std::string_view v) {
  for (const auto& x : l)
    if (iequals(x, v)) return true;
  return false;
}

// OR of entries: yes wins, then the first unknown, else no.
struct Any {
  CaDecision d{CaMatch::no, CaUnknown::none};
  void add(CaMatch m, CaUnknown why = CaUnknown::none) {
    if (d.match == CaMatch::yes) return;
    if (m == CaMatch::yes)
      d = {CaMatch::yes, CaUnknown::none};
    else if (m == CaMatch::unknown && d.match == CaMatch::no)
      d = {CaMatch::unknown, why};
  }
  void add(CaDecision x) { add(x.match, x.why); }
};

// include AND NOT exclude.
CaDecision condition(CaDecision inc, CaDecision exc) {
  if (inc.match == CaMatch::no || exc.match == CaMatch::yes) return {CaMatch::no, CaUnknown::none};
  if (inc.match == CaMatch::yes && exc.match == CaMatch::no) return {CaMatch::yes, CaUnknown::none};
  return {CaMatch::unknown, inc.match == CaMatch::unknown ? inc.why : exc.why};
}

CaDecision guest(std::string_view user_type) {
  if (iequals(trim(user_type), "guest")) return {CaMatch::yes, CaUnknown::none};
  if (iequals(trim(user_type), "member")) return {CaMatch::no, CaUnknown::none};
  return {CaMatch::unknown, CaUnknown::guest_type};
}

bool is_app(const SignIn& s, std::string_view id) {
  return iequals(trim(s.app_id), id) || iequals(trim(s.resource_id), id);
}

CaDecision app_group(std::string_view group, const SignIn& s) {
  for (const auto& m : kAppGroups)
    if (iequals(m.group, group) && is_app(s, m.app_id)) return {CaMatch::yes, CaUnknown::none};
  return {CaMatch::unknown, CaUnknown::app_group};
}

}  // namespace

std::string_view describe(CaUnknown u) {
  switch (u) {
    case CaUnknown::none:
      return "";
    case CaUnknown::user_id_missing:
      return "the policy names users by object id and the records carry no user id";
    case CaUnknown::app_id_missing:
      return "the policy names apps by id and the records carry neither app nor resource id";
    case CaUnknown::group_membership:
      return "group membership is not in sign-in records: give the members with --group ID=members.csv";
    case CaUnknown::role_membership:
      return "directory-role membership is not in sign-in records";
    case CaUnknown::guest_type:
      return "the policy targets guests/external users and the records carry no user type";
    case CaUnknown::app_group:
      return "app group (Office365 / MicrosoftAdminPortals) member not in the known-id table";
    case CaUnknown::user_action:
      return "user action other than security-info registration";
    case CaUnknown::auth_context:
      return "authentication contexts are not in sign-in records";
    case CaUnknown::client_app_missing:
      return "the policy limits client apps and the records carry no client app";
    case CaUnknown::client_app_unrecognised:
      return "client app value not in the mapping table";
    case CaUnknown::location_undefined:
      return "named location referenced by id without its definition: give it with --locations FILE";
    case CaUnknown::trusted_locations_undefined:
      return "AllTrusted without named locations: give them with --locations FILE";
    case CaUnknown::location_no_ip:
      return "IP-range location and the record has no readable IP address";
    case CaUnknown::country_missing:
      return "country location and the record has no country";
    case CaUnknown::location_unsupported:
      return "compliant-network or GPS-based location cannot be matched from a sign-in record";
    case CaUnknown::platform_missing:
      return "device-platform condition and the record has no operating system";
    case CaUnknown::platform_unrecognised:
      return "operating system not in the platform mapping table";
    case CaUnknown::sign_in_risk_missing:
      return "sign-in risk condition and the record has no risk level (or it is hidden)";
    case CaUnknown::user_risk:
      return "user risk is not in sign-in records";
    case CaUnknown::insider_risk:
      return "insider risk is not in sign-in records";
    case CaUnknown::service_principal_risk:
      return "service-principal risk applies to workload identities";
    case CaUnknown::other_condition:
      return "device filter, device state, times, client applications, agents, authentication flows or app "
             "filter cannot be judged from a sign-in record";
    case CaUnknown::count_:
      break;
  }
  return "";
}

std::span<const AppGroupMember> ca_app_group_members() { return kAppGroups; }
std::span<const ClientAppType> ca_client_app_types() { return kClientApps; }

std::string_view ca_client_app_type(std::string_view used) {
  used = trim(used);
  for (const auto& c : kClientApps)
    if (iequals(c.logged, used)) return c.ca_value;
  return {};
}

std::string_view ca_platform(std::string_view os) {
  std::string l = ascii_lower(trim(os));
  for (const auto& p : kPlatforms)
    if (l.starts_with(p.prefix)) return p.platform;
  return {};
}

CaPolicyEval::CaPolicyEval(const CaPolicyDef& policy, const std::vector<NamedLocation>& locations,
                           const std::vector<GroupMembers>& groups)
    : policy_(policy) {
  const CaConditions& c = policy.conditions;
  block_ = policy.grant.present && has(policy.grant.built_in, "block");
  for (const auto& u : c.include_users) {
    if (iequals(u, "All"))
      include_all_users_ = true;
    else if (iequals(u, "GuestsOrExternalUsers"))
      include_guests_ = true;
    else if (!iequals(u, "None"))
      include_user_ids_.insert(ascii_lower(trim(u)));
  }
  for (const auto& u : c.exclude_users) {
    if (iequals(u, "GuestsOrExternalUsers"))
      exclude_guests_ = true;
    else
      exclude_user_ids_.insert(ascii_lower(trim(u)));
  }
  include_guests_ |= c.include_guests_object;
  exclude_guests_ |= c.exclude_guests_object;
  auto group_ref = [&](const std::string& id) {
    Group g{id, nullptr};
    auto set = std::make_shared<std::unordered_set<std::string>>();
    bool found = false;
    for (const auto& gm : groups)
      if (iequals(gm.group_id, id)) {
        found = true;
        for (const auto& m : gm.members) set->insert(ascii_lower(trim(m)));
      }
    if (found) g.members = std::move(set);
    return g;
  };
  for (const auto& g : c.include_groups) include_groups_.push_back(group_ref(g));
  for (const auto& g : c.exclude_groups) exclude_groups_.push_back(group_ref(g));

  any_location_defs_ = !locations.empty();
  for (const auto& l : locations)
    if (l.is_trusted) trusted_.push_back(&l);
  auto loc_ref = [&](const std::string& id) {
    Loc r{nullptr, id};
    for (const auto& l : locations)
      if (!l.id.empty() && iequals(l.id, id)) r.def = &l;
    return r;
  };
  for (const auto& l : c.include_locations) {
    if (iequals(l, "All"))
      include_all_locs_ = true;
    else if (iequals(l, "AllTrusted"))
      include_trusted_ = true;
    else
      include_locs_.push_back(loc_ref(l));
  }
  for (const auto& l : c.exclude_locations) {
    if (iequals(l, "AllTrusted"))
      exclude_trusted_ = true;
    else if (!iequals(l, "All"))
      exclude_locs_.push_back(loc_ref(l));
  }
  if ((include_trusted_ || exclude_trusted_) && any_location_defs_)
    notes_.push_back("AllTrusted is evaluated from the " + std::to_string(trusted_.size()) +
                     " trusted named location(s) given; MFA trusted IPs (legacy MFA service settings) are not in a "
                     "named-location export and are not counted");
  if (has(c.include_user_actions, kRegisterSecurityInfo))
    notes_.push_back(
        "the user action 'register security info' is approximated by sign-ins to the security-info "
        "apps (My Signins, My Profile, My Apps)");
  if (include_guests_ || exclude_guests_)
    notes_.push_back("GuestsOrExternalUsers is approximated by the records' userType (Guest)");
}

CaDecision CaPolicyEval::users(std::string_view user_id, std::string_view upn, std::string_view user_type) const {
  const CaConditions& c = policy_.conditions;
  std::string id = ascii_lower(trim(user_id)), u = ascii_lower(trim(upn));
  auto member = [&](const Group& g) -> CaDecision {
    if (!g.members) return {CaMatch::unknown, CaUnknown::group_membership};
    if (id.empty() && u.empty()) return {CaMatch::unknown, CaUnknown::user_id_missing};
    bool in = (!id.empty() && g.members->count(id)) || (!u.empty() && g.members->count(u));
    return {in ? CaMatch::yes : CaMatch::no, CaUnknown::none};
  };
  auto by_id = [&](const std::unordered_set<std::string>& ids) -> CaDecision {
    if (ids.empty()) return {CaMatch::no, CaUnknown::none};
    if (id.empty()) return {CaMatch::unknown, CaUnknown::user_id_missing};
    return {ids.count(id) ? CaMatch::yes : CaMatch::no, CaUnknown::none};
  };
  Any inc;
  if (include_all_users_) inc.add(CaMatch::yes);
  inc.add(by_id(include_user_ids_));
  if (include_guests_) inc.add(guest(user_type));
  for (const auto& g : include_groups_) inc.add(member(g));
  if (!c.include_roles.empty()) inc.add(CaMatch::unknown, CaUnknown::role_membership);
  Any exc;
  exc.add(by_id(exclude_user_ids_));
  if (exclude_guests_) exc.add(guest(user_type));
  for (const auto& g : exclude_groups_) exc.add(member(g));
  if (!c.exclude_roles.empty()) exc.add(CaMatch::unknown, CaUnknown::role_membership);
  return condition(inc.d, exc.d);
}

CaDecision CaPolicyEval::users_condition(std::string_view user_id, std::string_view upn,
                                         std::string_view user_type) const {
  return users(user_id, upn, user_type);
}

CaDecision CaPolicyEval::apps(const SignIn& s) const {
  const CaConditions& c = policy_.conditions;
  bool no_ids = trim(s.app_id).empty() && trim(s.resource_id).empty();
  auto entry = [&](const std::string& a) -> CaDecision {
    if (iequals(a, "All")) return {CaMatch::yes, CaUnknown::none};
    if (iequals(a, "None")) return {CaMatch::no, CaUnknown::none};
    if (iequals(a, "Office365") || iequals(a, "MicrosoftAdminPortals")) return app_group(a, s);
    if (iequals(a, "AllAgentIdResources")) return {CaMatch::unknown, CaUnknown::other_condition};
    if (no_ids) return {CaMatch::unknown, CaUnknown::app_id_missing};
    return {is_app(s, a) ? CaMatch::yes : CaMatch::no, CaUnknown::none};
  };
  Any inc;
  for (const auto& a : c.include_apps) inc.add(entry(a));
  for (const auto& a : c.include_user_actions) {
    if (iequals(a, kRegisterSecurityInfo))
      inc.add(is_security_info_app(s.app_id, s.app_name) || is_security_info_app(s.resource_id, s.resource_name)
                  ? CaMatch::yes
                  : CaMatch::no);
    else
      inc.add(CaMatch::unknown, CaUnknown::user_action);
  }
  if (!c.include_auth_contexts.empty()) inc.add(CaMatch::unknown, CaUnknown::auth_context);
  Any exc;
  for (const auto& a : c.exclude_apps) exc.add(entry(a));
  CaDecision d = condition(inc.d, exc.d);
  if (d.match == CaMatch::yes && c.app_filter) return {CaMatch::unknown, CaUnknown::other_condition};
  return d;
}

CaDecision CaPolicyEval::client_apps(const SignIn& s) const {
  const CaList& types = policy_.conditions.client_app_types;
  if (types.empty() || has(types, "all")) return {CaMatch::yes, CaUnknown::none};
  if (trim(s.client_app).empty()) return {CaMatch::unknown, CaUnknown::client_app_missing};
  std::string_view t = ca_client_app_type(s.client_app);
  if (t.empty()) return {CaMatch::unknown, CaUnknown::client_app_unrecognised};
  bool in = has(types, t) || (t == "exchangeActiveSync" && has(types, "easSupported"));
  return {in ? CaMatch::yes : CaMatch::no, CaUnknown::none};
}

CaDecision CaPolicyEval::one_location(const NamedLocation& l, const SignIn& s) const {
  switch (l.kind) {
    case NamedLocationKind::ip: {
      auto ip = parse_ip(s.ip);
      if (!ip) return {CaMatch::unknown, CaUnknown::location_no_ip};
      for (const auto& r : l.ranges)
        if (r.contains(*ip)) return {CaMatch::yes, CaUnknown::none};
      return {CaMatch::no, CaUnknown::none};
    }
    case NamedLocationKind::country: {
      if (!l.country_lookup.empty() && !iequals(l.country_lookup, "clientIpAddress"))
        return {CaMatch::unknown, CaUnknown::location_unsupported};
      std::string_view country = trim(s.country);
      if (country.empty()) return {CaMatch::unknown, CaUnknown::country_missing};
      return {has(l.countries, country) ? CaMatch::yes : CaMatch::no, CaUnknown::none};
    }
    default:
      return {CaMatch::unknown, CaUnknown::location_unsupported};
  }
}

CaDecision CaPolicyEval::location_list(const std::vector<Loc>& list, bool all, bool all_trusted,
                                       const SignIn& s) const {
  Any any;
  if (all) any.add(CaMatch::yes);
  if (all_trusted) {
    if (!any_location_defs_)
      any.add(CaMatch::unknown, CaUnknown::trusted_locations_undefined);
    else
      for (const NamedLocation* l : trusted_) any.add(one_location(*l, s));
  }
  for (const auto& l : list)
    any.add(l.def ? one_location(*l.def, s) : CaDecision{CaMatch::unknown, CaUnknown::location_undefined});
  return any.d;
}

CaDecision CaPolicyEval::locations(const SignIn& s) const {
  if (!policy_.conditions.locations) return {CaMatch::yes, CaUnknown::none};
  CaDecision inc = location_list(include_locs_, include_all_locs_, include_trusted_, s);
  CaDecision exc = location_list(exclude_locs_, false, exclude_trusted_, s);
  return condition(inc, exc);
}

CaDecision CaPolicyEval::platforms(const SignIn& s) const {
  const CaConditions& c = policy_.conditions;
  if (!c.platforms) return {CaMatch::yes, CaUnknown::none};
  std::string_view os = trim(s.os);
  std::string_view p = ca_platform(os);
  auto in_list = [&](const CaList& l) -> CaDecision {
    if (l.empty()) return {CaMatch::no, CaUnknown::none};
    if (has(l, "all")) return {CaMatch::yes, CaUnknown::none};
    if (os.empty()) return {CaMatch::unknown, CaUnknown::platform_missing};
    if (p.empty()) return {CaMatch::unknown, CaUnknown::platform_unrecognised};
    return {has(l, p) ? CaMatch::yes : CaMatch::no, CaUnknown::none};
  };
  return condition(in_list(c.include_platforms), in_list(c.exclude_platforms));
}

CaDecision CaPolicyEval::risks(const SignIn& s) const {
  const CaConditions& c = policy_.conditions;
  // Sign-in risk first: a known "no" decides even when user risk is also set.
  CaDecision sign_in{CaMatch::yes, CaUnknown::none};
  if (!c.sign_in_risk.empty()) {
    std::string level = ascii_lower(trim(s.risk_level));
    sign_in = {CaMatch::unknown, CaUnknown::sign_in_risk_missing};
    for (auto known : kRiskLevels)
      if (level == known) sign_in = {has(c.sign_in_risk, level) ? CaMatch::yes : CaMatch::no, CaUnknown::none};
  }
  if (sign_in.match == CaMatch::no) return sign_in;
  if (!c.user_risk.empty()) return {CaMatch::unknown, CaUnknown::user_risk};
  if (!c.insider_risk.empty()) return {CaMatch::unknown, CaUnknown::insider_risk};
  if (!c.service_principal_risk.empty()) return {CaMatch::unknown, CaUnknown::service_principal_risk};
  return sign_in;
}

CaDecision CaPolicyEval::evaluate(const SignIn& s) const {
  CaDecision first_unknown{CaMatch::yes, CaUnknown::none};
  auto step = [&](CaDecision d) {
    if (d.match == CaMatch::unknown && first_unknown.match == CaMatch::yes) first_unknown = d;
    return d.match != CaMatch::no;
  };
  // Cheapest and most selective first; any "no" ends the evaluation.
  if (!step(client_apps(s)) || !step(apps(s)) || !step(users(s.user_id, s.upn, s.user_type)) || !step(platforms(s)) ||
      !step(locations(s)) || !step(risks(s)))
    return {CaMatch::no, CaUnknown::none};
  if (!policy_.conditions.other.empty()) step({CaMatch::unknown, CaUnknown::other_condition});
  return first_unknown;
}

}  // namespace idt
