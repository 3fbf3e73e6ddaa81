// Why: `health` output — the provider's issues as an aligned table (identity
// relevance and open windows stand out) with a JSON / JSON-lines twin.
#pragma once
#include <cstdint>
#include <vector>

#include "model/health.h"
#include "render/output.h"
#include "model/file_result.h"

namespace idt {

struct HealthListed {
  HealthIssueCopy issue;
  std::uint32_t file_index = 0;
  std::uint64_t line = 0;
};

struct HealthReport {
  std::vector<FileResult> files;
  std::vector<HealthListed> issues;  // after filtering; the renderer orders them
  std::uint64_t total = 0;           // issues read before filtering
  std::uint64_t hidden_not_identity = 0, hidden_inactive = 0, hidden_outside_window = 0;
  Micros active_at = kNoTime;  // --active-at (kNoTime = not given)
  Micros since = kNoTime, until = kNoTime;
  bool identity_only = false;
};

// table | json | jsonl. Order: most recent start first, undated last, ties
// in input order (the same in every format).
void render_health(Output& out, const HealthReport& r, OutputFormat fmt);

}  // namespace idt
