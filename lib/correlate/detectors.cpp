// Why: see detectors.h. Every threshold comes from the rule; every finding
// carries its numbers next to their baselines, its first and last anomalous
// minute, whether it is still going, its one root cause and the values its
// playbook is filled from.
#include "correlate/detectors.h"

#include <fmt/format.h>

#include <cmath>
#include <set>
#include <unordered_set>

#include "correlate/context.h"
#include "util/text.h"

namespace idt {
namespace {

double total_outside(const std::vector<double>& v, std::size_t f, std::size_t l) {
  double t = 0;
  for (std::size_t i = 0; i < v.size(); ++i)
    if (i < f || i > l) t += v[i];
  return t;
}

// "Next update by: …" of the latest post of an open issue ("" when closed or absent).
std::string next_update_of(const HealthIssueCopy& h) {
  if (health_status_is_closed(canonical_health_status(h.status)) || h.end != kNoTime) return "";
  constexpr std::string_view kKey = "Next update by:";
  std::size_t at = h.text.rfind(kKey);
  if (at == std::string::npos) return "";
  std::string_view rest = std::string_view(h.text).substr(at + kKey.size());
  rest = rest.substr(0, rest.find('\n'));
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '.')) rest.remove_suffix(1);
  return std::string(rest);
}

void add_health(Finding& fd, const std::vector<const HealthIssueCopy*>& health) {
  for (const auto* h : health) {
    fd.evidence.health_incidents.push_back(h->id);
    fd.evidence.lines.push_back(health_line(*h));
  }
  if (!health.empty()) {
    fd.fill.emplace_back("incident_id", health.front()->id);
    std::string next = next_update_of(*health.front());
    if (!next.empty()) fd.fill.emplace_back("next_update", next);
  }
}

// Window [f, l] as bucket indexes, merged over gaps.
using Span = std::pair<std::size_t, std::size_t>;
std::vector<Span> merge_spans(std::vector<Span> spans, std::size_t gap) {
  std::sort(spans.begin(), spans.end());
  std::vector<Span> out;
  for (auto s : spans) {
    if (!out.empty() && s.first <= out.back().second + gap + 1)
      out.back().second = std::max(out.back().second, s.second);
    else
      out.push_back(s);
  }
  return out;
}

bool overlaps(Micros s1, Micros e1, Micros s2, Micros e2) { return s1 < e2 && s2 < e1; }

// Runs of a rare event (buckets with events, gaps under an hour) holding at
// least abs_min events (the 15-minute floor) from at least min_users users,
// at a rate per sign-in (of `totals`) rate_factor times the rate outside.
std::vector<Span> sparse_runs(const DetectorRule& r, const DetectContext& c, const std::vector<double>& v,
                              const std::vector<double>& totals) {
  std::vector<Span> runs, out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] <= 0) continue;
    if (!runs.empty() && i - runs.back().second <= c.gap() + 1)
      runs.back().second = i;
    else
      runs.emplace_back(i, i);
  }
  const double all_v = sum_of(v, 0, v.size()), all_t = sum_of(totals, 0, totals.size());
  for (auto [f, l] : runs) {
    double n = sum_of(v, f, l), t = sum_of(totals, f, l);
    if (n < std::max(r.abs_min, 2.0)) continue;
    double rin = t > 0 ? n / t : 1, rout = all_t - t > 0 ? (all_v - n) / (all_t - t) : 0;
    if (rin < std::max(r.rate_factor, 1.0) * rout || rin == 0) continue;
    std::size_t users = 0;
    for (const auto& [u, tr] : c.a.users) {
      const auto& ts = tr.times[static_cast<std::size_t>(UserSignal::portal_service_error)];
      auto lo = std::lower_bound(ts.begin(), ts.end(), c.start_of(f));
      users += lo != ts.end() && *lo < c.end_of(l);
      if (users >= r.min_users) break;
    }
    if (users < r.min_users) continue;
    out.emplace_back(f, l);
  }
  return out;
}

bool is_legacy_client(std::string_view client) {
  static constexpr std::string_view kLegacy[] = {"Exchange ActiveSync",
                                                 "IMAP4",
                                                 "POP3",
                                                 "Authenticated SMTP",
                                                 "SMTP",
                                                 "Exchange Web Services",
                                                 "MAPI Over HTTP",
                                                 "Offline Address Book",
                                                 "Other clients",
                                                 "AutoDiscover",
                                                 "Exchange Online PowerShell",
                                                 "Outlook Anywhere (RPC over HTTP)"};
  for (auto l : kLegacy)
    if (l == client) return true;
  return false;
}

}  // namespace

// ---------------------------------------------------------------- provider
void detect_portal_outage(const DetectorRule& r, const DetectContext& c, TriageReport& rep) {
  if (!c.n) return;
  auto portal_fail = c.series(c.a.signin, [](const SigninBucket& b) { return double(b.portal_fail); });
  auto portal_total = c.series(c.a.signin, [](const SigninBucket& b) { return double(b.portal_total); });
  auto abandoned = c.series(c.a.audit, [](const AuditBucket& b) { return double(b.reg_abandoned + b.reg_failed); });
  auto started = c.series(c.a.audit, [](const AuditBucket& b) { return double(b.reg_started); });
  auto completed = c.series(c.a.audit, [](const AuditBucket& b) { return double(b.reg_starts_completed); });
  auto other_total = c.series(c.a.signin, [](const SigninBucket& b) { return double(b.other_total); });
  auto other_fail = c.series(c.a.signin, [](const SigninBucket& b) { return double(b.other_fail); });
  // Service errors on the other apps: failures of other kinds (a spray at the
  // same time, wrong passwords) say nothing about the provider.
  auto other_svc = c.series(c.a.signin, [](const SigninBucket& b) { return double(b.other_service); });
  Baseline base_fail, base_ab;
  auto w1 = spike_windows(r, c, portal_fail, &base_fail);
  auto w2 = spike_windows(r, c, abandoned, &base_ab);
  // Abandonment alone counts only when most starts fail (min_share) and at
  // least twice as often as elsewhere: a busy campaign has more abandoned
  // starts because it has more starts, not because the portal is down.
  const double ab_all = sum_of(abandoned, 0, c.n), st_all = sum_of(started, 0, c.n);
  std::erase_if(w2, [&](const ExcessWindow& w) {
    double ab = sum_of(abandoned, w.first, w.last), st = sum_of(started, w.first, w.last);
    double rate = st > 0 ? ab / st : 1, base = st_all - st > 0 ? (ab_all - ab) / (st_all - st) : 0;
    return rate < r.min_share || rate < 2 * base;
  });
  std::vector<Span> spans;
  for (const auto& w : w1) spans.emplace_back(w.first, w.last);
  for (const auto& w : w2) spans.emplace_back(w.first, w.last);
  // Small tenants: the portal has no service errors on a normal day, so a
  // run of them (gaps under an hour) by several users is an episode even
  // when no bucket reaches the spike floor.
  for (const auto& [f, l] : sparse_runs(r, c, portal_fail, portal_total)) spans.emplace_back(f, l);
  for (auto [f, l] : merge_spans(spans, c.gap())) {
    double pf = sum_of(portal_fail, f, l), pt = sum_of(portal_total, f, l);
    double ab = sum_of(abandoned, f, l), st = sum_of(started, f, l), co = sum_of(completed, f, l);
    double st_out = total_outside(started, f, l), co_out = total_outside(completed, f, l);
    double of = sum_of(other_fail, f, l), ot = sum_of(other_total, f, l);
    double of_out = total_outside(other_fail, f, l), ot_out = total_outside(other_total, f, l);
    double other_rate = ot > 0 ? of / ot : 0, other_base = ot_out > 0 ? of_out / ot_out : 0;
    double os = sum_of(other_svc, f, l), os_out = total_outside(other_svc, f, l);
    double svc_rate = ot > 0 ? os / ot : 0, svc_base = ot_out > 0 ? os_out / ot_out : 0;
    // Not portal-specific when every other app fails too (min_events other
    // sign-ins, service-error rate up by max_share): that is an auth outage.
    if (ot >= r.min_events && svc_rate > std::max(2 * svc_base, svc_base + r.max_share)) continue;
    const Micros lo = c.start_of(f) - c.bucket, hi = c.end_of(l) + c.bucket;
    auto minutes = add_counts(
        minute_counts(c.a.signin, lo, hi, [](const SigninBucket& b) { return double(b.portal_fail); }),
        minute_counts(c.a.audit, lo, hi, [](const AuditBucket& b) { return double(b.reg_abandoned + b.reg_failed); }));
    std::vector<double> both(portal_fail.size());
    for (std::size_t i = 0; i < both.size(); ++i) both[i] = portal_fail[i] + abandoned[i];
    Edges e = refine(c, minutes, f, l, both);
    Finding fd = make_finding(r.kind, Cause::provider, e.start, e.end);
    auto health = overlapping_health(c.a, e.start - r.health_slack, e.end + r.health_slack);
    const PolicyChange* change = cause_change(r, c, e.start, c.bucket);
    fd.suspected = health.empty();
    fd.confidence = 0.55 + (health.empty() ? 0 : 0.3) - (change && health.empty() ? 0.2 : 0);
    const double impact = pf + ab;
    fd.severity = severity_for(r, impact);
    if (!health.empty()) fd.severity = std::max(fd.severity, r.with_health);
    fd.ongoing = is_ongoing(c, e.end);
    Evidence& ev = fd.evidence;
    ev.counts = {{"portal_service_errors", std::int64_t(pf)},
                 {"portal_signins", std::int64_t(pt)},
                 {"registrations_started", std::int64_t(st)},
                 {"registrations_completed", std::int64_t(co)},
                 {"registrations_abandoned_or_failed", std::int64_t(ab)},
                 {"other_app_failures", std::int64_t(of)},
                 {"other_app_service_errors", std::int64_t(os)},
                 {"other_app_signins", std::int64_t(ot)}};
    double comp = st > 0 ? co / st : 0, comp_base = st_out > 0 ? co_out / st_out : 0;
    if (st > 0) ev.rates.push_back({"registration_completion", comp});
    if (st_out > 0) ev.rates.push_back({"registration_completion_baseline", comp_base});
    ev.rates.push_back({"other_app_failure_rate", other_rate});
    ev.rates.push_back({"other_app_failure_rate_baseline", other_base});
    ev.rates.push_back({"other_app_service_error_rate", svc_rate});
    ev.rates.push_back({"other_app_service_error_rate_baseline", svc_base});
    if (st > 0)
      ev.lines.push_back(fmt::format("registration: {} started, {} completed ({}{}) · {} abandoned or failed", num(st),
                                     num(co), pct(comp), st_out > 0 ? ", baseline " + pct(comp_base) : "", num(ab)));
    ev.lines.push_back(fmt::format("security-info portal service errors {} of {} sign-ins (baseline {} per bucket)",
                                   num(pf), num(pt), num1(base_fail.median)));
    ev.lines.push_back(
        fmt::format("sign-ins to other apps normal (service errors {}, baseline {}; failures {}, baseline {})",
                    pct(svc_rate), pct(svc_base), pct(other_rate), pct(other_base)));
    add_health(fd, health);
    if (change)
      ev.lines.push_back("note: " + change_words(*change, c) +
                         " precedes the window — rule out a tenant cause before waiting on the provider");
    ev.top_codes = top_items(codes_in(c, f, l), 5);
    attach_tickets(r, c, fd, e.start, e.end, {UserSignal::portal_service_error});
    if (ev.tickets >= 3) fd.confidence += 0.1;  // users report it too
    for (const auto& u : ev.affected)
      if (ev.top_users.size() < 5 && !u.classes.empty() && u.classes.front() == "portal_service_error")
        ev.top_users.push_back({u.user, c.a.portal_users.get(u.user)});
    std::sort(ev.top_users.begin(), ev.top_users.end(), [](const CountItem& x, const CountItem& y) {
      return x.count != y.count ? x.count > y.count : x.key < y.key;
    });
    ev.users = 0;
    for (const auto& u : ev.affected) ev.users += !u.classes.empty() && u.classes.front() == "portal_service_error";
    fd.fill.emplace_back("portal", "mysignins.microsoft.com");
    fd.root_cause = health.empty() ? "provider side, suspected (no matching health issue posted yet)"
                                   : "provider incident " + health.front()->id;
    fd.summary = fmt::format(
        "security-info portal unreachable {}: {} portal service errors, {} registrations abandoned{}",
        c.when(e.start, e.end), num(pf), num(ab),
        health.empty() ? ", no health issue posted yet (suspected provider)" : ", matches " + health.front()->id);
    rep.findings.push_back(std::move(fd));
  }
}

void detect_auth_outage(const DetectorRule& r, const DetectContext& c, TriageReport& rep) {
  if (!c.n) return;
  auto svc = c.series(c.a.signin, [](const SigninBucket& b) { return double(b.other_service); });
  auto totals = c.series(c.a.signin, [](const SigninBucket& b) { return double(b.total); });
  Baseline base;
  for (const auto& w : spike_windows(r, c, svc, &base)) {
    CountMap apps;
    for (auto it = c.a.signin.lower_bound(TriageAggregate::minute_key(c.start_of(w.first)));
         it != c.a.signin.end() && TriageAggregate::minute_start(it->first) < c.end_of(w.last); ++it)
      apps.merge(it->second.service_apps);
    if (apps.size() < r.min_users) continue;  // one app failing is that app, not sign-in
    auto minutes = minute_counts(c.a.signin, c.start_of(w.first) - c.bucket, c.end_of(w.last) + c.bucket,
                                 [](const SigninBucket& b) { return double(b.other_service); });
    Edges e = refine(c, minutes, w.first, w.last, svc);
    Finding fd = make_finding(r.kind, Cause::provider, e.start, e.end);
    auto health = overlapping_health(c.a, e.start - r.health_slack, e.end + r.health_slack);
    fd.suspected = health.empty();
    fd.confidence = 0.6 + (health.empty() ? 0 : 0.3);
    fd.severity = severity_for(r, w.sum);
    if (!health.empty()) fd.severity = std::max(fd.severity, r.with_health);
    fd.ongoing = is_ongoing(c, e.end);
    double tot = sum_of(totals, w.first, w.last);
    fd.evidence.counts = {{"service_errors", std::int64_t(w.sum)},
                          {"signins", std::int64_t(tot)},
                          {"apps_affected", std::int64_t(apps.size())}};
    fd.evidence.lines.push_back(fmt::format("service errors {} across {} apps (baseline {} per bucket)", num(w.sum),
                                            apps.size(), num1(base.median)));
    add_health(fd, health);
    fd.evidence.top_apps = top_items(apps, 5);
    fd.evidence.top_codes = top_items(codes_in(c, w.first, w.last), 5);
    attach_tickets(r, c, fd, e.start, e.end, {UserSignal::service_error});
    fd.evidence.users = fd.evidence.affected_total;
    fd.root_cause = health.empty() ? "provider side, suspected (no matching health issue posted yet)"
                                   : "provider incident " + health.front()->id;
    fd.summary =
        fmt::format("sign-in service errors across {} apps {}{}", apps.size(), c.when(e.start, e.end),
                    health.empty() ? " (suspected provider; no health issue yet)" : ", matches " + health.front()->id);
    rep.findings.push_back(std::move(fd));
  }
}

// ---------------------------------------------------------------- tenant
namespace {

// A spike of one code family, attributed to a preceding tenant change when
// there is one; it never starts before that change.
void code_spike(const DetectorRule& r, const DetectContext& c, TriageReport& rep, double (*get)(const SigninBucket&),
                UserSignal signal, std::string_view what) {
  if (!c.n) return;
  auto v = c.series(c.a.signin, get);
  Baseline base;
  for (const auto& w : spike_windows(r, c, v, &base)) {
    auto minutes = minute_counts(c.a.signin, c.start_of(w.first) - c.bucket, c.end_of(w.last) + c.bucket, get);
    Edges e0 = refine(c, minutes, w.first, w.last, v);
    const PolicyChange* change = cause_change(r, c, e0.start, c.bucket);
    Edges e = change ? refine(c, minutes, w.first, w.last, v, change->time) : e0;
    if (r.kind == FindingKind::registration_blocked) {
      bool provider = false;
      for (const auto& f : rep.findings)
        provider |= f.cause == Cause::provider && overlaps(f.start, f.end, e.start, e.end);
      if (provider && !change) continue;  // explained by the provider finding
    }
    Finding fd = make_finding(r.kind, Cause::tenant, e.start, e.end);
    fd.confidence = change ? 0.85 : 0.5;
    fd.severity = severity_for(r, w.sum);
    fd.ongoing = is_ongoing(c, e.end);
    fd.evidence.counts = {{"records", std::int64_t(w.sum)}};
    fd.evidence.lines.push_back(
        fmt::format("{} {} (baseline {} per bucket, peak {})", what, num(w.sum), num1(base.median), num(w.peak)));
    fd.evidence.top_codes = top_items(codes_in(c, w.first, w.last), 5);
    if (change) {
      fd.evidence.lines.push_back("tenant change: " + change_words(*change, c));
      fd.root_cause = change_words(*change, c);
    } else {
      fd.evidence.lines.push_back(
          "no Conditional Access / authentication-method change found in the audit input before it");
      fd.root_cause = "a tenant policy (no change to it found in the audit input)";
    }
    for (const auto* h : overlapping_health(c.a, e.start, e.end))
      fd.evidence.lines.push_back(
          "open provider incident " + h->id + " overlaps, but " +
          (change ? "the spike began right after the tenant change" : "the pattern is tenant-side"));
    attach_tickets(r, c, fd, e.start, e.end, {signal});
    fd.evidence.users = fd.evidence.affected_total;
    fd.summary = fmt::format("{} spike {}{}", what, c.when(e.start, e.end),
                             change ? ", right after \"" + change->activity + "\" at " + c.at(change->time) : "");
    rep.findings.push_back(std::move(fd));
  }
}

}  // namespace

void detect_tenant_block(const DetectorRule& r, const DetectContext& c, TriageReport& rep) {
  code_spike(
      r, c, rep, [](const SigninBucket& b) { return double(b.ca_block); }, UserSignal::ca_block,
      "Conditional Access blocks (53003)");
}

void detect_registration_blocked(const DetectorRule& r, const DetectContext& c, TriageReport& rep) {
  code_spike(
      r, c, rep, [](const SigninBucket& b) { return double(b.reg_blocked + b.portal_ca_block); },
      UserSignal::registration_blocked, "registration blocked (53004/53010, 53003 on the security-info apps)");
}

// ---------------------------------------------------------------- attack
bool is_spray_ip(const DetectorRule& r, const IpFailures& f) {
  // Mostly failures: a corporate egress IP with many users and a few typos is not a spray.
  return f.cred && f.cred->users.size() >= r.min_users && f.failures >= r.min_events && f.failures >= f.successes &&
         f.cred->first != kNoTime && f.cred->last - f.cred->first <= r.span;
}

void detect_password_spray(const DetectorRule& r, const DetectContext& c, TriageReport& rep) {
  std::vector<std::pair<std::string, const IpFailures*>> ips;
  for (const auto& [ip, f] : c.a.ip_failures)
    if (is_spray_ip(r, f) && f.cred->last >= c.first && f.cred->first <= c.last) ips.emplace_back(ip, &f);
  if (ips.empty()) return;
  std::sort(ips.begin(), ips.end(), [](const auto& x, const auto& y) {
    return x.second->cred->first != y.second->cred->first ? x.second->cred->first < y.second->cred->first
                                                          : x.first < y.first;
  });
  // Episodes: IPs active within an hour of each other are one spray.
  std::vector<std::vector<std::size_t>> episodes;
  Micros ep_end = kNoTime;
  for (std::size_t i = 0; i < ips.size(); ++i) {
    const IpCredentials& ci = *ips[i].second->cred;
    if (episodes.empty() || ci.first > ep_end + kHourMicros) episodes.emplace_back();
    episodes.back().push_back(i);
    ep_end = episodes.back().size() == 1 ? ci.last : std::max(ep_end, ci.last);
  }
  for (const auto& ep : episodes) {
    Micros start = kNoTime, last = kNoTime;
    std::uint64_t fails = 0, users = 0, locked = 0;
    CountMap codes, user_fails;
    std::vector<std::pair<std::string, const IpFailures*>> eps;
    for (std::size_t i : ep) eps.push_back(ips[i]);
    std::sort(eps.begin(), eps.end(), [](const auto& x, const auto& y) {
      return x.second->user_count() != y.second->user_count() ? x.second->user_count() > y.second->user_count()
                                                              : x.first < y.first;
    });
    Finding fd = make_finding(r.kind, Cause::attack, kNoTime, kNoTime);
    std::vector<BreachedAccount> breached;
    for (const auto& [ip, f] : eps) {
      const IpCredentials& fc = *f->cred;  // a spray IP has credential failures
      start = start == kNoTime ? fc.first : std::min(start, fc.first);
      last = last == kNoTime ? fc.last : std::max(last, fc.last);
      fails += f->failures;
      users += fc.users.size();
      locked += f->locked;
      codes.merge(fc.codes);
      user_fails.merge(fc.user_failures);
      if (fd.evidence.top_ips.size() < 5) fd.evidence.top_ips.push_back({ip, fc.users.size()});
      for (const auto& acc : f->access) breached.push_back({acc.user, ip, acc.time, acc.code});
    }
    // Accounts first: a success or an MFA prompt from an attacking IP means the password is known.
    std::sort(breached.begin(), breached.end(), [](const BreachedAccount& x, const BreachedAccount& y) {
      if ((x.code == 0) != (y.code == 0)) return x.code == 0;
      return x.time != y.time ? x.time < y.time : x.user < y.user;
    });
    std::set<std::string> seen;
    for (auto& b : breached)
      if (seen.insert(ascii_lower(b.user)).second) fd.evidence.breached.push_back(b);
    const Micros end = TriageAggregate::minute_start(TriageAggregate::minute_key(last)) + kMinuteMicros;
    fd.start = start;
    fd.end = end;
    fd.ongoing = is_ongoing(c, end);
    std::size_t signed_in = 0;
    for (const auto& b : fd.evidence.breached) signed_in += b.code == 0;
    fd.confidence = eps.size() <= 5 ? 0.85 : 0.7;
    fd.severity = fd.evidence.breached.empty() ? severity_for(r, double(users)) : Severity::critical;
    fd.evidence.users = users;
    fd.evidence.counts = {{"ips", std::int64_t(eps.size())},
                          {"failures", std::int64_t(fails)},
                          {"users", std::int64_t(users)},
                          {"lockouts", std::int64_t(locked)},
                          {"breached_accounts", std::int64_t(fd.evidence.breached.size())}};
    for (const auto& b : fd.evidence.breached)
      fd.evidence.lines.push_back(fmt::format(
          "BREACHED {}: {} from {} at {} — reset the password, revoke sessions", b.user,
          b.code == 0 ? "signed in" : "password accepted (MFA " + std::to_string(b.code) + ")", b.ip, c.at(b.time)));
    std::size_t past = 0;
    for (const auto& [ip, f] : eps) past += f->access_count();
    if (past > fd.evidence.breached.size())
      fd.evidence.lines.push_back(
          fmt::format("… and up to {} more accounts got past the password from these IPs (only "
                      "the first {} per IP are kept): check their sign-ins",
                      past - fd.evidence.breached.size(), TriageAggregate::kMaxAccessPerIp));
    fd.evidence.top_codes = top_items(codes, 5);
    fd.evidence.top_users = top_items(user_fails, 5);
    fd.evidence.lines.push_back(fmt::format("{} {}, {} distinct users, {} credential failures{}", eps.size(),
                                            eps.size() == 1 ? "IP" : "IPs", users, fails,
                                            locked ? fmt::format(", {} lockouts", locked) : std::string()));
    std::unordered_set<std::string> targets;
    for (const auto& [u, n] : user_fails.top()) targets.insert(ascii_lower(u));
    attach_tickets(r, c, fd, start, end, {UserSignal::bad_password, UserSignal::locked}, &targets);
    fd.root_cause = fmt::format("{} attacking IP{}: {}{}", eps.size(), eps.size() == 1 ? "" : "s", eps.front().first,
                                eps.size() > 1 ? fmt::format(" (+{})", eps.size() - 1) : "");
    if (!fd.evidence.breached.empty())
      fd.root_cause += fmt::format("; {} account{} got past the password{}", fd.evidence.breached.size(),
                                   fd.evidence.breached.size() == 1 ? "" : "s",
                                   signed_in ? fmt::format(" ({} signed in)", signed_in) : "");
    fd.summary =
        fmt::format("password spray from {}{}: {} users, {} failures {}{}", eps.front().first,
                    eps.size() > 1 ? fmt::format(" (+{} IPs)", eps.size() - 1) : "", users, fails, c.when(start, end),
                    fd.evidence.breached.empty() ? ""
                                                 : fmt::format(", {} account{} breached", fd.evidence.breached.size(),
                                                               fd.evidence.breached.size() == 1 ? "" : "s"));
    rep.findings.push_back(std::move(fd));
  }
}

void detect_mfa_fatigue(const DetectorRule& r, const DetectContext& c, TriageReport& rep) {
  std::vector<std::string> users;
  for (const auto& [u, _] : c.a.mfa_failures_by_user) users.push_back(u);
  std::sort(users.begin(), users.end());
  std::size_t emitted = 0;
  for (const auto& u : users) {
    const auto& t = c.a.mfa_failures_by_user.at(u);
    // Episodes: the densest span-long run of prompts, then again after it.
    std::size_t i0 = 0;
    while (i0 < t.size()) {
      std::size_t best = 0, bi = i0, j = i0;
      for (std::size_t i = i0; i < t.size(); ++i) {
        while (t[i] - t[j] > r.span) ++j;
        if (i - j + 1 > best) {
          best = i - j + 1;
          bi = j;
        }
      }
      if (best < r.min_events) break;
      Micros start = t[bi], last = t[bi + best - 1];
      if (last < c.first || start > c.last) {
        i0 = bi + best;
        continue;
      }
      Micros end = TriageAggregate::minute_start(TriageAggregate::minute_key(last)) + kMinuteMicros;
      Finding fd = make_finding(r.kind, Cause::attack, start, end);
      Micros approved_at = kNoTime;
      auto it = c.a.mfa_success_by_user.find(u);
      if (it != c.a.mfa_success_by_user.end())
        for (Micros s : it->second)
          if (s >= start && s <= last + kHourMicros && approved_at == kNoTime) approved_at = s;
      fd.ongoing = is_ongoing(c, end);
      fd.severity = approved_at != kNoTime ? Severity::critical : r.floor;
      fd.confidence = 0.8;
      fd.evidence.users = 1;
      fd.evidence.top_users.push_back({u, best});
      fd.evidence.counts = {{"mfa_failures", std::int64_t(best)}, {"approved_after", approved_at != kNoTime ? 1 : 0}};
      fd.evidence.lines.push_back(
          fmt::format("{} MFA denials/timeouts within {} minutes for {}", best, r.span / kMinuteMicros, u));
      if (approved_at != kNoTime)
        fd.evidence.lines.push_back("an MFA-satisfied sign-in followed at " + c.at(approved_at) +
                                    ": treat the account as compromised");
      std::unordered_set<std::string> only{ascii_lower(u)};
      attach_tickets(r, c, fd, start, end, {UserSignal::mfa_failure}, &only);
      auto tr = c.a.users.find(ascii_lower(u));
      fd.fill.emplace_back("user", tr != c.a.users.end() && !tr->second.display.empty() ? tr->second.display : u);
      fd.root_cause = "push bombing of " + u + (approved_at != kNoTime ? ", then approved" : "");
      fd.summary = fmt::format("MFA fatigue on {}: {} denied/timed-out prompts {}{}", u, best, c.when(start, end),
                               approved_at != kNoTime ? ", then approved" : "");
      rep.findings.push_back(std::move(fd));
      if (++emitted == 20) return;
      i0 = bi + best;
    }
  }
}

// ---------------------------------------------------------------- lockouts
void detect_lockout_wave(const DetectorRule& r, const DetectContext& c, TriageReport& rep) {
  if (!c.n) return;
  auto v = c.series(c.a.signin, [](const SigninBucket& b) { return double(b.locked); });
  Baseline base;
  const DetectorRule* spray = find_rule(c.rules, FindingKind::password_spray);
  auto pw = c.series(c.a.audit, [](const AuditBucket& b) { return double(b.password_changes); });
  const double pw_all = sum_of(pw, 0, c.n);
  for (const auto& w : spike_windows(r, c, v, &base)) {
    auto minutes = minute_counts(c.a.signin, c.start_of(w.first) - c.bucket, c.end_of(w.last) + c.bucket,
                                 [](const SigninBucket& b) { return double(b.locked); });
    Edges e = refine(c, minutes, w.first, w.last, v);
    // Lockouts from spray IPs are the spray's (one cause, one finding).
    std::uint64_t from_spray = 0;
    std::string spray_ip;
    if (spray && spray->enabled)
      for (const auto& [ip, f] : c.a.ip_failures)
        if (is_spray_ip(*spray, f) && overlaps(f.cred->first, f.cred->last + 1, e.start, e.end)) {
          from_spray += f.locked;
          if (spray_ip.empty() || ip < spray_ip) spray_ip = ip;
        }
    if (w.sum > 0 && double(from_spray) >= r.max_share * w.sum) continue;
    Finding fd = make_finding(r.kind, Cause::unknown, e.start, e.end);
    fd.severity = severity_for(r, w.sum);
    fd.confidence = 0.6;
    fd.ongoing = is_ongoing(c, e.end);
    fd.evidence.counts = {{"lockouts", std::int64_t(w.sum)}, {"lockouts_from_spray_ips", std::int64_t(from_spray)}};
    fd.evidence.lines.push_back(fmt::format("lockouts (50053) {} (baseline {} per bucket, peak {})", num(w.sum),
                                            num1(base.median), num(w.peak)));
    // Causes the data can show: a password change / reset wave shortly
    // before (cause_before), one client dominating the lockouts.
    std::vector<std::string> causes;
    const Micros pw_from = e.start - r.cause_before;
    auto pw_minutes =
        minute_counts(c.a.audit, pw_from, e.end, [](const AuditBucket& b) { return double(b.password_changes); });
    double pw_n = 0;
    Micros pw_first = kNoTime;
    for (const auto& [k, n] : pw_minutes) {
      pw_n += n;
      if (pw_first == kNoTime) pw_first = TriageAggregate::minute_start(k);
    }
    // Expected password changes over that stretch (inside the period) at the rate seen elsewhere.
    const double in_min = double(e.end - std::max(pw_from, c.first)) / double(kMinuteMicros);
    const double out_min = double(c.data_end() - c.first) / double(kMinuteMicros) - in_min;
    const double expected = out_min > 0 ? std::max(0.0, pw_all - pw_n) / out_min * in_min : 0;
    fd.evidence.counts.push_back({"password_changes_before", std::int64_t(pw_n)});
    if (pw_n >= r.min_events && pw_n >= 3 * expected) {
      causes.push_back(
          fmt::format("a password change/reset wave: {} in the audit log from {}", num(pw_n), c.at(pw_first)));
      fd.cause = Cause::user;
    }
    // One walk over the window's minutes: the clients of its lockouts, and
    // lockouts per interactive sign-in (traffic-scaled: a busy Monday
    // morning's forgotten passwords are not a wave).
    CountMap clients;
    double typed = 0, locked = 0;
    for (auto it = c.a.signin.lower_bound(TriageAggregate::minute_key(e.start));
         it != c.a.signin.end() && TriageAggregate::minute_start(it->first) < e.end; ++it) {
      clients.merge(it->second.locked_clients);
      typed += it->second.interactive;
      locked += it->second.locked;
    }
    auto top = clients.top(1);
    double locked_in = 0;
    for (const auto& [k, n] : clients.top()) locked_in += double(n);
    // Only a legacy client (mail apps that keep retrying a stored password)
    // is a cause: browsers make most of every day's lockouts anyway.
    if (!top.empty() && locked_in > 0 && is_legacy_client(top.front().first) &&
        double(top.front().second) / locked_in >= r.min_share) {
      double share = double(top.front().second) / locked_in;
      causes.push_back(fmt::format("legacy {} clients make {} of the lockouts (devices still using an old password)",
                                   top.front().first, pct(share)));
      fd.evidence.rates.push_back({"dominant_client_share", share});
      fd.cause = Cause::user;
    }
    fd.evidence.top_apps = top_items(clients, 5);
    if (from_spray) {
      causes.push_back(fmt::format("{} of the lockouts come from spray IP {}", from_spray, spray_ip));
      if (fd.cause == Cause::unknown) fd.cause = Cause::attack;
    }
    for (const auto& k : causes) fd.evidence.lines.push_back("cause: " + k);
    fd.root_cause =
        causes.empty() ? "no cause found in the data (no password-change wave, no dominant client)" : causes.front();
    for (std::size_t i = 1; i < causes.size(); ++i) fd.root_cause += "; " + causes[i];
    const double rate = typed > 0 ? locked / typed : 1.0;
    if (rate < (fd.cause == Cause::user ? r.min_rate_caused : r.min_rate)) continue;
    fd.evidence.rates.push_back({"lockouts_per_interactive_signin", rate});
    attach_tickets(r, c, fd, e.start, e.end, {UserSignal::locked});
    std::uint64_t locked_users = 0;
    for (const auto& u : fd.evidence.affected)
      locked_users += std::find(u.classes.begin(), u.classes.end(), "locked") != u.classes.end();
    if (locked_users < r.min_users) continue;  // one stale phone is not a wave
    fd.evidence.users = locked_users;
    fd.evidence.counts.push_back({"users_locked", std::int64_t(locked_users)});
    fd.summary = fmt::format("lockout wave {}: {} lockouts{}", c.when(e.start, e.end), num(w.sum),
                             causes.empty() ? ", cause not found" : " after " + causes.front());
    rep.findings.push_back(std::move(fd));
  }
}

// ---------------------------------------------------------------- phishing
void detect_outage_phishing(const DetectorRule& r, const DetectContext& c, TriageReport& rep) {
  struct Outage {
    Micros start, end;
    std::string id;
  };
  std::vector<Outage> outages;
  for (const auto& f : rep.findings)
    if (f.cause == Cause::provider) outages.push_back({f.start, f.end, ""});
  for (const auto& h : c.a.health)
    if (h.identity_relevant && !h.synthetic && h.start != kNoTime)
      outages.push_back(
          {h.start, h.end == kNoTime ? std::max(h.start, c.last == kNoTime ? h.start : c.last) : h.end, h.id});
  if (outages.empty()) return;
  std::sort(outages.begin(), outages.end(), [](const Outage& x, const Outage& y) { return x.start < y.start; });
  // One finding per cluster of outages (a later outage beyond the span is another episode).
  std::vector<std::vector<Outage>> clusters;
  Micros reach = kNoTime;
  for (const auto& o : outages) {
    if (clusters.empty() || o.start > reach) clusters.emplace_back();
    clusters.back().push_back(o);
    reach = clusters.back().size() == 1 ? o.end + r.span : std::max(reach, o.end + r.span);
  }
  std::set<std::string> taken;  // a report belongs to the first cluster that reaches it
  for (const auto& cl : clusters) {
    Finding fd = make_finding(r.kind, Cause::attack, kNoTime, kNoTime);
    std::vector<const TicketSample*> samples;
    Micros first_outage = cl.front().start, last_end = cl.front().end;
    for (const auto& o : cl) {
      last_end = std::max(last_end, o.end);
      if (!o.id.empty() && std::find(fd.evidence.health_incidents.begin(), fd.evidence.health_incidents.end(), o.id) ==
                               fd.evidence.health_incidents.end())
        fd.evidence.health_incidents.push_back(o.id);
    }
    for (const auto& t : c.a.ticket_samples) {
      if (std::find(r.ticket_classes.begin(), r.ticket_classes.end(), t.cls) == r.ticket_classes.end()) continue;
      bool in = false;
      for (const auto& o : cl) in |= t.time >= o.start && t.time <= o.end + r.span;
      if (!in || !taken.insert(t.id + "\x1f" + std::to_string(t.time)).second) continue;
      samples.push_back(&t);
      fd.start = fd.start == kNoTime ? t.time : std::min(fd.start, t.time);
      fd.end = fd.end == kNoTime ? t.time + kMinuteMicros : std::max(fd.end, t.time + kMinuteMicros);
      if (!t.id.empty()) fd.evidence.ticket_ids.push_back(t.id);
    }
    const std::uint64_t n = samples.size();
    if (n == 0) continue;
    fd.severity = severity_for(r, double(n));
    fd.confidence = 0.75;
    fd.ongoing = c.last != kNoTime && c.last <= last_end + r.span && is_ongoing(c, fd.end);
    fd.evidence.tickets = n;
    fd.evidence.counts = {{"phishing_tickets", std::int64_t(n)}};
    fd.evidence.lines.push_back(fmt::format("{} phishing-report tickets during or within {} h after the outage ({})", n,
                                            r.span / kHourMicros, c.when(first_outage, last_end)));
    affected_users(c, {}, fd.start, fd.end, samples, fd.evidence);
    fd.evidence.users = fd.evidence.affected_total;
    if (!fd.evidence.health_incidents.empty())
      fd.fill.emplace_back("incident_id", fd.evidence.health_incidents.front());
    fd.root_cause = "attackers exploit the outage " + c.when(first_outage, last_end);
    fd.summary = fmt::format("{} phishing reports during/after an identity outage: outage-themed phishing likely", n);
    rep.findings.push_back(std::move(fd));
  }
}

// ---------------------------------------------------------------- campaign
void detect_campaign_overload(const DetectorRule& r, const DetectContext& c, TriageReport& rep) {
  if (c.a.registration_attempts_by_hour.size() < 4 || !c.n) return;
  std::vector<double> hours;
  const std::int64_t h0 = c.first / kHourMicros, h1 = c.last / kHourMicros;
  for (const auto& [h, n] : c.a.registration_attempts_by_hour)
    if (h >= h0 && h <= h1) hours.push_back(n);
  const Baseline b = robust_baseline(hours);
  std::vector<double> attempts = c.series(c.a.signin, [](const SigninBucket& x) { return double(x.portal_total); });
  {
    auto starts = c.series(c.a.audit, [](const AuditBucket& x) { return double(x.reg_started); });
    for (std::size_t i = 0; i < attempts.size(); ++i) attempts[i] += starts[i];
  }
  // Each UTC day's peak hour is judged on its own (a campaign can run several days).
  std::map<std::int64_t, std::vector<std::pair<std::int64_t, double>>> days;
  for (const auto& [h, n] : c.a.registration_attempts_by_hour)
    if (h >= h0 && h <= h1) days[h / 24].emplace_back(h, n);
  for (const auto& [day, hs] : days) {
    double day_total = 0, peak = 0;
    std::int64_t peak_h = 0;
    for (const auto& [h, n] : hs) {
      day_total += n;
      if (n > peak) {
        peak = n;
        peak_h = h;
      }
    }
    if (peak < r.min_events || peak < day_total * r.min_share || peak < r.rel_factor * std::max(1.0, b.median))
      continue;
    const Micros hs_ = peak_h * kHourMicros, he_ = hs_ + kHourMicros;
    bool explained = false;
    for (const auto& f : rep.findings)
      explained |= (f.cause == Cause::provider || f.kind == FindingKind::registration_blocked ||
                    f.kind == FindingKind::tenant_policy_block) &&
                   overlaps(f.start, f.end, hs_, he_);
    if (explained) continue;  // a provider outage or a policy block is not a campaign
    // To the minute: portal sign-ins and registration starts around the peak hour.
    auto bucket_of = [&](Micros t) {
      return static_cast<std::size_t>(
          std::clamp<std::int64_t>((t - c.start_of(0)) / c.bucket, 0, static_cast<std::int64_t>(c.n) - 1));
    };
    std::size_t f = bucket_of(hs_), l = bucket_of(he_ - 1);
    auto minutes = add_counts(minute_counts(c.a.signin, hs_ - kHourMicros, he_ + kHourMicros,
                                            [](const SigninBucket& x) { return double(x.portal_total); }),
                              minute_counts(c.a.audit, hs_ - kHourMicros, he_ + kHourMicros,
                                            [](const AuditBucket& x) { return double(x.reg_started); }));
    Edges e = refine(c, minutes, f, l, attempts);
    std::string top_region;
    double region_n = 0, hour_portal = 0;
    for (const auto& [k, n] : c.a.portal_by_country_hour)
      if (k.second == peak_h) {
        hour_portal += n;
        if (n > region_n) {
          region_n = n;
          top_region = k.first;
        }
      }
    Finding fd = make_finding(r.kind, Cause::tenant, e.start, e.end);
    fd.severity = r.floor;
    fd.confidence = 0.7;
    fd.ongoing = is_ongoing(c, e.end);
    fd.evidence.counts = {{"attempts_in_peak_hour", std::int64_t(peak)}, {"attempts_total", std::int64_t(day_total)}};
    fd.evidence.rates.push_back({"peak_hour_share", peak / day_total});
    fd.evidence.lines.push_back(fmt::format("{} of {} registration attempts ({}) in {}, baseline {} per hour",
                                            num(peak), num(day_total), pct(peak / day_total), c.when(hs_, he_),
                                            num1(b.median)));
    if (!top_region.empty() && hour_portal > 0)
      fd.evidence.lines.push_back(fmt::format("region {}: {} of the security-info portal sign-ins in that hour",
                                              top_region, pct(region_n / hour_portal)));
    if (!top_region.empty()) fd.fill.emplace_back("region", top_region);
    attach_tickets(r, c, fd, e.start, e.end, {UserSignal::portal_service_error, UserSignal::mfa_failure});
    fd.evidence.users = fd.evidence.affected_total;
    const PolicyChange* change = cause_change(r, c, e.start, c.bucket);
    fd.root_cause = change ? "registration campaign: " + change_words(*change, c)
                           : "registrations concentrated in one hour" +
                                 (top_region.empty() ? std::string() : " (" + top_region + ")");
    if (change) fd.evidence.lines.push_back("tenant change: " + change_words(*change, c));
    fd.summary = fmt::format("registration campaign concentrated in {}{}: stagger waves by region and off-peak",
                             c.when(e.start, e.end), top_region.empty() ? "" : " (" + top_region + ")");
    rep.findings.push_back(std::move(fd));
  }
}

// ---------------------------------------------------------------- break-glass
void detect_breakglass_used(const DetectorRule& r, const DetectContext& c, TriageReport& rep) {
  if (!c.o.breakglass_requested) return;
  for (const auto& u : c.a.options().breakglass) {
    auto it = c.a.breakglass.find(u);
    if (it == c.a.breakglass.end() || it->second.signins == 0) continue;
    const BreakglassState& st = it->second;
    Micros end = st.last_seen == kNoTime
                     ? kNoTime
                     : TriageAggregate::minute_start(TriageAggregate::minute_key(st.last_seen)) + kMinuteMicros;
    Finding fd = make_finding(r.kind, Cause::tenant, st.first_seen, end);
    fd.severity = r.floor;
    fd.confidence = 0.95;
    fd.ongoing = is_ongoing(c, end);
    fd.evidence.users = 1;
    fd.evidence.top_users.push_back({u, st.signins});
    fd.evidence.counts = {{"signins", std::int64_t(st.signins)}, {"successes", std::int64_t(st.successes)}};
    fd.evidence.lines.push_back(fmt::format(
        "emergency account {} signed in {} times ({} successful){}: confirm it was a planned test or a real emergency",
        u, st.signins, st.successes, st.first_seen == kNoTime ? "" : ", first at " + c.at(st.first_seen)));
    fd.fill.emplace_back("account", u);
    fd.root_cause = fmt::format("{} signed in {} times", u, st.signins);
    fd.summary = "break-glass account " + u + " was used" +
                 (st.first_seen == kNoTime ? std::string() : " " + c.when(st.first_seen, end));
    rep.findings.push_back(std::move(fd));
  }
}

void detect_breakglass_stale(const DetectorRule& r, const DetectContext& c, TriageReport& rep) {
  if (!c.o.breakglass_requested) return;
  const Micros max_age = c.a.options().breakglass_max_age;
  const Micros span = c.first == kNoTime ? 0 : c.last - c.first;
  for (const auto& u : c.a.options().breakglass) {
    auto it = c.a.breakglass.find(u);
    BreakglassState st = it == c.a.breakglass.end() ? BreakglassState{} : it->second;
    bool stale = st.last_success == kNoTime || (c.last != kNoTime && c.last - st.last_success > max_age);
    if (!stale) continue;
    Finding fd = make_finding(r.kind, Cause::tenant, kNoTime, kNoTime);
    // Only when the inputs cover the whole allowed age is the absence proof.
    bool covered = span >= max_age;
    fd.severity = covered ? r.floor : Severity::low;
    fd.confidence = covered ? 0.9 : 0.5;
    fd.evidence.users = 1;
    fd.evidence.top_users.push_back({u, st.successes});
    fd.evidence.lines.push_back(
        "no successful sign-in by " + u + " " +
        (covered ? "within --breakglass-max-age"
                 : fmt::format("in the {:.1f} days the inputs cover (shorter than --breakglass-max-age: export more "
                               "history to be sure)",
                               double(span) / double(kDayMicros))));
    fd.fill.emplace_back("account", u);
    fd.root_cause = "no successful sign-in by " + u + (covered ? " within the allowed age" : " in the inputs");
    fd.summary = "break-glass account " + u + " not tested: no successful sign-in found";
    rep.findings.push_back(std::move(fd));
  }
}

}  // namespace idt
