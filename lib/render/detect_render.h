// Why: `idtriage detect` output — what each input is (kind, format,
// records, time range, notes) as a table, JSON, JSON lines, CSV or TSV.
#pragma once
#include <vector>

#include "model/file_result.h"
#include "render/output.h"

namespace idt {

void render_detect(Output& out, const std::vector<FileResult>& files, OutputFormat fmt);

}  // namespace idt
