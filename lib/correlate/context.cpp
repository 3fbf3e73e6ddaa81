// Why: see context.h.
#include "correlate/context.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "util/text.h"

namespace idt {

namespace {

std::string date_of(Micros t) {
  CivilTime c = to_civil(t);
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

}  // namespace

double sum_of(const std::vector<double>& v, std::size_t f, std::size_t l) {
  double t = 0;
  for (std::size_t i = f; i <= l && i < v.size(); ++i) t += v[i];
  return t;
}

std::string hhmm(Micros t) { return format_hhmm(t); }
std::string pct(double r) { return fmt::format("{:.0f}%", 100.0 * r); }
std::string num(double v) { return fmt::format("{:.0f}", v); }
std::string num1(double v) { return fmt::format("{:.1f}", v); }

std::string DetectContext::at(Micros t) const {
  if (t == kNoTime) return "?";
  return multi_day ? format_day_minute(t) : format_hhmm(t);
}

std::string DetectContext::when(Micros s, Micros e, bool with_date) const {
  if (s == kNoTime) return "";
  if (e == kNoTime || e <= s) e = s;
  bool dated = with_date || multi_day;
  // The end is exclusive: a window ending at midnight ends on the day before.
  bool same_day = date_of(s) == date_of(e > s ? e - 1 : e);
  if (!dated) return format_hhmm(s) + "–" + format_hhmm(e) + " UTC";
  if (same_day) return date_of(s) + " " + format_hhmm(s) + "–" + format_hhmm(e) + " UTC";
  return format_day_minute(s) + " – " + format_day_minute(e) + " UTC";
}

ScaledRule scaled(const DetectorRule& r, const DetectContext& c) {
  const double s = c.scale();
  const double median15 = s > 0 ? c.traffic_median / s : 0;
  double floor15 = r.abs_min;
  if (r.traffic_share > 0)
    floor15 = std::clamp(r.traffic_share * median15, r.abs_min, std::max(r.abs_min, r.traffic_cap));
  const double margin15 = r.abs_min > 0 ? r.abs_margin * floor15 / r.abs_min : r.abs_margin;
  ScaledRule out;
  out.floor15 = floor15;
  // Never fewer than two events per bucket: one stray error is not a spike.
  out.excess = {std::max(2.0, floor15 * s), std::max(1.0, margin15 * s), r.rel_factor, r.mad_k, c.gap()};
  return out;
}

std::vector<ExcessWindow> spike_windows(const DetectorRule& r, const DetectContext& c,
                                        const std::vector<double>& values, Baseline* base_out) {
  const ScaledRule sr = scaled(r, c);
  const Baseline b = robust_baseline(values);
  if (base_out) *base_out = b;
  auto wins = excess_windows(values, b, sr.excess);
  std::erase_if(wins, [&](const ExcessWindow& w) { return w.sum < sr.floor15; });
  if (r.rate_factor > 0 && !wins.empty()) {
    auto totals = c.series(c.a.signin, [](const SigninBucket& x) { return static_cast<double>(x.total); });
    double all_v = sum_of(values, 0, values.size()), all_t = sum_of(totals, 0, totals.size());
    std::erase_if(wins, [&](const ExcessWindow& w) {
      double v_in = w.sum, t_in = sum_of(totals, w.first, w.last);
      double v_out = all_v - v_in, t_out = all_t - t_in;
      double rin = t_in > 0 ? v_in / t_in : 0, rout = t_out > 0 ? v_out / t_out : 0;
      return rin < r.rate_factor * rout;
    });
  }
  return wins;
}

MinuteCounts add_counts(const MinuteCounts& x, const MinuteCounts& y) {
  MinuteCounts out;
  std::size_t i = 0, j = 0;
  while (i < x.size() || j < y.size()) {
    if (j == y.size() || (i < x.size() && x[i].first < y[j].first)) {
      out.push_back(x[i++]);
    } else if (i == x.size() || y[j].first < x[i].first) {
      out.push_back(y[j++]);
    } else {
      out.emplace_back(x[i].first, x[i].second + y[j].second);
      ++i;
      ++j;
    }
  }
  return out;
}

Edges refine(const DetectContext& c, const MinuteCounts& all, std::size_t f, std::size_t l,
             const std::vector<double>& values, Micros not_before) {
  const double minutes_per_bucket = static_cast<double>(c.bucket) / static_cast<double>(kMinuteMicros);
  // The signal's rate outside the episode, per 15 minutes.
  double inside = 0, outside = 0;
  for (std::size_t i = 0; i < values.size(); ++i) (i >= f && i <= l ? inside : outside) += values[i];
  const double out_minutes =
      std::max(1.0, (static_cast<double>(values.size()) - double(l - f + 1)) * minutes_per_bucket);
  Micros lo = std::max(c.start_of(f) - c.bucket, c.first);
  if (not_before != kNoTime) lo = std::max(lo, not_before);
  const Micros hi = std::min(c.end_of(l) + c.bucket, c.data_end());
  MinuteCounts m;
  for (const auto& p : all) {
    Micros t = TriageAggregate::minute_start(p.first);
    // A minute that holds the cause: its events may precede it, keep it (clamped below).
    if (t + kMinuteMicros <= lo || t >= hi) continue;
    m.push_back(p);
  }
  Edges e;
  if (m.empty()) {
    e.start = std::max(c.start_of(f), std::max(c.first, not_before == kNoTime ? c.first : not_before));
    e.end = std::max(e.start + kMinuteMicros, std::min(c.end_of(l), c.data_end()));
    return e;
  }
  // The anchor: the densest 15 minutes inside the episode's buckets.
  const std::int64_t k_lo = TriageAggregate::minute_key(c.start_of(f)), k_hi = TriageAggregate::minute_key(c.end_of(l));
  std::size_t anchor = m.size(), j = 0;
  double best = -1, run = 0;
  for (std::size_t i = 0; i < m.size(); ++i) {
    if (j < i) {
      j = i;
      run = 0;
    }
    while (j < m.size() && m[j].first < m[i].first + 15) run += m[j++].second;
    if (m[i].first >= k_lo && m[i].first < k_hi && run > best) {
      best = run;
      anchor = i;
    }
    run -= m[i].second;
  }
  if (anchor == m.size()) anchor = 0;
  // The edges are the change points around the anchor: minute by minute,
  // an event counts +1 and every minute costs k, the threshold between the
  // baseline rate (outside the episode) and the episode's own rate at which
  // a Poisson stretch is as likely to belong to either. The start is where
  // the sum from the anchor back is largest, the end likewise forward: a
  // stray event behind a long quiet stretch stays out, a thin episode's
  // sparse events stay in.
  // (One pseudo-event outside: a signal never seen elsewhere still has a rate.)
  const double base = (outside + 1) / out_minutes;
  const double in_minutes = std::max(1.0, double(l - f + 1) * minutes_per_bucket);
  const double rate = std::max(inside / in_minutes, base * 1.5);
  const double k = (rate - base) / std::log(rate / base);
  std::size_t i0 = anchor, i1 = anchor;
  double sum = 0, best_sum = 0;
  for (std::size_t i = anchor; i-- > 0;) {
    sum += m[i].second - k * double(m[i + 1].first - m[i].first);
    if (sum > best_sum) {
      best_sum = sum;
      i0 = i;
    }
  }
  // Forward from the anchor's densest 15 minutes.
  std::size_t a_end = anchor;
  while (a_end + 1 < m.size() && m[a_end + 1].first < m[anchor].first + 15) ++a_end;
  i1 = a_end;
  sum = best_sum = 0;
  for (std::size_t i = a_end + 1; i < m.size(); ++i) {
    sum += m[i].second - k * double(m[i].first - m[i - 1].first);
    if (sum > best_sum) {
      best_sum = sum;
      i1 = i;
    }
  }
  // After a tenant cause, every event from the change on is its consequence.
  if (not_before != kNoTime) i0 = 0;
  e.start = TriageAggregate::minute_start(m[i0].first);
  e.end = TriageAggregate::minute_start(m[i1].first) + kMinuteMicros;
  if (not_before != kNoTime && e.start < not_before) e.start = not_before;
  if (e.end <= e.start) e.end = e.start + kMinuteMicros;
  return e;
}

bool is_ongoing(const DetectContext& c, Micros end) {
  if (c.last == kNoTime || end == kNoTime) return false;
  // Windows end at their last anomalous minute whatever the bucket, so the
  // slack is the bucket's up to an hour (a 1d bucket does not make every
  // finding of the day "in progress").
  return c.data_end() - end < std::clamp<Micros>(c.bucket, 15 * kMinuteMicros, kHourMicros);
}

std::vector<const HealthIssueCopy*> overlapping_health(const TriageAggregate& a, Micros from, Micros to) {
  std::vector<const HealthIssueCopy*> out;
  for (const auto& h : a.health) {
    if (!h.identity_relevant || h.synthetic) continue;
    HealthIssue v = h.view();
    if (health_overlaps(v, from, to)) out.push_back(&h);
  }
  return out;
}

const PolicyChange* cause_change(const DetectorRule& r, const DetectContext& c, Micros start, Micros slack) {
  const PolicyChange* best = nullptr;
  for (const auto& p : c.a.policy_changes) {
    if (p.time < start - r.cause_before || p.time > start + slack) continue;
    if (std::find(r.cause_classes.begin(), r.cause_classes.end(), p.cls) == r.cause_classes.end()) continue;
    if (!best || p.time > best->time) best = &p;
  }
  return best;
}

std::uint64_t count_tickets(const DetectorRule& r, const DetectContext& c, Micros from, Micros to,
                            std::vector<std::string>* ids, std::vector<const TicketSample*>* samples) {
  if (r.ticket_classes.empty() || from == kNoTime) return 0;
  const Micros lo = from - r.tickets_before, hi = (to == kNoTime ? from : to) + r.tickets_after;
  std::uint64_t n = 0;
  for (auto it = c.a.tickets.lower_bound(TriageAggregate::minute_key(lo)); it != c.a.tickets.end(); ++it) {
    if (TriageAggregate::minute_start(it->first) >= hi) break;
    for (TicketClass k : r.ticket_classes) n += it->second.by_class[static_cast<std::size_t>(k)];
  }
  for (const auto& s : c.a.ticket_samples) {
    if (s.time < lo || s.time >= hi) continue;
    if (std::find(r.ticket_classes.begin(), r.ticket_classes.end(), s.cls) == r.ticket_classes.end()) continue;
    if (ids && !s.id.empty()) ids->push_back(s.id);
    if (samples) samples->push_back(&s);
  }
  return n;
}

void affected_users(const DetectContext& c, std::initializer_list<UserSignal> signals, Micros from, Micros to,
                    const std::vector<const TicketSample*>& tickets, Evidence& e,
                    const std::unordered_set<std::string>* only) {
  constexpr std::size_t kMaxAffected = 100000;
  std::vector<AffectedUser> out;
  std::unordered_map<std::string, std::size_t> by_key;  // lower-cased UPN and display name → index
  std::unordered_map<std::string, std::string> display_to_upn;  // built on the first unmatched caller
  if (from != kNoTime && to != kNoTime)
    for (const auto& [upn, tr] : c.a.users) {
      if (only && !only->count(upn)) continue;
      AffectedUser u;
      for (UserSignal s : signals) {
        const auto& v = tr.times[static_cast<std::size_t>(s)];
        auto lo = std::lower_bound(v.begin(), v.end(), from);
        auto hi = std::lower_bound(v.begin(), v.end(), to);
        if (lo == hi) continue;
        u.first = u.first == kNoTime ? *lo : std::min(u.first, *lo);
        u.last = u.last == kNoTime ? *(hi - 1) : std::max(u.last, *(hi - 1));
        u.classes.emplace_back(name(s));
      }
      if (u.classes.empty()) continue;
      u.user = upn;
      out.push_back(std::move(u));
    }
  std::sort(out.begin(), out.end(), [](const AffectedUser& x, const AffectedUser& y) {
    return x.first != y.first ? x.first < y.first : x.user < y.user;
  });
  for (std::size_t i = 0; i < out.size(); ++i) {
    by_key.emplace(out[i].user, i);
    auto it = c.a.users.find(out[i].user);
    if (it != c.a.users.end() && !it->second.display.empty()) by_key.emplace(ascii_lower(it->second.display), i);
  }
  // Ticket callers: matched by UPN or display name, else listed as written.
  for (const TicketSample* t : tickets) {
    std::string key = ascii_lower(trim(t->caller));
    if (key.empty()) continue;
    auto it = by_key.find(key);
    if (it == by_key.end()) {
      // A caller known from sign-ins (by display name) but not affected by the signals.
      if (display_to_upn.empty() && !tickets.empty())
        for (const auto& [u, tr] : c.a.users) {
          if (tr.display.empty()) continue;
          auto [d, fresh] = display_to_upn.emplace(ascii_lower(tr.display), u);
          if (!fresh && u < d->second) d->second = u;  // two users of one name: the first UPN, deterministic
        }
      auto d = display_to_upn.find(key);
      std::string upn = d == display_to_upn.end() ? std::string() : d->second;
      AffectedUser u;
      u.user = upn.empty() ? std::string(trim(t->caller)) : upn;
      out.push_back(std::move(u));
      it = by_key.emplace(key, out.size() - 1).first;
      if (!upn.empty()) by_key.emplace(upn, out.size() - 1);
    }
    AffectedUser& u = out[it->second];
    u.first = u.first == kNoTime ? t->time : std::min(u.first, t->time);
    u.last = u.last == kNoTime ? t->time : std::max(u.last, t->time);
    std::string cls = "ticket:" + std::string(name(t->cls));
    if (std::find(u.classes.begin(), u.classes.end(), cls) == u.classes.end()) u.classes.push_back(cls);
    if (!t->id.empty()) u.ticket_ids.push_back(t->id);
  }
  e.affected_total = out.size();
  if (out.size() > kMaxAffected) out.resize(kMaxAffected);
  e.affected = std::move(out);
}

void attach_tickets(const DetectorRule& r, const DetectContext& c, Finding& f, Micros from, Micros to,
                    std::initializer_list<UserSignal> signals, const std::unordered_set<std::string>* only) {
  std::vector<const TicketSample*> samples;
  f.evidence.tickets = count_tickets(r, c, from, to, &f.evidence.ticket_ids, &samples);
  if (f.evidence.tickets) {
    std::string classes;
    for (TicketClass k : r.ticket_classes) classes += (classes.empty() ? "" : "/") + std::string(name(k));
    f.evidence.lines.push_back(fmt::format("{} tickets {}", f.evidence.tickets, classes));
  }
  affected_users(c, signals, from, to, samples, f.evidence, only);
}

CountMap codes_in(const DetectContext& c, std::size_t f, std::size_t l) {
  CountMap m;
  auto it = c.a.signin.lower_bound(TriageAggregate::minute_key(c.start_of(f)));
  auto end = c.a.signin.lower_bound(TriageAggregate::minute_key(c.end_of(l)));
  for (; it != end; ++it) m.merge(it->second.fail_codes);
  return m;
}

std::vector<CountItem> top_items(const CountMap& m, std::size_t n) {
  std::vector<CountItem> out;
  for (auto& [k, v] : m.top(n)) out.push_back({k, v});
  return out;
}

Finding make_finding(FindingKind k, Cause cause, Micros start, Micros end) {
  Finding f;
  f.kind = k;
  f.cause = cause;
  f.start = start;
  f.end = end;
  f.playbook = std::string(name(k));
  return f;
}

Severity severity_for(const DetectorRule& r, double impact) {
  if (r.high_at > 0 && impact >= r.high_at) return std::max(r.floor, Severity::high);
  return r.floor;
}

std::string health_line(const HealthIssueCopy& h) {
  return "health: " + h.id + " \"" + h.title + "\" (" + h.service + ", " + h.status + ")";
}

std::string change_words(const PolicyChange& p, const DetectContext& c) {
  return p.activity + (p.target.empty() ? "" : " \"" + p.target + "\"") + " at " + c.at(p.time) +
         (p.initiator.empty() ? "" : " by " + p.initiator);
}

}  // namespace idt
