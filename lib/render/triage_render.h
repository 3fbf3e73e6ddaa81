// Why: `triage` output: the tty view (verdict first, findings with their
// evidence, accounting line last), Markdown, and the versioned JSON contract
// idtriage.triage/1 (docs/triage-json.md).
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "aggregate/triage_aggregate.h"
#include "correlate/finding.h"
#include "model/file_result.h"
#include "render/output.h"

namespace idt {

struct TriageView {
  const TriageReport* report = nullptr;
  const TriageAggregate* agg = nullptr;
  std::vector<InputReport> inputs;
  Severity fail_on = Severity::medium;
  int exit_code = 0;
};

void render_triage(Output& out, const TriageView& v, OutputFormat fmt);

}  // namespace idt
