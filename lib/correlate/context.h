// Why: what every detector shares (internal to correlate/): the analysed
// period cut into analysis buckets, series built from the per-minute
// counters, spike windows under a rule's scaled thresholds, the refinement
// of a window to its first and last anomalous minute, and the evidence
// helpers (health issues, tickets, affected users, time wording).
#pragma once
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "aggregate/triage_aggregate.h"
#include "correlate/finding.h"
#include "correlate/rules.h"
#include "correlate/series.h"
#include "correlate/triage.h"

namespace idt {

struct DetectContext {
  const TriageAggregate& a;
  const CorrelateOptions& o;
  std::span<const DetectorRule> rules;
  Micros first = kNoTime, last = kNoTime;  // the analysed period, inclusive
  Micros bucket = 15 * kMinuteMicros;
  std::int64_t key0 = 0;  // analysis-bucket number of the first bucket (floor(time / bucket))
  std::size_t n = 0;      // buckets in the period
  bool multi_day = false;
  double traffic_median = 0;  // sign-ins per bucket (median over the period)

  double scale() const { return static_cast<double>(bucket) / static_cast<double>(15 * kMinuteMicros); }
  Micros start_of(std::size_t i) const { return (key0 + static_cast<std::int64_t>(i)) * bucket; }
  Micros end_of(std::size_t i) const { return start_of(i) + bucket; }
  Micros data_end() const { return last == kNoTime ? kNoTime : last + 1; }
  // Quiet buckets allowed inside one episode (an hour; small tenants have empty buckets).
  std::size_t gap() const { return std::max<std::size_t>(2, static_cast<std::size_t>(kHourMicros / bucket)); }

  // A per-bucket series over the period from a per-minute map.
  template <class Bucket, class F>
  std::vector<double> series(const std::map<std::int64_t, Bucket>& m, F get) const {
    std::vector<double> v(n, 0.0);
    if (!n) return v;
    auto it = m.lower_bound(TriageAggregate::minute_key(first));
    auto end = m.upper_bound(TriageAggregate::minute_key(last));
    for (; it != end; ++it) {
      Micros t = TriageAggregate::minute_start(it->first);
      std::int64_t k = (t >= 0 ? t / bucket : (t - bucket + 1) / bucket) - key0;
      if (k >= 0 && static_cast<std::size_t>(k) < n) v[static_cast<std::size_t>(k)] += get(it->second);
    }
    return v;
  }

  // "05:50–09:50 UTC"; the date too when the data spans several days
  // (or always, with_date).
  std::string when(Micros start, Micros end, bool with_date = false) const;
  std::string at(Micros t) const;  // "13:12" or "2026-06-02 13:12"
};

// The sum of v[f..l] (inclusive, clipped to v).
double sum_of(const std::vector<double>& v, std::size_t f, std::size_t l);

// The excess rule of a spike detector, its thresholds scaled to the bucket
// and the traffic; floor15 is the (unscaled) 15-minute floor a whole window
// must reach.
struct ScaledRule {
  ExcessRule excess;
  double floor15 = 0;
};
ScaledRule scaled(const DetectorRule& r, const DetectContext& c);

// Spike windows of `values` under the rule: excess buckets grown to the
// episode, each with at least floor15 in total and, when the rule has a
// rate_factor, a rate per sign-in at least rate_factor × the rate outside.
std::vector<ExcessWindow> spike_windows(const DetectorRule& r, const DetectContext& c,
                                        const std::vector<double>& values, Baseline* base_out = nullptr);

// Per-minute counts of one signal around an episode.
using MinuteCounts = std::vector<std::pair<std::int64_t, double>>;  // (minute key, count > 0), in order
template <class Bucket, class F>
MinuteCounts minute_counts(const std::map<std::int64_t, Bucket>& m, Micros from, Micros to, F get) {
  MinuteCounts out;
  if (from == kNoTime || to == kNoTime || to <= from) return out;
  auto it = m.lower_bound(TriageAggregate::minute_key(from));
  auto end = m.lower_bound(TriageAggregate::minute_key(to - 1) + 1);
  for (; it != end; ++it) {
    double v = get(it->second);
    if (v > 0) out.emplace_back(it->first, v);
  }
  return out;
}
MinuteCounts add_counts(const MinuteCounts& x, const MinuteCounts& y);

// The first and last anomalous minute of an episode found in buckets
// [f, l] of `values` (the signal per bucket): from the episode's densest 15
// minutes, back and forward to the change points between the baseline rate
// (outside the episode) and the episode's own; never before not_before (a
// tenant cause).
struct Edges {
  Micros start = kNoTime, end = kNoTime;
};
Edges refine(const DetectContext& c, const MinuteCounts& m, std::size_t f, std::size_t l,
             const std::vector<double>& values, Micros not_before = kNoTime);

// Whether an episode ending at `end` (its last anomalous minute) is still
// going at the end of the data: within the bucket (15 min to 1 h) of it.
bool is_ongoing(const DetectContext& c, Micros end);

// Identity-relevant, non-synthetic health issues overlapping [from, to).
std::vector<const HealthIssueCopy*> overlapping_health(const TriageAggregate& a, Micros from, Micros to);
// The latest tenant change of the rule's cause classes from start - cause_before to start + slack.
const PolicyChange* cause_change(const DetectorRule& r, const DetectContext& c, Micros start, Micros slack);
// Tickets of the rule's classes opened in [from - tickets_before, to + tickets_after): the count, and every id.
std::uint64_t count_tickets(const DetectorRule& r, const DetectContext& c, Micros from, Micros to,
                            std::vector<std::string>* ids, std::vector<const TicketSample*>* samples = nullptr);
// The users with one of `signals` in [from, to) (only those in `only`, when
// given: lower-cased UPNs), plus the callers of `tickets` with their ids.
void affected_users(const DetectContext& c, std::initializer_list<UserSignal> signals, Micros from, Micros to,
                    const std::vector<const TicketSample*>& tickets, Evidence& e,
                    const std::unordered_set<std::string>* only = nullptr);
// Counts the rule's tickets around [from, to) (every id kept) and lists the
// affected users: a line, evidence.tickets / ticket_ids / affected.
void attach_tickets(const DetectorRule& r, const DetectContext& c, Finding& f, Micros from, Micros to,
                    std::initializer_list<UserSignal> signals, const std::unordered_set<std::string>* only = nullptr);

CountMap codes_in(const DetectContext& c, std::size_t f, std::size_t l);
std::vector<CountItem> top_items(const CountMap& m, std::size_t n);
Finding make_finding(FindingKind k, Cause cause, Micros start, Micros end);
Severity severity_for(const DetectorRule& r, double impact);
std::string hhmm(Micros t);
std::string pct(double r);
std::string num(double v);
std::string num1(double v);
std::string health_line(const HealthIssueCopy& h);
std::string change_words(const PolicyChange& p,
                         const DetectContext& c);  // "Update conditional access policy "X" at 13:12 by a@b"

}  // namespace idt
