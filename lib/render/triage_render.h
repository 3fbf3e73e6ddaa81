// Why: `triage` output: the tty view (verdict first, findings with their
// evidence, accounting line last), Markdown, and the versioned JSON contract
// idtriage.triage/1 (docs/triage-json.md); with --state, each finding's
// change since the last run (docs/alerting.md).
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "aggregate/triage_aggregate.h"
#include "correlate/finding.h"
#include "model/file_result.h"
#include "render/output.h"
#include "workflow/alert.h"

namespace idt {

struct TriageView {
  const TriageReport* report = nullptr;
  const TriageAggregate* agg = nullptr;
  std::vector<InputReport> inputs;
  Severity fail_on = Severity::medium;
  int exit_code = 0;
  // With --state: what is new or changed since the last run. Findings then
  // carry their change; the text views show the unchanged ones in one line.
  const AlertReport* alert = nullptr;
};

void render_triage(Output& out, const TriageView& v, OutputFormat fmt);

}  // namespace idt
