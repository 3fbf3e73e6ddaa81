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
std::vector<std::string> signins, audits, tickets, healths;
std::string bucket = "15m", fail_on = "high", breakglass, breakglass_age = "30d", rules_file, tz, date_format;

void setup(CLI::App& app) {
  opts.files_required = false;
  opts.with_kind = false;  // it reads one kind of input (triage labels inputs instead)
  opts.add(app, {"table", "json", "md"});
  app.add_option("--signins", signins, "sign-in log files")->type_name("FILE");
  app.add_option("--audit", audits, "audit log files")->type_name("FILE");
  app.add_option("--tickets", tickets, "help-desk ticket CSV files")->type_name("FILE");
  app.add_option("--health", healths, "service-health JSON files")->type_name("FILE");
  app.add_option("--bucket", bucket, "time bucket for baselines (default 15m)")->type_name("DUR");
  app.add_option("--fail-on", fail_on, "exit 1 when a finding has this severity or more: info|low|medium|high|critical")
      ->type_name("SEV");
  app.add_option("--breakglass", breakglass, "emergency-access UPNs, comma-separated")->type_name("UPN,…");
  app.add_option("--breakglass-max-age", breakglass_age,
                 "a break-glass account must have signed in successfully within this (default 30d)")
      ->type_name("DUR");
  app.add_option("--rules", rules_file, "extra ticket rules file (see `idtriage tickets --help`)")->type_name("FILE");
  app.add_option("--tz", tz, "time zone offset of local-time ticket exports (e.g. +02:00)")->type_name("OFFSET");
  app.add_option("--date-format", date_format, "ticket date order when ambiguous: dmy|mdy")->type_name("ORDER");
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
  auto age = parse_duration(breakglass_age);
  if (!age) throw UsageError("--breakglass-max-age: expected a duration such as 30d");
  to.breakglass_max_age = *age;
  for (std::string_view rest = breakglass; !rest.empty();) {
    std::size_t c = rest.find(',');
    std::string u(trim(rest.substr(0, c)));
    rest = c == std::string_view::npos ? std::string_view{} : rest.substr(c + 1);
    for (char& ch : u)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
    if (!u.empty()) to.breakglass.push_back(u);
  }
  const TicketRules rules =
      load_ticket_rules(rules_file.empty() ? std::vector<std::string>{} : std::vector{rules_file});

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
