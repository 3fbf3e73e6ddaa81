// Why: `idtriage index [inputs…]` — prepare a day of logs for fast `user`
// lookups: one triage pass writes idtriage.index next to the inputs (who is
// where, each ticket's caller, the findings and health issues). `user` uses it
// while every input is unchanged (size, mtime, hash of the head).
#include <fmt/format.h>


#include "commands.h"
#include "common.h"
#include "render/inputs_render.h"
#include "render/text_table.h"
#include "run/user_index.h"
#include "util/file_write.h"
#include "util/safe_text.h"

namespace idt::cmd {
namespace {

InputOptions opts;
TicketOptions ticket_opts;
BreakglassOptions breakglass_opts;
LabelledInputs labelled;
std::string out_path;

void setup(CLI::App& app) {
  opts.files_required = false;
  opts.with_kind = false;
  opts.add(app, {"table"});
  labelled.add(app);
  app.add_option("--out,-o", out_path, "where to write (default: idtriage.index next to the first input)")
      ->type_name("FILE");
  breakglass_opts.add(app);
  ticket_opts.add(app);
}

int run() {
  RunOptions ro = labelled.run_options(opts);
  TriageInputs in = labelled.inputs(opts);
  for (const auto& [f, label] : labelled_inputs(in))
    if (f == "-") throw UsageError("index: inputs must be files (an index of stdin could never be checked)");
  ticket_opts.apply(ro);
  TriageOptions to;
  breakglass_opts.apply(to);
  const TicketRules rules = ticket_opts.load_rules();
  std::string text;
  TriageRun tr;
  auto idx = UserIndex::build(in, ro, to, rules, text, &tr);
  if (!idx) {
    fmt::print(stderr, "idtriage: {}\n", idx.error().message);
    return kExitInput;
  }
  std::string path = out_path.empty() ? default_index_path(in) : out_path;
  if (auto err = write_file_atomic(path, text)) {
    fmt::print(stderr, "idtriage: cannot write the index {}\n", terminal_safe(*err));
    return kExitOutput;
  }
  Output out(stdout, opts.color_on());
  out.write(fmt::format("indexed {} users, {} tickets, {} findings, {} health issues from {} → {} ({})\n",
                        thousands(idx->users), thousands(idx->tickets.size()), idx->findings.size(),
                        idx->health.size(), count_of(idx->inputs.size(), "input", "inputs"), path,
                        count_of(text.size(), "byte", "bytes")));
  out.flush();
  std::vector<FileResult> files;
  for (const auto& i : tr.inputs) files.push_back(i.file);
  report_problems(stderr, files, opts.quiet);
  return tr.input_error ? kExitInput : kExitOk;
}

}  // namespace

extern const Command kIndex{"index", "write a per-user / per-ticket index next to the inputs for fast `user` lookups",
                            setup, run};

}  // namespace idt::cmd
