// Why: the would-block share precheck reports is only as good as this
// evaluation. Each condition kind is pinned on real exported policies and on
// small hand-made ones, including every way a record can be "not
// evaluable" — never silently counted as blocked or as safe.
#include <catch2/catch.hpp>

#include <string>

#include "classify/ca_evaluate.h"
#include "formats/ca_policy_json.h"

using namespace idt;

namespace {

std::string td(const std::string& rel) { return std::string(IDTRIAGE_TESTDATA) + "/policies/" + rel; }

const CaPolicyDef& load(CaPolicySet& set, const std::string& file) {
  auto r = read_ca_export(td(file), set);
  REQUIRE(r.ok());
  return set.policies.back();
}

SignIn rec(std::string_view client = "Browser") {
  SignIn s;
  s.user_id = "0b9c1f4e-0000-4000-8000-000000000001";
  s.upn = "alex@contoso.com";
  s.user_type = "Member";
  s.app_id = "00000003-0000-0000-c000-000000000000";  // Microsoft Graph
  s.resource_id = "00000003-0000-0000-c000-000000000000";
  s.client_app = client;
  s.ip = "198.51.100.7";
  s.country = "US";
  s.os = "Windows 10";
  s.risk_level = "none";
  return s;
}

CaMatch m(const CaPolicyEval& e, const SignIn& s) { return e.evaluate(s).match; }
CaUnknown why(const CaPolicyEval& e, const SignIn& s) { return e.evaluate(s).why; }

GroupMembers nobody(std::string id) { return {std::move(id), {"someone.else@contoso.com"}, "members.csv"}; }

constexpr const char* kCA002 =
    "j0eyv_CA002-Global-IdentityProtection-AnyApp-AnyPlatform-Block-LegacyAuthentication.json";
constexpr const char* kCA001 =
    "j0eyv_CA001-Global-AttackSurfaceReduction-AnyApp-AnyPlatform-BLOCK-CountryWhitelist.json";

}  // namespace

TEST_CASE("legacy-auth block (real CA002): client app types, excluded groups", "[classify][ca]") {
  CaPolicySet set;
  const CaPolicyDef& p = load(set, kCA002);
  CaPolicyEval no_members(p, set.locations, {});
  CHECK(no_members.blocks());
  CHECK(m(no_members, rec("Browser")) == CaMatch::no);  // not a legacy client: decided without group data
  CHECK(m(no_members, rec("Mobile Apps and Desktop clients")) == CaMatch::no);
  CHECK(m(no_members, rec("IMAP4")) == CaMatch::unknown);  // in scope unless in an excluded group
  CHECK(why(no_members, rec("IMAP4")) == CaUnknown::group_membership);
  CHECK(why(no_members, rec("")) == CaUnknown::client_app_missing);
  CHECK(why(no_members, rec("Teleporter 3000")) == CaUnknown::client_app_unrecognised);

  std::vector<GroupMembers> groups = {nobody("2802b872-ccfb-4b29-a9a9-459808dfb11b"),
                                      nobody("8861a932-f1d1-4d1d-a5e6-cdce20fada27")};
  CaPolicyEval known(p, set.locations, groups);
  CHECK(m(known, rec("IMAP4")) == CaMatch::yes);
  CHECK(m(known, rec("Exchange ActiveSync")) == CaMatch::yes);
  CHECK(m(known, rec("Authenticated SMTP")) == CaMatch::yes);
  groups[1].members.push_back("ALEX@contoso.com");  // members compare case-insensitively
  CaPolicyEval excluded(p, set.locations, groups);
  CHECK(m(excluded, rec("IMAP4")) == CaMatch::no);
}

TEST_CASE("country allow-list (real CA001 + ALLOWED COUNTRIES)", "[classify][ca]") {
  CaPolicySet set;
  const CaPolicyDef& p = load(set, kCA001);
  std::vector<GroupMembers> groups;
  for (const auto& g : p.conditions.exclude_groups) groups.push_back(nobody(g));
  CaPolicyEval undefined(p, set.locations, groups);
  CHECK(why(undefined, rec()) == CaUnknown::location_undefined);
  auto r = read_ca_export(td("j0eyv_NamedLocation_ALLOWED_COUNTRIES.json"), set);
  REQUIRE(r.ok());
  CaPolicyEval e(p, set.locations, groups);
  SignIn be = rec();
  be.country = "BE";
  CHECK(m(e, be) == CaMatch::no);      // allowed country: excluded location
  CHECK(m(e, rec()) == CaMatch::yes);  // US: blocked
  SignIn nowhere = rec();
  nowhere.country = "";
  CHECK(why(e, nowhere) == CaUnknown::country_missing);
}

TEST_CASE("platforms (real CA204), user risk (real CA201)", "[classify][ca]") {
  CaPolicySet set;
  const CaPolicyDef& p204 =
      load(set, "j0eyv_CA204-Internals-AttackSurfaceReduction-AllApps-AnyPlatform-BlockUnknownPlatforms.json");
  std::vector<GroupMembers> groups;
  for (const auto& g : p204.conditions.exclude_groups) groups.push_back(nobody(g));
  for (const auto& g : p204.conditions.include_groups) groups.push_back({g, {"alex@contoso.com"}, "m.csv"});
  CaPolicyEval e(p204, set.locations, groups);
  SignIn s = rec();
  CHECK(m(e, s) == CaMatch::no);  // Windows is excluded
  s.os = "Ios";
  CHECK(m(e, s) == CaMatch::no);
  s.os = "Linux";
  CHECK(m(e, s) == CaMatch::yes);  // not an allowed platform: blocked
  s.os = "";
  CHECK(why(e, s) == CaUnknown::platform_missing);
  s.os = "Tizen 7";
  CHECK(why(e, s) == CaUnknown::platform_unrecognised);

  const CaPolicyDef& p201 =
      load(set, "j0eyv_CA201-Internals-IdentityProtection-AnyApp-AnyPlatform-BLOCK-HighRiskUser.json");
  std::vector<GroupMembers> g201;
  for (const auto& g : p201.conditions.exclude_groups) g201.push_back(nobody(g));
  for (const auto& g : p201.conditions.include_groups) g201.push_back({g, {"alex@contoso.com"}, "m.csv"});
  CaPolicyEval e201(p201, set.locations, g201);
  CHECK(why(e201, rec()) == CaUnknown::user_risk);
}

TEST_CASE("security-info registration policy (Filipin 201): user action, guests, AllTrusted", "[classify][ca]") {
  CaPolicySet set;
  const CaPolicyDef& p = load(set, "filipin_201-register-security-information.json");
  std::vector<GroupMembers> groups;
  for (const auto& g : p.conditions.exclude_groups) groups.push_back(nobody(g));
  CaPolicyEval e(p, set.locations, groups);
  SignIn portal = rec();
  portal.app_id = "19db86c3-b2b9-44cc-b339-36da233a3be2";  // My Signins
  CHECK(m(e, rec()) == CaMatch::no);                       // not a registration
  CHECK(why(e, portal) == CaUnknown::trusted_locations_undefined);
  SignIn guest_portal = portal;
  guest_portal.user_type = "Guest";
  CHECK(m(e, guest_portal) == CaMatch::no);  // guests are excluded
  SignIn no_type = portal;
  no_type.user_type = "";
  CHECK(why(e, no_type) == CaUnknown::guest_type);
  // With named locations: an office range marked trusted.
  CaPolicySet locs;
  REQUIRE(parse_ca_export(R"({"@odata.type":"#microsoft.graph.ipNamedLocation","id":"hq","displayName":"HQ",
      "isTrusted":true,"ipRanges":[{"cidrAddress":"203.0.113.0/24"}]})",
                          "hq.json", locs)
              .ok());
  CaPolicyEval with_locs(p, locs.locations, groups);
  REQUIRE(with_locs.notes().size() == 3);
  CHECK(m(with_locs, portal) == CaMatch::yes);  // from home: MFA would be required to register
  portal.ip = "203.0.113.40";
  CHECK(m(with_locs, portal) == CaMatch::no);  // from the office: trusted
  portal.ip = "not-an-ip";
  CHECK(why(with_locs, portal) == CaUnknown::location_no_ip);
}

TEST_CASE("users by id, IP locations, sign-in risk, app groups, break-glass users condition", "[classify][ca]") {
  CaPolicySet set;
  REQUIRE(parse_ca_export(R"([
    {"id":"p","displayName":"Risky from branch","state":"enabled",
     "conditions":{"users":{"includeUsers":["0B9C1F4E-0000-4000-8000-000000000001"],"excludeUsers":["bg-1"]},
                   "applications":{"includeApplications":["Office365"]},"clientAppTypes":["all"],
                   "locations":{"includeLocations":["loc1"],"excludeLocations":[]},
                   "signInRiskLevels":["high","medium"],"userRiskLevels":[]},
     "grantControls":{"operator":"OR","builtInControls":["block"]}},
    {"@odata.type":"#microsoft.graph.ipNamedLocation","id":"loc1","displayName":"Branch",
     "ipRanges":[{"cidrAddress":"198.51.100.0/24"},{"cidrAddress":"2001:db8::/32"}]}])",
                          "mixed.json", set)
              .ok());
  CaPolicyEval e(set.policies[0], set.locations, {});
  SignIn s = rec();
  s.resource_id = "00000002-0000-0ff1-ce00-000000000000";  // Exchange Online: in Office365
  s.risk_level = "high";
  CHECK(m(e, s) == CaMatch::yes);
  s.risk_level = "low";
  CHECK(m(e, s) == CaMatch::no);
  s.risk_level = "hidden";  // not licensed: cannot tell
  CHECK(why(e, s) == CaUnknown::sign_in_risk_missing);
  s.risk_level = "medium";
  s.ip = "2001:db8:1::9";
  CHECK(m(e, s) == CaMatch::yes);
  s.ip = "192.0.2.1";
  CHECK(m(e, s) == CaMatch::no);  // outside the branch
  s.ip = "198.51.100.7";
  SignIn graph = s;
  graph.resource_id = "00000003-0000-0000-c000-000000000000";
  CHECK(why(e, graph) == CaUnknown::app_group);  // the table does not list every Office365 member
  SignIn other_user = s;
  other_user.user_id = "someone-else";
  CHECK(m(e, other_user) == CaMatch::no);
  SignIn no_id = s;
  no_id.user_id = "";
  CHECK(why(e, no_id) == CaUnknown::user_id_missing);
  CHECK(e.users_condition("bg-1", "", "").match == CaMatch::no);
  CHECK(e.users_condition("0b9c1f4e-0000-4000-8000-000000000001", "", "").match == CaMatch::yes);
  CHECK_FALSE(set.policies.empty());
}

TEST_CASE("other conditions and roles are not evaluable, unless another condition says no", "[classify][ca]") {
  CaPolicySet set;
  REQUIRE(parse_ca_export(R"({"displayName":"Compliant devices","state":"enabled",
     "conditions":{"users":{"includeUsers":["All"],"excludeRoles":["62e90394-69f5-4237-9190-012177145e10"]},
                   "applications":{"includeApplications":["All"]},"clientAppTypes":["browser"],
                   "devices":{"deviceFilter":{"mode":"exclude","rule":"device.isCompliant -eq True"}}},
     "grantControls":{"operator":"OR","builtInControls":["block"]}})",
                          "d.json", set)
              .ok());
  CaPolicyEval e(set.policies[0], set.locations, {});
  CHECK(set.policies[0].conditions.other == std::vector<std::string>{"devices"});
  CHECK(why(e, rec()) == CaUnknown::role_membership);
  CHECK(m(e, rec("Mobile Apps and Desktop clients")) == CaMatch::no);
}

TEST_CASE("mapping tables: every client app and platform sample maps, every reason is described", "[classify][ca]") {
  for (const auto& c : ca_client_app_types()) {
    INFO(c.logged);
    CHECK(ca_client_app_type(c.logged) == c.ca_value);
    bool known = c.ca_value == "browser" || c.ca_value == "mobileAppsAndDesktopClients" ||
                 c.ca_value == "exchangeActiveSync" || c.ca_value == "other";
    CHECK(known);
  }
  CHECK(ca_platform("Windows 10") == "windows");
  CHECK(ca_platform("Windows10") == "windows");
  CHECK(ca_platform("Windows Phone 8.1") == "windowsPhone");
  CHECK(ca_platform("Ios") == "iOS");
  CHECK(ca_platform("iPadOS 17") == "iOS");
  CHECK(ca_platform("MacOs") == "macOS");
  CHECK(ca_platform("Mac OS X 10.15") == "macOS");
  CHECK(ca_platform("Android 14") == "android");
  CHECK(ca_platform("Linux") == "linux");
  CHECK(ca_platform("ChromeOS").empty());
  for (std::size_t i = 1; i < kCaUnknownCount; ++i) CHECK_FALSE(describe(static_cast<CaUnknown>(i)).empty());
  for (const auto& a : ca_app_group_members()) CHECK((a.group == "Office365" || a.group == "MicrosoftAdminPortals"));
}
