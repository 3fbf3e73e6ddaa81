// Why: correlation — turns the triage aggregate into findings (the kinds in
// docs/findings.md), each detector a function in a table, plus the verdict and
// the list of what could not be decided from the inputs given.
#pragma once
#include <span>
#include <string_view>

#include "aggregate/triage_aggregate.h"
#include "correlate/finding.h"

namespace idt {

struct InputPresence {
  bool signin = false, audit = false, tickets = false, health = false;
};

struct CorrelateOptions {
  InputPresence inputs;
  bool breakglass_requested = false;
};

TriageReport correlate(const TriageAggregate& agg, const CorrelateOptions& opts);

// The detector table (for docs/tests): name and which finding kinds it emits.
struct Detector {
  std::string_view name;
  void (*run)(const TriageAggregate&, const CorrelateOptions&, TriageReport&);
};
std::span<const Detector> all_detectors();

}  // namespace idt
