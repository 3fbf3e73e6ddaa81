// Why: every detector is a rule record in one table (rules.cpp, designated
// initializers): its thresholds, time spans, the tenant changes that can
// cause it, the health-matching slack, the ticket classes it counts and its
// severity. Detectors read their numbers only from their rule, so a test can
// switch one off or change one number and see the finding change.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>

#include "correlate/finding_kind.h"
#include "model/classes.h"
#include "util/time.h"

namespace idt {

struct DetectorRule;
struct DetectContext;
struct TriageReport;
using DetectFn = void (*)(const DetectorRule&, const DetectContext&, TriageReport&);

struct DetectorRule {
  FindingKind kind{};
  std::string_view what{};  // what it looks for, one line (docs, tests)
  DetectFn run = nullptr;
  bool enabled = true;

  // A spike of a count per bucket. Stated per 15 minutes of bucket and scaled
  // to the analysis bucket (a 1 h bucket needs four times the count).
  double abs_min = 0;        // a bucket needs at least this many…
  double abs_margin = 0;     // …this many above the median…
  double rel_factor = 3;     // …this many times the median (when the median is > 0)…
  double mad_k = 5;          // …and median + k · 1.4826 · MAD
  double traffic_share = 0;  // abs_min rises to this share of the median sign-ins per bucket…
  double traffic_cap = 0;    // …up to this (per 15 minutes); abs_margin rises in proportion
  double rate_factor = 0;    // the window's rate per sign-in must also be this × the rate outside (0 = off)

  // Kind-specific limits (each documented in the table where it is used).
  std::uint32_t min_users = 0;
  std::uint32_t min_events = 0;
  double min_share = 0;
  double max_share = 0;
  double min_rate = 0;         // the window's count per interactive sign-in must reach this (0 = off)…
  double min_rate_caused = 0;  // …or this when the data shows a cause
  Micros span = 0;

  // What can cause it, how health issues and tickets are matched.
  std::span<const AuditClass> cause_classes{};  // tenant changes that explain it…
  Micros cause_before = 0;                      // …when made up to this long before the start
  Micros health_slack = 0;                      // a health issue overlapping the window ± this matches
  std::span<const TicketClass> ticket_classes{};
  Micros tickets_before = 0, tickets_after = 0;  // tickets counted from start - before to end + after

  // Severity: at least `floor` when detected, `high` from `high_at` (impact:
  // records, users or tickets, per kind), at least `with_health` when a
  // matching provider health issue confirms it.
  Severity floor = Severity::medium;
  double high_at = 0;
  Severity with_health = Severity::high;
};

// The built-in table, in run order (later detectors look at earlier findings).
std::span<const DetectorRule> builtin_rules();
const DetectorRule* find_rule(std::span<const DetectorRule> rules, FindingKind kind);

}  // namespace idt
