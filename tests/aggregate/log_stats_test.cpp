// Why: stats are mergeable aggregates: counting a file in one go or in
// pieces (files, threads) and merging must give the same numbers; expected
// counts for the real sample were computed with Python from the CSV.
#include <catch2/catch.hpp>

#include "../formats/log_collect.h"
#include "aggregate/count_map.h"
#include "aggregate/log_stats.h"

using namespace idt;
using namespace idt::test;

namespace {

// Adds every record, classified, to one of `parts` in turn (round robin).
struct StatsSink final : RecordSink {
  std::vector<SigninStats>* parts;
  std::size_t n_parts, i = 0;
  AuditStats* audit;
  StatsSink(std::vector<SigninStats>* p, AuditStats* a) : parts(p), n_parts(p->size()), audit(a) {}
  void on_signin(const SignIn& r, const SourcePos&) override { (*parts)[i++ % n_parts].add(r, classify_signin(r)); }
  void on_audit(const AuditEvent& e, const SourcePos&) override { audit->add(e, classify_audit(e)); }
};

bool same(const SigninStats& a, const SigninStats& b) {
  return a.total == b.total && a.by_class == b.by_class && a.by_reason.top() == b.by_reason.top() &&
         a.by_code.top() == b.by_code.top() && a.by_app.top() == b.by_app.top() &&
         a.by_user_failures.top() == b.by_user_failures.top() && a.by_hour == b.by_hour;
}

constexpr Micros kHour = 3600 * kMicrosPerSecond;

}  // namespace

TEST_CASE("CountMap: add, get, merge, deterministic top", "[aggregate]") {
  CountMap m;
  m.add("b");
  m.add("a", 3);
  m.add("c", 3);
  m.add("b");
  CHECK(m.get("a") == 3);
  CHECK(m.get("b") == 2);
  CHECK(m.get("zzz") == 0);
  CHECK(m.size() == 3);
  using V = std::vector<std::pair<std::string, std::uint64_t>>;
  CHECK(m.top() == V{{"a", 3}, {"c", 3}, {"b", 2}});  // ties by key
  CHECK(m.top(2) == V{{"a", 3}, {"c", 3}});
  CountMap o;
  o.add("b", 5);
  o.add("d");
  m.merge(o);
  CHECK(m.top(1) == V{{"b", 7}});
  CHECK(m.get("d") == 1);
  CHECK(CountMap{}.top().empty());
}

TEST_CASE("hour_of floors to the hour, also before 1970", "[aggregate]") {
  CHECK(hour_of(1619618925221000) == 1619618400000000);  // 14:08:45.221 -> 14:00
  CHECK(hour_of(1619618400000000) == 1619618400000000);
  CHECK(hour_of(-1) == -kHour);
  CHECK(hour_of(-kHour) == -kHour);
  CHECK(hour_of(kNoTime) == kNoTime);
}

TEST_CASE("SigninStats over sign-in_adelete.csv", "[aggregate]") {
  std::vector<SigninStats> one(1);
  AuditStats unused;
  StatsSink sink(&one, &unused);
  FileSummary sum = read_file(testdata("signin/sign-in_adelete.csv"), {}, sink);
  REQUIRE(sum.records == 56);
  const SigninStats& s = one[0];
  CHECK(s.total == 56);
  CHECK(s.by_class[static_cast<std::size_t>(SigninClass::success)] == 53);
  CHECK(s.by_class[static_cast<std::size_t>(SigninClass::interrupt)] == 3);
  CHECK(s.by_code.get("0") == 53);
  CHECK(s.by_code.get("16000") == 2);
  CHECK(s.by_code.get("50058") == 1);
  CHECK(s.by_code.size() == 3);
  CHECK(s.by_app.get("Microsoft Teams Web Client") == 16);
  CHECK(s.by_app.get("Office365 Shell WCSS-Client") == 15);
  CHECK(s.by_app.size() == 14);
  CHECK(s.by_reason.get("success/success") == 53);
  CHECK(s.by_user_failures.empty());  // only success and interrupts
  // python: 54 records in hour 14:00, 2 in 15:00.
  REQUIRE(s.by_hour.size() == 2);
  auto h14 = s.by_hour.at(1619618400000000);
  CHECK(h14[static_cast<std::size_t>(SigninClass::success)] == 51);
  CHECK(h14[static_cast<std::size_t>(SigninClass::interrupt)] == 3);
  CHECK(s.by_hour.at(1619618400000000 + kHour)[static_cast<std::size_t>(SigninClass::success)] == 2);
}

TEST_CASE("SigninStats: merging parts equals counting at once", "[aggregate]") {
  std::vector<SigninStats> whole(1), parts(3);
  AuditStats a1, a2;
  StatsSink s1(&whole, &a1), s3(&parts, &a2);
  for (const char* f : {"signin/sign-in_adelete.csv", "signin/disable_accounts.csv", "signin/test-signinlogs-raw.log",
                        "signin/graph-docs-beta_signin-list.example1.response.json"}) {
    read_file(testdata(f), {}, s1);
    read_file(testdata(f), {}, s3);
  }
  SigninStats merged;
  for (const auto& p : parts) merged.merge(p);
  CHECK(same(merged, whole[0]));
  CHECK(merged.total == 56 + 4 + 5 + 1);
  // Failures by user: 4 disabled (johns) + 1 bad password (testaccount1).
  CHECK(merged.by_user_failures.get("johns@m365x816222.onmicrosoft.com") == 4);
  CHECK(merged.by_user_failures.get("testaccount1@contoso.com") == 1);
  CHECK(merged.by_user_failures.size() == 2);
  // Undated records (disable_accounts.csv) land in the kNoTime bucket.
  REQUIRE(merged.by_hour.count(kNoTime) == 1);
  CHECK(merged.by_hour.at(kNoTime)[static_cast<std::size_t>(SigninClass::auth_failure)] == 4);
  // Merging is not idempotent by accident: a second merge doubles.
  SigninStats twice = merged;
  twice.merge(merged);
  CHECK(twice.total == 2 * merged.total);
  CHECK_FALSE(same(twice, merged));
}

TEST_CASE("SigninStats: records without code, app or user", "[aggregate]") {
  SigninStats s;
  SignIn r;  // nothing set
  s.add(r, classify_signin(r));
  CHECK(s.by_code.get("none") == 1);
  CHECK(s.by_app.get("(none)") == 1);
  CHECK(s.by_user_failures.get("(none)") == 1);  // unknown counts as a non-success
  CHECK(s.by_class[static_cast<std::size_t>(SigninClass::unknown)] == 1);
  r.has_error_code = true;
  r.error_code = -5;
  r.app_id = "id-only";
  r.user_id = "uid";
  s.add(r, classify_signin(r));
  CHECK(s.by_code.get("-5") == 1);
  CHECK(s.by_app.get("id-only") == 1);
  CHECK(s.by_user_failures.get("uid") == 1);
}

TEST_CASE("AuditStats over the audit samples, merged", "[aggregate]") {
  std::vector<SigninStats> unused(1);
  AuditStats all;
  StatsSink sink(&unused, &all);
  AuditStats first, second;
  StatsSink s1(&unused, &first), s2(&unused, &second);
  read_file(testdata("audit/AADAuditEvents.json"), {}, sink);
  read_file(testdata("audit/AuditLogs_Hunting.csv"), {}, sink);
  read_file(testdata("audit/AADAuditEvents.json"), {}, s1);
  read_file(testdata("audit/AuditLogs_Hunting.csv"), {}, s2);
  first.merge(second);
  CHECK(all.total == 9);
  CHECK(first.total == 9);
  CHECK(all.by_class[static_cast<std::size_t>(AuditClass::other)] == 9);
  CHECK(all.by_service.get("Core Directory") == 9);
  CHECK(all.by_result.get("success") == 9);
  CHECK(all.by_activity.get("Update application \xE2\x80\x93 Certificates and secrets management") == 7);
  CHECK(all.by_activity.get("Update application") == 1);
  CHECK(all.by_activity.get("Add delegated permission grant") == 1);
  CHECK(first.by_activity.top() == all.by_activity.top());
  CHECK(first.by_hour == all.by_hour);
  CHECK(all.by_hour.at(kNoTime)[static_cast<std::size_t>(AuditClass::other)] == 5);  // the CSV has no times
}
