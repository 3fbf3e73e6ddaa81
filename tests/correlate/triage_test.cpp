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
#include "playbook/attach.h"

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
              std::string app = "Office 365 Exchange Online", std::string ip = "198.51.100.1",
              std::string client = "") {
    SignIn s;
    s.client_app = str(client);
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

// ------------------------------------------------------------------ issue 9
namespace {

// A quiet day of `days` days (steady traffic, scattered bad passwords).
void quiet_days(Builder& b, int days) {
  for (int d = 0; d < days; ++d)
    for (int m = 0; m < 24 * 60; m += 3)
      for (int k = 0; k < 4; ++k) {
        int u = (m * 7 + k * 13) % 200;
        long long code = (m + k) % 37 == 0 ? 50126 : 0;
        b.signin(kDay + d * 1440 * kMin + m * kMin + k * kMicrosPerSecond, "user" + std::to_string(u) + "@contoso.com",
                 code);
      }
}

// Service errors across several apps in [from, to), a few per minute.
void auth_outage(Builder& b, Micros from, Micros to) {
  static const char* apps[][2] = {{"00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online"},
                                  {"cc15fd57-2c6c-4117-a88c-83b1d56b4bbe", "Microsoft Teams"},
                                  {"00000003-0000-0ff1-ce00-000000000000", "Office 365 SharePoint Online"},
                                  {"d3590ed6-52b3-4102-aeff-aad2292ab01c", "Microsoft Office"}};
  int i = 0;
  for (Micros t = from; t < to; t += 20 * kMicrosPerSecond, ++i)
    b.signin(t, "o" + std::to_string(i % 150) + "@contoso.com", 50000, apps[i % 4][0], apps[i % 4][1]);
}

}  // namespace

TEST_CASE("a finding starts at its first anomalous minute, not the bucket edge, and is over or in progress",
          "[triage]") {
  Builder b;
  b.quiet();
  auth_outage(b, kDay + (14 * 60 + 22) * kMin, kDay + (16 * 60 + 7) * kMin);
  b.agg.finish();
  TriageReport r = correlate(b.agg, all_inputs());
  REQUIRE(has(r, FindingKind::provider_auth_outage));
  const Finding& f = get(r, FindingKind::provider_auth_outage);
  CHECK(f.start == kDay + (14 * 60 + 22) * kMin);  // not 14:15
  CHECK(f.end == kDay + (16 * 60 + 7) * kMin);
  CHECK_FALSE(f.ongoing);
  // The user message says since when (the start), not "Since 14:22–16:07".
  TriageReport filled = r;
  attach_playbooks(filled);
  const Finding& m = get(filled, FindingKind::provider_auth_outage);
  CHECK_THAT(m.message, Catch::Contains("Since 14:22 UTC, signing in"));
  CHECK_THAT(m.message, !Catch::Contains("Since 14:22–"));

  Builder g;  // the same outage still going when the export ends
  g.quiet();
  auth_outage(g, kDay + (23 * 60 + 10) * kMin, kDay + (23 * 60 + 59) * kMin);
  g.agg.finish();
  TriageReport r2 = correlate(g.agg, all_inputs());
  REQUIRE(has(r2, FindingKind::provider_auth_outage));
  CHECK(get(r2, FindingKind::provider_auth_outage).ongoing);

  // Over 89 minutes before the end of the data: over, whatever the bucket
  // (a window reaching into the last 2 h bucket is not "in progress").
  Builder h;
  h.quiet();
  auth_outage(h, kDay + (20 * 60 + 5) * kMin, kDay + (22 * 60 + 30) * kMin);
  h.agg.finish();
  for (int minutes : {15, 60, 120}) {
    CorrelateOptions o = all_inputs();
    o.bucket = minutes * kMin;
    TriageReport r3 = correlate(h.agg, o);
    INFO("bucket " << minutes << " min");
    REQUIRE(has(r3, FindingKind::provider_auth_outage));
    CHECK(get(r3, FindingKind::provider_auth_outage).end == kDay + (22 * 60 + 30) * kMin);
    CHECK_FALSE(get(r3, FindingKind::provider_auth_outage).ongoing);
  }
}

TEST_CASE("a tenant finding never starts before its cause", "[triage]") {
  Builder b;
  b.quiet();
  // Blocks before the change (baseline noise) and a burst right after it.
  for (int i = 0; i < 3; ++i)
    b.signin(kDay + (13 * 60 + 2 + i) * kMin, "early" + std::to_string(i) + "@contoso.com", 53003);
  Micros change = kDay + (13 * 60 + 10) * kMin;
  b.audit(change, "Update conditional access policy", "Conditional Access", "");
  for (int i = 0; i < 200; ++i)
    b.signin(change + 2 * kMin + i * 20 * kMicrosPerSecond, "u" + std::to_string(i) + "@contoso.com", 53003);
  b.agg.finish();
  TriageReport r = correlate(b.agg, all_inputs());
  REQUIRE(has(r, FindingKind::tenant_policy_block));
  const Finding& f = get(r, FindingKind::tenant_policy_block);
  CHECK(f.start >= change);
  CHECK(f.start == change + 2 * kMin - (change % kMin));
  CHECK(f.root_cause.find("Update conditional access policy") != std::string::npos);
}

TEST_CASE("one cause, one finding: a CA change that blocks the security-info apps is registration_blocked only",
          "[triage]") {
  Builder b;
  b.quiet();
  Micros change = kDay + 9 * 60 * kMin;
  b.audit(change, "Update conditional access policy", "Conditional Access", "");
  for (int i = 0; i < 120; ++i)
    b.signin(change + kMin + i * kMin, "r" + std::to_string(i) + "@contoso.com", 53003, std::string(kMySigninsAppId),
             "My Signins");
  b.agg.finish();
  TriageReport r = correlate(b.agg, all_inputs());
  REQUIRE(has(r, FindingKind::registration_blocked));
  CHECK(get(r, FindingKind::registration_blocked).cause == Cause::tenant);
  CHECK_FALSE(has(r, FindingKind::tenant_policy_block));

  // The same change blocking ordinary apps as well: one finding, the other effect named in it.
  Builder both;
  both.quiet();
  both.audit(change, "Update conditional access policy", "Conditional Access", "");
  for (int i = 0; i < 120; ++i) {
    both.signin(change + kMin + i * kMin, "r" + std::to_string(i) + "@contoso.com", 53003, std::string(kMySigninsAppId),
                "My Signins");
    both.signin(change + kMin + i * kMin + 1, "s" + std::to_string(i) + "@contoso.com", 53003);
    both.signin(change + kMin + i * kMin + 2, "t" + std::to_string(i) + "@contoso.com", 53003);
  }
  both.agg.finish();
  TriageReport r2 = correlate(both.agg, all_inputs());
  int blocks = 0;
  for (const auto& f : r2.findings)
    blocks += f.kind == FindingKind::tenant_policy_block || f.kind == FindingKind::registration_blocked;
  CHECK(blocks == 1);
  REQUIRE(has(r2, FindingKind::tenant_policy_block));  // the larger effect keeps the finding
  bool named = false;
  for (const auto& l : get(r2, FindingKind::tenant_policy_block).evidence.lines)
    named |= l.find("the same change also caused") != std::string::npos;
  CHECK(named);
}

TEST_CASE("password spray: accounts that got past the password come first, with times and real counts", "[triage]") {
  Builder b;
  b.quiet();
  const std::string ip = "203.0.113.66";
  for (int i = 0; i < 60; ++i)
    b.signin(kDay + 2 * 60 * kMin + i * kMin, "victim" + std::to_string(i) + "@contoso.com", 50126,
             "00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online", ip);
  for (int i = 0; i < 3; ++i)  // a second try on the first three
    b.signin(kDay + 3 * 60 * kMin + i * kMin, "victim" + std::to_string(i) + "@contoso.com", 50126,
             "00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online", ip);
  b.signin(kDay + (2 * 60 + 30) * kMin + 5, "victim30@contoso.com", 0, "00000002-0000-0ff1-ce00-000000000000",
           "Office 365 Exchange Online", ip);  // the password worked
  b.signin(kDay + (2 * 60 + 40) * kMin + 5, "victim40@contoso.com", 50076, "00000002-0000-0ff1-ce00-000000000000",
           "Office 365 Exchange Online", ip);  // the password worked, MFA stopped it
  b.agg.finish();
  TriageReport r = correlate(b.agg, all_inputs());
  REQUIRE(has(r, FindingKind::password_spray));
  const Finding& f = get(r, FindingKind::password_spray);
  REQUIRE(f.evidence.breached.size() == 2);
  CHECK(f.evidence.breached[0].user == "victim30@contoso.com");  // signed in: first
  CHECK(f.evidence.breached[0].code == 0);
  CHECK(f.evidence.breached[0].time == kDay + (2 * 60 + 30) * kMin + 5);
  CHECK(f.evidence.breached[1].user == "victim40@contoso.com");
  CHECK(f.evidence.breached[1].code == 50076);
  CHECK(f.severity == Severity::critical);
  REQUIRE(f.evidence.lines.size() >= 2);
  CHECK(f.evidence.lines[0].rfind("BREACHED victim30@contoso.com", 0) == 0);
  REQUIRE_FALSE(f.evidence.top_users.empty());
  CHECK(f.evidence.top_users.front().count == 2);  // victim0..2 failed twice
  for (const auto& u : f.evidence.top_users) CHECK(u.count > 0);
}

TEST_CASE("lockouts from a spray belong to the spray, a wave after password changes names them", "[triage]") {
  Builder spray;
  spray.quiet();
  for (int i = 0; i < 80; ++i)
    spray.signin(kDay + 2 * 60 * kMin + i * 30 * kMicrosPerSecond, "victim" + std::to_string(i) + "@contoso.com",
                 i % 2 ? 50053 : 50126, "00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online",
                 "203.0.113.66");
  spray.agg.finish();
  TriageReport r = correlate(spray.agg, all_inputs());
  CHECK(has(r, FindingKind::password_spray));
  CHECK_FALSE(has(r, FindingKind::lockout_wave));

  Builder wave;
  wave.quiet();
  for (int i = 0; i < 60; ++i)
    wave.audit(kDay + 7 * 60 * kMin + i * kMin, "Change password (self-service)", "Self-service Password Management",
               "p" + std::to_string(i) + "@contoso.com");
  for (int i = 0; i < 60; ++i)
    for (int k = 0; k < 3; ++k)
      wave.signin(kDay + 8 * 60 * kMin + i * 2 * kMin + k * 20 * kMicrosPerSecond,
                  "p" + std::to_string(i) + "@contoso.com", 50053, "00000002-0000-0ff1-ce00-000000000000",
                  "Office 365 Exchange Online", "198.51.100." + std::to_string(10 + i));
  wave.agg.finish();
  TriageReport w = correlate(wave.agg, all_inputs());
  REQUIRE(has(w, FindingKind::lockout_wave));
  const Finding& f = get(w, FindingKind::lockout_wave);
  CHECK(f.cause == Cause::user);
  CHECK(f.root_cause.find("password change/reset wave: 60") != std::string::npos);
  CHECK(f.severity >= Severity::medium);
}

TEST_CASE("a busy morning's forgotten passwords are not a lockout wave, the same share from a legacy client is",
          "[triage]") {
  // 06:00–07:00: 2,500 sign-ins and 40 users locked out once each (1.5% of
  // the hour's interactive sign-ins, under the 2% a wave without a cause needs).
  auto morning = [](Builder& b, bool legacy) {
    b.quiet();
    const Micros t0 = kDay + 6 * 60 * kMin;
    for (int i = 0; i < 2500; ++i)
      b.signin(t0 + Micros(i) * 1440 * 1000, "m" + std::to_string(i % 900) + "@contoso.com", 0);
    for (int i = 0; i < 40; ++i)
      b.signin(t0 + i * 90 * kMicrosPerSecond, "late" + std::to_string(i) + "@contoso.com", 50053,
               "00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online",
               "198.51.100." + std::to_string(10 + i), legacy && i % 8 ? "Exchange ActiveSync" : "Browser");
    b.agg.finish();
  };
  Builder quiet;
  morning(quiet, false);
  TriageReport r = correlate(quiet.agg, all_inputs());
  CHECK_FALSE(has(r, FindingKind::lockout_wave));

  Builder eas;
  morning(eas, true);
  TriageReport w = correlate(eas.agg, all_inputs());
  REQUIRE(has(w, FindingKind::lockout_wave));
  const Finding& f = get(w, FindingKind::lockout_wave);
  CHECK(f.cause == Cause::user);
  CHECK(f.root_cause.find("legacy Exchange ActiveSync clients make 88%") != std::string::npos);
  double rate = -1;
  for (const auto& [k, v] : f.evidence.rates)
    if (k == "lockouts_per_interactive_signin") rate = v;
  CHECK(rate > 0.005);
  CHECK(rate < 0.02);
}

TEST_CASE("time outliers never blind the day: a 1970 and a 2000 record are left out and reported", "[triage]") {
  Builder b;
  b.quiet();
  auth_outage(b, kDay + (14 * 60 + 22) * kMin, kDay + (16 * 60 + 7) * kMin);
  b.signin(0, "stray@contoso.com", 0);                                        // 1970-01-01
  b.signin(from_civil(2000, 1, 1, 0, 0, 0, 0), "stray2@contoso.com", 50126);  // 2000-01-01
  b.agg.finish();
  TriageReport r = correlate(b.agg, all_inputs());
  CHECK(has(r, FindingKind::provider_auth_outage));  // still found
  CHECK(r.window_start >= kDay);
  CHECK(r.outliers == 2);
  CHECK(r.outliers_first == 0);
  CHECK(r.outliers_last == from_civil(2000, 1, 1, 0, 0, 0, 0));
  bool reason = false;
  for (const auto& x : r.incomplete)
    reason |= x.code == "time_outliers" && x.detail.find("1970-01-01") != std::string::npos;
  CHECK(reason);
  CHECK(r.state == VerdictState::findings);  // findings first; the reason is listed with them

  Builder quiet;  // the same strays on a calm day: not an all-clear
  quiet.quiet();
  quiet.signin(0, "stray@contoso.com", 0);
  quiet.agg.finish();
  CHECK(correlate(quiet.agg, all_inputs()).state == VerdictState::incomplete);
}

TEST_CASE("several days: every episode is reported, with its date", "[triage]") {
  Builder b;
  quiet_days(b, 3);
  auth_outage(b, kDay + (14 * 60 + 20) * kMin, kDay + (15 * 60 + 40) * kMin);
  auth_outage(b, kDay + 2 * 1440 * kMin + (9 * 60) * kMin, kDay + 2 * 1440 * kMin + (10 * 60 + 30) * kMin);
  b.agg.finish();
  TriageReport r = correlate(b.agg, all_inputs());
  CHECK(r.multi_day);
  std::vector<const Finding*> outages;
  for (const auto& f : r.findings)
    if (f.kind == FindingKind::provider_auth_outage) outages.push_back(&f);
  REQUIRE(outages.size() == 2);
  bool day1 = false, day3 = false;
  for (const auto* f : outages) {
    day1 |= f->summary.find("2026-06-01 14:20") != std::string::npos;
    day3 |= f->summary.find("2026-06-03 09:00") != std::string::npos;
  }
  CHECK(day1);
  CHECK(day3);
  CHECK(r.verdict.find("2026-06-0") != std::string::npos);
}

TEST_CASE("incomplete: unreadable, all-rejected, out-of-range and empty inputs, too short a span", "[triage]") {
  Builder b;
  b.quiet();
  b.agg.finish();
  std::vector<InputReport> files(5);
  files[0].file.summary.path = "gone.json";
  files[0].file.summary.fatal = "No such file or directory";
  files[1].file.summary.path = "broken.json";
  files[1].file.summary.kind = RecordKind::signin;
  files[1].file.summary.rejected = 12;
  files[2].file.summary.path = "old.json";
  files[2].file.summary.kind = RecordKind::audit;
  files[2].file.summary.records = 40;
  files[2].file.summary.first = kDay - 30 * 1440 * kMin;
  files[2].file.filtered = 40;
  files[3].file.summary.path = "empty-signins.json";
  files[3].file.summary.kind = RecordKind::signin;
  files[4].file.summary.path = "empty-health.json";
  files[4].file.summary.kind = RecordKind::health;  // a calm day's health list: fine
  CorrelateOptions o = all_inputs();
  o.files = files;
  TriageReport r = correlate(b.agg, o);
  CHECK(r.state == VerdictState::incomplete);
  std::vector<std::string> codes;
  for (const auto& x : r.incomplete) codes.push_back(x.code + ":" + x.input);
  CHECK(codes == std::vector<std::string>{"input_unreadable:gone.json", "all_rejected:broken.json",
                                          "no_records_in_range:old.json", "no_records:empty-signins.json"});
  CHECK(r.verdict.rfind("INCOMPLETE", 0) == 0);

  Builder short_span;  // 40 minutes of data: no baseline in 15m buckets
  for (int m = 0; m < 40; ++m) short_span.signin(kDay + m * kMin, "u@contoso.com", 0);
  short_span.agg.finish();
  TriageReport s = correlate(short_span.agg, all_inputs());
  REQUIRE_FALSE(s.incomplete.empty());
  CHECK(s.incomplete.front().code == "span_too_short");
  CHECK(s.state == VerdictState::incomplete);
  // One sign-in a minute cannot carry a smaller bucket: the advice is a longer export.
  CHECK_THAT(s.incomplete.front().detail, Catch::Contains("give a longer export"));

  Builder busy;  // 40 busy minutes (200 sign-ins a minute): a 1-minute bucket gives a baseline
  for (int m = 0; m < 40; ++m)
    for (int k = 0; k < 200; ++k)
      busy.signin(kDay + m * kMin + k * 250'000, "u" + std::to_string(k) + "@contoso.com", 0);
  busy.agg.finish();
  TriageReport bz = correlate(busy.agg, all_inputs());
  REQUIRE_FALSE(bz.incomplete.empty());
  CHECK(bz.incomplete.front().code == "span_too_short");
  CHECK_THAT(bz.incomplete.front().detail, Catch::Contains("give --bucket 1m or a longer export"));

  Builder none;  // no sign-ins at all
  none.agg.finish();
  TriageReport n = correlate(none.agg, all_inputs());
  REQUIRE_FALSE(n.incomplete.empty());
  CHECK(n.incomplete.front().code == "no_signins");
}

TEST_CASE("a bucket finer than the traffic allows is raised and said so", "[triage]") {
  Builder b;
  b.quiet();  // ~1.3 sign-ins a minute
  auth_outage(b, kDay + (14 * 60 + 22) * kMin, kDay + (16 * 60 + 7) * kMin);
  b.agg.finish();
  CorrelateOptions o = all_inputs();
  o.bucket = kMinuteMicros;
  TriageReport r = correlate(b.agg, o);
  CHECK(r.requested_bucket == kMinuteMicros);
  CHECK(r.bucket == 15 * kMinuteMicros);
  bool said = false;
  for (const auto& u : r.undecided) said |= u.find("--bucket 1m is too fine") != std::string::npos;
  CHECK(said);
  REQUIRE(has(r, FindingKind::provider_auth_outage));
  CHECK(get(r, FindingKind::provider_auth_outage).start == kDay + (14 * 60 + 22) * kMin);
}
