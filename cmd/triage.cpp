// Why: `idtriage triage` — the main job: read sign-ins, audit, tickets and
// health (labelled or auto-detected), aggregate, correlate, attach
// playbooks, print the verdict and findings; exit 1 on findings ≥ --fail-on
// (with --state: on what is new, changed or ended since the last run), 5 when
// the run could not judge everything (never 0 for a false all-clear); the
// same report also as Markdown / JSON files, so one run feeds several outputs.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <tuple>
#include <utility>

#include "commands.h"
#include "common.h"
#include "render/affected_users.h"
#include "render/inputs_render.h"
#include "render/triage_render.h"
#include "run/alert_run.h"
#include "run/triage_run.h"
#include "util/safe_text.h"
#include "util/write_file.h"

namespace idt::cmd {
namespace {

TriageCommandOptions cmd_opts;
InputOptions& opts = cmd_opts.io;
// Default --fail-on medium: every finding that asks staff to act fails a
// nightly job — a suspected provider outage before the provider posts, a
// lockout wave, a campaign overload (docs/findings.md, "Exit codes").
std::string bucket = "15m", fail_on = "medium";
std::string affected_users_file, state_file, report_md, report_json;
std::vector<std::string> settings;

void setup(CLI::App& app) {
  cmd_opts.add_inputs(app, {"table", "json", "md"});
  app.add_option("--bucket", bucket, "time bucket for baselines (default 15m)")->type_name("DUR");
  add_choice(app, "--fail-on", fail_on, {{kSeverityNames.begin(), kSeverityNames.end()}},
             "exit 1 when a finding has this severity or more (default medium)", "SEV");
  app.add_option("--affected-users", affected_users_file,
                 "write every affected user of every finding as CSV (finding,kind,upn,first,last,classes,ticket_ids)")
      ->type_name("FILE");
  app.add_option("--state", state_file,
                 "report only what is new, changed or ended since the run that wrote FILE, exit 1 only for that, "
                 "and save this run's findings there (docs/alerting.md)")
      ->type_name("FILE");
  app.add_option("--report-md", report_md, "also write the report as Markdown to FILE (as --format md prints it)")
      ->type_name("FILE");
  app.add_option("--report-json", report_json, "also write the report as JSON to FILE (as --format json prints it)")
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

  if (state_file == "-") throw UsageError("--state: expected a file (the state is read and written back)");
  for (const auto& [flag, file] : {std::pair{"--report-md", &report_md}, std::pair{"--report-json", &report_json},
                                   std::pair{"--affected-users", &affected_users_file}}) {
    if (*file == "-") throw UsageError(std::string(flag) + ": expected a file (stdout carries --format)");
    if (!file->empty() && *file == state_file) throw UsageError(std::string(flag) + ": the same file as --state");
  }
  TriageInputs in = cmd_opts.inputs();
  // The state is read before the run (so a damaged one is known) and checked
  // for writing, so a job learns at once that it could never be saved.
  std::optional<StateLoad> previous;
  std::optional<std::string> state_problem;
  if (!state_file.empty()) {
    previous = load_alert_state(state_file);
    state_problem = check_state_writable(state_file);
  }
  TriageRun run = run_triage(in, ro, to, rules, values);
  TriageView view;
  view.fail_on = *sev;
  std::optional<AlertReport> alert;
  if (previous) {
    alert = judge_alerts(run, *previous, state_file, *sev, now_micros());
    view.alert = &*alert;
  }
  // With --state, only what is new, changed or ended since the last run
  // alerts; an incomplete run is never "nothing new" (exit 5).
  bool over = alert ? alert->alert
                    : std::any_of(run.report.findings.begin(), run.report.findings.end(),
                                  [&](const Finding& f) { return f.severity >= *sev; });
  view.exit_code = state_problem                    ? kExitOutput
                   : run.input_error                ? kExitInput
                   : over                           ? kExitFindings
                   : !run.report.incomplete.empty() ? kExitIncomplete
                                                    : kExitOk;
  view.report = &run.report;
  view.agg = run.agg.get();
  view.inputs = run.inputs;
  bool write_failed = false;
  auto write_failure = [&](std::string_view flag, const std::string& problem) {
    print_error(cannot_write(flag, problem));
    write_failed = true;
  };
  if (alert && !alert->note.empty()) print_error("note: " + alert->note);
  if (state_problem) write_failure("--state", *state_problem);
  if (!affected_users_file.empty()) {
    std::string csv;
    render_affected_users_csv(csv, run.report);
    if (auto err = write_file(affected_users_file, csv, true)) write_failure("--affected-users", *err);
  }
  Output out(stdout, opts.color_on());
  render_triage(out, view, fmt);
  out.flush();
  for (auto [file, flag, as] : {std::tuple{&report_md, "--report-md", OutputFormat::md},
                                std::tuple{&report_json, "--report-json", OutputFormat::json}}) {
    if (file->empty()) continue;
    Output mem = Output::memory();
    render_triage(mem, view, as);
    if (auto err = write_file(*file, mem.buf(), true)) write_failure(flag, *err);
  }
  // Saved last, and only when every output was written: an alert that could
  // not be delivered is reported again by the next run.
  if (alert && !write_failed)
    if (auto err = save_alert_state(state_file, alert->next)) write_failure("--state", *err);
  report_problems(stderr, view.inputs, opts.quiet);
  return write_failed ? kExitOutput : view.exit_code;
}

}  // namespace

extern const Command kTriage{"triage", "correlate sign-ins, audit, tickets and health into findings with playbooks",
                             setup, run};

}  // namespace idt::cmd
