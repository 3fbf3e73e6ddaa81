// Why: `idtriage stats` output — counts by class, reason, code, app, user
// and hour as tables or one JSON document. Analysis fills StatsReport; only
// this layer formats text.
#pragma once
#include <cstdint>
#include <vector>

#include "aggregate/log_stats.h"
#include "model/file_result.h"
#include "render/output.h"

namespace idt {

struct StatsReport {
  std::vector<FileResult> files;
  // Per file: records that were copies of one earlier in input order
  // (overlapping exports); counted once, in the earlier file.
  std::vector<std::uint64_t> duplicates;
  SigninStats signin;
  AuditStats audit;
  std::size_t top = 10;  // rows in the "top" tables (text); JSON has all
};

void render_stats(Output& out, const StatsReport& r, OutputFormat fmt);

}  // namespace idt
