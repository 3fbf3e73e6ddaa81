// Why: every real sample in testdata/signin and testdata/audit is read with
// its true format, kind, record count, time range and classes. Expected
// values were computed independently with Python (csv/json modules) from
// the files themselves; see testdata/*/SOURCES.md for provenance.
#include <catch2/catch.hpp>

#include <set>

#include "log_collect.h"

using namespace idt;
using namespace idt::test;

namespace {
using Counts = std::map<std::string, int>;
using Codes = std::map<std::int64_t, int>;

struct Expect {
  const char* file;
  const char* format;
  RecordKind kind;
  std::uint64_t records, rejected;
  Micros first, last;
};

// python: datetime(...) - datetime(1970,1,1) in microseconds.
const Expect kExpect[] = {
    {"signin/disable_accounts.csv", "loganalytics-csv", RecordKind::signin, 4, 0, kNoTime, kNoTime},
    {"signin/sign-in_adelete.csv", "loganalytics-csv", RecordKind::signin, 56, 0, 1619618925221000, 1619623148373000},
    {"signin/graph-docs-beta_signin-list.example1.response.json", "graph-json", RecordKind::signin, 1, 0,
     1625070872000000, 1625070872000000},
    {"signin/graph-docs-v1.0_signin-list.example1.response.json", "graph-json", RecordKind::signin, 0, 1, kNoTime,
     kNoTime},
    {"signin/test-signinlogs-raw.log", "eventhub-json", RecordKind::signin, 5, 0, 1571391948072989, 1571391948072989},
    {"signin/test-signinlogs-sample.log", "eventhub-json", RecordKind::signin, 2, 0, 1643001008681666,
     1643001012244422},
    {"audit/AADAuditEvents.json", "loganalytics-json", RecordKind::audit, 4, 0, 1627910712246000, 1627910965983000},
    {"audit/AuditLogs_Hunting.csv", "loganalytics-csv", RecordKind::audit, 5, 0, kNoTime, kNoTime},
    {"audit/test-auditlogs-result-reason.log", "eventhub-json", RecordKind::audit, 1, 0, 1642875761509187,
     1642875761509187},
    {"audit/graph-docs-v1.0_directoryaudit-list.example1.response.json", "graph-json", RecordKind::audit, 1, 0,
     1515532802721537, 1515532802721537},
    {"audit/graph-docs-v1.0_directoryaudit-list.example2.response.json", "graph-json", RecordKind::audit, 1, 0,
     1735293679579674, 1735293679579674},
};

}  // namespace

TEST_CASE("realdata: format, kind, counts and time range of every sample", "[formats][realdata]") {
  for (const Expect& e : kExpect) {
    INFO(e.file);
    Parsed p = read_path(testdata(e.file));
    CHECK(p.summary.format == e.format);
    CHECK(p.summary.kind == e.kind);
    CHECK(p.summary.records == e.records);
    CHECK(p.summary.rejected == e.rejected);
    CHECK(p.summary.first == e.first);
    CHECK(p.summary.last == e.last);
    CHECK(p.sink.rejections.size() == e.rejected);
    std::size_t produced = e.kind == RecordKind::signin ? p.sink.signins.size() : p.sink.audits.size();
    CHECK(produced == e.records);
    // Asking for the right kind changes nothing; asking for the wrong one is a clear error.
    Parsed same = read_path(testdata(e.file), e.kind);
    CHECK(same.summary.records == e.records);
    RecordKind other = e.kind == RecordKind::signin ? RecordKind::audit : RecordKind::signin;
    Parsed wrong = read_path(testdata(e.file), other);
    CHECK(wrong.summary.records == 0);
    REQUIRE(wrong.summary.fatal);
    CHECK(contains(*wrong.summary.fatal, std::string("not ") + std::string(record_kind_name(other))));
  }
}

TEST_CASE("realdata: every sample file is covered by the table above", "[formats][realdata]") {
  std::set<std::string> listed;
  for (const Expect& e : kExpect) listed.insert(e.file);
  // SOURCES.md lists every sample; each listed line must be in the table.
  for (const char* dir : {"signin", "audit"}) {
    std::string sources = slurp(testdata(std::string(dir) + "/SOURCES.md"));
    std::size_t n = 0;
    for (std::size_t p = 0; (p = sources.find("\n- " + std::string(dir) + "/", p)) != std::string::npos; ++p) {
      std::size_t b = p + 3, e = sources.find(' ', b);
      std::string file = sources.substr(b, e - b);
      CHECK(listed.count(file) == 1);
      ++n;
    }
    CHECK(n == (std::string(dir) == "signin" ? 6u : 5u));
  }
}

TEST_CASE("realdata: disable_accounts.csv (Log Analytics CSV, no time column)", "[formats][realdata]") {
  Parsed p = read_path(testdata("signin/disable_accounts.csv"));
  REQUIRE(p.sink.signins.size() == 4);
  CHECK(p.sink.signin_classes(true) == Counts{{"auth_failure/disabled", 4}});
  CHECK(p.sink.codes() == Codes{{50057, 4}});
  const OwnedSignIn& r = p.sink.signins[0];
  CHECK(r.upn == "johns@m365x816222.onmicrosoft.com");
  CHECK(r.user_display == "JohnS");
  CHECK(r.user_id == "14dc6e86-42b9-4f0a-8da0-8b5bdc62e336");
  CHECK(r.app_name == "Azure Portal");
  CHECK(r.app_id == "c44b4083-3bb0-49c1-b47d-974e53cbdf3c");
  CHECK(r.resource_name == "Windows Azure Service Management API");
  CHECK(r.resource_id == "797f4846-ba00-4fd7-ba43-dac1f8f63013");
  CHECK(r.ip == "175.45.176.99");
  CHECK(r.city == "Pyongyang");
  CHECK(r.state == "North Korea");
  CHECK(r.country == "KP");
  CHECK(r.browser == "Edge 90.0.818");
  CHECK(r.os == "Windows 10");
  CHECK(r.client_app == "Browser");
  CHECK(r.correlation_id == "d655a0b1-dcd7-4fea-af0c-c8d5c82a7917");
  CHECK(r.id == "698711b3-cf4e-45f4-ae04-d4e340f06b00");
  CHECK(r.request_id == "698711b3-cf4e-45f4-ae04-d4e340f06b00");
  CHECK(r.category == "SignInLogs");
  CHECK(r.interactive == Tri::yes);
  CHECK(r.failure_reason == "User account is disabled. The account has been disabled by an administrator.");
  CHECK(r.ca_status == "notApplied");
  CHECK(r.ca_policies.empty());
  CHECK(r.auth_requirement == "singleFactorAuthentication");
  REQUIRE(r.steps.size() == 1);  // pretty-printed JSON with CRLF inside a quoted CSV cell
  CHECK(r.steps[0].method == "Password");
  CHECK(r.steps[0].succeeded == Tri::no);
  CHECK(r.steps[0].requirement == "Primary authentication");
  CHECK(r.steps[0].detail == "User account is disabled. The account has been disabled by an administrator.");
  CHECK(r.time == kNoTime);
  CHECK(r.pos.line == 2);
}

TEST_CASE("realdata: sign-in_adelete.csv (Log Analytics CSV with _dynamic/_string pairs)", "[formats][realdata]") {
  Parsed p = read_path(testdata("signin/sign-in_adelete.csv"));
  REQUIRE(p.sink.signins.size() == 56);
  CHECK(p.sink.codes() == Codes{{0, 53}, {16000, 2}, {50058, 1}});
  CHECK(p.sink.signin_classes() == Counts{{"success", 53}, {"interrupt", 3}});
  for (const auto& r : p.sink.signins) {
    CHECK(r.upn == "adelev@m365x816222.onmicrosoft.com");
    CHECK(r.interactive == Tri::yes);
    CHECK(r.time != kNoTime);
  }
  // 51 rows carry one CA policy in ConditionalAccessPolicies_dynamic, 5 none.
  int with_policy = 0;
  for (const auto& r : p.sink.signins) with_policy += r.ca_policies.size() == 1;
  CHECK(with_policy == 51);

  const OwnedSignIn& r = p.sink.signins[0];
  CHECK(r.time == 1619618925221000);  // "4/28/2021, 2:08:45.221 PM"
  CHECK(r.app_name == "Azure Portal");
  CHECK(r.app_id == "c44b4083-3bb0-49c1-b47d-974e53cbdf3c");
  CHECK(r.ip == "175.45.176.99");
  CHECK(r.city == "Azor");
  CHECK(r.state == "Tel Aviv");
  CHECK(r.country == "IL");
  CHECK(r.correlation_id == "f9ff9ee8-d565-478b-bc95-8b4f0d468fe1");
  CHECK(r.id == "cfb68155-70f5-4e28-b046-0a3a7086c401");
  CHECK(r.category == "SignInLogs");
  CHECK(r.resource_id == "797f4846-ba00-4fd7-ba43-dac1f8f63013");  // not the /tenants/… ResourceId
  REQUIRE(r.ca_policies.size() == 1);
  CHECK(r.ca_policies[0].first == "Exchange Online Requires Compliant Device");
  CHECK(r.ca_policies[0].second == "notEnabled");
  REQUIRE(r.steps.size() == 1);
  CHECK(r.steps[0].method == "Previously satisfied");
  CHECK(r.steps[0].succeeded == Tri::yes);
  CHECK(r.steps[0].detail == "First factor requirement satisfied by claim in the token");
  CHECK(r.has_error_code);
  CHECK(r.error_code == 0);

  // The single 50058 row (python: "4/28/2021, 2:29:16.617 PM").
  auto it = std::find_if(p.sink.signins.begin(), p.sink.signins.end(),
                         [](const OwnedSignIn& s) { return s.error_code == 50058; });
  REQUIRE(it != p.sink.signins.end());
  CHECK(it->app_name == "Microsoft Teams Web Client");
  CHECK(it->app_id == "5e3ce6c0-2b1f-4285-8d4b-75ee78787346");
  CHECK(it->cls == "interrupt");
  CHECK(contains(it->failure_reason, "silent sign in"));
  CHECK(format_rfc3339(it->time, true) == "2021-04-28T14:29:16.617Z");
}

TEST_CASE("realdata: Graph beta signIns (duplicate keys, an escaped no-break space)", "[formats][realdata]") {
  Parsed p = read_path(testdata("signin/graph-docs-beta_signin-list.example1.response.json"));
  REQUIRE(p.sink.signins.size() == 1);
  const OwnedSignIn& r = p.sink.signins[0];
  CHECK(r.cls == "auth_failure");
  CHECK(r.reason == "bad_password");
  CHECK(r.error_code == 50126);
  CHECK(r.upn == "testaccount1@contoso.com");
  CHECK(r.user_id == "26be570a-1111-5555-b4e2-a37c6808512d");
  CHECK(r.app_name == "Azure Portal");
  CHECK(r.app_id == "c44b4083-3bb0-49c1-b47d-974e53cbdf3c");
  CHECK(r.ip == "131.107.159.37");
  CHECK(r.city == "Redmond");
  CHECK(r.state == "Washington");
  CHECK(r.country == "US");
  CHECK(r.correlation_id == "5d295068-919b-4017-85d8-44be2f5f5483");
  CHECK(r.request_id == "7dccb0d7-1041-4d82-b785-d865272e1400");
  CHECK(r.id == "1691d37b-8579-43a7-966a-0f35583c1300");
  CHECK(r.interactive == Tri::yes);
  CHECK(r.category == "interactiveUser");  // from signInEventTypes
  CHECK(r.ca_status == "notApplied");
  CHECK(r.ca_policies.empty());
  CHECK(r.failure_reason == "Error validating credentials due to invalid username or password.");
  CHECK(contains(r.additional_details, "credentials. \xC2\xA0It's expected"));  // \u00a0 decoded
  REQUIRE(r.steps.size() == 1);
  CHECK(r.steps[0].method == "Password");
  CHECK(r.steps[0].succeeded == Tri::no);
  CHECK(r.steps[0].detail == "Invalid username or password or Invalid on-premise username or password.");
  CHECK(r.browser == "Edge 91.0.864");
  CHECK(r.resource_id == "797f4846-ba00-4fd7-ba43-dac1f8f63013");
  CHECK(r.pos.line == 4);
}

TEST_CASE("realdata: Graph v1.0 example with a trailing comma is a clear fatal error", "[formats][realdata]") {
  Parsed p = read_path(testdata("signin/graph-docs-v1.0_signin-list.example1.response.json"));
  CHECK(p.summary.records == 0);
  CHECK(p.summary.rejected == 1);
  REQUIRE(p.summary.fatal);
  CHECK(contains(*p.summary.fatal, "line 63"));
  CHECK(contains(*p.summary.fatal, "trailing comma"));
  REQUIRE(p.sink.rejections.size() == 1);
  CHECK(p.sink.rejections[0].pos.line == 5);  // the record starts on line 5
  CHECK(contains(p.sink.rejections[0].message, "line 63, column 18"));
}

TEST_CASE("realdata: Event Hub raw log, one record per sign-in category", "[formats][realdata]") {
  Parsed p = read_path(testdata("signin/test-signinlogs-raw.log"));
  REQUIRE(p.sink.signins.size() == 5);
  const char* cats[] = {"SignInLogs", "NonInteractiveUserSignInLogs", "ServicePrincipalSignInLogs",
                        "MicrosoftServicePrincipalSignInLogs", "ManagedIdentitySignInLogs"};
  for (std::size_t i = 0; i < 5; ++i) {
    const OwnedSignIn& r = p.sink.signins[i];
    CHECK(r.category == cats[i]);
    CHECK(r.pos.line == i + 1);
    // createdDateTime 04:45:48.0729893-05:00 (the envelope "time" says the same in Z)
    CHECK(r.time == 1571391948072989);
    CHECK(format_rfc3339(r.time) == "2019-10-18T09:45:48Z");
    CHECK(r.error_code == 50140);
    CHECK(r.cls == "interrupt");
    CHECK(r.reason == "kmsi_interrupt");
    CHECK(r.interactive == Tri::no);  // properties.isInteractive is false in every record
    CHECK(r.ip == "81.2.69.144");
    CHECK(r.city == "Champs-Sur-Marne");
    CHECK(r.state == "Seine-Et-Marne");
    CHECK(r.country == "FR");
    CHECK(r.app_name == "Office 365");
    CHECK(r.browser == "Chrome 77.0.3865");
    CHECK(r.os == "MacOs");
    CHECK(r.failure_reason == "This error occurred due to 'Keep me signed in' interrupt when the user was signing-in.");
    CHECK(r.additional_details == (i == 0 ? "" : "MFA required"));
  }
  CHECK(p.sink.signins[0].upn == "test@elastic.co");
  CHECK(p.sink.signins[0].correlation_id == "8a4de8b5-095c-47d0-a96f-a75130c61d53");
  CHECK(p.sink.signins[1].upn == "c3813493-bf92-5123-2717-8a8b2979c38b");
  // The envelope's correlationId differs; the signIn's own (in properties) wins.
  CHECK(p.sink.signins[1].correlation_id == "8a4de8b5-095c-47d0-a96f-a75130c61d53");
}

TEST_CASE("realdata: Event Hub sample log (success, Previously satisfied)", "[formats][realdata]") {
  Parsed p = read_path(testdata("signin/test-signinlogs-sample.log"));
  REQUIRE(p.sink.signins.size() == 2);
  CHECK(p.sink.signin_classes(true) == Counts{{"success/success", 2}});
  const OwnedSignIn& r = p.sink.signins[1];
  CHECK(r.time == 1643001012244422);
  CHECK(r.upn == "mpliftrelastic20210901@outlook.com");
  CHECK(r.app_name == "Azure Portal");
  CHECK(r.ip == "1.128.3.4");
  CHECK(r.city == "Nizampet");
  CHECK(r.country == "IN");
  CHECK(r.correlation_id == "7532b99a-06da-4c23-91e5-0f062bc0dcb3");
  CHECK(r.id == "933f20c0-efdf-477f-9586-e5cc676f2e00");
  CHECK(r.interactive == Tri::yes);
  CHECK(r.category == "SignInLogs");
  CHECK(r.auth_requirement == "singleFactorAuthentication");
  CHECK(r.mfa_method.empty());  // mfaDetail is {}
  REQUIRE(r.steps.size() == 1);
  CHECK(r.steps[0].method == "Previously satisfied");
  CHECK(r.steps[0].succeeded == Tri::yes);
  CHECK(r.user_agent.rfind("Mozilla/5.0 (Windows NT 10.0; Win64; x64)", 0) == 0);
}

TEST_CASE("realdata: AADAuditEvents.json (Log Analytics JSON lines, JSON-in-a-string)", "[formats][realdata]") {
  Parsed p = read_path(testdata("audit/AADAuditEvents.json"));
  REQUIRE(p.sink.audits.size() == 4);
  CHECK(p.sink.audit_classes() == Counts{{"other", 4}});
  const OwnedAudit& a = p.sink.audits[0];
  CHECK(a.activity == "Update application \xE2\x80\x93 Certificates and secrets management");  // trimmed
  CHECK(a.service == "Core Directory");
  CHECK(a.category == "ApplicationManagement");
  CHECK(a.result == "success");
  CHECK(a.result_reason.empty());
  CHECK(a.operation_type == "Update");
  CHECK(a.correlation_id == "10065ffb-8199-48bc-8ff5-912cb5b8295a");
  CHECK(a.initiator_upn == "pgustavo@simulandlabs.com");
  CHECK(a.initiator_id == "aead923d-498b-4f64-a66c-2af91447a8b6");
  CHECK(a.time == 1627910965983000);
  REQUIRE(a.targets.size() == 1);
  CHECK(a.targets[0].display_name == "SimuLandApp");
  CHECK(a.targets[0].type == "Application");
  CHECK(a.targets[0].id == "11b49e19-2326-4be6-93cb-7f37439bbd81");
  // The hunting-query rows (Type Application / ServicePrincipal) are audit rows too.
  CHECK(p.sink.audits[2].activity == "Update application");
  CHECK(p.sink.audits[3].activity == "Add delegated permission grant");
  CHECK(p.sink.audits[3].operation_type == "Assign");
  REQUIRE(p.sink.audits[3].targets.size() == 2);
  CHECK(p.sink.audits[3].targets[0].display_name == "Microsoft Graph");
  CHECK(p.sink.audits[3].targets[0].type == "ServicePrincipal");
  CHECK(p.sink.audits[3].targets[1].display_name.empty());  // null in the data
  CHECK(p.sink.audits[3].targets[1].type == "ServicePrincipal");
}

TEST_CASE("realdata: AuditLogs_Hunting.csv (Log Analytics CSV, JSON cells)", "[formats][realdata]") {
  Parsed p = read_path(testdata("audit/AuditLogs_Hunting.csv"));
  REQUIRE(p.sink.audits.size() == 5);
  CHECK(p.sink.audit_classes() == Counts{{"other", 5}});
  const char* ips[] = {"45.153.160.2", "192.168.5.8", "185.20.35.69", "33.88.24.12", "172.19.53.7"};
  const char* apps[] = {"purview-spn-user099", "EntApp01", "EntApp02", "EntApp03", "EntApp04"};
  for (std::size_t i = 0; i < 5; ++i) {
    const OwnedAudit& a = p.sink.audits[i];
    CHECK(a.activity == "Update application \xE2\x80\x93 Certificates and secrets management");
    CHECK(a.service == "Core Directory");
    CHECK(a.result == "success");
    CHECK(a.category == "ApplicationManagement");
    CHECK(a.initiator_ip == ips[i]);  // from InitiatedBy (InitiatingIpAddress is empty)
    REQUIRE(a.targets.size() == 1);
    CHECK(a.targets[0].display_name == apps[i]);
    CHECK(a.targets[0].type == "Application");
  }
  const OwnedAudit& a = p.sink.audits[0];
  CHECK(a.correlation_id == "9cee9603-bca7-4e62-9634-f1bfdc39ca2f");
  CHECK(a.id == "Directory_9cee9603-bca7-4e62-9634-f1bfdc39ca2f_1261B_35670955");
  CHECK(a.initiator_upn == "victim@buildseccxpninja.onmicrosoft.com");
  CHECK(a.initiator_id == "34070915-82ff-492a-801f-e90484e79248");
  CHECK(a.targets[0].id == "020c2630-81fb-5678-9a9c-ce9984a45458");  // TargetResources, "" + \" escaped
  CHECK(p.sink.audits[1].initiator_upn == "VadimJ@buildseccxpninja.onmicrosoft.com");
}

TEST_CASE("realdata: Event Hub AuditLogs record with a failure reason", "[formats][realdata]") {
  Parsed p = read_path(testdata("audit/test-auditlogs-result-reason.log"));
  REQUIRE(p.sink.audits.size() == 1);
  const OwnedAudit& a = p.sink.audits[0];
  CHECK(a.activity == "Add member to role");
  CHECK(a.service == "Core Directory");
  CHECK(a.category == "ApplicationManagement");  // properties.category, not the log name
  CHECK(a.result == "failure");
  CHECK(a.result_reason == "The directory object quota limit for the tenant has been exceeded.");
  CHECK(a.initiator_name == "Managed Service Identity");
  CHECK(a.initiator_id == "b9814691-9ca1-4e55-a1ac-8ef5dd010ec0");
  CHECK(a.operation_type == "Assign");
  CHECK(a.id == "Directory_3d6f1a4c-92be-4b17-8e5d-7c0a4f2b9e13_KLQ7R_188214903");
  REQUIRE(a.targets.size() == 1);
  CHECK(a.targets[0].display_name == "billing-test-wus");
  CHECK(a.targets[0].type == "ServicePrincipal");
  CHECK(a.targets[0].id == "a7d5dcbe-0627-4ddf-a2f4-86b6785bcc42");
  CHECK(a.cls == "other");
}

TEST_CASE("realdata: Graph directoryAudits examples", "[formats][realdata]") {
  Parsed p1 = read_path(testdata("audit/graph-docs-v1.0_directoryaudit-list.example1.response.json"));
  REQUIRE(p1.sink.audits.size() == 1);
  const OwnedAudit& a = p1.sink.audits[0];
  CHECK(a.activity == "Add member to group");
  CHECK(a.service == "Core Directory");
  CHECK(a.category == "UserManagement");
  CHECK(a.result == "success");
  CHECK(a.result_reason == "Successfully added member to group");
  CHECK(a.correlation_id == "da159bfb-54fa-4092-8a38-6e1fa7870e30");
  CHECK(a.initiator_upn == "bob@wingtiptoysonline.com");
  CHECK(a.initiator_name == "Audry Oliver");
  CHECK(a.initiator_id == "728309ae-1a37-4937-9afe-e35d964db09b");
  CHECK(a.initiator_ip == "127.0.0.1");
  REQUIRE(a.targets.size() == 2);
  CHECK(a.targets[0].display_name == "Example.com");
  CHECK(a.targets[0].type == "Group");  // "Type" with a capital T in the docs example
  CHECK(a.targets[1].type == "User");
  CHECK(a.targets[1].upn == "bob@contoso.com");
  CHECK(a.targets[1].display_name.empty());

  Parsed p2 = read_path(testdata("audit/graph-docs-v1.0_directoryaudit-list.example2.response.json"));
  REQUIRE(p2.sink.audits.size() == 1);
  const OwnedAudit& b = p2.sink.audits[0];
  CHECK(b.activity == "GroupLifecyclePolicies_Get");
  CHECK(b.service == "Self-service Group Management");
  CHECK(b.result_reason == "OK");
  CHECK(b.operation_type == "Update");
  CHECK(b.initiator_upn.empty());
  CHECK(b.initiator_ip == "10.0.0.0");
  REQUIRE(b.targets.size() == 1);
  CHECK(b.targets[0].type == "N/A");
  CHECK(b.cls == "other");
}
