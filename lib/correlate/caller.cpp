// Why: see caller.h.
#include "correlate/caller.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "classify/codes.h"
#include "util/text.h"

namespace idt {
namespace {

constexpr std::uint32_t sbit(SigninClass c) { return 1u << static_cast<unsigned>(c); }
constexpr std::uint32_t abit(AuditClass c) { return 1u << static_cast<unsigned>(c); }
constexpr std::uint32_t tbit(TicketClass c) { return 1u << static_cast<unsigned>(c); }

constexpr std::uint32_t kRegAudit = abit(AuditClass::registration_started) | abit(AuditClass::registration_failed) |
                                    abit(AuditClass::registration_cancelled);
constexpr std::uint32_t kServiceFail = sbit(SigninClass::service_error) | sbit(SigninClass::portal_unreachable);
constexpr std::uint32_t kSetupTickets = tbit(TicketClass::mfa_setup) | tbit(TicketClass::portal_unreachable);

// One row per finding kind, in FindingKind order (checked below).
constexpr std::array<CoverRule, kFindingKindCount> kCoverRules = {{
    {FindingKind::provider_portal_outage, kServiceFail, "", true, kRegAudit, kSetupTickets, true, false},
    {FindingKind::provider_auth_outage, kServiceFail, "", false, 0, tbit(TicketClass::signin_failure), false, false},
    {FindingKind::tenant_policy_block, sbit(SigninClass::auth_failure), "ca_block", false, 0, 0, true, false},
    {FindingKind::registration_blocked, sbit(SigninClass::registration_failure), "", false,
     abit(AuditClass::registration_failed), kSetupTickets, true, false},
    {FindingKind::password_spray, 0, "", false, 0, 0, true, true},
    {FindingKind::mfa_fatigue, 0, "", false, 0, 0, true, false},
    {FindingKind::lockout_wave, sbit(SigninClass::auth_failure), "locked", false, 0, tbit(TicketClass::lockout), true,
     false},
    {FindingKind::outage_phishing, 0, "", false, 0, tbit(TicketClass::phishing_report), false, false},
    {FindingKind::campaign_overload, sbit(SigninClass::registration_failure) | kServiceFail, "", true, kRegAudit,
     kSetupTickets, true, false},
    {FindingKind::breakglass_stale, 0, "", false, 0, 0, true, false},
    {FindingKind::breakglass_used, 0, "", false, 0, 0, true, false},
}};
constexpr bool rules_in_kind_order() {
  for (std::size_t i = 0; i < kCoverRules.size(); ++i)
    if (static_cast<std::size_t>(kCoverRules[i].kind) != i) return false;
  return true;
}
static_assert(rules_in_kind_order(), "cover rules: one row per FindingKind, in order");
static_assert(static_cast<std::size_t>(CallerSituation::breakglass_used) ==
                  static_cast<std::size_t>(FindingKind::breakglass_used),
              "finding-based situations mirror FindingKind");

// A record counts for a finding when it falls in the finding's episode
// (plus one default bucket either side: episodes are bucket-aligned).
constexpr Micros kSlack = 15 * 60 * kMicrosPerSecond;
bool in_episode(const Finding& f, Micros t) {
  if (t == kNoTime) return false;
  if (f.start != kNoTime && t < f.start - kSlack) return false;
  if (f.end != kNoTime && t > f.end + kSlack) return false;
  return true;
}

std::string hhmm(Micros t) { return format_hhmm(t); }

bool failed(SigninClass c) { return c != SigninClass::success && c != SigninClass::interrupt; }

std::string most_common(const std::map<std::string, std::uint32_t>& m, std::uint32_t* count = nullptr) {
  std::string best;
  std::uint32_t n = 0;
  for (const auto& [k, v] : m)
    if (v > n) best = k, n = v;
  if (count) *count = n;
  return best;
}

std::string covers(const CoverRule& r, const Finding& f, const UserActivity& u) {
  std::uint32_t n = 0;
  Micros first = kNoTime, last = kNoTime;
  auto see = [&](Micros t) {
    ++n;
    if (first == kNoTime || t < first) first = t;
    if (last == kNoTime || t > last) last = t;
  };
  for (const auto& s : u.signins) {
    if (!in_episode(f, s.time)) continue;
    bool hit = (r.signin_classes & sbit(s.cls)) && (r.signin_reason.empty() || s.reason == r.signin_reason) &&
               (!r.security_info_only || is_security_info_app("", s.app));
    if (!hit && r.by_evidence_ip && failed(s.cls))
      for (const auto& ip : f.evidence.top_ips) hit |= !s.ip.empty() && ip.key == s.ip;
    if (hit) see(s.time);
  }
  std::uint32_t signin_hits = n;
  for (const auto& a : u.audits)
    if ((r.audit_classes & abit(a.cls)) && in_episode(f, a.time)) see(a.time);
  std::uint32_t audit_hits = n - signin_hits;
  std::uint32_t ticket_hits = 0;
  for (const auto& t : u.tickets)
    if ((r.ticket_classes & tbit(t.cls)) && in_episode(f, t.opened)) ++ticket_hits;
  if (n == 0 && ticket_hits == 0) {
    const UserKey& key = u.key();
    if (r.by_evidence_user)
      for (const auto& item : f.evidence.top_users)
        if (!key.upn.empty() && iequals(item.key, key.upn)) return "named in the finding's evidence";
    return {};
  }
  std::vector<std::string> parts;
  if (signin_hits) parts.push_back(fmt::format("{} of their sign-ins", signin_hits));
  if (audit_hits) parts.push_back(fmt::format("{} registration event{}", audit_hits, audit_hits == 1 ? "" : "s"));
  if (ticket_hits) parts.push_back(fmt::format("{} ticket{}", ticket_hits, ticket_hits == 1 ? "" : "s"));
  std::string why = parts[0];
  for (std::size_t i = 1; i < parts.size(); ++i) why += (i + 1 == parts.size() ? " and " : ", ") + parts[i];
  why += " in the episode";
  if (n) why += fmt::format(" ({}-{} UTC)", hhmm(first), hhmm(last));
  return why;
}

}  // namespace

const std::array<CoverRule, kFindingKindCount>& cover_rules() { return kCoverRules; }

CallerCase assess_caller(const UserActivity& u, const TriageReport& report, const std::vector<HealthIssueCopy>& health) {
  CallerCase c;
  CallerFacts& f = c.facts;
  std::map<std::string, std::uint32_t> ok_ips, fail_ips;
  for (std::size_t i = 0; i < u.signins.size(); ++i) {
    const UserSignin& s = u.signins[i];
    ++f.signins;
    if (s.cls == SigninClass::success) {
      ++f.successes;
      f.last_success = static_cast<std::int64_t>(i);
      if (!s.ip.empty()) ++ok_ips[s.ip];
      continue;
    }
    if (s.cls == SigninClass::interrupt) {
      ++f.interrupts;
      continue;
    }
    ++f.failures;
    f.last_failure = static_cast<std::int64_t>(i);
    if (!s.ip.empty()) ++fail_ips[s.ip];
    if (s.reason == "bad_password") ++f.bad_passwords;
    if (s.reason == "locked") ++f.locked;
    if (s.reason == "disabled") ++f.disabled;
    if (s.reason == "ca_block") ++f.ca_blocks;
    if (s.cls == SigninClass::mfa_failure) ++f.mfa_failures;
    if (s.cls == SigninClass::registration_failure) ++f.registration_failures;
    if (s.cls == SigninClass::service_error || s.cls == SigninClass::portal_unreachable) ++f.service_errors;
  }
  for (const auto& a : u.audits) {
    switch (a.cls) {
      case AuditClass::registration_started:
        ++f.reg_started;
        f.registration_open = true;
        break;
      case AuditClass::registration_completed:
        ++f.reg_completed;
        f.registration_open = false;
        break;
      case AuditClass::registration_cancelled:
        ++f.reg_cancelled;
        break;
      case AuditClass::registration_failed:
        ++f.reg_failed;
        break;
      case AuditClass::method_deleted:
        ++f.methods_deleted;
        break;
      case AuditClass::method_admin_change:
        ++f.admin_changes;
        break;
      default:
        break;
    }
  }
  f.usual_ip = most_common(ok_ips);
  f.failure_ip = most_common(fail_ips, &f.failure_ip_count);

  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& fd = report.findings[i];
    std::string why = covers(kCoverRules[static_cast<std::size_t>(fd.kind)], fd, u);
    if (!why.empty()) c.findings.push_back({i, std::move(why)});
  }
  // Identity health issues active while they had trouble (failures,
  // unfinished registrations), or at their last record if nothing failed.
  std::vector<Micros> trouble;
  for (const auto& s : u.signins)
    if (failed(s.cls)) trouble.push_back(s.time);
  for (const auto& a : u.audits)
    if (a.cls != AuditClass::registration_completed) trouble.push_back(a.time);
  for (std::size_t i = 0; i < health.size(); ++i) {
    const HealthIssueCopy& h = health[i];
    if (!h.identity_relevant || h.synthetic) continue;
    HealthIssue v = h.view();
    std::uint32_t n = 0;
    for (Micros t : trouble) n += health_active_at(v, t);
    if (n) c.health.push_back({i, fmt::format("active during {} of their failed sign-ins or registration attempts", n)});
  }

  // The situation: the most severe covering finding, else their own records.
  if (!c.findings.empty()) {
    c.situation = situation_for(report.findings[c.findings.front().index].kind);
  } else if (f.signins == 0 && u.audits.empty()) {
    c.situation = CallerSituation::no_records;
  } else if (f.locked) {
    c.situation = CallerSituation::locked;
  } else if (f.disabled) {
    c.situation = CallerSituation::disabled;
  } else if (f.mfa_failures) {
    c.situation = CallerSituation::mfa_failed;
  } else if (f.registration_failures || f.reg_failed || f.reg_cancelled || f.registration_open) {
    c.situation = CallerSituation::registration_failed;
  } else if (f.ca_blocks) {
    c.situation = CallerSituation::ca_blocked;
  } else if (f.bad_passwords) {
    c.situation = CallerSituation::bad_password;
  } else if (f.service_errors) {
    c.situation = CallerSituation::service_error;
  } else if (f.failures) {
    c.situation = CallerSituation::other_failure;
  } else {
    c.situation = CallerSituation::all_ok;
  }

  // Placeholder values (playbook/caller_texts.cpp documents each).
  auto put = [&](std::string k, std::string v) { c.values.emplace_back(std::move(k), std::move(v)); };
  auto when = [](Micros t) { return t == kNoTime ? std::string("an unknown time") : format_rfc3339(t); };
  std::string incident;
  if (!c.health.empty())
    incident = health[c.health.front().index].id;
  else if (!c.findings.empty() && !report.findings[c.findings.front().index].evidence.health_incidents.empty())
    incident = report.findings[c.findings.front().index].evidence.health_incidents.front();
  put("incident", incident.empty() ? "no provider notice yet" : incident);
  if (!c.findings.empty()) {
    const Finding& fd = report.findings[c.findings.front().index];
    put("finding", fd.id);
    put("window", fmt::format("{}-{} UTC", hhmm(fd.start), hhmm(fd.end)));
  }
  put("count", std::to_string(f.failures));
  put("bad_passwords", std::to_string(f.bad_passwords));
  // The sign-in the texts quote: the latest one of the situation's own kind
  // (a lockout quotes the lock, not a later unrelated failure).
  auto of_situation = [&](const UserSignin& s) {
    switch (c.situation) {
      case CallerSituation::locked:
        return s.reason == "locked";
      case CallerSituation::disabled:
        return s.reason == "disabled";
      case CallerSituation::mfa_failed:
        return s.cls == SigninClass::mfa_failure;
      case CallerSituation::ca_blocked:
        return s.reason == "ca_block";
      case CallerSituation::bad_password:
        return s.reason == "bad_password";
      case CallerSituation::service_error:
        return s.cls == SigninClass::service_error || s.cls == SigninClass::portal_unreachable;
      case CallerSituation::registration_failed:
        return s.cls == SigninClass::registration_failure;
      default:
        return failed(s.cls);
    }
  };
  const UserSignin* lf = nullptr;
  for (const auto& s : u.signins)
    if (of_situation(s)) lf = &s;
  if (!lf && f.last_failure >= 0) lf = &u.signins[static_cast<std::size_t>(f.last_failure)];
  const UserAudit* reg = nullptr;
  for (const auto& a : u.audits)
    if (a.cls != AuditClass::method_admin_change && a.cls != AuditClass::method_deleted) reg = &a;
  put("reg_last", reg ? fmt::format("{} at {}", name(reg->cls), when(reg->time)) : "no registration event in the audit log");
  const UserSignin* ls = f.last_success >= 0 ? &u.signins[static_cast<std::size_t>(f.last_success)] : nullptr;
  if (lf) {
    put("app", lf->app.empty() ? "an app" : lf->app);
    put("time", when(lf->time));
    put("code", lf->has_code ? std::to_string(lf->code) : "no code");
    put("reason", lf->reason.empty() ? "unknown" : lf->reason);
  } else if (ls) {
    put("app", ls->app.empty() ? "an app" : ls->app);
    put("time", when(ls->time));
  }
  if (ls) put("last_ok", fmt::format("{} ({})", when(ls->time), ls->app.empty() ? "an app" : ls->app));
  put("ip", f.failure_ip.empty() ? "an unknown address" : f.failure_ip);
  put("ip_note", f.failure_ip.empty()     ? "address not logged"
                 : f.usual_ip.empty()     ? "no successful sign-in to compare with"
                 : f.usual_ip == f.failure_ip ? "their usual IP"
                                              : "not their usual IP " + f.usual_ip);
  put("signins", std::to_string(f.signins));
  return c;
}

}  // namespace idt
