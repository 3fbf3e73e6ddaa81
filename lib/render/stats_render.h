// Why: `idtriage stats` output — counts by class, reason, code, app, user
// and hour as tables or one JSON document. Analysis fills StatsReport; only
// this layer formats text.
#pragma once
#include <vector>

#include "aggregate/log_stats.h"
#include "model/file_result.h"
#include "render/output.h"

namespace idt {

struct StatsReport {
  std::vector<FileResult> files;
  SigninStats signin;
  AuditStats audit;
  std::size_t top = 10;  // rows in the "top" tables (text); JSON has all
};

void render_stats(Output& out, const StatsReport& r, OutputFormat fmt);

}  // namespace idt
