// Why: precheck's gates are what a change pipeline acts on. Every rule —
// incident open / recently resolved / advisory, provider findings confirmed
// or suspected, tenant findings per action, break-glass, and each policy
// check with its thresholds — is pinned here on hand-built evidence, so a
// change to a rule or threshold breaks a test.
#include <catch2/catch.hpp>

#include <string>

#include "formats/ca_policy_json.h"
#include "workflow/precheck.h"

using namespace idt;

namespace {

constexpr Micros kH = 3600LL * kMicrosPerSecond;
const Micros kDay = from_civil(2026, 6, 1, 0, 0, 0, 0);

struct Fixture {
  TriageAggregate agg;
  TriageReport rep;
  PrecheckEvidence ev;
  PrecheckOptions o;
  std::map<std::string, std::string> ids;
  Fixture() {
    agg.first = kDay;
    agg.last = kDay + 10 * kH;
    ev.report = &rep;
    ev.agg = &agg;
    ev.inputs = {true, true, true, true};
    ev.breakglass_ids = &ids;
    o.at = kDay + 10 * kH + 5 * 60 * kMicrosPerSecond;
    o.breakglass = {"bg1@contoso.com"};
    BreakglassState st;
    st.last_success = kDay + 2 * kH;
    st.signins = st.successes = 1;
    agg.breakglass["bg1@contoso.com"] = st;
  }
  void health(std::string_view id, std::string_view cls, Micros start, Micros end, bool relevant = true) {
    HealthIssue h;
    h.id = id;
    h.title = "Users may be unable to set up MFA";
    h.service = "Microsoft 365 suite";
    h.classification = cls;
    h.status = end == kNoTime ? "investigating" : "serviceRestored";
    h.start = start;
    h.end = end;
    h.identity_relevant = relevant;
    h.relevance_rule = "title.mfa";
    agg.add_health(h);
  }
  Finding& finding(FindingKind k, Cause c, Micros start, Micros end, bool suspected = false) {
    Finding f;
    f.id = "F" + std::to_string(rep.findings.size() + 1);
    f.kind = k;
    f.cause = c;
    f.start = start;
    f.end = end;
    f.suspected = suspected;
    f.playbook = std::string(name(k));
    if (!suspected && c == Cause::provider) f.evidence.health_incidents.push_back("MO1329260");
    rep.findings.push_back(f);
    return rep.findings.back();
  }
  PrecheckReport run(PrecheckAction a = PrecheckAction::ca_change) {
    o.action = a;
    return decide_precheck(ev, o);
  }
};

const CheckResult* check(const PrecheckReport& r, CheckId id, std::size_t nth = 0) {
  for (const auto& c : r.checks)
    if (c.id == id && nth-- == 0) return &c;
  return nullptr;
}

Gate gate(const PrecheckReport& r, CheckId id, std::size_t nth = 0) {
  const CheckResult* c = check(r, id, nth);
  REQUIRE(c);
  return c->gate;
}

}  // namespace

TEST_CASE("a quiet tenant with tested break-glass accounts is GO", "[workflow][precheck]") {
  Fixture f;
  PrecheckReport r = f.run();
  CHECK(r.verdict == Gate::go);
  for (const auto& c : r.checks) CHECK(c.gate == Gate::go);
  CHECK(check(r, CheckId::breakglass_tested));
  CHECK_FALSE(check(r, CheckId::policy_impact));  // no policy given
  CHECK(r.do_not.size() >= 3);                    // before_tenant_changes' do-not list travels with the report
}

TEST_CASE("an open identity incident is STOP for every action, with the playbook's reason", "[workflow][precheck]") {
  for (auto a : {PrecheckAction::ca_change, PrecheckAction::method_reset, PrecheckAction::campaign}) {
    INFO(name(a));
    Fixture f;
    f.health("MO1329260", "incident", kDay + 5 * kH, kNoTime);
    PrecheckReport r = f.run(a);
    CHECK(r.verdict == Gate::stop);
    const CheckResult* c = check(r, CheckId::provider_health);
    REQUIRE(c);
    CHECK(c->gate == Gate::stop);
    CHECK(c->summary == "identity incident MO1329260 open at the provider (Microsoft 365 suite)");
    CHECK_FALSE(c->playbook.empty());
    CHECK(r.headline == c->summary);
    // The reason is the playbook sentence naming this very action.
    PlaybookReason why = playbook_reason(a, "provider_portal_outage");
    REQUIRE_FALSE(why.text.empty());
    CHECK(c->details.back() == "playbook " + why.playbook + ": " + why.text);
  }
}

TEST_CASE("health: resolved recently or an advisory is WAIT, old, unrelated or absent health", "[workflow][precheck]") {
  Fixture f;
  f.health("MO1", "incident", kDay + 6 * kH, kDay + 9 * kH);  // resolved 1 h 5 min before the check
  CHECK(gate(f.run(), CheckId::provider_health) == Gate::wait);
  f.o.recent = kH;  // now it is older than --recent
  CHECK(gate(f.run(), CheckId::provider_health) == Gate::go);

  Fixture adv;
  adv.health("MO2", "advisory", kDay + 6 * kH, kNoTime);
  CHECK(gate(adv.run(), CheckId::provider_health) == Gate::wait);

  Fixture unrelated;
  unrelated.health("EX1", "incident", kDay + 6 * kH, kNoTime, false);
  CHECK(gate(unrelated.run(), CheckId::provider_health) == Gate::go);

  Fixture later;  // starts after the moment judged
  later.health("MO3", "incident", later.o.at + kH, kNoTime);
  CHECK(gate(later.run(), CheckId::provider_health) == Gate::go);

  Fixture none;
  none.ev.inputs.health = false;
  PrecheckReport r = none.run();
  CHECK(gate(r, CheckId::provider_health) == Gate::wait);  // never a false all-clear
  CHECK(r.verdict == Gate::wait);
}

TEST_CASE("provider findings: confirmed and ongoing STOP, suspected or recent WAIT", "[workflow][precheck]") {
  Fixture f;
  f.finding(FindingKind::provider_portal_outage, Cause::provider, kDay + 6 * kH, kDay + 10 * kH);
  CHECK(gate(f.run(), CheckId::provider_findings) == Gate::stop);
  Fixture s;
  s.finding(FindingKind::provider_auth_outage, Cause::provider, kDay + 6 * kH, kDay + 10 * kH, true);
  PrecheckReport r = s.run(PrecheckAction::method_reset);
  CHECK(gate(r, CheckId::provider_findings) == Gate::wait);
  CHECK(check(r, CheckId::provider_findings)->summary.find("suspected provider") != std::string::npos);
  Fixture ended;
  ended.finding(FindingKind::provider_portal_outage, Cause::provider, kDay + 6 * kH, kDay + 8 * kH);
  CHECK(gate(ended.run(), CheckId::provider_findings) == Gate::wait);
  Fixture old;
  old.finding(FindingKind::provider_portal_outage, Cause::provider, kDay + 1 * kH, kDay + 2 * kH);
  CHECK(gate(old.run(), CheckId::provider_findings) == Gate::go);
  Fixture nolog;
  nolog.ev.inputs.signin = false;
  CHECK(gate(nolog.run(), CheckId::provider_findings) == Gate::wait);
}

TEST_CASE("tenant findings gate per action", "[workflow][precheck]") {
  Fixture f;
  f.finding(FindingKind::campaign_overload, Cause::tenant, kDay + 9 * kH, kDay + 10 * kH);
  CHECK(gate(f.run(PrecheckAction::campaign), CheckId::tenant_findings) == Gate::stop);
  CHECK(gate(f.run(PrecheckAction::ca_change), CheckId::tenant_findings) == Gate::go);
  Fixture b;
  b.finding(FindingKind::registration_blocked, Cause::tenant, kDay + 9 * kH, kDay + 10 * kH);
  CHECK(gate(b.run(PrecheckAction::method_reset), CheckId::tenant_findings) == Gate::stop);
  CHECK(gate(b.run(PrecheckAction::ca_change), CheckId::tenant_findings) == Gate::go);
  Fixture t;
  t.finding(FindingKind::tenant_policy_block, Cause::tenant, kDay + 9 * kH, kDay + 10 * kH);
  PrecheckReport r = t.run(PrecheckAction::ca_change);
  CHECK(gate(r, CheckId::tenant_findings) == Gate::go);  // reverting the change is the fix
  CHECK(check(r, CheckId::tenant_findings)->summary.find("revert") != std::string::npos);
  Fixture old;
  old.finding(FindingKind::campaign_overload, Cause::tenant, kDay + 1 * kH, kDay + 2 * kH);
  CHECK(gate(old.run(PrecheckAction::campaign), CheckId::tenant_findings) == Gate::go);
}

TEST_CASE("break-glass accounts and evidence age", "[workflow][precheck]") {
  Fixture f;
  f.o.breakglass = {"bg1@contoso.com", "bg2@contoso.com"};
  PrecheckReport r = f.run();
  CHECK(gate(r, CheckId::breakglass_tested) == Gate::wait);
  CHECK(check(r, CheckId::breakglass_tested)->summary.find("bg2@contoso.com") != std::string::npos);
  CHECK(check(r, CheckId::breakglass_tested)->playbook == "breakglass_stale");
  f.o.breakglass_max_age = kH;  // bg1's success is 8 h old now
  r = f.run();
  CHECK(check(r, CheckId::breakglass_tested)->summary.find("bg1@contoso.com") != std::string::npos);
  f.o.breakglass.clear();
  CHECK(gate(f.run(), CheckId::breakglass_tested) == Gate::wait);
  CHECK_FALSE(check(f.run(PrecheckAction::campaign), CheckId::breakglass_tested));  // not a campaign question

  Fixture stale;
  stale.o.at = stale.agg.last + 3 * kH;
  CHECK(gate(stale.run(), CheckId::evidence_age) == Gate::wait);
  stale.o.max_evidence_age = 4 * kH;
  CHECK(gate(stale.run(), CheckId::evidence_age) == Gate::go);
  Fixture unread;
  unread.ev.unreadable = {"x.json: not valid JSON"};
  CHECK(gate(unread.run(), CheckId::inputs) == Gate::wait);
}

TEST_CASE("a triage that could not judge everything is never GO", "[workflow][precheck]") {
  Fixture f;
  REQUIRE(f.run().verdict == Gate::go);
  f.rep.state = VerdictState::incomplete;
  f.rep.incomplete.push_back({"span_too_short", "", "the sign-ins cover 40 min, the baselines need 2 h"});
  PrecheckReport r = f.run(PrecheckAction::method_reset);
  CHECK(r.verdict == Gate::wait);
  CHECK(gate(r, CheckId::inputs) == Gate::wait);
  REQUIRE(check(r, CheckId::inputs)->details.size() == 1);
  CHECK(check(r, CheckId::inputs)->details[0].find("span_too_short") != std::string::npos);
  CHECK(r.headline.find("could not judge") != std::string::npos);
  // An unreadable input is named once, from the unreadable list.
  f.rep.incomplete = {{"input_unreadable", "x.json", "not valid JSON"}};
  f.ev.unreadable = {"x.json: not valid JSON"};
  r = f.run();
  CHECK(gate(r, CheckId::inputs) == Gate::wait);
  CHECK(check(r, CheckId::inputs)->details == std::vector<std::string>{"x.json: not valid JSON"});
}

TEST_CASE("policy checks: break-glass exclusion, report-only, would-block share", "[workflow][precheck]") {
  CaPolicySet set;
  REQUIRE(parse_ca_export(R"([
    {"id":"p1","displayName":"Block legacy","state":"enabled",
     "conditions":{"users":{"includeUsers":["All"],"excludeUsers":["bg-id-1"]},
                   "applications":{"includeApplications":["All"]},"clientAppTypes":["other"]},
     "grantControls":{"operator":"OR","builtInControls":["block"]}},
    {"id":"p2","displayName":"Block all","state":"enabledForReportingButNotEnforced",
     "conditions":{"users":{"includeUsers":["All"]},"applications":{"includeApplications":["All"]},
                   "clientAppTypes":["all"]},
     "grantControls":{"operator":"OR","builtInControls":["block"]}}])",
                          "p.json", set)
              .ok());
  CaPolicyEval e1(set.policies[0], set.locations, {}), e2(set.policies[1], set.locations, {});
  PolicyImpact i1, i2;
  i1.considered = i2.considered = 1000;
  i1.applies = 10;
  i1.not_applies = 990;
  i2.applies = 1000;

  Fixture f;
  f.ids["bg1@contoso.com"] = "bg-id-1";
  f.ev.policies = {{&e1, &i1}, {&e2, &i2}};
  PrecheckReport r = f.run();
  CHECK(gate(r, CheckId::policy_breakglass_excluded, 0) == Gate::go);    // p1 excludes bg-id-1
  CHECK(gate(r, CheckId::policy_breakglass_excluded, 1) == Gate::wait);  // p2 targets it, report-only: fix first
  CHECK(gate(r, CheckId::policy_report_only, 0) == Gate::stop);          // enabled, never in report-only
  CHECK(gate(r, CheckId::policy_report_only, 1) == Gate::go);
  CHECK(gate(r, CheckId::policy_impact, 0) == Gate::go);  // 1% for certain
  CHECK(gate(r, CheckId::policy_impact, 1) == Gate::go);  // 100%, but only report-only: reported, not gated
  CHECK(r.verdict == Gate::stop);
  REQUIRE(r.policies.size() == 2);
  CHECK(r.policies[0].share_min == Approx(0.01));
  CHECK(r.policies[1].share_max == Approx(1.0));
  CHECK(check(r, CheckId::policy_report_only, 0)->subject == "'Block legacy'");

  i1.report_only_seen = 50;  // the sign-ins show it ran in report-only before
  r = f.run();
  CHECK(gate(r, CheckId::policy_report_only, 0) == Gate::go);
  i1.applies = 40;  // 4% for certain…
  i1.unknown = 20;  // …6% possibly
  CHECK(gate(f.run(), CheckId::policy_impact, 0) == Gate::wait);
  i1.unknown = 0;
  CHECK(gate(f.run(), CheckId::policy_impact, 0) == Gate::go);
  i1.applies = 600;
  CHECK(gate(f.run(), CheckId::policy_impact, 0) == Gate::stop);
  i1.applies = 5;
  i1.breakglass_applies = 1;
  CHECK(gate(f.run(), CheckId::policy_impact, 0) == Gate::stop);
  i1.breakglass_applies = 0;

  f.ids.clear();  // bg1's object id unknown: p1 names users by id
  r = f.run();
  CHECK(gate(r, CheckId::policy_breakglass_excluded, 0) == Gate::wait);
  CHECK(check(r, CheckId::policy_breakglass_excluded, 0)->summary.find("object id is not in the sign-ins") !=
        std::string::npos);
  f.ev.policies = {{&e1, nullptr}};  // no sign-ins read
  CHECK(gate(f.run(), CheckId::policy_impact) == Gate::wait);
}

TEST_CASE("every action finds a playbook reason, rules cover every check", "[workflow][precheck]") {
  for (auto pb : {"provider_portal_outage", "provider_auth_outage", ""})
    for (std::size_t a = 0; a < kPrecheckActionCount; ++a) {
      INFO(pb << " " << kPrecheckActionNames[a]);
      CHECK_FALSE(playbook_reason(static_cast<PrecheckAction>(a), pb).text.empty());
    }
  CHECK(precheck_rules().size() == kCheckIdCount);
  for (std::size_t i = 0; i < precheck_rules().size(); ++i) CHECK(precheck_rules()[i].id == static_cast<CheckId>(i));
  CHECK(parse_precheck_action("ca-change") == PrecheckAction::ca_change);
  CHECK(parse_precheck_action("Method-Reset") == PrecheckAction::method_reset);
  CHECK_FALSE(parse_precheck_action("reboot"));
}
