// Why: see precheck.h. Each check is a function that appends CheckResults;
// the gates they choose come from the tables at the top (rules as data).
#include "workflow/precheck.h"

#include <fmt/format.h>

#include <algorithm>

#include "playbook/playbook.h"
#include "util/text.h"

namespace idt {
namespace {

constexpr std::array<bool, 3> kAll = {true, true, true};

constexpr CheckRule kRules[] = {
    {CheckId::inputs, kAll,
     "every input could be read and the triage underneath could judge them; an unreadable input, or a triage "
     "that could not judge everything (triage exit 5), is WAIT: the evidence is incomplete, never a GO"},
    {CheckId::evidence_age, kAll,
     "the newest sign-in/audit record is at most 2 h older than --at; older evidence is WAIT (export current logs)"},
    {CheckId::provider_health, kAll,
     "an identity-relevant provider incident open at --at is STOP; one resolved within --recent, or an open "
     "identity advisory, is WAIT; no health input is WAIT"},
    {CheckId::provider_findings, kAll,
     "a provider-side finding in the logs that reaches --at is STOP when a health incident confirms it, WAIT when "
     "suspected; one that ended within --recent is WAIT; no sign-in input is WAIT"},
    {CheckId::tenant_findings, kAll,
     "tenant or attack findings that make the action wrong now (table below), ongoing or ended within --recent"},
    {CheckId::breakglass_tested,
     {true, true, false},
     "every --breakglass account signed in successfully within --breakglass-max-age before --at; untested, or no "
     "accounts given, is WAIT"},
    {CheckId::policy_breakglass_excluded, kAll,
     "with --policy: the policy does not apply to any --breakglass account (applies: STOP when enabled, WAIT in "
     "report-only; cannot tell: WAIT)"},
    {CheckId::policy_report_only, kAll,
     "with --policy: the policy is report-only or disabled, or the sign-ins show it already ran in report-only; "
     "enabled without that is STOP"},
    {CheckId::policy_impact, kAll,
     "with --policy: share of recent user sign-ins an enforced block policy would block; at least 50% for certain "
     "is STOP, at least 5% possibly is WAIT; report-only and grant policies are reported, not gated"},
};
static_assert(std::size(kRules) == kCheckIdCount, "every CheckId needs a rule");

// Findings that make an action wrong while they last: gate per action
// (ca-change, method-reset, campaign) and the reason.
struct FindingGate {
  FindingKind kind;
  std::array<Gate, kPrecheckActionCount> gate;
  std::string_view why;
};
constexpr FindingGate kFindingGates[] = {
    {FindingKind::campaign_overload,
     {Gate::go, Gate::go, Gate::stop},
     "a registration campaign is already overloading: pause it and re-plan in waves by region, off-peak"},
    {FindingKind::registration_blocked,
     {Gate::go, Gate::stop, Gate::stop},
     "MFA registration is blocked by tenant policy: fix the policy first; resets and campaigns only add users who "
     "cannot register"},
    {FindingKind::tenant_policy_block,
     {Gate::go, Gate::stop, Gate::wait},
     "sign-ins are blocked by the tenant's own Conditional Access change: the targeted fix is to revert that change"},
    {FindingKind::outage_phishing,
     {Gate::go, Gate::wait, Gate::stop},
     "outage-themed phishing is being reported: a campaign or re-registration mail now looks exactly like it"},
    {FindingKind::lockout_wave,
     {Gate::go, Gate::wait, Gate::go},
     "a lockout wave is under way: find the common cause before changing users' methods in bulk"},
};

// How reports name the action.
constexpr std::array<std::string_view, kPrecheckActionCount> kActionTitles = {
    "this Conditional Access change", "resetting users' authentication methods", "starting or widening the campaign"};

// Which words name the action in a playbook's do-not list.
constexpr std::array<std::string_view, kPrecheckActionCount> kActionWords = {"Conditional Access",
                                                                             "authentication methods", "campaign"};

std::string hm(Micros t) { return format_day_minute(t) + " UTC"; }
std::string pct(double r) { return fmt::format("{:.1f}%", 100.0 * r); }
std::string count(std::uint64_t n) { return fmt::format("{}", n); }

std::string duration(Micros d) {
  if (d < 0) d = -d;
  std::int64_t m = d / (60 * kMicrosPerSecond);
  if (m < 60) return fmt::format("{} min", m);
  if (m < 48 * 60) return m % 60 ? fmt::format("{} h {} min", m / 60, m % 60) : fmt::format("{} h", m / 60);
  return fmt::format("{} days", m / (24 * 60));
}

bool ongoing(const Finding& f, const TriageAggregate& a) {
  return f.end != kNoTime && a.last != kNoTime && f.end + a.options().bucket > a.last;
}
bool ended_recently(const Finding& f, const PrecheckOptions& o) {
  return f.end != kNoTime && o.at != kNoTime && f.end <= o.at && o.at - f.end <= o.recent;
}

bool looks_like_guid(std::string_view s) { return s.size() == 36 && s[8] == '-' && s[13] == '-' && s[18] == '-'; }

struct Ctx {
  const PrecheckEvidence& ev;
  const PrecheckOptions& o;
  PrecheckReport& rep;
  bool applies(CheckId id) const {
    return kRules[static_cast<std::size_t>(id)].applies[static_cast<std::size_t>(o.action)];
  }
  CheckResult& add(CheckId id, Gate g, std::string summary, std::string subject = {}) {
    CheckResult c;
    c.id = id;
    c.gate = g;
    c.summary = std::move(summary);
    c.subject = std::move(subject);
    rep.checks.push_back(std::move(c));
    return rep.checks.back();
  }
};

void check_inputs(Ctx& c) {
  // Why a triage could not judge (the verdicts' incomplete reasons); an
  // unreadable input is listed once, from `unreadable`.
  std::vector<std::string> unjudged;
  for (const auto& r : c.ev.report->incomplete) {
    if (r.code == "input_unreadable") continue;
    unjudged.push_back("triage could not judge: " + (r.input.empty() ? std::string() : r.input + ": ") + r.detail +
                       " (" + r.code + ")");
  }
  if (c.ev.unreadable.empty() && unjudged.empty()) {
    c.add(CheckId::inputs, Gate::go, "every input was read and judged");
    return;
  }
  std::string summary = !c.ev.unreadable.empty()
                            ? count(c.ev.unreadable.size()) + " input(s) could not be read: the evidence is incomplete"
                            : "the triage could not judge everything (" + count(unjudged.size()) +
                                  " reason(s)): the evidence is incomplete";
  CheckResult& r = c.add(CheckId::inputs, Gate::wait, summary);
  r.details = c.ev.unreadable;
  r.details.insert(r.details.end(), unjudged.begin(), unjudged.end());
}

void check_evidence_age(Ctx& c) {
  const TriageAggregate& a = *c.ev.agg;
  if (!c.ev.inputs.signin && !c.ev.inputs.audit) {
    c.add(CheckId::evidence_age, Gate::wait,
          "no sign-in or audit logs given: what is happening in the tenant now is unknown");
    return;
  }
  if (a.last == kNoTime) {
    c.add(CheckId::evidence_age, Gate::wait, "the logs given hold no dated records");
    return;
  }
  Micros age = c.o.at - a.last;
  if (age > c.o.max_evidence_age) {
    CheckResult& r = c.add(CheckId::evidence_age, Gate::wait,
                           "the newest record is " + duration(age) + " older than the check time: export current logs");
    r.details.push_back("newest record " + hm(a.last) + ", check time " + hm(c.o.at));
    return;
  }
  c.add(CheckId::evidence_age, Gate::go, "newest record " + hm(a.last) + " (" + duration(age) + " before the check)");
}

// Closed by status but without an end time: treat the last update as the end.
Micros issue_end(const HealthIssueCopy& h) {
  if (h.end != kNoTime) return h.end;
  if (health_status_is_closed(canonical_health_status(h.status)) && h.last_update != kNoTime) return h.last_update;
  return kNoTime;
}

std::string incident_playbook(const HealthIssueCopy& h, const TriageReport& r) {
  for (const auto& f : r.findings)
    if (f.cause == Cause::provider)
      for (const auto& id : f.evidence.health_incidents)
        if (id == h.id) return f.playbook;
  std::string_view rule = h.relevance_rule;
  bool portal = rule.find("mfa") != std::string_view::npos || rule.find("mysignins") != std::string_view::npos ||
                rule.find("security_info") != std::string_view::npos ||
                rule.find("authenticator") != std::string_view::npos;
  return portal ? "provider_portal_outage" : "provider_auth_outage";
}

void check_provider_health(Ctx& c) {
  if (!c.ev.inputs.health) {
    c.add(CheckId::provider_health, Gate::wait,
          "no service-health input: a provider incident cannot be ruled out (Microsoft 365 admin center > Health > "
          "Service health, all services)");
    return;
  }
  const TriageAggregate& a = *c.ev.agg;
  std::size_t relevant = 0;
  Gate worst = Gate::go;
  std::vector<std::string> lines;
  std::string summary, playbook;
  for (const auto& h : a.health) {
    if (!h.identity_relevant || h.synthetic) continue;
    ++relevant;
    Micros end = issue_end(h);
    bool started = h.start != kNoTime ? h.start <= c.o.at : (h.last_update != kNoTime && h.last_update <= c.o.at);
    bool active = started && (end == kNoTime || c.o.at < end);
    bool incident = h.classification == "incident" || h.classification.empty();
    std::string what =
        h.id + " \"" + h.title + "\" (" + h.service + ", " + (h.classification.empty() ? "?" : h.classification) + ")";
    Gate g = Gate::go;
    std::string line;
    if (active) {
      g = incident ? Gate::stop : Gate::wait;
      line = what + (end == kNoTime ? " open since " + hm(h.start != kNoTime ? h.start : h.last_update)
                                    : " active " + hm(h.start) + " until " + hm(end));
    } else if (started && end != kNoTime && c.o.at - end <= c.o.recent) {
      g = Gate::wait;
      line = what + " resolved " + duration(c.o.at - end) + " before the check (" + hm(end) +
             "): the service may still be recovering";
    } else {
      continue;
    }
    lines.push_back(line);
    if (g > worst) {
      worst = g;
      summary = active ? std::string(incident ? "identity incident " : "identity advisory ") + h.id +
                             " open at the provider (" + h.service + ")"
                       : "identity incident " + h.id + " resolved only " + duration(c.o.at - end) + " before the check";
      playbook = incident_playbook(h, *c.ev.report);
    }
  }
  if (worst == Gate::go) {
    c.add(CheckId::provider_health, Gate::go,
          "no identity-relevant provider issue open or resolved within " + duration(c.o.recent) + " (" +
              count(relevant) + " identity-relevant of " + count(a.health.size()) + " issues given)");
    return;
  }
  PlaybookReason why = playbook_reason(c.o.action, playbook);
  CheckResult& r = c.add(CheckId::provider_health, worst, summary);
  r.details = lines;
  if (!why.text.empty()) {
    r.details.push_back("playbook " + why.playbook + ": " + why.text);
    r.playbook = why.playbook;
  }
}

void check_provider_findings(Ctx& c) {
  if (!c.ev.inputs.signin) {
    c.add(CheckId::provider_findings, Gate::wait,
          "no sign-in input: provider-side failures in the logs were not checked");
    return;
  }
  Gate worst = Gate::go;
  std::vector<std::string> lines;
  std::string summary, playbook;
  for (const auto& f : c.ev.report->findings) {
    if (f.cause != Cause::provider) continue;
    bool now = ongoing(f, *c.ev.agg);
    Gate g = Gate::go;
    if (now)
      g = f.suspected ? Gate::wait : Gate::stop;
    else if (ended_recently(f, c.o))
      g = Gate::wait;
    else
      continue;
    std::string head =
        std::string(name(f.kind)) +
        (now ? " ongoing since " + hm(f.start) : " ended " + duration(c.o.at - f.end) + " before the check") +
        (f.suspected ? " (suspected provider: no matching health issue)"
                     : ", matches " + (f.evidence.health_incidents.empty() ? std::string("a health issue")
                                                                           : f.evidence.health_incidents.front()));
    lines.push_back(f.id + " " + f.summary);
    for (const auto& l : f.evidence.lines) lines.push_back("  " + l);
    if (g > worst) {
      worst = g;
      summary = head;
      playbook = f.playbook;
    }
  }
  if (worst == Gate::go) {
    c.add(CheckId::provider_findings, Gate::go, "no provider-side failure pattern in the logs reaching the check time");
    return;
  }
  CheckResult& r = c.add(CheckId::provider_findings, worst, summary);
  r.details = lines;
  PlaybookReason why = playbook_reason(c.o.action, playbook);
  if (!why.text.empty()) {
    r.details.push_back("playbook " + why.playbook + ": " + why.text);
    r.playbook = why.playbook;
  }
}

void check_tenant_findings(Ctx& c) {
  Gate worst = Gate::go;
  std::vector<std::string> lines;
  std::string summary, playbook;
  for (const auto& f : c.ev.report->findings) {
    const FindingGate* fg = nullptr;
    for (const auto& g : kFindingGates)
      if (g.kind == f.kind) fg = &g;
    if (!fg) continue;
    bool now = ongoing(f, *c.ev.agg) || ended_recently(f, c.o);
    if (!now) continue;
    Gate g = fg->gate[static_cast<std::size_t>(c.o.action)];
    lines.push_back(std::string(name(g)) + ": " + f.id + " " + std::string(name(f.kind)) + " " + hm(f.start) + "–" +
                    format_hhmm(f.end) + ": " + std::string(fg->why));
    if (summary.empty() || g > worst) {
      worst = std::max(worst, g);
      summary = std::string(fg->why);
      playbook = f.playbook;
    }
  }
  if (lines.empty()) {
    c.add(CheckId::tenant_findings, Gate::go, "no tenant or attack finding that stands against this change");
    return;
  }
  CheckResult& r = c.add(CheckId::tenant_findings, worst, summary);
  r.details = lines;
  r.playbook = playbook;
}

void check_breakglass(Ctx& c) {
  if (c.o.breakglass.empty()) {
    c.add(CheckId::breakglass_tested, Gate::wait,
          "no --breakglass accounts given: the emergency-access safety net is not checked");
    return;
  }
  if (!c.ev.inputs.signin) {
    c.add(CheckId::breakglass_tested, Gate::wait, "no sign-in input: break-glass sign-ins cannot be checked");
    return;
  }
  const TriageAggregate& a = *c.ev.agg;
  Micros span = a.first == kNoTime ? 0 : a.last - a.first;
  std::vector<std::string> stale;
  std::vector<std::string> lines;
  for (const auto& u : c.o.breakglass) {
    auto it = a.breakglass.find(u);
    BreakglassState st = it == a.breakglass.end() ? BreakglassState{} : it->second;
    if (st.last_success != kNoTime && c.o.at - st.last_success <= c.o.breakglass_max_age) {
      lines.push_back(u + ": last successful sign-in " + hm(st.last_success) + " (" +
                      duration(c.o.at - st.last_success) + " before the check)");
      continue;
    }
    stale.push_back(u);
    if (st.last_success != kNoTime)
      lines.push_back(u + ": last successful sign-in " + hm(st.last_success) + ", older than --breakglass-max-age");
    else if (span < c.o.breakglass_max_age)
      lines.push_back(u + ": no successful sign-in in the " + duration(span) +
                      " the sign-ins cover (shorter than --breakglass-max-age: export more history to be sure)");
    else
      lines.push_back(u + ": no successful sign-in within --breakglass-max-age");
  }
  if (stale.empty()) {
    CheckResult& r = c.add(CheckId::breakglass_tested, Gate::go,
                           "every break-glass account signed in successfully within --breakglass-max-age");
    r.details = lines;
    return;
  }
  std::string who;
  for (const auto& s : stale) who += (who.empty() ? "" : ", ") + s;
  CheckResult& r = c.add(CheckId::breakglass_tested, Gate::wait,
                         "break-glass account(s) not tested recently: " + who + " — test a sign-in first");
  r.details = lines;
  r.playbook = "breakglass_stale";
}

std::string grant_text(const CaPolicyDef& p) {
  if (!p.grant.present) return "session controls only";
  std::string g;
  for (const auto& b : p.grant.built_in) g += (g.empty() ? "" : " " + p.grant.op + " ") + b;
  if (p.grant.authentication_strength)
    g += (g.empty() ? "" : " " + p.grant.op + " ") + std::string("authenticationStrength");
  if (p.grant.terms_of_use) g += (g.empty() ? "" : " " + p.grant.op + " ") + std::string("termsOfUse");
  return g.empty() ? "no grant controls" : g;
}

std::string policy_label(const CaPolicyDef& p) {
  return "'" + (p.display_name.empty() ? std::string("(unnamed)") : p.display_name) + "'";
}

void check_policy_breakglass(Ctx& c, const PolicyInput& pi) {
  const CaPolicyDef& p = pi.eval->policy();
  std::string subject = policy_label(p);
  if (p.state == CaState::disabled) {
    c.add(CheckId::policy_breakglass_excluded, Gate::go, "the policy is disabled: it applies to nobody", subject);
    return;
  }
  if (c.o.breakglass.empty()) {
    c.add(CheckId::policy_breakglass_excluded, Gate::wait,
          "no --breakglass accounts given: cannot check that the policy excludes them", subject);
    return;
  }
  Gate worst = Gate::go;
  std::vector<std::string> lines;
  std::string summary;
  for (const auto& u : c.o.breakglass) {
    std::string id, upn;
    if (looks_like_guid(u)) {
      id = u;
    } else {
      upn = u;
      if (c.ev.breakglass_ids) {
        auto it = c.ev.breakglass_ids->find(u);
        if (it != c.ev.breakglass_ids->end()) id = it->second;
      }
    }
    CaDecision d = pi.eval->users_condition(id, upn, "Member");
    Gate g = Gate::go;
    std::string line;
    if (d.match == CaMatch::no) {
      line = u + ": excluded or not targeted";
    } else if (d.match == CaMatch::yes) {
      g = p.state == CaState::enabled ? Gate::stop : Gate::wait;
      line = u + ": the policy applies to this emergency-access account — exclude it (or its group) first";
    } else {
      g = Gate::wait;
      line = u + ": cannot tell — " + std::string(describe(d.why)) +
             (d.why == CaUnknown::user_id_missing ? " (its object id is not in the sign-ins given)" : "");
    }
    lines.push_back(line);
    if (g > worst) {
      worst = g;
      summary = line;
    }
  }
  CheckResult& r =
      c.add(CheckId::policy_breakglass_excluded, worst,
            worst == Gate::go ? "the policy does not apply to the break-glass accounts" : summary, subject);
  if (lines.size() > 1 || worst == Gate::go) r.details = lines;
  if (worst != Gate::go) r.playbook = "before_tenant_changes";
}

void check_policy_report_only(Ctx& c, const PolicyInput& pi) {
  const CaPolicyDef& p = pi.eval->policy();
  std::string subject = policy_label(p);
  switch (p.state) {
    case CaState::report_only:
      c.add(CheckId::policy_report_only, Gate::go, "the policy starts in report-only", subject);
      return;
    case CaState::disabled:
      c.add(CheckId::policy_report_only, Gate::go, "the policy is disabled", subject);
      return;
    case CaState::unknown:
      c.add(CheckId::policy_report_only, Gate::wait, "unknown state '" + p.state_raw + "'", subject);
      return;
    case CaState::enabled:
    case CaState::count_:
      break;
  }
  std::uint64_t seen = pi.impact ? pi.impact->report_only_seen : 0;
  if (seen > 0) {
    CheckResult& r = c.add(
        CheckId::policy_report_only, Gate::go,
        "enabled after a report-only period: the sign-ins show it evaluated in report-only " + count(seen) + " times",
        subject);
    r.details.push_back(count(pi.impact->report_only_failure) +
                        " of those report-only evaluations would have failed (blocked or control not satisfied)");
    return;
  }
  CheckResult& r = c.add(CheckId::policy_report_only, Gate::stop,
                         "the policy is set to enabled with no report-only period in the sign-ins given: set its "
                         "state to enabledForReportingButNotEnforced first",
                         subject);
  if (pi.impact && pi.impact->enforced_seen)
    r.details.push_back("the sign-ins show it already enforced " + count(pi.impact->enforced_seen) +
                        " times: a changed policy also starts in report-only");
  r.playbook = "before_tenant_changes";
}

PolicyImpactView impact_view(const PolicyInput& pi) {
  const CaPolicyDef& p = pi.eval->policy();
  PolicyImpactView v;
  v.policy = p.display_name;
  v.id = p.id;
  v.state = std::string(name(p.state));
  v.blocks = pi.eval->blocks();
  v.grant = grant_text(p);
  v.notes = pi.eval->notes();
  if (!pi.impact) return v;
  const PolicyImpact& m = *pi.impact;
  v.considered = m.considered;
  v.applies = m.applies;
  v.not_applies = m.not_applies;
  v.unknown = m.unknown;
  for (std::size_t i = 0; i < kCaUnknownCount; ++i)
    if (m.unknown_by[i]) v.unknown_by.emplace_back(std::string(kCaUnknownNames[i]), m.unknown_by[i]);
  std::stable_sort(v.unknown_by.begin(), v.unknown_by.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  v.applies_succeeded = m.applies_succeeded;
  v.applies_single_factor = m.applies_single_factor;
  v.users = m.users.size();
  v.report_only_seen = m.report_only_seen;
  v.report_only_failure = m.report_only_failure;
  if (m.considered) {
    v.share_min = double(m.applies) / double(m.considered);
    v.share_max = double(m.applies + m.unknown) / double(m.considered);
  }
  for (auto& [k, n] : m.users.top(5)) v.top_users.push_back({k, n});
  for (auto& [k, n] : m.apps.top(5)) v.top_apps.push_back({k, n});
  return v;
}

void check_policy_impact(Ctx& c, const PolicyInput& pi, const PolicyImpactView& v) {
  const CaPolicyDef& p = pi.eval->policy();
  std::string subject = policy_label(p);
  if (!pi.impact || v.considered == 0) {
    c.add(CheckId::policy_impact, Gate::wait, "no user sign-ins given: the policy's impact was not measured", subject);
    return;
  }
  std::string range = v.share_min == v.share_max ? pct(v.share_min) : pct(v.share_min) + "–" + pct(v.share_max);
  std::string verb = v.blocks ? "would block" : "would require " + v.grant + " for";
  std::string line = verb + " " + range + " of " + count(v.considered) + " recent user sign-ins (" + count(v.applies) +
                     " sign-ins by " + count(v.users) + " users for certain";
  line += v.unknown ? ", " + count(v.unknown) + " not evaluable)" : ")";
  Gate g = Gate::go;
  std::string why;
  if (v.blocks && p.state == CaState::enabled) {
    if (v.share_min >= c.o.stop_share) {
      g = Gate::stop;
      why = "it would block at least " + pct(v.share_min) + " of recent sign-ins: check its scope";
    } else if (v.share_max >= c.o.wait_share) {
      g = Gate::wait;
      why = "it may block " + pct(v.share_max) + " of recent sign-ins: review the users and apps it hits first";
    }
    if (pi.impact->breakglass_applies) {
      g = Gate::stop;
      why = "it would block " + count(pi.impact->breakglass_applies) + " sign-ins by break-glass accounts";
    }
  }
  CheckResult& r = c.add(CheckId::policy_impact, g, why.empty() ? line : why, subject);
  if (!why.empty()) r.details.push_back(line);
  if (!v.blocks && v.applies)
    r.details.push_back(count(v.applies_single_factor) + " of the sign-ins it applies to were single-factor today");
  if (v.blocks && v.applies)
    r.details.push_back(count(v.applies_succeeded) + " of the sign-ins it would block succeed today");
  for (const auto& [reason, n] : v.unknown_by) {
    auto idx = std::find(kCaUnknownNames.begin(), kCaUnknownNames.end(), reason) - kCaUnknownNames.begin();
    r.details.push_back("not evaluable (" + reason + "): " + count(n) + " — " +
                        std::string(describe(static_cast<CaUnknown>(idx))));
  }
  for (const auto& n : v.notes) r.details.push_back("note: " + n);
  if (g != Gate::go) r.playbook = "before_tenant_changes";
}

}  // namespace

std::span<const CheckRule> precheck_rules() { return kRules; }

std::optional<PrecheckAction> parse_precheck_action(std::string_view s) {
  for (std::size_t i = 0; i < kPrecheckActionCount; ++i)
    if (iequals(s, kPrecheckActionNames[i])) return static_cast<PrecheckAction>(i);
  return std::nullopt;
}

PlaybookReason playbook_reason(PrecheckAction action, std::string_view playbook_id) {
  std::string_view word = kActionWords[static_cast<std::size_t>(action)];
  for (std::string_view id :
       {playbook_id, std::string_view("before_tenant_changes"), std::string_view("campaign_overload")}) {
    if (id.empty()) continue;
    const Playbook* p = find_playbook(id);
    if (!p) continue;
    for (const auto& d : p->do_not)
      if (icontains(d, word)) return {p->id, d};
  }
  return {};
}

PrecheckReport decide_precheck(const PrecheckEvidence& ev, const PrecheckOptions& o) {
  PrecheckReport rep;
  rep.action = o.action;
  rep.at = o.at;
  rep.window_start = ev.report->window_start;
  rep.window_end = ev.report->window_end;
  Ctx c{ev, o, rep};
  if (c.applies(CheckId::inputs)) check_inputs(c);
  if (c.applies(CheckId::evidence_age)) check_evidence_age(c);
  if (c.applies(CheckId::provider_health)) check_provider_health(c);
  if (c.applies(CheckId::provider_findings)) check_provider_findings(c);
  if (c.applies(CheckId::tenant_findings)) check_tenant_findings(c);
  if (c.applies(CheckId::breakglass_tested)) check_breakglass(c);
  for (const auto& pi : ev.policies) {
    PolicyImpactView v = impact_view(pi);
    if (c.applies(CheckId::policy_breakglass_excluded)) check_policy_breakglass(c, pi);
    if (c.applies(CheckId::policy_report_only)) check_policy_report_only(c, pi);
    if (c.applies(CheckId::policy_impact)) check_policy_impact(c, pi, v);
    rep.policies.push_back(std::move(v));
  }
  std::stable_sort(rep.checks.begin(), rep.checks.end(),
                   [](const CheckResult& a, const CheckResult& b) { return a.id < b.id; });
  for (const auto& ch : rep.checks) rep.verdict = std::max(rep.verdict, ch.gate);
  if (rep.verdict == Gate::go)
    rep.headline = "all " + count(rep.checks.size()) + " checks passed: nothing found against " +
                   std::string(kActionTitles[static_cast<std::size_t>(o.action)]) + " now";
  else
    for (const auto& ch : rep.checks)
      if (ch.gate == rep.verdict) {
        rep.headline = (ch.subject.empty() ? "" : ch.subject + ": ") + ch.summary;
        break;
      }
  if (const Playbook* p = find_playbook("before_tenant_changes")) rep.do_not = p->do_not;
  return rep;
}

}  // namespace idt
