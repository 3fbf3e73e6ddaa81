// Why: the JSON sign-in/audit shapes that are not in realdata (bare and
// concatenated Graph arrays, BOM, duplicate keys, {"records":[…]} blobs,
// Log Analytics JSON-in-a-string and _dynamic/_string pairs) are built here
// from the real samples and must read to the same records.
#include <catch2/catch.hpp>

#include "formats/log_json.h"
#include "log_collect.h"

using namespace idt;
using namespace idt::test;

namespace {

std::string beta() { return slurp(testdata("signin/graph-docs-beta_signin-list.example1.response.json")); }

// The records inside {"value":[ … ]} (without the brackets).
std::string value_inner(const std::string& doc) {
  std::size_t v = doc.find("\"value\"");
  REQUIRE(v != std::string::npos);
  std::size_t b = doc.find('[', v);
  std::size_t e = doc.rfind(']');
  REQUIRE(b < e);
  return doc.substr(b + 1, e - b - 1);
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) s.replace(p, from.size(), to);
  return s;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t b = 0;
  while (b < text.size()) {
    std::size_t e = text.find('\n', b);
    if (e == std::string::npos) e = text.size();
    if (e > b) out.push_back(text.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("graph: bare array of the beta record", "[formats][graph]") {
  Parsed p = read_text("[" + value_inner(beta()) + "]");
  CHECK(p.summary.format == "graph-json");
  CHECK(p.summary.kind == RecordKind::signin);
  CHECK(p.summary.records == 1);
  CHECK_FALSE(p.summary.fatal);
  REQUIRE(p.sink.signins.size() == 1);
  CHECK(p.sink.signins[0].upn == "testaccount1@contoso.com");
  CHECK(p.sink.signins[0].error_code == 50126);
}

TEST_CASE("graph: concatenated arrays (paged dump) and concatenated wrappers", "[formats][graph]") {
  std::string rec = value_inner(beta());
  std::string locked = replace_all(replace_all(rec, "50126", "50053"), "testaccount1@contoso.com", "other@contoso.com");
  std::string text = "[" + rec + "]\n[" + locked + "," + rec + "]\n";
  Parsed p = read_text(text);
  CHECK(p.summary.format == "graph-json");
  CHECK(p.summary.records == 3);
  CHECK(p.summary.rejected == 0);
  REQUIRE(p.sink.signins.size() == 3);
  CHECK(p.sink.signin_classes(true) ==
        std::map<std::string, int>{{"auth_failure/bad_password", 2}, {"auth_failure/locked", 1}});
  CHECK(p.sink.signins[1].upn == "other@contoso.com");
  // Two saved pages of the full wrapper, back to back.
  Parsed w = read_text(beta() + beta());
  CHECK(w.summary.records == 2);
  CHECK_FALSE(w.summary.fatal);
}

TEST_CASE("graph: UTF-8 BOM before the JSON", "[formats][graph]") {
  Parsed p = read_text("\xEF\xBB\xBF" + beta());
  CHECK(p.summary.format == "graph-json");
  CHECK(p.summary.records == 1);
  CHECK(p.summary.first == 1625070872000000);
}

TEST_CASE("graph: duplicate keys, the last value wins", "[formats][graph]") {
  std::string doc = beta();
  // The beta sample already repeats homeTenantId/uniqueTokenIdentifier/isTenantRestricted
  // (read fine above). Repeat fields the record uses, with different values.
  std::string dup = replace_all(doc, "\"userType\":\"member\",",
                                "\"userType\":\"member\",\"userPrincipalName\":\"second@contoso.com\","
                                "\"ipAddress\":\"203.0.113.9\",");
  REQUIRE(dup != doc);
  // A second status object after the first one (at the end of the record).
  std::string dup2 = replace_all(dup, "\"sessionLifetimePolicies\":[]",
                                 "\"sessionLifetimePolicies\":[],"
                                 "\"status\":{\"errorCode\":50053,\"failureReason\":\"Account is locked\"}");
  REQUIRE(dup2 != dup);
  dup = dup2;
  Parsed p = read_text(dup);
  REQUIRE(p.sink.signins.size() == 1);
  const OwnedSignIn& r = p.sink.signins[0];
  CHECK(r.upn == "second@contoso.com");
  CHECK(r.error_code == 50053);
  CHECK(r.failure_reason == "Account is locked");
  CHECK(r.ip == "203.0.113.9");
  CHECK(r.cls == "auth_failure");
  CHECK(r.reason == "locked");
  CHECK(r.city == "Redmond");  // untouched fields keep their value
}

TEST_CASE("graph: MFA detail, CA policies and the security-info portal", "[formats][graph]") {
  // A Graph v1.0 record shaped like the docs example (trailing comma fixed),
  // on My Signins, denied MFA and a failed CA policy.
  std::string v1 = slurp(testdata("signin/graph-docs-v1.0_signin-list.example1.response.json"));
  std::size_t tc = v1.find("},\n              ]");
  REQUIRE(tc != std::string::npos);
  v1.erase(tc + 1, 1);  // drop the trailing comma
  Parsed ok = read_text(v1);
  REQUIRE(ok.sink.signins.size() == 1);
  CHECK_FALSE(ok.summary.fatal);
  const OwnedSignIn& base = ok.sink.signins[0];
  CHECK(base.time == 1584126941619583);  // 2020-03-13T19:15:41.6195833Z
  REQUIRE(base.ca_policies.size() == 2);
  CHECK(base.ca_policies[0].first == "SharePoint limited access for guest workers");
  CHECK(base.ca_policies[1].first == "Medium signin risk block");
  CHECK(base.ca_policies[1].second == "notEnabled");
  CHECK(base.failure_reason.empty());  // null
  CHECK(base.app_name == "Graph explorer");

  std::string mfa = replace_all(v1, "\"status\": {",
                                "\"mfaDetail\": {\"authMethod\": \"Mobile app notification\", "
                                "\"authDetail\": \"MFA denied; user declined the authentication\"},"
                                "\"status\": {");
  REQUIRE(mfa != v1);
  Parsed m = read_text(replace_all(mfa, "\"errorCode\": 0", "\"errorCode\": 500121"));
  REQUIRE(m.sink.signins.size() == 1);
  CHECK(m.sink.signins[0].mfa_method == "Mobile app notification");
  CHECK(m.sink.signins[0].mfa_detail == "MFA denied; user declined the authentication");
  CHECK(m.sink.signins[0].cls == "mfa_failure");
  CHECK(m.sink.signins[0].reason == "mfa_denied");

  std::string portal = replace_all(replace_all(v1, "\"errorCode\": 0", "\"errorCode\": 50000"), base.app_id,
                                   "19db86c3-b2b9-44cc-b339-36da233a3be2");
  Parsed pu = read_text(portal);
  REQUIRE(pu.sink.signins.size() == 1);
  CHECK(pu.sink.signins[0].app_id == "19db86c3-b2b9-44cc-b339-36da233a3be2");
  CHECK(pu.sink.signins[0].cls == "portal_unreachable");
}

TEST_CASE("eventhub: {\"records\":[…]} blob reads like the JSON lines", "[formats][eventhub]") {
  std::vector<std::string> lines = lines_of(slurp(testdata("signin/test-signinlogs-raw.log")));
  REQUIRE(lines.size() == 5);
  std::string blob = "{\"records\": [\n";
  for (std::size_t i = 0; i < lines.size(); ++i) blob += (i ? ",\n" : "") + lines[i];
  blob += "\n]}\n";
  Parsed p = read_text(blob);
  CHECK(p.summary.format == "eventhub-json");
  CHECK(p.summary.kind == RecordKind::signin);
  CHECK(p.summary.records == 5);
  CHECK(p.summary.rejected == 0);
  REQUIRE(p.sink.signins.size() == 5);
  CHECK(p.sink.signins[4].category == "ManagedIdentitySignInLogs");
  CHECK(p.sink.signins[2].pos.line == 4);
  CHECK(p.summary.first == 1571391948072989);
  // Same for the audit record.
  std::string audit = slurp(testdata("audit/test-auditlogs-result-reason.log"));
  Parsed a = read_text("{\"records\":[" + lines_of(audit)[0] + "]}");
  CHECK(a.summary.format == "eventhub-json");
  CHECK(a.summary.kind == RecordKind::audit);
  REQUIRE(a.sink.audits.size() == 1);
  CHECK(a.sink.audits[0].result_reason == "The directory object quota limit for the tenant has been exceeded.");
}

TEST_CASE("eventhub: envelope time used when properties has no createdDateTime", "[formats][eventhub]") {
  std::string line = lines_of(slurp(testdata("signin/test-signinlogs-raw.log")))[0];
  std::string no_created = replace_all(line, "\"createdDateTime\":\"2019-10-18T04:45:48.0729893-05:00\",", "");
  REQUIRE(no_created != line);
  Parsed p = read_text(no_created + "\n");
  REQUIRE(p.sink.signins.size() == 1);
  CHECK(p.sink.signins[0].time == 1571391948072989);  // "time":"2019-10-18T09:45:48.0729893Z"
  // And resultType is the fallback when status has no errorCode.
  std::string no_status = replace_all(line, "\"errorCode\":50140,", "");
  REQUIRE(no_status != line);
  Parsed q = read_text(no_status + "\n");
  REQUIRE(q.sink.signins.size() == 1);
  CHECK(q.sink.signins[0].has_error_code);
  CHECK(q.sink.signins[0].error_code == 50140);
}

TEST_CASE("loganalytics: JSON lines with JSON-in-a-string and _dynamic/_string pairs", "[formats][loganalytics]") {
  // Column names and values as in sign-in_adelete.csv (a SigninLogs export);
  // line 1 has the objects as JSON text in the _dynamic columns, line 2 has
  // them in the _string twins and real objects elsewhere, line 3 only ResultType.
  std::string text =
      R"({"TenantId":"7c759f10-811c-4db8-ad6d-f07d8ae3f8ea","SourceSystem":"Azure AD","TimeGenerated":"2021-04-28T14:09:00Z","ResultType":"0","Category":"SignInLogs","CorrelationId":"f9ff9ee8-d565-478b-bc95-8b4f0d468fe1","AppDisplayName":"Azure Portal","AppId":"c44b4083-3bb0-49c1-b47d-974e53cbdf3c","ConditionalAccessPolicies_dynamic":"[{\"displayName\":\"Exchange Online Requires Compliant Device\",\"result\":\"notEnabled\"}]","ConditionalAccessPolicies_string":"","CreatedDateTime":"2021-04-28T14:08:45.221Z","IsInteractive":true,"IPAddress":"175.45.176.99","LocationDetails_dynamic":"{\"countryOrRegion\":\"IL\",\"state\":\"Tel Aviv\",\"city\":\"Azor\"}","LocationDetails_string":"","MfaDetail_dynamic":"{}","Status_dynamic":"{\"errorCode\":0}","Status_string":"","AuthenticationDetails":"[\r\n  {\r\n    \"authenticationMethod\": \"Previously satisfied\",\r\n    \"succeeded\": true\r\n  }\r\n]","UserPrincipalName":"adelev@m365x816222.onmicrosoft.com","Type":"SigninLogs"})"
      "\n"
      R"({"SourceSystem":"Azure AD","TimeGenerated":"2021-04-28T14:29:16.617Z","ResultType":"500121","ResultDescription":"Authentication failed during strong authentication request.","Category":"SignInLogs","AppDisplayName":"My Signins","AppId":"19db86c3-b2b9-44cc-b339-36da233a3be2","ConditionalAccessPolicies_dynamic":"","ConditionalAccessPolicies_string":"[{\"displayName\":\"Require MFA\",\"result\":\"failure\"},{\"displayName\":\"Block legacy\",\"result\":\"notApplied\"}]","IsInteractive":"TRUE","LocationDetails_dynamic":{"countryOrRegion":"US","state":"Washington","city":"Redmond"},"MfaDetail_dynamic":"","MfaDetail_string":"{\"authMethod\":\"Mobile app notification\",\"authDetail\":\"MFA denied; user did not respond to mobile app notification\"}","Status_dynamic":null,"Status_string":"{\"errorCode\":500121,\"failureReason\":\"Authentication failed during strong authentication request.\"}","UserPrincipalName":"adelev@m365x816222.onmicrosoft.com","Type":"SigninLogs"})"
      "\n"
      R"({"SourceSystem":"Azure AD","TimeGenerated":"2021-04-28T15:00:00Z","ResultType":"50126","ResultDescription":"Invalid username or password","UserPrincipalName":"x@contoso.com","Type":"SigninLogs"})"
      "\n";
  Parsed p = read_text(text);
  CHECK(p.summary.format == "loganalytics-json");
  CHECK(p.summary.kind == RecordKind::signin);
  CHECK(p.summary.records == 3);
  CHECK(p.summary.rejected == 0);
  REQUIRE(p.sink.signins.size() == 3);

  const OwnedSignIn& a = p.sink.signins[0];
  CHECK(a.time == 1619618925221000);  // CreatedDateTime beats TimeGenerated
  CHECK(a.error_code == 0);
  CHECK(a.cls == "success");
  CHECK(a.city == "Azor");
  CHECK(a.country == "IL");
  REQUIRE(a.ca_policies.size() == 1);
  CHECK(a.ca_policies[0].first == "Exchange Online Requires Compliant Device");
  REQUIRE(a.steps.size() == 1);
  CHECK(a.steps[0].method == "Previously satisfied");
  CHECK(a.steps[0].succeeded == Tri::yes);
  CHECK(a.interactive == Tri::yes);
  CHECK(a.category == "SignInLogs");

  const OwnedSignIn& b = p.sink.signins[1];
  CHECK(b.time == 1619620156617000);  // only TimeGenerated
  CHECK(b.error_code == 500121);
  CHECK(b.failure_reason == "Authentication failed during strong authentication request.");
  CHECK(b.city == "Redmond");
  REQUIRE(b.ca_policies.size() == 2);
  CHECK(b.ca_policies[0] == std::make_pair(std::string("Require MFA"), std::string("failure")));
  CHECK(b.ca_policies[1].second == "notApplied");
  CHECK(b.mfa_method == "Mobile app notification");
  CHECK(b.mfa_detail == "MFA denied; user did not respond to mobile app notification");
  CHECK(b.cls == "mfa_failure");
  CHECK(b.reason == "mfa_timeout");
  CHECK(b.interactive == Tri::yes);

  const OwnedSignIn& c = p.sink.signins[2];
  CHECK(c.error_code == 50126);
  CHECK(c.failure_reason == "Invalid username or password");
  CHECK(c.cls == "auth_failure");
}

TEST_CASE("loganalytics: rows exported as one JSON array", "[formats][loganalytics]") {
  std::string rows = slurp(testdata("audit/AADAuditEvents.json"));
  std::vector<std::string> l = lines_of(rows);
  REQUIRE(l.size() == 4);
  Parsed p = read_text("[\n" + l[0] + ",\n" + l[2] + "\n]\n");
  CHECK(p.summary.format == "loganalytics-json");
  CHECK(p.summary.kind == RecordKind::audit);
  CHECK(p.summary.records == 2);
  REQUIRE(p.sink.audits.size() == 2);
  CHECK(p.sink.audits[1].activity == "Update application");
}

TEST_CASE("graph: two exported files concatenated with `cat`, each with a BOM", "[formats][graph]") {
  std::string doc = "\xEF\xBB\xBF" + beta();
  Parsed p = read_text(doc + doc);
  CHECK(p.summary.records == 2);
  CHECK_FALSE(p.summary.fatal);
  std::string raw = slurp(testdata("signin/test-signinlogs-sample.log"));
  Parsed q = read_text("\xEF\xBB\xBF" + raw + "\xEF\xBB\xBF" + raw);
  CHECK(q.summary.format == "eventhub-json");
  CHECK(q.summary.records == 4);
  CHECK(q.summary.rejected == 0);
}

TEST_CASE("loganalytics: an AuditLogs row in a sign-in file is rejected, not miscounted", "[formats][loganalytics]") {
  std::string audit_line = lines_of(slurp(testdata("audit/AADAuditEvents.json")))[0];
  std::string signin_line =
      R"({"SourceSystem":"Azure AD","TimeGenerated":"2021-04-28T15:00:00Z","ResultType":"50126","UserPrincipalName":"x@contoso.com","AppDisplayName":"Azure Portal","Type":"SigninLogs"})";
  Parsed p = read_text(signin_line + "\n" + audit_line + "\n" + signin_line + "\n");
  CHECK(p.summary.kind == RecordKind::signin);
  CHECK(p.summary.records == 2);
  CHECK(p.summary.rejected == 1);
  REQUIRE(p.sink.rejections.size() == 1);
  CHECK(p.sink.rejections[0].pos.line == 2);
  CHECK(contains(p.sink.rejections[0].message, "AuditLogs"));
}

TEST_CASE("find_trailing_comma", "[formats][graph]") {
  CHECK(find_trailing_comma("[1,2,]") == 4);
  CHECK(find_trailing_comma("{\"a\":1 ,\n }") == 7);
  CHECK(find_trailing_comma("{\"a\":\",]\"}") == std::string_view::npos);  // inside a string
  CHECK(find_trailing_comma("{\"a\":\"\\\",]\"}") == std::string_view::npos);
  CHECK(find_trailing_comma("[1,2]") == std::string_view::npos);
}
