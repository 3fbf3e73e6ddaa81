// Why: `precheck` output: the terminal view (verdict first, every check with
// its evidence, exit code last), Markdown for the change record, CSV (one
// row per check) and the versioned JSON contract idtriage.precheck/1
// (docs/precheck-json.md).
#pragma once
#include <string>
#include <vector>

#include "model/file_result.h"
#include "render/output.h"
#include "workflow/precheck.h"

namespace idt {

struct PrecheckView {
  const PrecheckReport* report = nullptr;
  std::vector<InputReport> inputs;        // log inputs, as triage reports them
  std::vector<std::string> config_files;  // policies, named locations, group members
  std::vector<std::string> warnings;
  int exit_code = 0;
};

void render_precheck(Output& out, const PrecheckView& v, OutputFormat fmt);

}  // namespace idt
