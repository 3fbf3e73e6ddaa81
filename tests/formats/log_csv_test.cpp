// Why: CSV exports are read by column NAME; the portal "Download CSV" of
// sign-ins and audit logs (not in realdata) is built here with the headers
// the Entra admin center writes, including its quirks (trailing and doubled
// spaces, duplicate names, reordered and missing columns, BOM, CRLF).
#include <catch2/catch.hpp>

#include "formats/log_csv.h"
#include "log_collect.h"

using namespace idt;
using namespace idt::test;

namespace {

std::string crlf(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// Entra admin center > Sign-in logs > Download > CSV (interactive sign-ins).
// "Username " has a trailing space, "Autonomous system  number" a doubled
// one, and "Incoming token type" appears twice, as in real downloads.
const char* kPortalSignins =
    "Date (UTC),Request ID,User agent,Correlation ID,User ID,User,Username ,User type,Incoming token type,"
    "Application,Application ID,Resource,Resource ID,IP address,Location,Status,Sign-in error code,Failure reason,"
    "Client app,Browser,Operating System,Multifactor authentication result,Multifactor authentication auth method,"
    "Multifactor authentication auth detail,Authentication requirement,Autonomous system  number,Incoming token type,"
    "Conditional Access,Latency\n"
    "2026-06-01T05:48:12Z,6c1d2e3f-0001-4a5b-9c8d-000000000001,\"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\","
    "c0ffee00-0000-4000-8000-000000000001,9b117c67-170e-4aed-9702-658b3fddc889,Adele Vance,AdeleV@contoso.com,Member,"
    "none,My Signins,19db86c3-b2b9-44cc-b339-36da233a3be2,My Signins,19db86c3-b2b9-44cc-b339-36da233a3be2,203.0.113.10,"
    "\"Redmond, Washington, US\",Success,0,,Browser,Edge 125.0.0,Windows10,"
    "MFA requirement satisfied by claim in the token,,,Multifactor authentication,8075,none,Not Applied,120\n"
    "2026-06-01T06:02:40Z,6c1d2e3f-0002-4a5b-9c8d-000000000002,Mozilla/5.0,c0ffee00-0000-4000-8000-000000000002,"
    "9b117c67-170e-4aed-9702-658b3fddc889,Adele Vance,AdeleV@contoso.com,Member,none,My Signins,"
    "19db86c3-b2b9-44cc-b339-36da233a3be2,My Signins,19db86c3-b2b9-44cc-b339-36da233a3be2,203.0.113.10,"
    "\"Redmond, Washington, US\",Failure,50000,\"There was an error issuing a token or an issue with our sign-in "
    "service. \"\"Please retry\"\".\",Browser,Edge 125.0.0,Windows10,,,,Multifactor authentication,8075,none,"
    "Not Applied,30012\n"
    "2026-06-01T06:10:05Z,6c1d2e3f-0003-4a5b-9c8d-000000000003,Mozilla/5.0,c0ffee00-0000-4000-8000-000000000003,"
    "0a1b2c3d-0000-4000-8000-0000000000aa,Joni Sherman,JoniS@contoso.com,Member,none,Office 365 Exchange Online,"
    "00000002-0000-0ff1-ce00-000000000000,Office 365 Exchange Online,00000002-0000-0ff1-ce00-000000000000,"
    "198.51.100.7,\"Lisbon, Lisboa, PT\",Failure,50126,\"Error validating credentials due to invalid username or "
    "password.\nSee the second line.\",Mobile Apps and Desktop clients,,iOS 17,,,,Single-factor authentication,"
    "3303,none,Failure,95\n"
    "2026-06-01T06:11:45Z,6c1d2e3f-0004-4a5b-9c8d-000000000004,Mozilla/5.0,c0ffee00-0000-4000-8000-000000000004,"
    "0a1b2c3d-0000-4000-8000-0000000000aa,Joni Sherman,JoniS@contoso.com,Member,none,Office 365 Exchange Online,"
    "00000002-0000-0ff1-ce00-000000000000,Office 365 Exchange Online,00000002-0000-0ff1-ce00-000000000000,"
    "198.51.100.7,PT,Failure,500121,Authentication failed during strong authentication request.,Browser,,iOS 17,"
    "MFA denied; user declined the authentication,Mobile app notification,MFA denied; user declined the authentication,"
    "Multifactor authentication,3303,none,Success,95\n";

// Entra admin center > Audit logs > Download > CSV.
const char* kPortalAudit =
    "Date (UTC),CorrelationId,Service,Category,Activity,Result,ResultReason,ActorType,ActorDisplayName,ActorObjectId,"
    "ActorUserPrincipalName,IPAddress,ActorServicePrincipalId,ActorServicePrincipalName,Target1Type,Target1DisplayName,"
    "Target1ObjectId,Target1UserPrincipalName,Target1ModifiedProperty1Name,Target1ModifiedProperty1OldValue,"
    "Target1ModifiedProperty1NewValue,Target2Type,Target2DisplayName,Target2ObjectId,Target2UserPrincipalName\n"
    "2026-06-01T05:52:10Z,aa000001-0000-4000-8000-000000000001,Authentication Methods,UserManagement,"
    "User started security info registration,success,User started the registration for Authenticator App with "
    "Notification and Code,User,Adele Vance,9b117c67-170e-4aed-9702-658b3fddc889,AdeleV@contoso.com,203.0.113.10,,,"
    "User,Adele Vance,9b117c67-170e-4aed-9702-658b3fddc889,AdeleV@contoso.com,,,,,,,\n"
    "2026-06-01T05:53:40Z,aa000001-0000-4000-8000-000000000001,Authentication Methods,UserManagement,"
    "User registered security info,success,User registered Authenticator App with Notification and Code,User,"
    "Adele Vance,9b117c67-170e-4aed-9702-658b3fddc889,AdeleV@contoso.com,203.0.113.10,,,User,Adele Vance,"
    "9b117c67-170e-4aed-9702-658b3fddc889,AdeleV@contoso.com,,,,,,,\n"
    "2026-06-01T06:05:00Z,aa000002-0000-4000-8000-000000000002,Authentication Methods,UserManagement,"
    "User cancelled security info registration,success,User cancelled the registration,User,Joni Sherman,"
    "0a1b2c3d-0000-4000-8000-0000000000aa,JoniS@contoso.com,198.51.100.7,,,User,Joni "
    "Sherman,,JoniS@contoso.com,,,,,,,\n"
    "2026-06-01T06:06:00Z,aa000003-0000-4000-8000-000000000003,Authentication Methods,UserManagement,"
    "User registered security info,failure,Gateway Timeout,User,Joni Sherman,0a1b2c3d-0000-4000-8000-0000000000aa,"
    "JoniS@contoso.com,198.51.100.7,,,User,Joni Sherman,,JoniS@contoso.com,,,,,,,\n"
    "2026-06-01T06:20:00Z,aa000004-0000-4000-8000-000000000004,Authentication Methods,UserManagement,"
    "Admin deleted security info,success,Admin deleted Authenticator App,User,Helpdesk Admin,"
    "11111111-0000-4000-8000-000000000001,helpdesk@contoso.com,192.0.2.1,,,User,Joni Sherman,"
    "0a1b2c3d-0000-4000-8000-0000000000aa,JoniS@contoso.com,,,,Other,Authenticator App,,,\n"
    "2026-06-01T06:30:00Z,aa000005-0000-4000-8000-000000000005,Conditional Access,Policy,"
    "Update conditional access policy,success,,User,CA Admin,22222222-0000-4000-8000-000000000002,"
    "caadmin@contoso.com,192.0.2.2,,,Policy,Require MFA for all users,33333333-0000-4000-8000-000000000003,,"
    "ConditionalAccessPolicy,\"{\"\"state\"\":\"\"enabled\"\"}\",\"{\"\"state\"\":\"\"disabled\"\"}\",,,,\n";

}  // namespace

TEST_CASE("portal csv: sign-in download with BOM and CRLF", "[formats][portal]") {
  Parsed p = read_text("\xEF\xBB\xBF" + crlf(kPortalSignins));
  CHECK(p.summary.format == "portal-csv");
  CHECK(p.summary.kind == RecordKind::signin);
  CHECK(p.summary.records == 4);
  CHECK(p.summary.rejected == 0);
  CHECK_FALSE(p.summary.fatal);
  CHECK(p.summary.first == 1780292892000000);  // 2026-06-01T05:48:12Z
  CHECK(p.summary.last == 1780294305000000);   // 2026-06-01T06:11:45Z
  REQUIRE(p.sink.signins.size() == 4);
  CHECK(p.sink.signin_classes(true) == std::map<std::string, int>{{"success/success", 1},
                                                                  {"portal_unreachable/service_error", 1},
                                                                  {"auth_failure/bad_password", 1},
                                                                  {"mfa_failure/mfa_denied", 1}});

  const OwnedSignIn& a = p.sink.signins[0];
  CHECK(a.upn == "AdeleV@contoso.com");  // "Username " (trailing space) mapped
  CHECK(a.user_display == "Adele Vance");
  CHECK(a.user_id == "9b117c67-170e-4aed-9702-658b3fddc889");
  CHECK(a.app_name == "My Signins");
  CHECK(a.app_id == "19db86c3-b2b9-44cc-b339-36da233a3be2");
  CHECK(a.resource_id == "19db86c3-b2b9-44cc-b339-36da233a3be2");
  CHECK(a.ip == "203.0.113.10");
  CHECK(a.city == "Redmond");
  CHECK(a.state == "Washington");
  CHECK(a.country == "US");
  CHECK(a.id == "6c1d2e3f-0001-4a5b-9c8d-000000000001");
  CHECK(a.correlation_id == "c0ffee00-0000-4000-8000-000000000001");
  CHECK(a.user_agent == "Mozilla/5.0 (Windows NT 10.0; Win64; x64)");
  CHECK(a.ca_status == "Not Applied");
  CHECK(a.mfa_detail == "MFA requirement satisfied by claim in the token");
  CHECK(a.auth_requirement == "Multifactor authentication");
  CHECK(a.client_app == "Browser");
  CHECK(a.browser == "Edge 125.0.0");
  CHECK(a.os == "Windows10");
  CHECK(a.error_code == 0);
  CHECK(a.pos.line == 2);

  const OwnedSignIn& b = p.sink.signins[1];
  CHECK(b.error_code == 50000);
  CHECK(b.failure_reason ==
        "There was an error issuing a token or an issue with our sign-in service. \"Please retry\".");

  const OwnedSignIn& c = p.sink.signins[2];
  CHECK(c.city == "Lisbon");
  CHECK(c.state == "Lisboa");
  CHECK(c.country == "PT");
  CHECK(c.failure_reason ==
        "Error validating credentials due to invalid username or password.\r\nSee the second line.");
  CHECK(c.ca_status == "Failure");

  const OwnedSignIn& d = p.sink.signins[3];
  CHECK(d.pos.line == 6);  // the quoted newline in row 3 takes a line
  CHECK(d.country == "PT");
  CHECK(d.city.empty());
  CHECK(d.mfa_method == "Mobile app notification");
  CHECK(d.mfa_detail == "MFA denied; user declined the authentication");
}

TEST_CASE("portal csv: reordered, missing and duplicated columns", "[formats][portal]") {
  // Fewer columns, another order, "Application" twice (second copy empty),
  // "IP address" twice (second copy filled: the later non-empty value wins).
  Parsed p = read_text(
      "Status,Sign-in error code,Application,IP address,Username,Date (UTC),Application,IP address\n"
      "Failure,50053,Azure Portal,203.0.113.1,a@contoso.com,2026-06-01T07:00:00Z,,198.51.100.1\n"
      "Success,0,Azure Portal,203.0.113.2,b@contoso.com,2026-06-01T07:05:00Z,,\n"
      "Failure,53003,Azure Portal\n");  // short row: the missing cells are empty
  CHECK(p.summary.format == "portal-csv");
  REQUIRE(p.sink.signins.size() == 3);
  CHECK(p.sink.signins[0].app_name == "Azure Portal");
  CHECK(p.sink.signins[0].ip == "198.51.100.1");
  CHECK(p.sink.signins[0].cls == "auth_failure");
  CHECK(p.sink.signins[0].reason == "locked");
  CHECK(p.sink.signins[1].ip == "203.0.113.2");
  CHECK(p.sink.signins[1].upn == "b@contoso.com");
  CHECK(p.sink.signins[2].error_code == 53003);
  CHECK(p.sink.signins[2].time == kNoTime);
  CHECK(p.sink.signins[2].reason == "ca_block");
  // The short row is noted.
  bool noted = false;
  for (const auto& n : p.summary.notes) noted |= contains(n, "line 4: 3 fields, header has 8");
  CHECK(noted);
}

TEST_CASE("portal csv: audit download, registration activities and targets", "[formats][portal]") {
  Parsed p = read_text(crlf(kPortalAudit));
  CHECK(p.summary.format == "portal-csv");
  CHECK(p.summary.kind == RecordKind::audit);
  CHECK(p.summary.records == 6);
  CHECK(p.summary.rejected == 0);
  REQUIRE(p.sink.audits.size() == 6);
  const char* classes[] = {"registration_started", "registration_completed", "registration_cancelled",
                           "registration_failed",  "method_deleted",         "ca_policy_change"};
  for (std::size_t i = 0; i < 6; ++i) CHECK(p.sink.audits[i].cls == classes[i]);

  const OwnedAudit& a = p.sink.audits[0];
  CHECK(a.time == 1780293130000000);  // 2026-06-01T05:52:10Z
  CHECK(a.service == "Authentication Methods");
  CHECK(a.category == "UserManagement");
  CHECK(a.activity == "User started security info registration");
  CHECK(a.result == "success");
  CHECK(a.result_reason == "User started the registration for Authenticator App with Notification and Code");
  CHECK(a.correlation_id == "aa000001-0000-4000-8000-000000000001");
  CHECK(a.initiator_name == "Adele Vance");
  CHECK(a.initiator_upn == "AdeleV@contoso.com");
  CHECK(a.initiator_id == "9b117c67-170e-4aed-9702-658b3fddc889");
  CHECK(a.initiator_ip == "203.0.113.10");
  REQUIRE(a.targets.size() == 1);
  CHECK(a.targets[0].type == "User");
  CHECK(a.targets[0].display_name == "Adele Vance");
  CHECK(a.targets[0].id == "9b117c67-170e-4aed-9702-658b3fddc889");
  CHECK(a.targets[0].upn == "AdeleV@contoso.com");

  CHECK(p.sink.audits[3].result == "failure");
  CHECK(p.sink.audits[3].result_reason == "Gateway Timeout");

  const OwnedAudit& del = p.sink.audits[4];
  REQUIRE(del.targets.size() == 2);
  CHECK(del.targets[0].upn == "JoniS@contoso.com");
  CHECK(del.targets[1].type == "Other");
  CHECK(del.targets[1].display_name == "Authenticator App");

  const OwnedAudit& ca = p.sink.audits[5];
  CHECK(ca.service == "Conditional Access");
  REQUIRE(ca.targets.size() == 1);
  CHECK(ca.targets[0].display_name == "Require MFA for all users");
}

TEST_CASE("loganalytics csv: PowerShell #TYPE line, semicolons and --map", "[formats][loganalytics]") {
  std::string text =
      "#TYPE Selected.System.Management.Automation.PSCustomObject\n"
      "TimeGenerated;ResultType;ResultDescription;UserPrincipalName;AppDisplayName;Who\n"
      "2026-06-01T05:50:00Z;50126;Invalid username or password;a@contoso.com;Azure Portal;A. Person\n";
  Parsed p = read_text(text);
  CHECK(p.summary.format == "loganalytics-csv");
  REQUIRE(p.sink.signins.size() == 1);
  CHECK(p.sink.signins[0].time == 1780293000000000);
  CHECK(p.sink.signins[0].cls == "auth_failure");
  CHECK(p.sink.signins[0].upn == "a@contoso.com");
  CHECK(p.sink.signins[0].user_display.empty());
  CHECK(p.sink.signins[0].pos.line == 3);  // file lines: the #TYPE line counts
  CHECK(p.sink.signins[0].pos.offset == text.find("2026-06-01T05:50"));
  ParseOptions o;
  o.column_map = {{"UserDisplayName", "Who"}};
  Parsed m = read_text(text, std::nullopt, o);
  REQUIRE(m.sink.signins.size() == 1);
  CHECK(m.sink.signins[0].user_display == "A. Person");
}

TEST_CASE("loganalytics csv: Windows-1252 export is decoded", "[formats][loganalytics]") {
  std::string text =
      "TimeGenerated,ResultType,UserPrincipalName,AppDisplayName,Location\n"
      "2026-06-01T05:50:00Z,0,jos\xE9@contoso.com,Caf\xE9 App,\"S\xE3o Paulo, SP, BR\"\n";
  Parsed p = read_text(text);
  REQUIRE(p.sink.signins.size() == 1);
  CHECK(p.sink.signins[0].upn == "jos\xC3\xA9@contoso.com");
  CHECK(p.sink.signins[0].city == "S\xC3\xA3o Paulo");
  bool noted = false;
  for (const auto& n : p.summary.notes) noted |= contains(n, "windows-1252");
  CHECK(noted);
}

TEST_CASE("log csv: an unterminated quote ends the file with its line", "[formats][loganalytics]") {
  Parsed p = read_text(
      "TimeGenerated,ResultType,UserPrincipalName,ResultDescription\n"
      "2026-06-01T05:50:00Z,0,a@contoso.com,ok\n"
      "2026-06-01T05:51:00Z,50126,b@contoso.com,\"Invalid username\n"
      "2026-06-01T05:52:00Z,0,c@contoso.com,ok\n");
  CHECK(p.summary.records == 1);
  CHECK(p.summary.rejected == 1);
  REQUIRE(p.summary.fatal);
  CHECK(contains(*p.summary.fatal, "line 3"));
  CHECK(contains(*p.summary.fatal, "unterminated"));
  REQUIRE(p.sink.rejections.size() == 1);
  CHECK(p.sink.rejections[0].pos.line == 3);
}

TEST_CASE("log csv: header only, or a header that is not a log", "[formats][loganalytics]") {
  Parsed h = read_text("TimeGenerated,ResultType,UserPrincipalName,AppDisplayName\r\n");
  CHECK(h.summary.format == "loganalytics-csv");
  CHECK(h.summary.records == 0);
  CHECK_FALSE(h.summary.fatal);
  // A ticket-like CSV is not claimed by the log readers.
  CHECK(loganalytics_csv_format().sniff("Number,Short description,Opened,State\n1,x,y,z\n").score == 0);
  CHECK(portal_csv_format().sniff("Number,Short description,Opened,State\n1,x,y,z\n").score == 0);
}
