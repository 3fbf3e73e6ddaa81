// Why: `health` shows the provider's issues a person asked for (identity
// only, active at a time, inside --since/--until) and says how many each
// filter hid, so nothing vanishes silently. The choice is analysis, not
// drawing: it lives here, the renderer only shows the result.
#pragma once
#include <cstdint>
#include <vector>

#include "model/health.h"
#include "util/time.h"

namespace idt {

// One issue as read, with where it came from.
struct HealthListed {
  HealthIssueCopy issue;
  std::uint32_t file_index = 0;
  std::uint64_t line = 0;
};

struct HealthFilter {
  bool identity_only = false;               // only identity-relevant issues
  Micros active_at = kNoTime;               // only issues active then (kNoTime = any)
  Micros since = kNoTime, until = kNoTime;  // only issues overlapping [since, until)
};

struct HealthSelection {
  std::vector<HealthListed> issues;  // kept, in input order
  std::uint64_t total = 0;           // issues seen before filtering
  std::uint64_t hidden_not_identity = 0, hidden_inactive = 0, hidden_outside_window = 0;
};

// Appends the issues that pass `f` to `out` and counts the rest by the first
// filter that hid them (identity, then active-at, then window).
void select_health(std::vector<HealthListed>&& issues, const HealthFilter& f, HealthSelection& out);

}  // namespace idt
