// Why: `idtriage triage` — the main job: read sign-ins, audit, tickets and
// health (labelled or auto-detected), aggregate, correlate, attach
// playbooks, print the verdict and findings; exit 1 on findings ≥ --fail-on.
#include <algorithm>

#include "classify/ticket_classifier.h"
#include "commands.h"
#include "common.h"
#include "formats/ticket_dates.h"
#include "render/reports.h"
#include "render/triage_render.h"
#include "run/triage_run.h"
#include "util/text.h"

namespace idt::cmd {
namespace {

InputOptions opts;
LabelledInputs labelled;
std::string bucket = "15m", fail_on = "high", rules_file, tz, date_format;
BreakglassOptions breakglass;

void setup(CLI::App& app) {
  opts.files_required = false;
  opts.with_kind = false;  // it reads one kind of input (triage labels inputs instead)
  opts.add(app, {"table", "json", "md"});
  labelled.add(app);
  app.add_option("--bucket", bucket, "time bucket for baselines (default 15m)")->type_name("DUR");
  app.add_option("--fail-on", fail_on, "exit 1 when a finding has this severity or more: info|low|medium|high|critical")
      ->type_name("SEV");
  breakglass.add(app);
  app.add_option("--rules", rules_file, "extra ticket rules file (see `idtriage tickets --help`)")->type_name("FILE");
  app.add_option("--tz", tz, "time zone offset of local-time ticket exports (e.g. +02:00)")->type_name("OFFSET");
  app.add_option("--date-format", date_format, "ticket date order when ambiguous: dmy|mdy")->type_name("ORDER");
}

int run() {
  RunOptions ro = labelled.run_options(opts);
  if (!tz.empty()) {
    auto off = parse_utc_offset(tz);
    if (!off) throw UsageError("--tz: expected UTC or an offset like +02:00 / -0500, got '" + tz + "'");
    ro.parse.tz_offset_minutes = *off;
  }
  ro.parse.date_format = date_format;
  OutputFormat fmt = opts.output_format();
  auto sev = parse_severity(fail_on);
  if (!sev) throw UsageError("--fail-on: expected info, low, medium, high or critical");
  TriageOptions to;
  auto b = parse_duration(bucket);
  if (!b || *b < 60 * kMicrosPerSecond) throw UsageError("--bucket: expected a duration of at least 1m (e.g. 15m, 1h)");
  to.bucket = *b;
  breakglass.apply(to);
  auto rules = TicketRules::builtin();
  if (!rules.ok()) throw std::runtime_error("built-in ticket rules: " + rules.error().message);
  if (!rules_file.empty()) {
    auto added = rules->add_file(rules_file);
    if (!added.ok()) throw UsageError("--rules: " + added.error().message);
  }

  TriageInputs in = labelled.inputs(opts);
  TriageRun run = run_triage(in, ro, to, rules.value());
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
