// Why: correlation is data (the rule table in lib/correlate/rules.cpp), so a
// change to a detector must break a test. One row per finding kind: the
// scenario that shows it, the cause, the verdict wording (from the
// playbook's front matter), and mutations of its rule that must change the
// finding — switched off, window or span shortened, cause lookback cut.
// Each row also checks the finding counts its tickets and that its window
// matches EXPECTED.json.
#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "correlate/rules.h"
#include "correlate/triage.h"
#include "e2e/scenario_check.h"
#include "playbook/attach.h"
#include "playbook/playbook.h"

using namespace idt;

namespace {

const e2e::ScenarioRun& scenario(const std::string& name) {
  static std::map<std::string, std::unique_ptr<e2e::ScenarioRun>> cache;
  auto& slot = cache[name];
  if (!slot) slot = std::make_unique<e2e::ScenarioRun>(e2e::run_scenario(name, 300, 7));
  return *slot;
}

TriageReport correlate_with(const e2e::ScenarioRun& s, const std::vector<DetectorRule>& rules) {
  CorrelateOptions co;
  co.inputs = {true, true, true, true};
  co.breakglass_requested = !s.spec.breakglass.empty();
  co.files = s.run.inputs;
  co.rules = rules;
  TriageReport r = correlate(*s.run.agg, co);
  attach_playbooks(r);
  return r;
}

std::vector<DetectorRule> table() { return {builtin_rules().begin(), builtin_rules().end()}; }

DetectorRule& rule_of(std::vector<DetectorRule>& rules, FindingKind k) {
  for (auto& r : rules)
    if (r.kind == k) return r;
  FAIL("no rule for " << name(k));
  return rules.front();
}

const Finding* find(const TriageReport& r, FindingKind k) {
  for (const auto& f : r.findings)
    if (f.kind == k) return &f;
  return nullptr;
}

// A mutation of the kind's rule and what it must do to the finding.
struct Mutation {
  std::string what;
  std::function<void(DetectorRule&)> apply;
  std::function<bool(const Finding*, const Finding& original)> changed;  // true = the test notices
};

struct Row {
  FindingKind kind;
  std::string scenario;
  Cause cause;
  std::string verdict_prefix;  // "" = not the run's main finding in its scenario
  bool tickets;                // the scenario has tickets of the kind's classes
  std::vector<Mutation> mutations;
};

bool gone(const Finding* f, const Finding&) { return f == nullptr; }

std::vector<Row> rows() {
  return {
      {FindingKind::provider_portal_outage,
       "portal_outage",
       Cause::provider,
       "Security-info portal unreachable — PROVIDER side (matches MO1329260, 2026-06-01 ",
       true,
       {{"spike floor raised", [](DetectorRule& r) { r.abs_min = 1e6; }, gone},
        {"health slack negative (no issue matches)", [](DetectorRule& r) { r.health_slack = -24 * kHourMicros; },
         [](const Finding* f, const Finding&) { return f == nullptr || f->suspected; }}}},
      {FindingKind::provider_auth_outage,
       "signin_outage",
       Cause::provider,
       "Sign-in service errors across apps — PROVIDER side (matches MO1330118, 2026-06-01 ",
       true,
       {{"needs 50 apps", [](DetectorRule& r) { r.min_users = 50; }, gone}}},
      {FindingKind::tenant_policy_block,
       "ca_policy_break",
       Cause::tenant,
       "Sign-ins blocked by Conditional Access — TENANT side (2026-06-01 ",
       true,
       {{"no cause lookback", [](DetectorRule& r) { r.cause_before = -kHourMicros; },
         [](const Finding* f, const Finding& o) { return f == nullptr || f->root_cause != o.root_cause; }}}},
      {FindingKind::registration_blocked,
       "registration_blocked",
       Cause::tenant,
       "MFA registration blocked by tenant policy — TENANT side (2026-06-01 ",
       true,
       {{"no cause classes", [](DetectorRule& r) { r.cause_classes = {}; },
         [](const Finding* f, const Finding& o) { return f == nullptr || f->root_cause != o.root_cause; }}}},
      {FindingKind::password_spray,
       "password_spray",
       Cause::attack,
       "Password spray — ATTACK (2026-06-01 ",
       false,
       {{"needs 1000 users per IP", [](DetectorRule& r) { r.min_users = 1000; }, gone},
        {"span one minute", [](DetectorRule& r) { r.span = kMinuteMicros; }, gone}}},
      {FindingKind::mfa_fatigue,
       "mfa_fatigue",
       Cause::attack,
       "MFA fatigue attack — ATTACK (2026-06-01 ",
       true,
       {{"span one minute", [](DetectorRule& r) { r.span = kMinuteMicros; }, gone},
        {"needs 100 prompts", [](DetectorRule& r) { r.min_events = 100; }, gone}}},
      {FindingKind::lockout_wave,
       "lockout_wave",
       Cause::user,
       "Lockout wave across many users (2026-06-01 ",
       true,
       {{"no cause lookback", [](DetectorRule& r) { r.cause_before = 0; },
         [](const Finding* f, const Finding& o) { return f == nullptr || f->root_cause != o.root_cause; }},
        {"needs 1000 locked users", [](DetectorRule& r) { r.min_users = 1000; }, gone},
        {"needs a lockout per sign-in", [](DetectorRule& r) { r.min_rate = r.min_rate_caused = 1.0; }, gone},
        {"spike floor raised", [](DetectorRule& r) { r.abs_min = 1e6; }, gone}}},
      {FindingKind::outage_phishing,
       "outage_phishing",
       Cause::attack,
       "",
       true,
       {{"reports only within 1 h of the outage", [](DetectorRule& r) { r.span = kHourMicros; },
         [](const Finding* f, const Finding& o) { return f == nullptr || f->evidence.tickets < o.evidence.tickets; }}}},
      {FindingKind::campaign_overload,
       "campaign_peak",
       Cause::tenant,
       "Registration campaign overload — TENANT side (2026-06-01 ",
       true,
       {{"peak share 99%", [](DetectorRule& r) { r.min_share = 0.99; }, gone}}},
      {FindingKind::breakglass_stale, "breakglass", Cause::tenant, "", false, {}},
      {FindingKind::breakglass_used,
       "breakglass",
       Cause::tenant,
       "Emergency-access account used — TENANT (2026-06-01 ",
       false,
       {}},
  };
}

}  // namespace

TEST_CASE("rule table: one row per finding kind, and every row is tested below", "[rules]") {
  auto all = rows();
  REQUIRE(all.size() == kFindingKindCount);
  for (std::size_t i = 0; i < kFindingKindCount; ++i) CHECK(all[i].kind == static_cast<FindingKind>(i));
  for (const auto& r : builtin_rules()) {
    CHECK(find_rule(builtin_rules(), r.kind) == &r);
    CHECK(r.run != nullptr);
    CHECK(r.enabled);
  }
}

TEST_CASE("each detector: found with its cause, window, tickets and verdict, gone when switched off", "[rules]") {
  for (const Row& row : rows()) {
    INFO(name(row.kind) << " in scenario " << row.scenario);
    const e2e::ScenarioRun& s = scenario(row.scenario);
    TriageReport base = correlate_with(s, table());
    const Finding* f = find(base, row.kind);
    REQUIRE(f != nullptr);
    CHECK(f->cause == row.cause);
    CHECK(f->severity >= Severity::low);
    for (const auto& e : s.spec.findings)
      if (e.kind == name(row.kind) && e.kind != "breakglass_stale" && e.kind != "outage_phishing") {
        CHECK(std::llabs(f->start - e.start) <= e.tolerance);
        CHECK(std::llabs(f->end - e.end) <= e.tolerance);
      }
    if (row.tickets) {
      CHECK(f->evidence.tickets > 0);
      CHECK(f->evidence.ticket_ids.size() == f->evidence.tickets);
    }
    if (!row.verdict_prefix.empty()) {
      REQUIRE(base.state == VerdictState::findings);
      CHECK(base.findings.front().kind == row.kind);
      CHECK(base.verdict.rfind(row.verdict_prefix, 0) == 0);
      const Playbook* pb = find_playbook(row.kind);
      REQUIRE(pb != nullptr);
      CHECK_FALSE(base.verdict_detail.empty());
      CHECK(base.verdict_detail == pb->verdict_detail);
    }
    // Switched off in the table: the finding disappears.
    auto off = table();
    rule_of(off, row.kind).enabled = false;
    CHECK(find(correlate_with(s, off), row.kind) == nullptr);
    for (const Mutation& m : row.mutations) {
      INFO("mutation: " << m.what);
      auto mutated = table();
      m.apply(rule_of(mutated, row.kind));
      TriageReport r = correlate_with(s, mutated);
      CHECK(m.changed(find(r, row.kind), *f));
    }
  }
}

TEST_CASE("outage_phishing counts every report within its 72 h, not a sample", "[rules]") {
  const e2e::ScenarioRun& s = scenario("outage_phishing");
  const TriageReport r = correlate_with(s, table());  // f points into it
  const Finding* f = find(r, FindingKind::outage_phishing);
  REQUIRE(f != nullptr);
  CHECK(find_rule(builtin_rules(), FindingKind::outage_phishing)->span == 72 * kHourMicros);
  CHECK(f->evidence.tickets == s.spec.phishing_tickets);
  CHECK(f->evidence.ticket_ids.size() == s.spec.phishing_tickets);
  REQUIRE_FALSE(f->related.empty());  // linked to the outage it exploits
}
