// Why: `health` output — the provider's issues as an aligned table (identity
// relevance and open windows stand out) with a JSON / JSON-lines twin.
#pragma once
#include <cstdint>
#include <vector>

#include "aggregate/health_filter.h"
#include "model/file_result.h"
#include "render/output.h"

namespace idt {

// What `health` shows: the selection, the filter that made it, the inputs.
struct HealthReport : HealthFilter, HealthSelection {
  std::vector<FileResult> files;
};

// table | json | jsonl. Order: most recent start first, undated last, ties
// in input order (the same in every format).
void render_health(Output& out, const HealthReport& r, OutputFormat fmt);

}  // namespace idt
