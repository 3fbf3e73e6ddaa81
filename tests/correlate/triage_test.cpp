// Why: each detector, fed hand-built records, must fire on its pattern and
// stay silent on a quiet day; provider vs tenant attribution is checked.
#include <catch2/catch.hpp>

#include <deque>
#include <string>
#include <vector>

#include "aggregate/triage_aggregate.h"
#include "classify/audit_classifier.h"
#include "classify/codes.h"
#include "classify/signin_classifier.h"
#include "correlate/triage.h"
#include "model/ticket.h"

#include <algorithm>
#include <memory>

using namespace idt;

namespace {

constexpr Micros kMin = 60 * kMicrosPerSecond;
const Micros kDay = from_civil(2026, 6, 1, 0, 0, 0, 0);

struct Builder {
  TriageAggregate agg;
  std::deque<std::string> keep;  // backing storage for views (deque: elements never move)
  int n = 0;
  explicit Builder(TriageOptions o = {}) : agg(std::move(o)) {}
  std::string_view str(std::string s) {
    keep.push_back(std::move(s));
    return keep.back();
  }
  void signin(Micros t, std::string user, long long code, std::string app_id = "00000002-0000-0ff1-ce00-000000000000",
              std::string app = "Office 365 Exchange Online", std::string ip = "198.51.100.1") {
    SignIn s;
    s.time = t;
    s.id = str("id-" + std::to_string(++n));
    s.upn = str(user);
    s.app_id = str(app_id);
    s.app_name = str(app);
    s.ip = str(ip);
    s.has_error_code = true;
    s.error_code = code;
    agg.add_signin(s, classify_signin(s));
  }
  void audit(Micros t, std::string activity, std::string service, std::string target_upn) {
    AuditEvent e;
    e.time = t;
    e.id = str("a-" + std::to_string(++n));
    e.activity = str(activity);
    e.service = str(service);
    e.result = "success";
    AuditTarget* tg = e.targets.push();
    tg->upn = str(target_upn);
    tg->display_name = str(target_upn);
    agg.add_audit(e, classify_audit(e));
  }
  // A quiet day: steady traffic over 24 h, scattered bad passwords.
  void quiet(int users = 200) {
    for (int m = 0; m < 24 * 60; m += 3)
      for (int k = 0; k < 4; ++k) {
        int u = (m * 7 + k * 13) % users;
        long long code = (m + k) % 37 == 0 ? 50126 : 0;
        signin(kDay + m * kMin + k * kMicrosPerSecond, "user" + std::to_string(u) + "@contoso.com", code);
      }
  }
};

bool has(const TriageReport& r, FindingKind k) {
  for (const auto& f : r.findings)
    if (f.kind == k) return true;
  return false;
}
const Finding& get(const TriageReport& r, FindingKind k) {
  for (const auto& f : r.findings)
    if (f.kind == k) return f;
  FAIL("finding not present");
  return r.findings.front();
}
CorrelateOptions all_inputs() {
  CorrelateOptions o;
  o.inputs = {true, true, true, true};
  return o;
}

}  // namespace

TEST_CASE("a quiet day yields no finding of severity medium or more", "[triage]") {
  Builder b;
  b.quiet();
  for (int i = 0; i < 30; ++i) {  // normal registrations that complete
    Micros t = kDay + (8 * 60 + i * 10) * kMin;
    std::string u = "reg" + std::to_string(i) + "@contoso.com";
    b.audit(t, "User started security info registration", "Authentication Methods", u);
    b.audit(t + 3 * kMin, "User registered security info", "Authentication Methods", u);
  }
  b.agg.finish();
  TriageReport r = correlate(b.agg, all_inputs());
  for (const auto& f : r.findings) CHECK(f.severity < Severity::medium);
  CHECK(r.state == VerdictState::all_clear);
  CHECK(r.incomplete.empty());
  CHECK(r.verdict.find("All clear for 2026-06-01") != std::string::npos);
}

TEST_CASE("portal outage: My Signins service errors and abandoned registrations while other apps are normal",
          "[triage]") {
  Builder b;
  b.quiet();
  Micros start = kDay + (5 * 60 + 50) * kMin, end = kDay + (9 * 60 + 50) * kMin;
  int i = 0;
  for (Micros t = start; t < end; t += 2 * kMin, ++i) {
    std::string u = "mfa" + std::to_string(i) + "@contoso.com";
    b.signin(t, u, 50000, std::string(kMySigninsAppId), "My Signins");
    b.audit(t, "User started security info registration", "Authentication Methods", u);
  }
  b.agg.finish();
  TriageReport r = correlate(b.agg, all_inputs());
  REQUIRE(has(r, FindingKind::provider_portal_outage));
  const Finding& f = get(r, FindingKind::provider_portal_outage);
  CHECK(f.cause == Cause::provider);
  CHECK(f.suspected);  // no health issue given
  CHECK(f.severity >= Severity::medium);
  CHECK(f.start <= start);
  CHECK(f.start >= start - 15 * kMin);
  CHECK(f.end >= end - 15 * kMin);
  CHECK(f.end <= end + 30 * kMin);
  CHECK_FALSE(has(r, FindingKind::provider_auth_outage));
  CHECK_FALSE(has(r, FindingKind::tenant_policy_block));
  CHECK(r.state == VerdictState::findings);
}

TEST_CASE("CA policy change followed by 53003 spike is tenant_policy_block", "[triage]") {
  Builder b;
  b.quiet();
  Micros change = kDay + 13 * 60 * kMin;
  b.audit(change, "Update conditional access policy", "Conditional Access", "");
  for (int i = 0; i < 200; ++i)
    b.signin(change + 5 * kMin + i * 30 * kMicrosPerSecond, "u" + std::to_string(i) + "@contoso.com", 53003);
  b.agg.finish();
  TriageReport r = correlate(b.agg, all_inputs());
  REQUIRE(has(r, FindingKind::tenant_policy_block));
  const Finding& f = get(r, FindingKind::tenant_policy_block);
  CHECK(f.cause == Cause::tenant);
  CHECK(f.confidence > 0.8);
  CHECK(f.severity >= Severity::high);
}

TEST_CASE("password spray: one IP, many users, bad passwords", "[triage]") {
  Builder b;
  b.quiet();
  for (int i = 0; i < 60; ++i)
    b.signin(kDay + 2 * 60 * kMin + i * kMin, "victim" + std::to_string(i) + "@contoso.com", 50126,
             "00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online", "203.0.113.66");
  b.agg.finish();
  TriageReport r = correlate(b.agg, all_inputs());
  REQUIRE(has(r, FindingKind::password_spray));
  const Finding& f = get(r, FindingKind::password_spray);
  CHECK(f.cause == Cause::attack);
  REQUIRE_FALSE(f.evidence.top_ips.empty());
  CHECK(f.evidence.top_ips.front().key == "203.0.113.66");
  CHECK(f.evidence.users == 60);
  CHECK_FALSE(has(r, FindingKind::lockout_wave));
}

TEST_CASE("MFA fatigue: one user, many denials in 30 minutes", "[triage]") {
  Builder b;
  b.quiet();
  for (int i = 0; i < 25; ++i) b.signin(kDay + 22 * 60 * kMin + i * kMin, "ceo@contoso.com", 500121);
  b.agg.finish();
  TriageReport r = correlate(b.agg, all_inputs());
  REQUIRE(has(r, FindingKind::mfa_fatigue));
  const Finding& f = get(r, FindingKind::mfa_fatigue);
  REQUIRE_FALSE(f.evidence.top_users.empty());
  CHECK(f.evidence.top_users.front().key == "ceo@contoso.com");
  CHECK(f.evidence.top_users.front().count >= 8);
}

TEST_CASE("break-glass: used and stale", "[triage]") {
  TriageOptions o;
  o.breakglass = {"bg1@contoso.com", "bg2@contoso.com"};
  Builder b(o);
  b.quiet();
  b.signin(kDay + 60 * kMin, "BG1@contoso.com", 0);
  b.agg.finish();
  CorrelateOptions co = all_inputs();
  co.breakglass_requested = true;
  TriageReport r = correlate(b.agg, co);
  CHECK(has(r, FindingKind::breakglass_used));
  REQUIRE(has(r, FindingKind::breakglass_stale));
  CHECK(get(r, FindingKind::breakglass_stale).evidence.top_users.front().key == "bg2@contoso.com");
}

TEST_CASE("duplicates across overlapping exports are counted once", "[triage]") {
  Builder b;
  SignIn s;
  s.time = kDay;
  s.id = "same-id";
  s.has_error_code = true;
  s.error_code = 0;
  b.agg.add_signin(s, classify_signin(s));
  b.agg.add_signin(s, classify_signin(s));
  CHECK(b.agg.signin_duplicates == 1);
  CHECK(b.agg.signin_totals[static_cast<std::size_t>(SigninClass::success)] == 1);
}

TEST_CASE("missing inputs are named in undecided", "[triage]") {
  Builder b;
  b.quiet();
  b.agg.finish();
  CorrelateOptions o;
  o.inputs.signin = true;
  TriageReport r = correlate(b.agg, o);
  bool audit = false, health = false;
  for (const auto& u : r.undecided) {
    audit |= u.find("no audit input") != std::string::npos;
    health |= u.find("no service-health input") != std::string::npos;
  }
  CHECK(audit);
  CHECK(health);
}

TEST_CASE("undated tickets and inputs from different days are explained, not dropped", "[triage]") {
  Builder b;
  b.quiet();
  Ticket t;
  t.id = "INC1";
  t.title = "cannot log in";
  b.agg.add_ticket(t, TicketClassification{TicketClass::signin_failure, "test"});
  b.signin(kDay + 12LL * 86400 * kMicrosPerSecond, "late@contoso.com", 0);  // a file from another day
  b.agg.finish();
  TriageReport r = correlate(b.agg, all_inputs());
  CHECK(b.agg.tickets_undated == 1);
  CHECK(b.agg.ticket_totals[static_cast<std::size_t>(TicketClass::signin_failure)] == 1);
  bool undated = false;
  for (const auto& u : r.undecided) undated |= u.find("1 tickets without a parseable date") != std::string::npos;
  CHECK(undated);
  // The record 12 days later is a time outlier: left out, counted, and the run is incomplete.
  CHECK(b.agg.outliers.count == 1);
  CHECK(r.window_end <= kDay + 24 * 60 * kMin);
  REQUIRE_FALSE(r.incomplete.empty());
  CHECK(r.incomplete.back().code == "time_outliers");
  CHECK(r.state == VerdictState::incomplete);
  for (const auto& f : r.findings) CHECK(f.severity < Severity::medium);
}

TEST_CASE("out-of-order records give the same report as sorted ones", "[triage]") {
  auto build = [](bool reversed) {
    auto b = std::make_unique<Builder>();
    std::vector<int> minutes;
    for (int m = 0; m < 24 * 60; m += 2) minutes.push_back(m);
    if (reversed) std::reverse(minutes.begin(), minutes.end());
    for (int m : minutes) {
      b->signin(kDay + m * kMin, "u" + std::to_string(m % 97) + "@contoso.com", 0);
      if (m >= 300 && m < 420) b->signin(kDay + m * kMin + 1, "p" + std::to_string(m) + "@contoso.com", 53003);
    }
    b->agg.finish();
    return correlate(b->agg, all_inputs());
  };
  TriageReport a = build(false), z = build(true);
  REQUIRE(a.findings.size() == z.findings.size());
  REQUIRE_FALSE(a.findings.empty());
  for (std::size_t i = 0; i < a.findings.size(); ++i) {
    CHECK(a.findings[i].kind == z.findings[i].kind);
    CHECK(a.findings[i].start == z.findings[i].start);
    CHECK(a.findings[i].end == z.findings[i].end);
    CHECK(a.findings[i].summary == z.findings[i].summary);
  }
}
