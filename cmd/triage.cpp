// Why: `idtriage triage` — the main job: read sign-ins, audit, tickets and
// health (labelled or auto-detected), aggregate, correlate, attach
// playbooks, print the verdict and findings; exit 1 on findings ≥ --fail-on.
#include <algorithm>

#include "commands.h"
#include "common.h"
#include "render/inputs_render.h"
#include "render/triage_render.h"
#include "run/triage_run.h"

namespace idt::cmd {
namespace {

InputOptions opts;
TicketOptions ticket_opts;
BreakglassOptions breakglass_opts;
std::vector<std::string> signins, audits, tickets, healths;
std::string bucket = "15m", fail_on = "high";

void setup(CLI::App& app) {
  opts.files_required = false;
  opts.with_kind = false;  // it reads one kind of input (triage labels inputs instead)
  opts.add(app, {"table", "json", "md"});
  app.add_option("--signins", signins, "sign-in log files")->type_name("FILE");
  app.add_option("--audit", audits, "audit log files")->type_name("FILE");
  app.add_option("--tickets", tickets, "help-desk ticket CSV files")->type_name("FILE");
  app.add_option("--health", healths, "service-health JSON files")->type_name("FILE");
  app.add_option("--bucket", bucket, "time bucket for baselines (default 15m)")->type_name("DUR");
  add_choice(app, "--fail-on", fail_on, {{kSeverityNames.begin(), kSeverityNames.end()}},
             "exit 1 when a finding has this severity or more", "SEV");
  breakglass_opts.add(app);
  ticket_opts.add(app);
}

int run() {
  if (opts.files.empty() && signins.empty() && audits.empty() && tickets.empty() && healths.empty())
    throw UsageError("no inputs: give files, or --signins/--audit/--tickets/--health");
  std::vector<std::string> all = opts.files;
  for (auto* v : {&signins, &audits, &tickets, &healths}) all.insert(all.end(), v->begin(), v->end());
  std::vector<std::string> saved = opts.files;
  opts.files = all;  // validates '-' once and the window/encoding options
  RunOptions ro = opts.run_options();
  opts.files = saved;
  ticket_opts.apply(ro);
  OutputFormat fmt = opts.output_format();
  auto sev = parse_severity(fail_on);
  if (!sev) throw UsageError("--fail-on: expected info, low, medium, high or critical");
  TriageOptions to;
  auto b = parse_duration(bucket);
  if (!b || *b < 60 * kMicrosPerSecond) throw UsageError("--bucket: expected a duration of at least 1m (e.g. 15m, 1h)");
  to.bucket = *b;
  breakglass_opts.apply(to);
  const TicketRules rules = ticket_opts.load_rules();

  TriageInputs in{opts.files, signins, audits, tickets, healths};
  TriageRun run = run_triage(in, ro, to, rules);
  TriageView view;
  view.fail_on = *sev;
  bool over = std::any_of(run.report.findings.begin(), run.report.findings.end(),
                          [&](const Finding& f) { return f.severity >= *sev; });
  view.exit_code = run.input_error ? kExitInput : over ? kExitFindings : kExitOk;
  view.report = &run.report;
  view.agg = run.agg.get();
  view.inputs = run.inputs;
  Output out(stdout, opts.color_on());
  render_triage(out, view, fmt);
  out.flush();
  std::vector<FileResult> files;
  for (const auto& in : view.inputs) files.push_back(in.file);
  report_problems(stderr, files, opts.quiet);
  return view.exit_code;
}

}  // namespace

extern const Command kTriage{"triage", "correlate sign-ins, audit, tickets and health into findings with playbooks",
                             setup, run};

}  // namespace idt::cmd
