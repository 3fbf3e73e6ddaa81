// Why: `idtriage campaign plan USERS.csv` staggers an MFA registration
// campaign into waves per region and time zone, off each region's peak
// sign-in hours, with a pause rule (table, CSV for `check`, JSON, .ics);
// `idtriage campaign check PLAN.csv AUDIT…` measures each wave's completion
// from the audit log, flags waves that broke the pause rule, says whether
// the next wave may start and lists who is still to do.
#include <fmt/format.h>

#include <cstdlib>

#include "commands.h"
#include "common.h"
#include "render/campaign_render.h"
#include "render/reports.h"
#include "run/campaign_run.h"
#include "util/text.h"

namespace idt::cmd {
namespace {

CLI::App *plan_app = nullptr, *check_app = nullptr;

// ---- plan
InputOptions plan_opts;
BreakglassOptions plan_breakglass;
std::vector<std::string> history;
std::string ics_file, start_date, group_by = "auto";
std::uint32_t wave_size = 500, wave_hours = 3, gap_days = 1;
double pilot_pct = 5, pause_pct = 80;

// ---- check
InputOptions check_opts;
std::string plan_file, check_at;
std::size_t limit = 20;

// Rejected rows of the user list or the plan, one stderr line each.
void print_rejections(const std::string& path, const std::vector<Rejection>& rejections, bool quiet) {
  if (quiet) return;
  for (const auto& r : rejections) print_error(fmt::format("{}:{}: rejected: {}", path, r.pos.line, r.message));
}

// An input that cannot be used at all: one stderr line, exit 3.
int input_failure(const std::string& path, const std::string& why) {
  print_error(path + ": " + why);
  return kExitInput;
}

Micros source_date_epoch_or_now() {
  if (const char* s = std::getenv("SOURCE_DATE_EPOCH"); s && *s) {
    long long v = 0;
    if (parse_int(s, v) && v >= 0) return static_cast<Micros>(v) * kMicrosPerSecond;
    throw UsageError(std::string("SOURCE_DATE_EPOCH: expected seconds since 1970, got '") + s + "'");
  }
  return now_micros();
}

void setup(CLI::App& app) {
  app.require_subcommand(1, 1);
  plan_app = app.add_subcommand(
      "plan", "USERS.csv -> staggered registration waves per region, off-peak, capped, with a pause rule");
  plan_opts.with_kind = false;
  plan_opts.read_directories = false;  // exactly one user list
  plan_opts.add(*plan_app, {"table", "csv", "json", "ics"});
  plan_app->get_option("files")->description("the user list (Entra 'Download users' CSV or any CSV with a UPN column)");
  plan_app->add_option("--history", history, "sign-in logs: each region's local peak hours come from them")
      ->type_name("FILE");
  plan_app->add_option("--ics", ics_file, "also write the waves as an iCalendar file (one event per wave)")
      ->type_name("FILE");
  plan_app->add_option("--wave-size", wave_size, "at most N users per wave (default 500)")
      ->type_name("N")
      ->check(CLI::Range(1u, 100000u));
  plan_app->add_option("--start", start_date, "local date of the first waves, YYYY-MM-DD (default: next business day)")
      ->type_name("DATE");
  plan_app
      ->add_option("--pilot", pilot_pct, "percent of a region's users in its first (pilot) wave; 0 = none (default 5)")
      ->type_name("PCT")
      ->check(CLI::Range(0.0, 50.0));
  plan_app->add_option("--wave-hours", wave_hours, "length of a wave's window in local hours (default 3)")
      ->type_name("N")
      ->check(CLI::Range(1u, 10u));
  plan_app->add_option("--gap-days", gap_days, "business days between a region's waves (default 1)")
      ->type_name("N")
      ->check(CLI::Range(1u, 30u));
  plan_app
      ->add_option("--pause-below", pause_pct,
                   "pause rule: the next wave waits while completion is below PCT percent (default 80)")
      ->type_name("PCT")
      ->check(CLI::Range(0.0, 100.0));
  add_choice(*plan_app, "--group-by", group_by, {{kGroupByNames.begin(), kGroupByNames.end()}},
             "the column waves are grouped by (default auto)", "COLUMN");
  plan_breakglass.add(*plan_app);

  check_app = app.add_subcommand(
      "check", "PLAN.csv AUDIT… -> completion per wave, pause-rule breaches, next step, users still to do");
  check_app->add_option("plan", plan_file, "the plan (`campaign plan … --format csv`)")
      ->type_name("PLAN.csv")
      ->required();
  check_opts.with_kind = false;
  check_opts.add(*check_app, {"table", "csv", "json"});
  check_app->get_option("files")->description("audit logs (registration events) and service-health files");
  check_app->add_option("--at", check_at, "judge as of TIME (default now); events after it are ignored")
      ->type_name("TIME");
  check_app->add_option("--limit", limit, "users still to do listed in the table (default 20)")->type_name("N");
}

int run_plan() {
  if (plan_opts.files.size() != 1)
    throw UsageError("campaign plan: give exactly one user list (got " + std::to_string(plan_opts.files.size()) + ")");
  RunOptions ro = plan_opts.run_options();
  check_files([&] {
    std::vector<std::string> all = plan_opts.files;
    all.insert(all.end(), history.begin(), history.end());
    return all;
  }());
  OutputFormat fmt = plan_opts.output_format();
  CampaignOptions co;
  co.wave_size = wave_size;
  co.pilot_share = pilot_pct / 100.0;
  co.wave_hours = static_cast<int>(wave_hours);
  co.gap_days = static_cast<int>(gap_days);
  co.pause_below = pause_pct / 100.0;
  co.group_by = *parse_group_by(group_by);
  TriageOptions bg;
  plan_breakglass.apply(bg);
  co.exclude = bg.breakglass;
  CivilTime start{};
  if (start_date.empty()) {
    std::int64_t day = now_micros() / (86400LL * kMicrosPerSecond) + 1;
    for (;; ++day) {
      int wd = static_cast<int>(((day % 7) + 11) % 7);
      if (wd != 0 && wd != 6) break;
    }
    start = to_civil(day * 86400LL * kMicrosPerSecond);
  } else {
    auto t = parse_iso8601(start_date);
    if (!t || start_date.size() != 10)
      throw UsageError("--start: expected a date YYYY-MM-DD, got '" + start_date + "'");
    start = to_civil(*t);
  }
  co.start_year = start.year;
  co.start_month = start.month;
  co.start_day = start.day;
  UserReadOptions uo;
  uo.column_map = ro.parse.column_map;  // --map names user-list roles here
  uo.encoding = ro.encoding;
  uo.strict = ro.parse.strict;
  ro.parse.column_map.clear();
  Micros dtstamp = source_date_epoch_or_now();

  CampaignPlanRun run = run_campaign_plan(plan_opts.files.front(), uo, history, ro, co);
  if (run.users.fatal) return input_failure(run.users.path, *run.users.fatal);
  CampaignPlanView view;
  view.plan = &run.plan;
  view.users = &run.users;
  view.history = run.history;
  view.history_counted = run.history_counted;
  view.dtstamp = dtstamp;
  view.exit_code = run.input_error ? kExitInput : kExitOk;
  if (!ics_file.empty()) { write_output_file("--ics", ics_file, campaign_ics(view)); }
  Output out(stdout, plan_opts.color_on());
  plan_opts.begin_output(out, fmt);
  render_campaign_plan(out, view, fmt);
  out.flush();
  print_rejections(run.users.path, run.users.rejections, plan_opts.quiet);
  report_problems(stderr, run.history, plan_opts.quiet);
  return view.exit_code;
}

int run_check() {
  RunOptions ro = check_opts.run_options();
  check_files([&] {
    std::vector<std::string> all = check_opts.files;
    all.push_back(plan_file);
    return all;
  }());
  OutputFormat fmt = check_opts.output_format();
  Micros at = now_micros();
  if (!check_at.empty()) {
    auto t = parse_time_arg(check_at, at);
    if (!t) throw UsageError("--at: cannot read '" + check_at + "' as a time (RFC 3339, YYYY-MM-DD, or -24h/-7d)");
    at = *t;
  }
  if (ro.until == kNoTime || ro.until > at) ro.until = at;
  CampaignCheckRun run = run_campaign_check(plan_file, check_opts.files, ro, at);
  if (run.plan.fatal) {
    report_problems(stderr, run.inputs, check_opts.quiet);
    return input_failure(run.plan.path, *run.plan.fatal);
  }
  bool audit = false;
  for (const auto& f : run.inputs) audit |= !f.summary.fatal && f.summary.kind == RecordKind::audit;
  if (!audit) {
    report_problems(stderr, run.inputs, check_opts.quiet);
    print_error(
        "no audit log among the inputs: campaign check needs the directory audit log (its registration "
        "events)");
    return kExitInput;
  }
  CampaignCheckView view;
  view.plan = &run.plan;
  view.check = &run.check;
  view.inputs = run.inputs;
  view.registration_events = run.registration_events;
  view.list_limit = limit;
  view.exit_code = run.input_error || !audit                ? kExitInput
                   : run.check.breaches || run.check.pauses ? kExitFindings
                                                            : kExitOk;
  Output out(stdout, check_opts.color_on());
  check_opts.begin_output(out, fmt);
  render_campaign_check(out, view, fmt);
  out.flush();
  print_rejections(run.plan.path, run.plan.rejections, check_opts.quiet);
  report_problems(stderr, run.inputs, check_opts.quiet);
  for (const auto& f : run.inputs)
    if (!f.summary.fatal && (f.summary.kind == RecordKind::signin || f.summary.kind == RecordKind::ticket))
      print_error(fmt::format("{}: {} input ignored (campaign check reads audit logs and health)", f.summary.path,
                              record_kind_name(f.summary.kind)));
  return view.exit_code;
}

int run() {
  if (plan_app && plan_app->parsed()) return run_plan();
  if (check_app && check_app->parsed()) return run_check();
  throw UsageError("campaign: expected 'plan' or 'check'");
}

}  // namespace

extern const Command kCampaign{"campaign", "plan a staggered MFA registration campaign, then check its waves", setup,
                               run};

}  // namespace idt::cmd
