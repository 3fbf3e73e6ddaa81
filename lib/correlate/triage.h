// Why: correlation — turns the triage aggregate into findings (the kinds in
// docs/findings.md; one detector per finding kind, each a rule record in
// rules.cpp), the verdict state (findings / all clear / incomplete, with the
// reasons a run could not judge) and the list of what could not be decided
// from the inputs given.
#pragma once
#include <span>
#include <string_view>

#include "aggregate/triage_aggregate.h"
#include "correlate/finding.h"
#include "correlate/rules.h"
#include "model/file_result.h"

namespace idt {

struct InputPresence {
  bool signin = false, audit = false, tickets = false, health = false;
};

struct CorrelateOptions {
  InputPresence inputs;
  bool breakglass_requested = false;
  std::span<const InputReport> files;   // per-input accounting: unreadable, rejected, out-of-range inputs
  std::span<const DetectorRule> rules;  // empty = builtin_rules()
  Micros bucket = 0;                    // analysis bucket; 0 = the aggregate's options().bucket
};

// Buckets the baselines need; a shorter analysed period is incomplete.
inline constexpr std::size_t kMinBaselineBuckets = 8;
// A bucket finer than this many sign-ins (median) is raised toward 15 min.
inline constexpr double kMinSigninsPerBucket = 150;

TriageReport correlate(const TriageAggregate& agg, const CorrelateOptions& opts);

}  // namespace idt
