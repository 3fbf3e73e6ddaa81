// Why: real Event Hub consumers and diagnostic pipelines write minimal
// records (a category and a time, properties sparse or absent, PascalCase
// keys, numbers as strings), and service-principal / managed-identity
// sign-ins have no user. They must be read as records (class unknown when
// there is no code), never refuse the file, and name the service principal
// as the actor. The shapes below follow Elastic's azure.signinlogs test
// inputs (Elastic License 2.0: shapes only, written afresh here).
#include <catch2/catch.hpp>

#include "log_collect.h"
#include "render/record_fields.h"

using namespace idt;
using namespace idt::test;

TEST_CASE("minimal Event Hub sign-in records are records, not a refused file", "[formats][sparse]") {
  const std::string text =
      R"({"time": "1/9/2007 9:41:00 AM", "category": "SignInLogs"})"
      "\n"
      R"({"Category":"ServicePrincipalSignInLogs","CorrelationId":"9b1c5e2a-0000-4000-8000-000000000001","CreatedDateTime":"2025-07-01T10:45:17.5824212Z","DurationMs":0,"OperationName":"Sign-in activity","TenantId":"00000000-0000-4000-8000-00000000000a"})"
      "\n"
      R"({"time":"2025-11-14T01:48:53Z","category":"NonInteractiveUserSignInLogs","resultType":"0","durationMs":"0","level":"Informational","properties":{"id":"s1","userPrincipalName":"a@contoso.com","appId":"app-1","status":{"errorCode":0}}})"
      "\n";
  Parsed p = read_text(text);
  CHECK(p.summary.format == "eventhub-json");
  CHECK(p.summary.kind == RecordKind::signin);
  CHECK_FALSE(p.summary.fatal);
  CHECK(p.summary.rejected == 0);
  REQUIRE(p.sink.signins.size() == 3);
  CHECK(p.sink.signins[0].time == 1168335660 * kMicrosPerSecond);
  CHECK(p.sink.signins[0].cls == "unknown");
  CHECK(p.sink.signins[0].category == "SignInLogs");
  CHECK(p.sink.signins[1].category == "ServicePrincipalSignInLogs");
  CHECK(p.sink.signins[1].correlation_id == "9b1c5e2a-0000-4000-8000-000000000001");
  CHECK(p.sink.signins[1].interactive == Tri::no);
  CHECK(p.sink.signins[1].cls == "unknown");
  CHECK(p.sink.signins[2].cls == "success");
  // Only the sparse shapes, with no "properties" anywhere: still sign-ins.
  Parsed only = read_text(text.substr(0, text.rfind("{\"time\":\"2025-11-14")));
  CHECK(only.summary.format == "eventhub-json");
  CHECK(only.summary.records == 2);
}

TEST_CASE("service-principal and managed-identity sign-ins name the service principal", "[formats][sparse]") {
  const std::string text =
      R"({"time":"2022-02-08T06:22:28.3518405Z","category":"ServicePrincipalSignInLogs","resultType":"7000215","callerIpAddress":"198.51.100.7","properties":{"id":"sp-1","createdDateTime":"2022-02-08T06:22:28.3518405+00:00","userId":null,"appId":"6131d760-0000-4000-8000-000000000002","ipAddress":"198.51.100.7","status":{"errorCode":7000215},"isInteractive":false,"resourceDisplayName":"Windows Azure Service Management API","servicePrincipalName":"Deploy-Pipeline","servicePrincipalId":"b029d485-0000-4000-8000-000000000003"}})"
      "\n"
      R"({"time":"2022-01-24T04:59:49.2279838Z","category":"ManagedIdentitySignInLogs","resultType":"0","properties":{"id":"mi-1","createdDateTime":"2022-01-24T04:59:49.2279838+00:00","userId":"","appId":"b3b975ac-0000-4000-8000-000000000004","ipAddress":"","status":{"errorCode":0},"location":{"city":"","state":"","countryOrRegion":"","geoCoordinates":{"latitude":0.0,"longitude":0.0}},"servicePrincipalName":"vm-backup-identity","servicePrincipalId":"9d370547-0000-4000-8000-000000000005"}})"
      "\n";
  Parsed p = read_text(text);
  REQUIRE(p.sink.signins.size() == 2);
  const auto& sp = p.sink.signins[0];
  CHECK(sp.upn.empty());
  CHECK(sp.app_name == "Deploy-Pipeline");  // no appDisplayName: the app is the service principal
  CHECK(sp.cls == "auth_failure");
  CHECK(sp.reason == "bad_client_secret");
  CHECK(p.sink.signins[1].cls == "success");
  // Every output's user column and the field list name the service principal.
  Input in = Input::from_string(text, "<sp>");
  struct Actors final : RecordSink {
    std::vector<std::string> user, sp, sp_id;
    void on_signin(const SignIn& r, const SourcePos&) override {
      RecordRow row;
      row.signin = &r;
      auto get = [&](const char* name) {
        std::string o;
        find_record_field(name)->get(row, o);
        return o;
      };
      user.push_back(get("user"));
      sp.push_back(get("service_principal"));
      sp_id.push_back(get("service_principal_id"));
    }
  } actors;
  read_input(in, {}, actors);
  CHECK(actors.user == std::vector<std::string>{"Deploy-Pipeline", "vm-backup-identity"});
  CHECK(actors.sp == std::vector<std::string>{"Deploy-Pipeline", "vm-backup-identity"});
  CHECK(actors.sp_id ==
        std::vector<std::string>{"b029d485-0000-4000-8000-000000000003", "9d370547-0000-4000-8000-000000000005"});
}
