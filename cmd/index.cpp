// Why: `idtriage index [inputs…]` — prepare a day of logs for fast `user`
// lookups: one triage pass writes idtriage.index next to the inputs (who is
// where, each ticket's caller, the findings and health issues). `user` uses it
// while every input is unchanged (size, mtime, hash of the head).
#include <fmt/format.h>

#include <cstdio>

#include "commands.h"
#include "common.h"
#include "render/inputs_render.h"
#include "render/text_table.h"
#include "run/user_index.h"
#include "util/safe_text.h"

namespace idt::cmd {
namespace {

TriageCommandOptions cmd_opts;
InputOptions& opts = cmd_opts.io;
std::string out_path;

void setup(CLI::App& app) {
  cmd_opts.add_inputs(app, {"table"});
  app.add_option("--out,-o", out_path, "where to write (default: idtriage.index next to the first input)")
      ->type_name("FILE");
  cmd_opts.add_judging(app);
}

int run() {
  RunOptions ro = cmd_opts.run_options();
  TriageInputs in = cmd_opts.inputs();
  for (const auto& [f, label] : labelled_inputs(in))
    if (f == "-") throw UsageError("index: inputs must be files (an index of stdin could never be checked)");
  TriageOptions to;
  cmd_opts.apply(to);
  const TicketRules rules = cmd_opts.tickets.load_rules();
  std::string text;
  TriageRun tr;
  auto idx = UserIndex::build(in, ro, to, rules, text, &tr);
  if (!idx) {
    print_error(idx.error().message);
    return kExitInput;
  }
  std::string path = out_path.empty() ? default_index_path(in) : out_path;
  write_output_file("the index", path, text, /*via_temp=*/true);
  Output out(stdout, opts.color_on());
  out.write(fmt::format("indexed {} users, {} tickets, {} findings, {} health issues from {} → {} ({})\n",
                        thousands(idx->users), thousands(idx->tickets.size()), idx->findings.size(), idx->health.size(),
                        count_of(idx->inputs.size(), "input", "inputs"), path, count_of(text.size(), "byte", "bytes")));
  out.flush();
  report_problems(stderr, tr.inputs, opts.quiet);
  return tr.input_error ? kExitInput : kExitOk;
}

}  // namespace

extern const Command kIndex{"index", "write a per-user / per-ticket index next to the inputs for fast `user` lookups",
                            setup, run};

}  // namespace idt::cmd
