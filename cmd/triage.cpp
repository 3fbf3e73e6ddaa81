// Why: `idtriage triage` — the main job: read sign-ins, audit, tickets and
// health (labelled or auto-detected), aggregate, correlate, attach
// playbooks, print the verdict and findings; exit 1 on findings ≥ --fail-on,
// 5 when the run could not judge everything (never 0 for a false all-clear).
#include <algorithm>

#include "commands.h"
#include "common.h"
#include "render/affected_users.h"
#include "render/inputs_render.h"
#include "render/triage_render.h"
#include "run/triage_run.h"

namespace idt::cmd {
namespace {

TriageCommandOptions cmd_opts;
InputOptions& opts = cmd_opts.io;
// Default --fail-on medium: every finding that asks staff to act fails a
// nightly job — a suspected provider outage before the provider posts, a
// lockout wave, a campaign overload (docs/findings.md, "Exit codes").
std::string bucket = "15m", fail_on = "medium";
std::string affected_users_file;
std::vector<std::string> settings;

void setup(CLI::App& app) {
  cmd_opts.add_inputs(app, {"table", "json", "md"});
  app.add_option("--bucket", bucket, "time bucket for baselines (default 15m)")->type_name("DUR");
  add_choice(app, "--fail-on", fail_on, {{kSeverityNames.begin(), kSeverityNames.end()}},
             "exit 1 when a finding has this severity or more (default medium)", "SEV");
  app.add_option("--affected-users", affected_users_file,
                 "write every affected user of every finding as CSV (finding,kind,upn,first,last,classes,ticket_ids)")
      ->type_name("FILE");
  add_set_option(app, settings);
  cmd_opts.add_judging(app);
}

int run() {
  RunOptions ro = cmd_opts.run_options();
  OutputFormat fmt = opts.output_format();
  auto sev = parse_severity(fail_on);
  if (!sev) throw UsageError("--fail-on: expected info, low, medium, high or critical");
  TriageOptions to;
  auto b = parse_duration(bucket);
  if (!b || *b < 60 * kMicrosPerSecond) throw UsageError("--bucket: expected a duration of at least 1m (e.g. 15m, 1h)");
  to.bucket = *b;
  cmd_opts.apply(to);
  const TicketRules rules = cmd_opts.tickets.load_rules();

  const TemplateValues values = parse_set_options(settings);

  TriageInputs in = cmd_opts.inputs();
  TriageRun run = run_triage(in, ro, to, rules, values);
  TriageView view;
  view.fail_on = *sev;
  bool over = std::any_of(run.report.findings.begin(), run.report.findings.end(),
                          [&](const Finding& f) { return f.severity >= *sev; });
  view.exit_code = run.input_error                  ? kExitInput
                   : over                           ? kExitFindings
                   : !run.report.incomplete.empty() ? kExitIncomplete
                                                    : kExitOk;
  if (!affected_users_file.empty()) {
    std::string csv;
    render_affected_users_csv(csv, run.report);
    write_output_file("--affected-users", affected_users_file, csv);
  }
  view.report = &run.report;
  view.agg = run.agg.get();
  view.inputs = run.inputs;
  Output out(stdout, opts.color_on());
  render_triage(out, view, fmt);
  out.flush();
  report_problems(stderr, view.inputs, opts.quiet);
  return view.exit_code;
}

}  // namespace

extern const Command kTriage{"triage", "correlate sign-ins, audit, tickets and health into findings with playbooks",
                             setup, run};

}  // namespace idt::cmd
