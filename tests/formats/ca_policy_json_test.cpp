// Why: precheck judges a proposed Conditional Access policy, so its reader
// must take every shape real tenants export (UTF-16 PowerShell files with
// OData annotations, templates without ids, list responses, SDK PascalCase)
// and must refuse, with the policy and path named, what it cannot read.
#include <catch2/catch.hpp>

#include <string>

#include "formats/ca_policy_json.h"

using namespace idt;

namespace {
std::string td(const std::string& rel) { return std::string(IDTRIAGE_TESTDATA) + "/policies/" + rel; }
const CaList kBlock = {"block"};
}  // namespace

TEST_CASE("real j0eyv exports (UTF-16LE with BOM, OData annotations) read completely", "[formats][ca_policy]") {
  CaPolicySet set;
  auto r = read_ca_export(
      td("j0eyv_CA001-Global-AttackSurfaceReduction-AnyApp-AnyPlatform-BLOCK-CountryWhitelist.json"), set);
  REQUIRE(r.ok());
  CHECK(r->policies == 1);
  CHECK(r->warnings.empty());
  REQUIRE(set.policies.size() == 1);
  const CaPolicyDef& p = set.policies[0];
  CHECK(p.id == "19bbdbd4-d871-4964-a6ef-9b3054b9337c");
  CHECK(p.display_name == "CA001-Global-AttackSurfaceReduction-AnyApp-AnyPlatform-BLOCK-CountryWhitelist");
  CHECK(p.state == CaState::enabled);
  CHECK(p.modified != kNoTime);
  CHECK(p.conditions.include_users == CaList{"All"});
  CHECK(p.conditions.exclude_groups.size() == 3);
  CHECK(p.conditions.include_apps == CaList{"All"});
  CHECK(p.conditions.client_app_types == CaList{"all"});
  CHECK(p.conditions.locations);
  CHECK(p.conditions.include_locations == CaList{"All"});
  CHECK(p.conditions.exclude_locations == CaList{"185c993e-10a9-44fa-98d1-230c8f72f497"});
  CHECK_FALSE(p.conditions.platforms);
  CHECK(p.conditions.other.empty());
  CHECK(p.grant.present);
  CHECK(p.grant.built_in == kBlock);

  r = read_ca_export(td("j0eyv_NamedLocation_ALLOWED_COUNTRIES.json"), set);
  REQUIRE(r.ok());
  REQUIRE(set.locations.size() == 1);
  const NamedLocation& l = set.locations[0];
  CHECK(l.kind == NamedLocationKind::country);
  CHECK(l.id == "185c993e-10a9-44fa-98d1-230c8f72f497");
  CHECK(l.countries == CaList{"BE", "LU", "NL"});
  CHECK_FALSE(l.include_unknown_countries);
  CHECK(l.country_lookup == "clientIpAddress");
  CHECK(set.sources.size() == 2);

  r = read_ca_export(td("j0eyv_NamedLocation_All_Compliant_Network_locations.json"), set);
  REQUIRE(r.ok());
  CHECK(set.locations.back().kind == NamedLocationKind::compliant_network);
}

TEST_CASE("every sample in testdata/policies reads, with the conditions it sets", "[formats][ca_policy]") {
  CaPolicySet set;
  for (const char* f : {"j0eyv_CA002-Global-IdentityProtection-AnyApp-AnyPlatform-Block-LegacyAuthentication.json",
                        "j0eyv_CA003-Global-BaseProtection-RegisterOrJoin-AnyPlatform-MFA.json",
                        "j0eyv_CA005-Global-DataProtection-Office365-iOSenAndroid-ClientApps-Unmanaged-"
                        "AppEnforcedRestrictions.json",
                        "j0eyv_CA201-Internals-IdentityProtection-AnyApp-AnyPlatform-BLOCK-HighRiskUser.json",
                        "j0eyv_CA204-Internals-AttackSurfaceReduction-AllApps-AnyPlatform-BlockUnknownPlatforms.json",
                        "filipin_201-register-security-information.json", "filipin_300-block-other-clients.json"}) {
    INFO(f);
    auto r = read_ca_export(td(f), set);
    REQUIRE(r.ok());
    CHECK(r->policies == 1);
  }
  REQUIRE(set.policies.size() == 7);
  CHECK(set.policies[0].conditions.client_app_types == CaList{"exchangeActiveSync", "other"});
  CHECK(set.policies[1].conditions.include_user_actions == CaList{"urn:user:registerdevice"});
  const CaPolicyDef& ca005 = set.policies[2];  // UTF-8 with BOM
  CHECK(ca005.conditions.include_apps == CaList{"Office365"});
  CHECK(ca005.conditions.platforms);
  CHECK(ca005.session_controls);
  CHECK(set.policies[3].conditions.user_risk == CaList{"high"});
  const CaPolicyDef& ca204 = set.policies[4];
  CHECK(ca204.conditions.include_platforms == CaList{"all"});
  CHECK(ca204.conditions.exclude_platforms == CaList{"android", "iOS", "windows", "macOS"});
  const CaPolicyDef& f201 = set.policies[5];
  CHECK(f201.id.empty());  // a template
  CHECK(f201.state == CaState::report_only);
  CHECK(f201.conditions.include_user_actions == CaList{"urn:user:registersecurityinfo"});
  CHECK(f201.conditions.exclude_users == CaList{"GuestsOrExternalUsers"});
  CHECK(f201.conditions.exclude_locations == CaList{"AllTrusted"});
  CHECK(f201.grant.built_in == CaList{"mfa", "compliantDevice", "domainJoinedDevice"});
  CHECK(set.policies[6].grant.built_in == kBlock);
}

TEST_CASE("list responses, bare arrays, PascalCase and mixed files", "[formats][ca_policy]") {
  CaPolicySet set;
  std::string list =
      R"({"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies",
    "value":[{"id":"p1","displayName":"One","state":"disabled","conditions":{"users":{"includeUsers":["None"]},
              "applications":{"includeApplications":["None"]},"clientAppTypes":["all"]},
              "grantControls":{"operator":"OR","builtInControls":["mfa"]}},
             {"@odata.type":"#microsoft.graph.ipNamedLocation","id":"loc1","displayName":"HQ","isTrusted":true,
              "ipRanges":[{"@odata.type":"#microsoft.graph.iPv4CidrRange","cidrAddress":"12.34.221.11/22"},
                          {"@odata.type":"#microsoft.graph.iPv6CidrRange","cidrAddress":"2001:0:9d38:90d6:0:0:0:0/63"}]}]})";
  auto r = parse_ca_export(list, "list.json", set);
  REQUIRE(r.ok());
  CHECK(r->policies == 1);
  CHECK(r->locations == 1);
  CHECK(set.policies[0].state == CaState::disabled);
  REQUIRE(set.locations[0].ranges.size() == 2);
  CHECK(set.locations[0].is_trusted);
  CHECK(set.locations[0].ranges[0].contains(*parse_ip("12.34.220.9")));

  std::string pascal = R"([{"Id":"p2","DisplayName":"Two","State":"enabledForReportingButNotEnforced",
    "Conditions":{"Users":{"IncludeUsers":["All"],"ExcludeUsers":["u-1"]},"Applications":{"IncludeApplications":["All"]},
    "ClientAppTypes":["browser"],"Locations":null,"Platforms":null},
    "GrantControls":{"Operator":"AND","BuiltInControls":["mfa","compliantDevice"]},"AdditionalProperties":{}}])";
  r = parse_ca_export(pascal, "sdk.json", set);
  REQUIRE(r.ok());
  const CaPolicyDef& p = set.policies.back();
  CHECK(p.id == "p2");
  CHECK(p.state == CaState::report_only);
  CHECK(p.conditions.exclude_users == CaList{"u-1"});
  CHECK(p.grant.op == "AND");
  CHECK_FALSE(p.conditions.locations);
}

TEST_CASE("unreadable policies are refused with the policy and path named", "[formats][ca_policy]") {
  CaPolicySet set;
  auto r = parse_ca_export("{\"displayName\":\"x\",", "bad.json", set);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.starts_with("bad.json: not valid JSON"));
  r = parse_ca_export(R"({"displayName":"Block","state":"enabled","conditions":{"users":{"includeUsers":[42]}}})",
                      "num.json", set);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == "num.json: policy 'Block' (item 1): conditions.users.includeUsers[0]: expected a string");
  r = parse_ca_export(R"({"@odata.type":"#microsoft.graph.ipNamedLocation","displayName":"Bad",
                         "ipRanges":[{"cidrAddress":"10.0.0.0/40"}]})",
                      "loc.json", set);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message ==
        "loc.json: named location 'Bad' (item 1): ipRanges[0]: '10.0.0.0/40' is not an IPv4 or IPv6 CIDR range");
  r = parse_ca_export(R"({"displayName":"NoCond","state":"enabled","grantControls":{"builtInControls":["block"]}})",
                      "nc.json", set);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("conditions: missing") != std::string::npos);
  r = parse_ca_export(R"({"value":[]})", "empty.json", set);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == "empty.json: no Conditional Access policy or named location found");
  r = parse_ca_export("42", "n.json", set);
  REQUIRE_FALSE(r.ok());
  r = parse_ca_export("Date (UTC),User\n", "signins.csv", set);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message ==
        "signins.csv: not JSON: a Conditional Access policy or named location is exported from Graph as JSON");
  CHECK(set.policies.empty());
  // Unknown items and states are kept or skipped with a warning, never silently.
  r = parse_ca_export(R"([{"hello":1},{"displayName":"S","state":"paused","conditions":{}}])", "w.json", set);
  REQUIRE(r.ok());
  REQUIRE(r->warnings.size() == 2);
  CHECK(r->warnings[0] == "w.json: item 1: neither a Conditional Access policy nor a named location (skipped)");
  CHECK(r->warnings[1].find("state 'paused'") != std::string::npos);
  CHECK(set.policies.back().state == CaState::unknown);
}

TEST_CASE("sniff_ca_export tells policies and locations from sign-in exports", "[formats][ca_policy]") {
  CHECK(sniff_ca_export(R"({"@odata.type":"#microsoft.graph.conditionalAccessPolicy","id":"x"})") ==
        CaExportKind::policy);
  CHECK(sniff_ca_export(R"({"displayName":"t","conditions":{"clientAppTypes":["all"]},"grantControls":null})") ==
        CaExportKind::policy);
  CHECK(sniff_ca_export(R"({"value":[{"@odata.type":"#microsoft.graph.ipNamedLocation"}]})") ==
        CaExportKind::named_location);
  // A sign-in lists appliedConditionalAccessPolicies with enforcedGrantControls: not a policy.
  CHECK(sniff_ca_export(R"({"value":[{"createdDateTime":"2026-06-01T00:00:00Z","appliedConditionalAccessPolicies":
        [{"id":"1","displayName":"p","enforcedGrantControls":["Mfa"],"conditionsSatisfied":3}]}]})") ==
        CaExportKind::none);
  CHECK(sniff_ca_export("Date (UTC),User\n") == CaExportKind::none);
}
