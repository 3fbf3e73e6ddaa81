// Why: see triage.h. Thresholds live in the rule constants at the top of
// each detector; every finding carries its numbers next to their baselines.
#include "correlate/triage.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "correlate/series.h"
#include "util/time.h"

namespace idt {
namespace {

constexpr Micros kMinute = 60 * kMicrosPerSecond;
constexpr Micros kHour = 60 * kMinute;
constexpr std::size_t kMaxSeries = 200000;  // buckets; beyond this inputs span years

// ---------------------------------------------------------------- helpers
struct Series {
  std::int64_t first_key = 0;
  std::size_t n = 0;
  Micros bucket = 0;
  Micros start_of(std::size_t i) const { return (first_key + static_cast<std::int64_t>(i)) * bucket; }
  Micros end_of(std::size_t i) const { return start_of(i) + bucket; }
};

// Records per bucket key, all kinds together (sorted by key).
std::vector<std::pair<std::int64_t, std::uint64_t>> records_per_bucket(const TriageAggregate& a) {
  std::map<std::int64_t, std::uint64_t> w;
  for (const auto& [k, b] : a.signin) w[k] += b.total;
  for (const auto& [k, b] : a.audit)
    w[k] += std::uint64_t{b.reg_started} + b.reg_completed + b.reg_cancelled + b.reg_failed + b.deleted +
            b.admin_changes + b.ca_changes + b.method_policy_changes;
  for (const auto& [k, b] : a.tickets)
    for (auto n : b.by_class) w[k] += n;
  return {w.begin(), w.end()};
}

// The timeline the detectors read. Inputs spanning more buckets than it
// holds (one record dated year 1 beside today's export) used to keep the
// first kMaxSeries buckets from the earliest record, so today's records fell
// off its end and every finding vanished: a false all-clear. The span is now
// the kMaxSeries buckets holding the most records; records outside it are
// counted in totals and named in the report (records_outside_span).
Series series_span(const TriageAggregate& a) {
  Series s;
  s.bucket = a.options().bucket;
  if (a.first == kNoTime) return s;
  s.first_key = a.bucket_key(a.first);
  std::int64_t last = a.bucket_key(a.last);
  if (last - s.first_key + 1 <= static_cast<std::int64_t>(kMaxSeries)) {
    s.n = static_cast<std::size_t>(last - s.first_key + 1);
    return s;
  }
  const auto w = records_per_bucket(a);
  std::uint64_t best = 0, in = 0;
  for (std::size_t lo = 0, hi = 0; lo < w.size(); in -= w[lo++].second) {
    while (hi < w.size() && w[hi].first - w[lo].first < static_cast<std::int64_t>(kMaxSeries)) in += w[hi++].second;
    if (in > best) {  // the window [lo, hi): as tight as its records, as a normal span would be
      best = in;
      s.first_key = w[lo].first;
      s.n = static_cast<std::size_t>(w[hi - 1].first - w[lo].first + 1);
    }
  }
  return s;
}

// Records of each kind whose bucket lies outside the series: "12 sign-ins,
// 3 tickets", or empty when none does.
std::string records_outside_span(const TriageAggregate& a, const Series& s) {
  auto outside = [&](std::int64_t k) { return k < s.first_key || k >= s.first_key + static_cast<std::int64_t>(s.n); };
  std::uint64_t signins = 0, audits = 0, tickets = 0;
  for (const auto& [k, b] : a.signin)
    if (outside(k)) signins += b.total;
  for (const auto& [k, b] : a.audit)
    if (outside(k))
      audits += std::uint64_t{b.reg_started} + b.reg_completed + b.reg_cancelled + b.reg_failed + b.deleted +
                b.admin_changes + b.ca_changes + b.method_policy_changes;
  for (const auto& [k, b] : a.tickets)
    if (outside(k))
      for (auto n : b.by_class) tickets += n;
  std::string out;
  auto add = [&](std::uint64_t n, const char* one, const char* many) {
    if (n) out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + (n == 1 ? one : many);
  };
  add(signins, "sign-in", "sign-ins");
  add(audits, "audit event", "audit events");
  add(tickets, "ticket", "tickets");
  return out;
}

template <class Map, class F>
std::vector<double> values(const Series& s, const Map& m, F get) {
  std::vector<double> v(s.n, 0.0);
  for (const auto& [k, b] : m) {
    std::int64_t i = k - s.first_key;
    if (i >= 0 && static_cast<std::size_t>(i) < s.n) v[static_cast<std::size_t>(i)] = get(b);
  }
  return v;
}

double sum(const std::vector<double>& v, std::size_t f, std::size_t l) {
  double t = 0;
  for (std::size_t i = f; i <= l && i < v.size(); ++i) t += v[i];
  return t;
}
double sum_outside(const std::vector<double>& v, std::size_t f, std::size_t l) {
  double t = 0;
  for (std::size_t i = 0; i < v.size(); ++i)
    if (i < f || i > l) t += v[i];
  return t;
}

std::string hhmm(Micros t) { return format_hhmm(t); }
std::string fmt_pct(double r) {
  char b[16];
  std::snprintf(b, sizeof b, "%.0f%%", 100.0 * r);
  return b;
}
std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.0f", v);
  return b;
}
std::string num1(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", v);
  return b;
}

std::vector<CountItem> top_items(const CountMap& m, std::size_t n) {
  std::vector<CountItem> out;
  for (auto& [k, v] : m.top(n)) out.push_back({k, v});
  return out;
}

// Identity-relevant health issues overlapping [from, to).
std::vector<const HealthIssueCopy*> overlapping_health(const TriageAggregate& a, Micros from, Micros to) {
  std::vector<const HealthIssueCopy*> out;
  for (const auto& h : a.health) {
    if (!h.identity_relevant || h.synthetic) continue;
    HealthIssue v = h.view();
    if (health_overlaps(v, from, to)) out.push_back(&h);
  }
  return out;
}

const PolicyChange* change_before(const TriageAggregate& a, Micros start, Micros lookback, Micros slack,
                                  std::initializer_list<AuditClass> classes) {
  const PolicyChange* best = nullptr;
  for (const auto& p : a.policy_changes) {
    if (p.time < start - lookback || p.time > start + slack) continue;
    if (std::find(classes.begin(), classes.end(), p.cls) == classes.end()) continue;
    if (!best || p.time > best->time) best = &p;
  }
  return best;
}

std::uint64_t tickets_in(const TriageAggregate& a, Micros from, Micros to, std::initializer_list<TicketClass> cls,
                         std::vector<std::string>* ids) {
  std::uint64_t n = 0;
  for (const auto& [k, b] : a.tickets) {
    Micros t = a.bucket_start(k);
    if (t + a.options().bucket <= from || t >= to) continue;
    for (TicketClass c : cls) n += b.by_class[static_cast<std::size_t>(c)];
  }
  if (ids)
    for (const auto& s : a.ticket_samples)
      if (s.time >= from && s.time < to && std::find(cls.begin(), cls.end(), s.cls) != cls.end() && ids->size() < 10 &&
          !s.id.empty())
        ids->push_back(s.id);
  return n;
}

CountMap codes_in(const TriageAggregate& a, const Series& s, std::size_t f, std::size_t l) {
  CountMap m;
  for (std::size_t i = f; i <= l; ++i) {
    auto it = a.signin.find(s.first_key + static_cast<std::int64_t>(i));
    if (it != a.signin.end()) m.merge(it->second.fail_codes);
  }
  return m;
}

Finding make(FindingKind k, Cause c, Micros start, Micros end) {
  Finding f;
  f.kind = k;
  f.cause = c;
  f.start = start;
  f.end = end;
  f.playbook = std::string(name(k));
  return f;
}

// Quiet stretches inside one incident (small tenants have empty buckets)
// up to an hour long do not split it.
std::size_t gap_buckets(const TriageAggregate& a) {
  return std::max<std::size_t>(2, static_cast<std::size_t>(kHour / a.options().bucket));
}

Severity by_volume(double v, double medium, double high) {
  return v >= high ? Severity::high : v >= medium ? Severity::medium : Severity::low;
}

// ---------------------------------------------------------------- detectors
void portal_outage(const TriageAggregate& a, const CorrelateOptions& o, TriageReport& rep) {
  Series s = series_span(a);
  if (!s.n) return;
  auto portal_fail = values(s, a.signin, [](const SigninBucket& b) { return double(b.portal_fail); });
  auto portal_total = values(s, a.signin, [](const SigninBucket& b) { return double(b.portal_total); });
  auto abandoned = values(s, a.audit, [](const AuditBucket& b) { return double(b.reg_abandoned + b.reg_failed); });
  auto started = values(s, a.audit, [](const AuditBucket& b) { return double(b.reg_started); });
  auto completed = values(s, a.audit, [](const AuditBucket& b) { return double(b.reg_starts_completed); });
  auto other_total = values(s, a.signin, [](const SigninBucket& b) { return double(b.other_total); });
  auto other_fail = values(s, a.signin, [](const SigninBucket& b) { return double(b.other_fail); });
  ExcessRule rule{5, 5, 3, 5, gap_buckets(a)};
  auto w1 = excess_windows(portal_fail, robust_baseline(portal_fail), rule);
  auto w2 = excess_windows(abandoned, robust_baseline(abandoned), rule);
  // Abandonment alone counts only when most starts fail (a busy campaign has
  // more abandoned starts because it has more starts, not because the portal is down).
  double ab_all = 0, st_all = 0;
  for (std::size_t i = 0; i < s.n; ++i) {
    ab_all += abandoned[i];
    st_all += started[i];
  }
  std::erase_if(w2, [&](const ExcessWindow& w) {
    double ab = sum(abandoned, w.first, w.last), st = sum(started, w.first, w.last);
    double rate = st > 0 ? ab / st : 1, base = st_all - st > 0 ? (ab_all - ab) / (st_all - st) : 0;
    return rate < 0.5 || rate < 2 * base;
  });
  // Union of both signals' windows (merging overlaps).
  std::vector<std::pair<std::size_t, std::size_t>> wins;
  for (const auto& w : w1) wins.emplace_back(w.first, w.last);
  for (const auto& w : w2) wins.emplace_back(w.first, w.last);
  std::sort(wins.begin(), wins.end());
  std::vector<std::pair<std::size_t, std::size_t>> merged;
  for (auto w : wins) {
    if (!merged.empty() && w.first <= merged.back().second + gap_buckets(a) + 1)
      merged.back().second = std::max(merged.back().second, w.second);
    else
      merged.push_back(w);
  }
  for (auto [f, l] : merged) {
    Micros start = s.start_of(f), end = s.end_of(l);
    double pf = sum(portal_fail, f, l), pt = sum(portal_total, f, l);
    double ab = sum(abandoned, f, l), st = sum(started, f, l), co = sum(completed, f, l);
    double st_out = sum_outside(started, f, l), co_out = sum_outside(completed, f, l);
    double of = sum(other_fail, f, l), ot = sum(other_total, f, l);
    double of_out = sum_outside(other_fail, f, l), ot_out = sum_outside(other_total, f, l);
    double other_rate = ot > 0 ? of / ot : 0, other_base = ot_out > 0 ? of_out / ot_out : 0;
    // Not portal-specific if everything else fails too: that is an auth outage.
    if (ot >= 50 && other_rate > std::max(2 * other_base, other_base + 0.05)) continue;
    Finding fd = make(FindingKind::provider_portal_outage, Cause::provider, start, end);
    auto health = overlapping_health(a, start - kHour, end + kHour);
    std::vector<std::string> tids;
    std::uint64_t tk =
        tickets_in(a, start - kHour, end + 2 * kHour, {TicketClass::mfa_setup, TicketClass::portal_unreachable}, &tids);
    const PolicyChange* change = change_before(a, start, 2 * kHour, a.options().bucket,
                                               {AuditClass::ca_policy_change, AuditClass::authmethod_policy_change});
    fd.confidence = 0.55 + (health.empty() ? 0 : 0.3) + (tk >= 3 ? 0.1 : 0) - (change && health.empty() ? 0.2 : 0);
    fd.suspected = health.empty();
    double impact = pf + ab;
    fd.severity = health.empty() ? by_volume(impact, 10, 50) : std::max(Severity::high, by_volume(impact, 10, 50));
    Evidence& e = fd.evidence;
    e.counts = {{"portal_service_errors", std::int64_t(pf)},
                {"portal_signins", std::int64_t(pt)},
                {"registrations_started", std::int64_t(st)},
                {"registrations_completed", std::int64_t(co)},
                {"registrations_abandoned_or_failed", std::int64_t(ab)},
                {"other_app_failures", std::int64_t(of)},
                {"other_app_signins", std::int64_t(ot)}};
    double comp = st > 0 ? co / st : 0, comp_base = st_out > 0 ? co_out / st_out : 0;
    if (st > 0) e.rates.push_back({"registration_completion", comp});
    if (st_out > 0) e.rates.push_back({"registration_completion_baseline", comp_base});
    e.rates.push_back({"other_app_failure_rate", other_rate});
    e.rates.push_back({"other_app_failure_rate_baseline", other_base});
    if (st > 0)
      e.lines.push_back("registration: " + num(st) + " started, " + num(co) + " completed (" + fmt_pct(comp) +
                        (st_out > 0 ? ", baseline " + fmt_pct(comp_base) : std::string()) + ") · " + num(ab) +
                        " abandoned or failed");
    e.lines.push_back("security-info portal service errors " + num(pf) + " of " + num(pt) + " sign-ins (baseline " +
                      num1(robust_baseline(portal_fail).median) + " per bucket)");
    e.lines.push_back("sign-ins to other apps normal (failure " + fmt_pct(other_rate) + ", baseline " +
                      fmt_pct(other_base) + ")");
    if (tk) e.lines.push_back(num(double(tk)) + " tickets mfa_setup/portal_unreachable");
    for (const auto* h : health) {
      e.health_incidents.push_back(h->id);
      e.lines.push_back("health: " + h->id + " \"" + h->title + "\" (" + h->service + ", " + h->status + ")");
    }
    if (change)
      e.lines.push_back("note: " + change->activity + " at " + hhmm(change->time) +
                        " precedes the window — rule out a tenant cause before waiting on the provider");
    e.top_codes = top_items(codes_in(a, s, f, l), 5);
    e.top_users = top_items(a.portal_users, 5);
    e.users = a.portal_users.size();
    e.tickets = tk;
    e.ticket_ids = tids;
    fd.summary =
        std::string("security-info portal unreachable ") + hhmm(start) + "–" + hhmm(end) + " UTC: " + num(pf) +
        " portal service errors, " + num(ab) + " registrations abandoned" +
        (health.empty() ? ", no health issue posted yet (suspected provider)" : ", matches " + health.front()->id);
    rep.findings.push_back(std::move(fd));
  }
}

void auth_outage(const TriageAggregate& a, const CorrelateOptions&, TriageReport& rep) {
  Series s = series_span(a);
  if (!s.n) return;
  auto svc = values(s, a.signin, [](const SigninBucket& b) { return double(b.other_service); });
  auto totals = values(s, a.signin, [](const SigninBucket& b) { return double(b.total); });
  // Small tenants: the absolute floor follows the usual traffic per bucket.
  double floor = std::clamp(0.1 * robust_baseline(totals).median, 5.0, 20.0);
  ExcessRule rule{floor, floor / 2, 3, 5, gap_buckets(a)};
  Baseline base = robust_baseline(svc);
  for (const auto& w : excess_windows(svc, base, rule)) {
    CountMap apps;
    for (std::size_t i = w.first; i <= w.last; ++i) {
      auto it = a.signin.find(s.first_key + static_cast<std::int64_t>(i));
      if (it != a.signin.end()) apps.merge(it->second.service_apps);
    }
    if (apps.size() < 3) continue;  // one app failing is that app, not sign-in
    Micros start = s.start_of(w.first), end = s.end_of(w.last);
    Finding fd = make(FindingKind::provider_auth_outage, Cause::provider, start, end);
    auto health = overlapping_health(a, start - kHour, end + kHour);
    fd.suspected = health.empty();
    fd.confidence = 0.6 + (health.empty() ? 0 : 0.3);
    fd.severity = by_volume(w.sum, 50, 100);
    if (!health.empty()) fd.severity = std::max(fd.severity, Severity::high);
    double tot = sum(totals, w.first, w.last);
    fd.evidence.counts = {{"service_errors", std::int64_t(w.sum)},
                          {"signins", std::int64_t(tot)},
                          {"apps_affected", std::int64_t(apps.size())}};
    fd.evidence.lines.push_back("service errors " + num(w.sum) + " across " + num(double(apps.size())) +
                                " apps (baseline " + num1(base.median) + " per bucket)");
    for (const auto* h : health) {
      fd.evidence.health_incidents.push_back(h->id);
      fd.evidence.lines.push_back("health: " + h->id + " \"" + h->title + "\" (" + h->service + ", " + h->status + ")");
    }
    fd.evidence.top_apps = top_items(apps, 5);
    fd.evidence.top_codes = top_items(codes_in(a, s, w.first, w.last), 5);
    fd.evidence.tickets = tickets_in(a, start, end + kHour, {TicketClass::signin_failure}, &fd.evidence.ticket_ids);
    fd.summary = "sign-in service errors across " + std::to_string(apps.size()) + " apps " + hhmm(start) + "–" +
                 hhmm(end) + " UTC" +
                 (health.empty() ? " (suspected provider; no health issue yet)" : ", matches " + health.front()->id);
    rep.findings.push_back(std::move(fd));
  }
}

// A spike of one code family, attributed to a preceding tenant change when there is one.
void code_spike(const TriageAggregate& a, TriageReport& rep, FindingKind kind, double (*get)(const SigninBucket&),
                std::initializer_list<AuditClass> change_classes, std::string_view what) {
  Series s = series_span(a);
  if (!s.n) return;
  auto v = values(s, a.signin, get);
  auto totals = values(s, a.signin, [](const SigninBucket& b) { return double(b.total); });
  double floor = std::clamp(0.05 * robust_baseline(totals).median, 4.0, 10.0);  // small tenants
  ExcessRule rule{floor, floor * 0.8, 3, 5, gap_buckets(a)};
  Baseline base = robust_baseline(v);
  for (const auto& w : excess_windows(v, base, rule)) {
    Micros start = s.start_of(w.first), end = s.end_of(w.last);
    if (kind == FindingKind::registration_blocked) {
      bool provider = false;
      for (const auto& f : rep.findings) provider |= f.cause == Cause::provider && f.start < end && start < f.end;
      if (provider) continue;  // explained by the provider finding
    }
    const PolicyChange* change = change_before(a, start, 3 * kHour, a.options().bucket, change_classes);
    Finding fd = make(kind, Cause::tenant, start, end);
    fd.confidence = change ? 0.85 : 0.5;
    fd.severity = by_volume(w.sum, 10, 50);
    fd.evidence.counts = {{"records", std::int64_t(w.sum)}};
    fd.evidence.lines.push_back(std::string(what) + " " + num(w.sum) + " (baseline " + num1(base.median) +
                                " per bucket, peak " + num(w.peak) + ")");
    fd.evidence.top_codes = top_items(codes_in(a, s, w.first, w.last), 5);
    if (change) {
      fd.evidence.lines.push_back("tenant change: " + change->activity +
                                  (change->target.empty() ? "" : " \"" + change->target + "\"") + " at " +
                                  hhmm(change->time) + (change->initiator.empty() ? "" : " by " + change->initiator));
    } else {
      fd.evidence.lines.push_back(
          "no Conditional Access / authentication-method change found in the audit input before it");
    }
    auto health = overlapping_health(a, start, end);
    for (const auto* h : health)
      fd.evidence.lines.push_back(
          "open provider incident " + h->id + " overlaps, but " +
          (change ? "the spike began right after the tenant change" : "the pattern is tenant-side"));
    fd.summary = std::string(what) + " spike " + hhmm(start) + "–" + hhmm(end) + " UTC" +
                 (change ? ", right after \"" + change->activity + "\" at " + hhmm(change->time) : std::string(""));
    rep.findings.push_back(std::move(fd));
  }
}

void tenant_block(const TriageAggregate& a, const CorrelateOptions&, TriageReport& rep) {
  code_spike(
      a, rep, FindingKind::tenant_policy_block, [](const SigninBucket& b) { return double(b.ca_block); },
      {AuditClass::ca_policy_change}, "Conditional Access blocks (53003)");
}

void registration_blocked(const TriageAggregate& a, const CorrelateOptions&, TriageReport& rep) {
  code_spike(
      a, rep, FindingKind::registration_blocked, [](const SigninBucket& b) { return double(b.reg_blocked); },
      {AuditClass::authmethod_policy_change, AuditClass::ca_policy_change}, "registration blocked (53004/53010)");
}

void password_spray(const TriageAggregate& a, const CorrelateOptions&, TriageReport& rep) {
  std::vector<std::pair<std::string, const IpFailures*>> ips;
  for (const auto& [ip, f] : a.ip_failures)
    // Mostly failures: a corporate egress IP with many users and a few typos is not a spray.
    if (f.users.size() >= 10 && f.failures >= 15 && f.failures >= f.successes && f.last - f.first <= 24 * kHour)
      ips.emplace_back(ip, &f);
  if (ips.empty()) return;
  std::sort(ips.begin(), ips.end(), [](const auto& x, const auto& y) {
    return x.second->users.size() != y.second->users.size() ? x.second->users.size() > y.second->users.size()
                                                            : x.first < y.first;
  });
  Micros start = kNoTime, end = kNoTime;
  std::uint64_t fails = 0, users = 0;
  CountMap codes;
  Finding fd = make(FindingKind::password_spray, Cause::attack, 0, 0);
  for (const auto& [ip, f] : ips) {
    start = start == kNoTime ? f->first : std::min(start, f->first);
    end = end == kNoTime ? f->last : std::max(end, f->last);
    fails += f->failures;
    users += f->users.size();
    codes.merge(f->codes);
    if (fd.evidence.top_ips.size() < 5) fd.evidence.top_ips.push_back({ip, f->users.size()});
    for (const auto& u : f->sample_users)
      if (fd.evidence.top_users.size() < 5) fd.evidence.top_users.push_back({u, 0});
  }
  fd.start = start;
  fd.end = end + 1;
  fd.confidence = ips.size() <= 5 ? 0.85 : 0.7;
  fd.severity = users >= 25 ? Severity::high : Severity::medium;
  fd.evidence.users = users;
  fd.evidence.counts = {
      {"ips", std::int64_t(ips.size())}, {"failures", std::int64_t(fails)}, {"users", std::int64_t(users)}};
  fd.evidence.top_codes = top_items(codes, 5);
  fd.evidence.lines.push_back(std::to_string(ips.size()) + (ips.size() == 1 ? " IP, " : " IPs, ") +
                              std::to_string(users) + " distinct users, " + std::to_string(fails) +
                              " credential failures");
  fd.summary = "password spray from " + ips.front().first +
               (ips.size() > 1 ? " (+" + std::to_string(ips.size() - 1) + " IPs)" : "") + ": " + std::to_string(users) +
               " users, " + std::to_string(fails) + " failures " + hhmm(start) + "–" + hhmm(end) + " UTC";
  rep.findings.push_back(std::move(fd));
}

void mfa_fatigue(const TriageAggregate& a, const CorrelateOptions&, TriageReport& rep) {
  constexpr Micros kWindow = 30 * kMinute;
  constexpr std::size_t kMin = 8;
  std::vector<std::string> users;
  for (const auto& [u, _] : a.mfa_failures_by_user) users.push_back(u);
  std::sort(users.begin(), users.end());
  std::size_t emitted = 0;
  for (const auto& u : users) {
    const auto& t = a.mfa_failures_by_user.at(u);
    std::size_t best = 0, bi = 0, j = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
      while (t[i] - t[j] > kWindow) ++j;
      if (i - j + 1 > best) {
        best = i - j + 1;
        bi = j;
      }
    }
    if (best < kMin) continue;
    Micros start = t[bi], end = t[bi + best - 1];
    Finding fd = make(FindingKind::mfa_fatigue, Cause::attack, start, end + 1);
    bool approved = false;
    auto it = a.mfa_success_by_user.find(u);
    if (it != a.mfa_success_by_user.end())
      for (Micros s : it->second) approved |= s >= start && s <= end + kHour;
    fd.severity = approved ? Severity::critical : Severity::high;
    fd.confidence = 0.8;
    fd.evidence.users = 1;
    fd.evidence.top_users.push_back({u, best});
    fd.evidence.counts = {{"mfa_failures", std::int64_t(best)}, {"approved_after", approved ? 1 : 0}};
    fd.evidence.lines.push_back(std::to_string(best) + " MFA denials/timeouts within 30 minutes for " + u);
    if (approved) fd.evidence.lines.push_back("an MFA-satisfied sign-in followed: treat the account as compromised");
    fd.summary = "MFA fatigue on " + u + ": " + std::to_string(best) + " denied/timed-out prompts " + hhmm(start) +
                 "–" + hhmm(end) + " UTC" + (approved ? ", then approved" : "");
    rep.findings.push_back(std::move(fd));
    if (++emitted == 20) break;
  }
}

void lockout_wave(const TriageAggregate& a, const CorrelateOptions&, TriageReport& rep) {
  Series s = series_span(a);
  if (!s.n) return;
  auto v = values(s, a.signin, [](const SigninBucket& b) { return double(b.locked); });
  ExcessRule rule{15, 10, 3, 5, gap_buckets(a)};
  Baseline base = robust_baseline(v);
  for (const auto& w : excess_windows(v, base, rule)) {
    Micros start = s.start_of(w.first), end = s.end_of(w.last);
    // Not a spray: no single IP locked out many of these users.
    std::size_t max_users_per_ip = 0;
    std::string worst_ip;
    for (const auto& [ip, f] : a.ip_failures)
      if (f.first < end && f.last >= start && f.locked_users.size() > max_users_per_ip) {
        max_users_per_ip = f.locked_users.size();
        worst_ip = ip;
      }
    if (max_users_per_ip > 3) continue;  // password_spray explains it
    Finding fd = make(FindingKind::lockout_wave, Cause::unknown, start, end);
    fd.severity = w.sum >= 100 ? Severity::medium : Severity::low;
    fd.confidence = 0.6;
    fd.evidence.counts = {{"lockouts", std::int64_t(w.sum)}, {"max_users_per_ip", std::int64_t(max_users_per_ip)}};
    fd.evidence.lines.push_back("lockouts (50053) " + num(w.sum) + " (baseline " + num1(base.median) +
                                " per bucket), no single IP > " +
                                std::to_string(std::max<std::size_t>(max_users_per_ip, 1)) + " users");
    fd.summary = "lockout wave " + hhmm(start) + "–" + hhmm(end) + " UTC: " + num(w.sum) + " lockouts, not from one IP";
    rep.findings.push_back(std::move(fd));
  }
}

void outage_phishing(const TriageAggregate& a, const CorrelateOptions&, TriageReport& rep) {
  std::vector<std::pair<Micros, Micros>> outages;
  std::vector<std::string> ids;
  for (const auto& f : rep.findings)
    if (f.cause == Cause::provider) outages.emplace_back(f.start, f.end);
  for (const auto& h : a.health)
    if (h.identity_relevant && !h.synthetic && h.start != kNoTime) {
      outages.emplace_back(h.start, h.end == kNoTime ? (a.last == kNoTime ? h.start : a.last) : h.end);
      ids.push_back(h.id);
    }
  if (outages.empty()) return;
  Micros first_outage = outages.front().first, last_end = outages.front().second;
  for (auto [s, e] : outages) {
    first_outage = std::min(first_outage, s);
    last_end = std::max(last_end, e);
  }
  Finding fd = make(FindingKind::outage_phishing, Cause::attack, kNoTime, kNoTime);
  std::uint64_t n = 0;
  for (const auto& t : a.ticket_samples) {
    if (t.cls != TicketClass::phishing_report) continue;
    bool in = false;
    for (auto [s, e] : outages) in |= t.time >= s && t.time <= e + 72 * kHour;
    if (!in) continue;
    ++n;
    fd.start = fd.start == kNoTime ? t.time : std::min(fd.start, t.time);
    fd.end = fd.end == kNoTime ? t.time + 1 : std::max(fd.end, t.time + 1);
    if (!t.id.empty() && fd.evidence.ticket_ids.size() < 10) fd.evidence.ticket_ids.push_back(t.id);
  }
  if (n == 0) return;
  fd.severity = n >= 3 ? Severity::high : Severity::medium;
  fd.confidence = 0.75;
  fd.evidence.tickets = n;
  fd.evidence.health_incidents = ids;
  fd.evidence.counts = {{"phishing_tickets", std::int64_t(n)}};
  fd.evidence.lines.push_back(std::to_string(n) + " phishing-report tickets during or within 72 h after the outage (" +
                              hhmm(first_outage) + "–" + hhmm(last_end) + ")");
  fd.summary = std::to_string(n) + " phishing reports during/after an identity outage: outage-themed phishing likely";
  rep.findings.push_back(std::move(fd));
}

void campaign_overload(const TriageAggregate& a, const CorrelateOptions&, TriageReport& rep) {
  if (a.registration_attempts_by_hour.size() < 4) return;
  double total = 0;
  std::vector<double> hours;
  std::int64_t peak_h = 0;
  double peak = 0;
  for (const auto& [h, n] : a.registration_attempts_by_hour) {
    total += n;
    hours.push_back(n);
    if (n > peak) {
      peak = n;
      peak_h = h;
    }
  }
  Baseline b = robust_baseline(hours);
  if (peak < 20 || peak < total * 0.3 || peak < 5 * std::max(1.0, b.median)) return;
  // Do not call a provider outage, or registrations blocked by policy, a campaign.
  Micros start = peak_h * kHour, end = start + kHour;
  for (const auto& f : rep.findings)
    if ((f.cause == Cause::provider || f.kind == FindingKind::registration_blocked ||
         f.kind == FindingKind::tenant_policy_block) &&
        f.start < end && start < f.end)
      return;
  std::string top_region;
  double region_n = 0, hour_portal = 0;
  for (const auto& [k, n] : a.portal_by_country_hour)
    if (k.second == peak_h) {
      hour_portal += n;
      if (n > region_n) {
        region_n = n;
        top_region = k.first;
      }
    }
  Finding fd = make(FindingKind::campaign_overload, Cause::tenant, start, end);
  fd.severity = Severity::medium;
  fd.confidence = 0.7;
  fd.evidence.counts = {{"attempts_in_peak_hour", std::int64_t(peak)}, {"attempts_total", std::int64_t(total)}};
  fd.evidence.rates.push_back({"peak_hour_share", peak / total});
  fd.evidence.lines.push_back(num(peak) + " of " + num(total) + " registration attempts (" + fmt_pct(peak / total) +
                              ") in " + hhmm(start) + "–" + hhmm(end) + " UTC, baseline " + num1(b.median) +
                              " per hour");
  if (!top_region.empty() && hour_portal > 0)
    fd.evidence.lines.push_back("region " + top_region + ": " + fmt_pct(region_n / hour_portal) +
                                " of the security-info portal sign-ins in that hour");
  fd.summary = "registration campaign concentrated in " + hhmm(start) + "–" + hhmm(end) + " UTC" +
               (top_region.empty() ? "" : " (" + top_region + ")") + ": stagger waves by region and off-peak";
  rep.findings.push_back(std::move(fd));
}

void breakglass(const TriageAggregate& a, const CorrelateOptions& o, TriageReport& rep) {
  if (!o.breakglass_requested) return;
  Micros max_age = a.options().breakglass_max_age;
  Micros span = a.first == kNoTime ? 0 : a.last - a.first;
  for (const auto& u : a.options().breakglass) {
    auto it = a.breakglass.find(u);
    BreakglassState st = it == a.breakglass.end() ? BreakglassState{} : it->second;
    if (st.signins > 0) {
      Finding fd = make(FindingKind::breakglass_used, Cause::tenant, st.first_seen,
                        st.first_seen == kNoTime ? kNoTime : st.first_seen + 1);
      fd.severity = Severity::high;
      fd.confidence = 0.95;
      fd.evidence.top_users.push_back({u, st.signins});
      fd.evidence.counts = {{"signins", std::int64_t(st.signins)}, {"successes", std::int64_t(st.successes)}};
      fd.evidence.lines.push_back("emergency account " + u + " signed in " + std::to_string(st.signins) + " times (" +
                                  std::to_string(st.successes) +
                                  " successful): confirm it was a planned test or a real emergency");
      fd.summary = "break-glass account " + u + " was used";
      rep.findings.push_back(std::move(fd));
    }
    bool stale = st.last_success == kNoTime || (a.last != kNoTime && a.last - st.last_success > max_age);
    if (!stale) continue;
    Finding fd = make(FindingKind::breakglass_stale, Cause::tenant, kNoTime, kNoTime);
    bool covered = span >= max_age;
    fd.severity = covered ? Severity::medium : Severity::low;
    fd.confidence = covered ? 0.9 : 0.5;
    fd.evidence.top_users.push_back({u, st.successes});
    fd.evidence.lines.push_back(
        "no successful sign-in by " + u + " " +
        (covered ? "within --breakglass-max-age"
                 : "in the " + num1(double(span) / (86400.0 * kMicrosPerSecond)) +
                       " days the inputs cover (shorter than --breakglass-max-age: export more history to be sure)"));
    fd.summary = "break-glass account " + u + " not tested: no successful sign-in found";
    rep.findings.push_back(std::move(fd));
  }
}

// Order matters: later detectors look at earlier findings (provider first).
constexpr Detector kDetectors[] = {
    {"provider_portal_outage", portal_outage},
    {"provider_auth_outage", auth_outage},
    {"tenant_policy_block", tenant_block},
    {"registration_blocked", registration_blocked},
    {"password_spray", password_spray},
    {"mfa_fatigue", mfa_fatigue},
    {"lockout_wave", lockout_wave},
    {"outage_phishing", outage_phishing},
    {"campaign_overload", campaign_overload},
    {"breakglass", breakglass},
};

void verdict(TriageReport& rep) {
  if (rep.findings.empty() || rep.findings.front().severity < Severity::medium) {
    rep.verdict = "No identity incident found: failures, registrations and tickets are within their baselines";
    rep.verdict_detail = rep.findings.empty() ? "" : "Low-severity observations are listed below.";
    return;
  }
  const Finding& f = rep.findings.front();
  std::string when = hhmm(f.start) + "–" + hhmm(f.end) + " UTC";
  std::string match =
      f.evidence.health_incidents.empty() ? "" : "matches " + f.evidence.health_incidents.front() + ", ";
  switch (f.kind) {
    case FindingKind::provider_portal_outage:
      rep.verdict = "Security-info portal unreachable — PROVIDER side" +
                    std::string(f.suspected ? " (suspected)" : "") + " (" + match + when + ")";
      rep.verdict_detail =
          "Do NOT change Conditional Access or reset methods. Tell users: keep Authenticator, do not re-register, "
          "retry later.";
      break;
    case FindingKind::provider_auth_outage:
      rep.verdict = "Sign-in service errors across apps — PROVIDER side" +
                    std::string(f.suspected ? " (suspected)" : "") + " (" + match + when + ")";
      rep.verdict_detail = "Check service health before changing policies; do NOT reset passwords or methods in bulk.";
      break;
    case FindingKind::tenant_policy_block:
      rep.verdict = "Sign-ins blocked by Conditional Access — TENANT side (" + when + ")";
      rep.verdict_detail =
          "Review the policy change named below with its owner; roll back or exclude, do not wait for Microsoft.";
      break;
    case FindingKind::registration_blocked:
      rep.verdict = "MFA registration blocked by tenant policy — TENANT side (" + when + ")";
      rep.verdict_detail =
          "Check registration / authentication-method policies and trusted locations; do not reset users' methods.";
      break;
    case FindingKind::password_spray:
      rep.verdict = "Password spray in progress — ATTACK (" + when + ")";
      rep.verdict_detail =
          "Block the source IPs, confirm MFA coverage, reset only accounts that succeeded; do not mass-reset everyone.";
      break;
    case FindingKind::mfa_fatigue:
      rep.verdict = "MFA fatigue attack on a user — ATTACK (" + when + ")";
      rep.verdict_detail = "Contact the user out of band, revoke sessions, reset the password; enable number matching.";
      break;
    case FindingKind::outage_phishing:
      rep.verdict = "Outage-themed phishing reported — ATTACK";
      rep.verdict_detail = "Warn users: nobody will ask them to re-register MFA by e-mail; block the sender and links.";
      break;
    case FindingKind::campaign_overload:
      rep.verdict = "Registration campaign overload — TENANT side (" + when + ")";
      rep.verdict_detail =
          "Pause the campaign; restart it in waves by region, off-peak. Do not reset the users who failed.";
      break;
    case FindingKind::lockout_wave:
      rep.verdict = "Lockout wave across many users (" + when + ")";
      rep.verdict_detail =
          "Find the common cause (password change, stale credentials on devices) before unlocking in bulk.";
      break;
    case FindingKind::breakglass_used:
      rep.verdict = "Emergency-access account used — TENANT";
      rep.verdict_detail = "Confirm who used it and why; rotate its credentials after the emergency.";
      break;
    case FindingKind::breakglass_stale:
      rep.verdict = "Emergency-access account not tested — TENANT";
      rep.verdict_detail = "Test a sign-in with it now, under the documented procedure.";
      break;
    default:
      rep.verdict = std::string(name(f.kind)) + " — " + std::string(name(f.cause)) + " (" + when + ")";
      rep.verdict_detail = "See the playbook for this finding.";
  }
}

}  // namespace

std::span<const Detector> all_detectors() { return kDetectors; }

TriageReport correlate(const TriageAggregate& a, const CorrelateOptions& o) {
  TriageReport rep;
  rep.window_start = a.first;
  rep.window_end = a.last == kNoTime ? kNoTime : a.last + 1;
  for (const Detector& d : kDetectors) d.run(a, o, rep);
  std::stable_sort(rep.findings.begin(), rep.findings.end(), [](const Finding& x, const Finding& y) {
    if (x.severity != y.severity) return x.severity > y.severity;
    if (x.start != y.start) return x.start < y.start;
    return x.kind < y.kind;
  });
  for (std::size_t i = 0; i < rep.findings.size(); ++i) rep.findings[i].id = "F" + std::to_string(i + 1);
  for (auto& f : rep.findings) f.confidence = std::clamp(f.confidence, 0.05, 0.99);
  // What the inputs did not allow deciding.
  if (!o.inputs.signin)
    rep.undecided.push_back("no sign-in input: authentication failures, sprays and lockouts were not judged");
  if (!o.inputs.audit)
    rep.undecided.push_back(
        "no audit input: registration funnel and tenant policy changes unknown (tenant vs provider cause is weaker)");
  if (!o.inputs.tickets) rep.undecided.push_back("no ticket input: user reports and outage phishing not checked");
  if (!o.inputs.health)
    rep.undecided.push_back(
        "no service-health input: provider causes stay 'suspected' until a matching health issue is given");
  else {
    bool any = false;
    for (const auto& h : a.health) any |= h.identity_relevant;
    if (!any) rep.undecided.push_back("the health input has no identity-relevant issue");
  }
  if (a.signins_undated || a.audit_undated)
    rep.undecided.push_back(std::to_string(a.signins_undated + a.audit_undated) +
                            " records without a time are counted in totals but not placed on the timeline");
  if (a.tickets_undated)
    rep.undecided.push_back(std::to_string(a.tickets_undated) +
                            " tickets without a parseable date are counted but not placed in time");
  if (a.first != kNoTime) {
    const Series span = series_span(a);
    const std::string outside = records_outside_span(a, span);
    if (!outside.empty())
      rep.undecided.push_back(outside + " outside the analysed span " + format_day_minute(span.start_of(0)) + " to " +
                              format_day_minute(span.end_of(span.n - 1)) +
                              " UTC: counted in totals, not on the timeline; use --since/--until to choose the span");
  }
  if (a.first != kNoTime && a.last - a.first > 7 * 86400LL * kMicrosPerSecond)
    rep.undecided.push_back("inputs span " + std::to_string((a.last - a.first) / (86400LL * kMicrosPerSecond)) +
                            " days: baselines mix different days; use --since/--until to focus");
  verdict(rep);
  return rep;
}

}  // namespace idt
