// Why: `idtriage precheck --action ca-change|method-reset|campaign` — GO /
// WAIT / STOP before a risky tenant change, with the reasons, from the same
// inputs as triage plus an optional proposed Conditional Access policy.
// Exit 0 GO, 10 WAIT, 11 STOP, so change pipelines can gate on it.
#include <fmt/format.h>

#include "commands.h"
#include "common.h"
#include "render/precheck_render.h"
#include "render/reports.h"
#include "run/precheck_run.h"
#include "util/text.h"

namespace idt::cmd {
namespace {

TriageCommandOptions cmd_opts;
InputOptions& opts = cmd_opts.io;
std::string action, at, recent = "6h";
std::vector<std::string> policies, locations, groups;

void setup(CLI::App& app) {
  cmd_opts.add_inputs(app, {"table", "json", "csv", "md"}, [&] {  // --action right after --format in the help
    add_choice(app, "--action,-a", action, {{kPrecheckActionNames.begin(), kPrecheckActionNames.end()}},
               "the change to check", "ACTION")
        ->required();
  });
  app.add_option("--policy", policies,
                 "proposed Conditional Access policy as Graph exports it (JSON; one policy, a list or an array)")
      ->type_name("FILE")
      ->allow_extra_args(false);
  app.add_option("--locations", locations, "named locations the policy refers to (Graph JSON export)")
      ->type_name("FILE")
      ->allow_extra_args(false);
  app.add_option("--group", groups,
                 "members of a group the policy includes or excludes: GROUP-ID=members.csv (repeatable)")
      ->type_name("ID=FILE")
      ->allow_extra_args(false);
  cmd_opts.add_judging(app);
  app.add_option("--at", at, "judge as of TIME (default now); records after it are ignored")->type_name("TIME");
  app.add_option("--recent", recent,
                 "a provider issue or finding that ended this recently still means WAIT (default 6h)")
      ->type_name("DUR");
}

int run() {
  RunOptions ro = cmd_opts.run_options();
  OutputFormat fmt = opts.output_format();
  PrecheckOptions po;
  po.action = *parse_precheck_action(action);
  Micros now = now_micros();
  if (!at.empty()) {
    auto t = parse_time_arg(at, now);
    if (!t) throw UsageError("--at: cannot read '" + at + "' as a time (RFC 3339, YYYY-MM-DD, or -24h/-7d)");
    po.at = *t;
  } else {
    po.at = ro.until != kNoTime ? ro.until : now;
  }
  if (ro.until == kNoTime || ro.until > po.at) ro.until = po.at;
  if (ro.since != kNoTime && ro.since >= ro.until) throw UsageError("--since must be before --at");
  auto r = parse_duration(recent);
  if (!r) throw UsageError("--recent: expected a duration such as 6h");
  po.recent = *r;
  TriageOptions to;
  cmd_opts.apply(to);
  po.breakglass = to.breakglass;
  po.breakglass_max_age = to.breakglass_max_age;
  PrecheckInputs in;
  in.triage = cmd_opts.inputs();
  in.policies = policies;
  in.locations = locations;
  for (const auto& g : groups) {
    auto eq = g.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == g.size())
      throw UsageError("--group: expected GROUP-ID=members.csv, got '" + g + "'");
    in.groups.emplace_back(g.substr(0, eq), g.substr(eq + 1));
  }
  const TicketRules rules = cmd_opts.tickets.load_rules();

  PrecheckRun run = run_precheck(in, ro, to, rules, po);
  PrecheckView view;
  view.report = &run.report;
  view.inputs = run.triage.inputs;
  view.config_files = run.config_files;
  view.warnings = run.warnings;
  view.exit_code = run.input_error                    ? kExitInput
                   : run.report.verdict == Gate::stop ? kExitStop
                   : run.report.verdict == Gate::wait ? kExitWait
                                                      : kExitOk;
  Output out(stdout, opts.color_on());
  opts.begin_output(out, fmt);
  render_precheck(out, view, fmt);
  out.flush();
  std::vector<FileResult> files;
  for (const auto& i : view.inputs) files.push_back(i.file);
  report_problems(stderr, files, opts.quiet);
  for (const auto& u : run.unreadable) {
    bool from_logs = false;
    for (const auto& f : files) from_logs |= f.summary.fatal && u.starts_with(f.summary.path + ":");
    if (from_logs) continue;
    print_error(u);
  }
  return view.exit_code;
}

}  // namespace

extern const Command kPrecheck{
    "precheck", "GO / WAIT / STOP before a Conditional Access change, a method reset or a campaign", setup, run};

}  // namespace idt::cmd
