// Why: the triage aggregate is filled in parallel slices and merged; what
// issue 9 added to it (per-minute counters, per-user traces, the accounts
// past the password per IP, per-user failure counts, ticket samples with
// callers, password changes, the analysed period) must merge to exactly
// what one pass gives, and stay bounded.
#include <catch2/catch.hpp>

#include <deque>
#include <string>
#include <vector>

#include "aggregate/triage_aggregate.h"
#include "classify/audit_classifier.h"
#include "classify/signin_classifier.h"

using namespace idt;

namespace {

const Micros kDay = from_civil(2026, 6, 1, 0, 0, 0, 0);
constexpr Micros kMin = 60 * kMicrosPerSecond;

struct Rec {
  Micros t;
  std::string user, ip;
  long long code;
  std::string client;
};

std::vector<Rec> records() {
  std::vector<Rec> v;
  for (int i = 0; i < 400; ++i) {
    long long code = i % 7 == 0 ? 50126 : i % 11 == 0 ? 50053 : i % 13 == 0 ? 50076 : i % 17 == 0 ? 53003 : 0;
    v.push_back({kDay + (i * 37 % 1440) * kMin, "u" + std::to_string(i % 23) + "@contoso.com",
                 "198.51.100." + std::to_string(i % 5), code, i % 3 ? "Exchange ActiveSync" : "Browser"});
  }
  v.push_back({0, "stray@contoso.com", "203.0.113.9", 0, ""});  // a 1970 outlier
  return v;
}

void add(TriageAggregate& a, const Rec& r, std::deque<std::string>& keep) {
  SignIn s;
  s.time = r.t;
  keep.push_back("id-" + std::to_string(keep.size()));
  s.id = keep.back();
  s.upn = r.user;
  s.user_display = r.user;
  s.ip = r.ip;
  s.client_app = r.client;
  s.app_id = "00000002-0000-0ff1-ce00-000000000000";
  s.app_name = "Office 365 Exchange Online";
  s.has_error_code = true;
  s.error_code = r.code;
  a.add_signin(s, classify_signin(s));
}

void audit(TriageAggregate& a, Micros t, std::string_view activity, std::string_view service,
           std::deque<std::string>& keep) {
  AuditEvent e;
  e.time = t;
  keep.push_back("a-" + std::to_string(keep.size()));
  e.id = keep.back();
  e.activity = activity;
  e.service = service;
  e.result = "success";
  a.add_audit(e, classify_audit(e));
}

}  // namespace

TEST_CASE("triage aggregate: two merged halves equal one pass", "[aggregate]") {
  auto recs = records();
  std::deque<std::string> keep;
  TriageAggregate one, left, right;
  for (std::size_t i = 0; i < recs.size(); ++i) {
    add(one, recs[i], keep);
    add(i % 2 ? left : right, recs[i], keep);
  }
  for (int i = 0; i < 12; ++i) {
    Micros t = kDay + (7 * 60 + i) * kMin;
    audit(one, t, "Change password (self-service)", "Self-service Password Management", keep);
    audit(i % 2 ? left : right, t, "Change password (self-service)", "Self-service Password Management", keep);
  }
  left.merge(right);
  one.finish();
  left.finish();
  CHECK(left.period_first == one.period_first);
  CHECK(left.period_last == one.period_last);
  CHECK(left.outliers.count == 1);
  CHECK(one.outliers.count == 1);
  CHECK(one.period_first >= kDay);
  REQUIRE(left.signin.size() == one.signin.size());
  for (const auto& [k, b] : one.signin) {
    const SigninBucket& m = left.signin.at(k);
    CHECK(m.locked == b.locked);
    CHECK(m.ca_block == b.ca_block);
    CHECK(m.locked_clients.top() == b.locked_clients.top());
  }
  std::uint32_t pw = 0;
  for (const auto& [k, b] : left.audit) pw += b.password_changes;
  CHECK(pw == 12);
  REQUIRE(left.users.size() == one.users.size());
  for (const auto& [u, t] : one.users)
    for (std::size_t s = 0; s < kUserSignalCount; ++s) CHECK(left.users.at(u).times[s] == t.times[s]);
  REQUIRE(left.ip_failures.size() == one.ip_failures.size());
  for (const auto& [ip, f] : one.ip_failures) {
    const IpFailures& m = left.ip_failures.at(ip);
    CHECK(m.failures == f.failures);
    CHECK(m.access_count() == f.access_count());
    REQUIRE(m.access.size() == f.access.size());
    for (std::size_t i = 0; i < f.access.size(); ++i) {
      CHECK(m.access[i].user == f.access[i].user);
      CHECK(m.access[i].time == f.access[i].time);
      CHECK(m.access[i].code == f.access[i].code);
    }
    REQUIRE((m.cred != nullptr) == (f.cred != nullptr));
    if (f.cred) CHECK(m.cred->user_failures.top() == f.cred->user_failures.top());
  }
}

TEST_CASE("triage aggregate: capped lists keep their earliest entries whatever the order", "[aggregate]") {
  std::deque<std::string> keep;
  TriageAggregate fwd, rev;
  std::vector<Rec> recs;
  // One IP, more users past the password than the cap; one user, more lockouts than the cap.
  for (std::size_t i = 0; i < TriageAggregate::kMaxAccessPerIp + 10; ++i)
    recs.push_back(
        {kDay + static_cast<Micros>(i) * kMin, "ok" + std::to_string(i) + "@contoso.com", "192.0.2.1", 0, ""});
  for (std::size_t i = 0; i < TriageAggregate::kMaxTimesPerSignal + 10; ++i)
    recs.push_back({kDay + static_cast<Micros>(i) * kMin, "locked@contoso.com", "192.0.2.2", 50053, ""});
  for (const auto& r : recs) add(fwd, r, keep);
  for (auto it = recs.rbegin(); it != recs.rend(); ++it) add(rev, *it, keep);
  fwd.finish();
  rev.finish();
  const auto& a = fwd.ip_failures.at("192.0.2.1");
  CHECK(a.access.size() == TriageAggregate::kMaxAccessPerIp);
  CHECK(a.access_count() == TriageAggregate::kMaxAccessPerIp + 10);
  CHECK(a.cred == nullptr);  // success-only IPs carry no failure details
  CHECK(a.access.front().user == "ok0@contoso.com");
  const auto& b = rev.ip_failures.at("192.0.2.1");
  REQUIRE(b.access.size() == a.access.size());
  for (std::size_t i = 0; i < a.access.size(); ++i) CHECK(b.access[i].user == a.access[i].user);
  const auto& t1 = fwd.users.at("locked@contoso.com").times[static_cast<std::size_t>(UserSignal::locked)];
  const auto& t2 = rev.users.at("locked@contoso.com").times[static_cast<std::size_t>(UserSignal::locked)];
  CHECK(t1.size() == TriageAggregate::kMaxTimesPerSignal);
  CHECK(t1 == t2);
  CHECK(t1.front() == kDay);
}
