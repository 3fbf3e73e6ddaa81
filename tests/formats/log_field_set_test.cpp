// Why: `stats` and `detect` read only the fields they count and classify
// (counting_log_fields); a field wrongly left out would silently change a
// class or a count. Every real sample and every synth shape must give the
// same records, classes and counted fields either way, and the skipped
// details must really be empty.
#include <catch2/catch.hpp>

#include "formats/log_fields.h"
#include "log_collect.h"
#include "synth/synth.h"

using namespace idt;
using namespace idt::test;

namespace {

void require_same_counts(std::string_view name, const Parsed& all, const Parsed& few) {
  INFO(name);
  REQUIRE(few.summary.records == all.summary.records);
  CHECK(few.summary.rejected == all.summary.rejected);
  CHECK(few.summary.first == all.summary.first);
  CHECK(few.summary.last == all.summary.last);
  CHECK(few.summary.fatal == all.summary.fatal);
  REQUIRE(few.sink.signins.size() == all.sink.signins.size());
  for (std::size_t i = 0; i < all.sink.signins.size(); ++i) {
    const OwnedSignIn& a = all.sink.signins[i];
    const OwnedSignIn& b = few.sink.signins[i];
    CHECK(b.cls == a.cls);
    CHECK(b.reason == a.reason);
    CHECK(b.time == a.time);
    CHECK(b.error_code == a.error_code);
    CHECK(b.app_name == a.app_name);
    CHECK(b.app_id == a.app_id);
    CHECK(b.upn == a.upn);
    CHECK(b.user_id == a.user_id);
    CHECK(b.category == a.category);
    // Skipped details are left empty.
    CHECK(b.city.empty());
    CHECK(b.user_agent.empty());
    CHECK(b.ca_policies.empty());
    CHECK(b.ip.empty());
  }
  REQUIRE(few.sink.audits.size() == all.sink.audits.size());
  for (std::size_t i = 0; i < all.sink.audits.size(); ++i) {
    CHECK(few.sink.audits[i].cls == all.sink.audits[i].cls);
    CHECK(few.sink.audits[i].activity == all.sink.audits[i].activity);
    CHECK(few.sink.audits[i].service == all.sink.audits[i].service);
    CHECK(few.sink.audits[i].result == all.sink.audits[i].result);
  }
}

}  // namespace

TEST_CASE("log field sets: counting fields classify every real sample the same", "[formats][fields]") {
  ParseOptions few;
  few.log_fields = counting_log_fields();
  CHECK(few.log_fields.count() < all_log_fields().count());
  std::size_t with_details = 0;
  for (const char* f :
       {"signin/sign-in_adelete.csv", "signin/disable_accounts.csv", "signin/test-signinlogs-raw.log",
        "signin/test-signinlogs-sample.log", "signin/graph-docs-beta_signin-list.example1.response.json",
        "signin/graph-docs-v1.0_signin-list.example1.response.json", "audit/AADAuditEvents.json",
        "audit/AuditLogs_Hunting.csv", "audit/test-auditlogs-result-reason.log",
        "audit/graph-docs-v1.0_directoryaudit-list.example1.response.json",
        "audit/graph-docs-v1.0_directoryaudit-list.example2.response.json"}) {
    Parsed all = read_path(testdata(f));
    for (const auto& s : all.sink.signins) with_details += !s.city.empty() || !s.ip.empty();
    require_same_counts(f, all, read_path(testdata(f), std::nullopt, few));
  }
  CHECK(with_details > 0);  // the full read does fill what the counting read skips
}

TEST_CASE("log field sets: counting fields classify every synth scenario the same", "[formats][fields]") {
  ParseOptions few;
  few.log_fields = counting_log_fields();
  for (const char* scenario : {"portal_outage", "mfa_fatigue", "registration_blocked"}) {
    for (auto shape : {synth::SigninShape::eventhub, synth::SigninShape::graph}) {
      synth::SynthOptions o;
      o.scenario = scenario;
      o.users = 60;
      o.signin_shape = shape;
      auto out = synth::generate(o);
      REQUIRE(out.ok());
      for (const auto& file : out->files) {
        if (file.kind != "signin" && file.kind != "audit") continue;
        Parsed all = read_text(file.content);
        REQUIRE(all.summary.records > 0);
        require_same_counts(std::string(scenario) + "/" + file.name, all, read_text(file.content, std::nullopt, few));
      }
    }
  }
}
