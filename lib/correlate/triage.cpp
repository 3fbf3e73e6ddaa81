// Why: see triage.h. The analysed period is the densest stretch of records
// (time outliers left out and reported); the analysis bucket is the one
// asked for unless the traffic is too thin for it; the detectors run from
// the rule table; findings with one cause are merged, related ones linked;
// the verdict state is decided last, and an all-clear needs every input
// judged.
#include "correlate/triage.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "correlate/context.h"
#include "model/source.h"

namespace idt {
namespace {

constexpr std::size_t kMaxSeries = 200000;  // buckets; beyond this inputs span years

double median_of(std::vector<double> v) {
  if (v.empty()) return 0;
  std::size_t m = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(m), v.end());
  return v[m];
}

std::int64_t floor_div(Micros t, Micros b) { return t >= 0 ? t / b : (t - b + 1) / b; }

std::string duration_words(Micros d) {
  const std::int64_t minutes = d / kMinuteMicros;
  if (minutes < 60) return fmt::format("{} min", minutes);
  if (minutes < 48 * 60)
    return minutes % 60 ? fmt::format("{} h {} min", minutes / 60, minutes % 60) : fmt::format("{} h", minutes / 60);
  return fmt::format("{} days", minutes / (24 * 60));
}

std::string bucket_words(Micros b) {
  if (b % kHourMicros == 0) return fmt::format("{}h", b / kHourMicros);
  return fmt::format("{}m", b / kMinuteMicros);
}

// Sign-ins per bucket over the period, for a candidate bucket size.
double traffic_median(const TriageAggregate& a, Micros first, Micros last, Micros bucket) {
  const std::int64_t k0 = floor_div(first, bucket), k1 = floor_div(last, bucket);
  const std::size_t n = static_cast<std::size_t>(std::min<std::int64_t>(k1 - k0 + 1, kMaxSeries));
  std::vector<double> v(n, 0.0);
  auto it = a.signin.lower_bound(TriageAggregate::minute_key(first));
  auto end = a.signin.upper_bound(TriageAggregate::minute_key(last));
  for (; it != end; ++it) {
    std::int64_t k = floor_div(TriageAggregate::minute_start(it->first), bucket) - k0;
    if (k >= 0 && static_cast<std::size_t>(k) < n) v[static_cast<std::size_t>(k)] += it->second.total;
  }
  return median_of(std::move(v));
}

// The bucket to analyse in: the one asked for, unless it is finer than 15
// minutes and the traffic too thin for it (then the finest that carries
// kMinSigninsPerBucket sign-ins, at most 15 minutes).
Micros analysis_bucket(const TriageAggregate& a, Micros first, Micros last, Micros requested) {
  constexpr Micros k15 = 15 * kMinuteMicros;
  if (requested >= k15 || first == kNoTime) return requested;
  static constexpr int kLadder[] = {1, 2, 3, 5, 10, 15};
  for (int m : kLadder) {
    Micros b = m * kMinuteMicros;
    if (b < requested) continue;
    if (b == k15 || traffic_median(a, first, last, b) >= kMinSigninsPerBucket) return std::max(b, requested);
  }
  return k15;
}

bool same_root(const Finding& x, const Finding& y) {
  return x.cause == Cause::tenant && y.cause == Cause::tenant && !x.root_cause.empty() &&
         x.root_cause == y.root_cause && x.start < y.end && y.start < x.end;
}

// One cause, one finding: tenant findings caused by the same change are one.
void merge_same_cause(std::vector<Finding>& fs) {
  auto is_block = [](const Finding& f) {
    return f.kind == FindingKind::tenant_policy_block || f.kind == FindingKind::registration_blocked;
  };
  auto records = [](const Finding& f) {
    for (const auto& [k, n] : f.evidence.counts)
      if (k == "records") return n;
    return std::int64_t{0};
  };
  for (bool again = true; again;) {
    again = false;
    for (std::size_t i = 0; i < fs.size() && !again; ++i)
      for (std::size_t j = i + 1; j < fs.size() && !again; ++j) {
        if (!is_block(fs[i]) || !is_block(fs[j]) || fs[i].kind == fs[j].kind || !same_root(fs[i], fs[j])) continue;
        const std::size_t keep = records(fs[i]) >= records(fs[j]) ? i : j, drop = keep == i ? j : i;
        Finding& k = fs[keep];
        const Finding& d = fs[drop];
        k.evidence.lines.push_back("the same change also caused: " + d.summary);
        k.evidence.counts.push_back({"also_" + std::string(name(d.kind)), records(d)});
        k.severity = std::max(k.severity, d.severity);
        k.start = std::min(k.start, d.start);
        k.end = std::max(k.end, d.end);
        k.ongoing = k.ongoing || d.ongoing;
        for (const auto& t : d.evidence.ticket_ids)
          if (std::find(k.evidence.ticket_ids.begin(), k.evidence.ticket_ids.end(), t) == k.evidence.ticket_ids.end()) {
            k.evidence.ticket_ids.push_back(t);
            ++k.evidence.tickets;
          }
        for (const auto& u : d.evidence.affected) k.evidence.affected.push_back(u);
        k.evidence.affected_total += d.evidence.affected_total;
        fs.erase(fs.begin() + static_cast<std::ptrdiff_t>(drop));
        again = true;
      }
  }
}

bool linked(const Finding& x, const Finding& y, Micros phishing_span) {
  auto overlap = [](const Finding& p, const Finding& q) { return p.start < q.end && q.start < p.end; };
  if (x.start == kNoTime || y.start == kNoTime) return false;
  if (x.kind == FindingKind::outage_phishing || y.kind == FindingKind::outage_phishing) {
    const Finding& ph = x.kind == FindingKind::outage_phishing ? x : y;
    const Finding& o = x.kind == FindingKind::outage_phishing ? y : x;
    return o.cause == Cause::provider && ph.start <= o.end + phishing_span && o.start <= ph.end;
  }
  if (x.cause == Cause::provider && y.cause == Cause::provider) return overlap(x, y);
  if ((x.kind == FindingKind::lockout_wave && y.kind == FindingKind::password_spray) ||
      (y.kind == FindingKind::lockout_wave && x.kind == FindingKind::password_spray))
    return overlap(x, y) && (x.cause == Cause::attack || y.kind == FindingKind::password_spray);
  return same_root(x, y);
}

void add_reason(TriageReport& rep, std::string code, std::string input, std::string detail) {
  rep.incomplete.push_back({std::move(code), std::move(input), std::move(detail)});
}

void input_reasons(const TriageAggregate& a, const CorrelateOptions& o, TriageReport& rep) {
  for (const InputReport& in : o.files) {
    const FileSummary& s = in.file.summary;
    if (s.fatal) {
      add_reason(rep, "input_unreadable", s.path, "could not be read: " + *s.fatal);
      continue;
    }
    if (s.unrecognised) continue;  // skipped in a directory (not an export): nothing of it to judge
    if (s.records == 0 && s.rejected > 0) {
      add_reason(rep, "all_rejected", s.path,
                 fmt::format("every record was rejected ({}): nothing from it was judged", s.rejected));
      continue;
    }
    const bool log = s.kind == RecordKind::signin || s.kind == RecordKind::audit;
    const std::string_view what = s.kind == RecordKind::signin ? "sign-in" : "audit";
    if (s.kind == RecordKind::unknown && s.records == 0) {
      rep.undecided.push_back(s.path +
                              ": empty, kind unknown (no records; give it with --signins/--audit/--tickets/"
                              "--health to say what it is)");
      continue;
    }
    if (!log) continue;  // zero tickets or zero health issues is a valid, calm answer
    if (s.records == 0) {
      add_reason(rep, "no_records", s.path, fmt::format("an empty {} export: no records to judge", what));
    } else if (in.file.kept == 0 && in.file.filtered > 0) {
      add_reason(rep, "no_records_in_range", s.path,
                 fmt::format("none of its {} {} records lies inside --since/--until", s.records, what));
    } else if (s.first == kNoTime) {
      add_reason(rep, "no_dated_records", s.path,
                 fmt::format("none of its {} {} records has a time: nothing could be placed on the timeline", s.records,
                             what));
    }
  }
  bool signin_reason = false;
  for (const auto& r : rep.incomplete)
    for (const InputReport& in : o.files)
      signin_reason |= in.file.summary.path == r.input && in.file.summary.kind == RecordKind::signin;
  if (a.signins_dated == 0 && !signin_reason)
    add_reason(rep, "no_signins", "",
               "no dated sign-in records were analysed: authentication failures, outages, sprays and lockouts were "
               "not judged");
}

}  // namespace

TriageReport correlate(const TriageAggregate& a, const CorrelateOptions& o) {
  TriageReport rep;
  const std::span<const DetectorRule> rules = o.rules.empty() ? builtin_rules() : o.rules;
  const Micros requested = o.bucket > 0 ? o.bucket : a.options().bucket;
  DetectContext c{a, o, rules};
  c.first = a.period_first;
  c.last = a.period_last;
  rep.requested_bucket = requested;
  c.bucket = analysis_bucket(a, c.first, c.last, requested);
  rep.bucket = c.bucket;
  if (c.first != kNoTime) {
    c.key0 = floor_div(c.first, c.bucket);
    c.n = static_cast<std::size_t>(std::min<std::int64_t>(floor_div(c.last, c.bucket) - c.key0 + 1, kMaxSeries));
    c.traffic_median = traffic_median(a, c.first, c.last, c.bucket);
    // Several days: the period reaches at least an hour into a second UTC
    // day (a few records just past midnight do not make a date necessary).
    const Micros first_midnight = (floor_div(c.first, kDayMicros) + 1) * kDayMicros;
    c.multi_day = c.last >= first_midnight &&
                  (c.last - c.first > kDayMicros ||
                   (first_midnight - c.first >= kHourMicros && c.last - first_midnight >= kHourMicros));
  }
  rep.window_start = c.first;
  rep.window_end = c.data_end();
  rep.multi_day = c.multi_day;
  rep.outliers = a.outliers.count;
  rep.outliers_first = a.outliers.first;
  rep.outliers_last = a.outliers.last;

  for (const DetectorRule& r : rules)
    if (r.enabled && r.run) r.run(r, c, rep);
  merge_same_cause(rep.findings);
  std::stable_sort(rep.findings.begin(), rep.findings.end(), [](const Finding& x, const Finding& y) {
    if (x.severity != y.severity) return x.severity > y.severity;
    if (x.start != y.start) return x.start < y.start;
    return x.kind < y.kind;
  });
  for (std::size_t i = 0; i < rep.findings.size(); ++i) rep.findings[i].id = "F" + std::to_string(i + 1);
  const DetectorRule* phishing = find_rule(rules, FindingKind::outage_phishing);
  const Micros phishing_span = phishing ? phishing->span : 0;
  for (auto& f : rep.findings) {
    f.confidence = std::clamp(f.confidence, 0.05, 0.99);
    for (const auto& g : rep.findings)
      if (&f != &g && linked(f, g, phishing_span)) f.related.push_back(g.id);
    bool has_window = false;
    for (const auto& [k, v] : f.fill) has_window |= k == "window";
    if (!has_window && f.start != kNoTime)
      f.fill.emplace_back("window", f.ongoing ? c.at(f.start) + " UTC" : c.when(f.start, f.end));
    if (f.start != kNoTime) {
      f.fill.emplace_back("since", c.at(f.start) + " UTC");  // user messages: "Since {since}, …"
      f.fill.emplace_back("when", c.when(f.start, f.end, true));
    }
  }

  // What the inputs did not allow deciding (notes), and what makes the run incomplete.
  input_reasons(a, o, rep);
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
    rep.undecided.push_back(
        fmt::format("{} records without a time are counted in totals but not placed on the timeline",
                    a.signins_undated + a.audit_undated));
  if (a.tickets_undated)
    rep.undecided.push_back(
        fmt::format("{} tickets without a parseable date are counted but not placed in time", a.tickets_undated));
  if (c.first != kNoTime && c.last - c.first > 7 * kDayMicros)
    rep.undecided.push_back(
        fmt::format("inputs span {} days: baselines mix different days; use --since/--until to focus",
                    (c.last - c.first) / kDayMicros));
  if (c.bucket != requested)
    rep.undecided.push_back(fmt::format(
        "--bucket {} is too fine for this traffic (median {:.0f} sign-ins per bucket): analysed in {} buckets; "
        "windows are still to the minute",
        bucket_words(requested), traffic_median(a, c.first, c.last, requested), bucket_words(c.bucket)));
  if (c.first != kNoTime && c.n < kMinBaselineBuckets) {
    // Advise a smaller bucket only when the traffic carries one that gives enough buckets.
    const Micros finest = analysis_bucket(a, c.first, c.last, kMinuteMicros);
    const bool smaller_helps = finest < c.bucket && floor_div(c.last, finest) - floor_div(c.first, finest) + 1 >=
                                                        static_cast<std::int64_t>(kMinBaselineBuckets);
    add_reason(rep, "span_too_short", "",
               fmt::format("the analysed period covers {}: fewer than {} buckets of {} for a baseline ({})",
                           duration_words(c.last - c.first + 1), kMinBaselineBuckets, bucket_words(c.bucket),
                           smaller_helps ? fmt::format("give --bucket {} or a longer export", bucket_words(finest))
                                         : std::string("give a longer export: the traffic is too thin for a smaller "
                                                       "bucket")));
  }
  if (a.outliers.count > 0)
    add_reason(rep, "time_outliers", "",
               fmt::format("{} record{} dated far from the rest ({} … {}) left out of the analysed period {}",
                           a.outliers.count, a.outliers.count == 1 ? "" : "s", format_day_minute(a.outliers.first),
                           format_day_minute(a.outliers.last), c.when(c.first, c.data_end(), true)));

  // The verdict state: findings that ask staff to act, else incomplete, else all clear.
  const bool actionable = !rep.findings.empty() && rep.findings.front().severity >= Severity::medium;
  const std::string period = c.first == kNoTime ? std::string("the inputs") : c.when(c.first, c.data_end(), true);
  if (actionable) {
    rep.state = VerdictState::findings;
    const Finding& f = rep.findings.front();
    // The playbook stage words it (attach_playbooks); this stands in without one.
    rep.verdict = fmt::format("{} — {} ({})", name(f.kind), name(f.cause), c.when(f.start, f.end, true));
    rep.verdict_detail = "See the playbook: idtriage playbook " + std::string(name(f.kind));
  } else if (!rep.incomplete.empty()) {
    rep.state = VerdictState::incomplete;
    rep.verdict = "INCOMPLETE — not an all-clear: " + rep.incomplete.front().detail +
                  (rep.incomplete.front().input.empty() ? "" : " (" + rep.incomplete.front().input + ")");
    rep.verdict_detail = fmt::format("{} reason{} below; fix the inputs or options and run again",
                                     rep.incomplete.size(), rep.incomplete.size() == 1 ? "" : "s");
  } else {
    rep.state = VerdictState::all_clear;
    rep.verdict = "All clear for " + period + ": failures, registrations and tickets are within their baselines";
    rep.verdict_detail = rep.findings.empty() ? "" : "Low-severity observations are listed below.";
  }
  return rep;
}

}  // namespace idt
