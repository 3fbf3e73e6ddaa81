// Why: see health_filter.h.
#include "aggregate/health_filter.h"

#include <cstdint>

namespace idt {

void select_health(std::vector<HealthListed>&& issues, const HealthFilter& f, HealthSelection& out) {
  const bool window = f.since != kNoTime || f.until != kNoTime;
  const Micros from = f.since != kNoTime ? f.since : INT64_MIN + 1;
  const Micros to = f.until != kNoTime ? f.until : INT64_MAX;
  for (auto& l : issues) {
    ++out.total;
    HealthIssue v = l.issue.view();
    if (f.identity_only && !v.identity_relevant) {
      ++out.hidden_not_identity;
      continue;
    }
    if (f.active_at != kNoTime && !health_active_at(v, f.active_at)) {
      ++out.hidden_inactive;
      continue;
    }
    if (window && !health_overlaps(v, from, to)) {
      ++out.hidden_outside_window;
      continue;
    }
    out.issues.push_back(std::move(l));
  }
}

}  // namespace idt
