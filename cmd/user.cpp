// Why: `idtriage user UPN|object-id|TICKET-ID [inputs…]` — the help desk's
// screen for the caller on the phone: their sign-ins, registration events,
// tickets, the findings of the triage run that cover them, a diagnosis and
// the message to read out. Exit 0 found, 2 nobody by that name or id, 3 input error.
#include <fmt/format.h>

#include "commands.h"
#include "common.h"
#include "render/inputs_render.h"
#include "render/user_render.h"
#include "run/user_index.h"
#include "run/user_run.h"
#include "util/safe_text.h"

#include <fstream>
#include <sstream>

namespace idt::cmd {
namespace {

TriageCommandOptions cmd_opts;
InputOptions& opts = cmd_opts.io;
std::string query;
bool quick = false, no_prefilter = false, no_index = false;
std::string index_path;
std::size_t limit = 40;

void setup(CLI::App& app) {
  app.add_option("query", query, "UPN, object id, ticket id or display name of the caller")
      ->required()
      ->type_name("WHO");
  cmd_opts.add_inputs(app, {"table", "json"});
  app.add_flag("--quick", quick,
               "only the person's records, found by a parallel byte pre-filter; no triage correlation (no findings)");
  app.add_flag("--no-prefilter", no_prefilter, "with --quick: parse every record instead of pre-filtering bytes");
  app.add_option("--index", index_path,
                 "the index to use (default: idtriage.index next to the first input, when valid)")
      ->type_name("FILE");
  app.add_flag("--no-index", no_index, "ignore any index; read the inputs");
  app.add_option("--limit", limit, "sign-ins shown in the table (default 40; JSON lists all)")->type_name("N");
  cmd_opts.add_judging(app);
}

int run() {
  RunOptions ro = cmd_opts.run_options();
  TriageOptions to;
  cmd_opts.apply(to);
  // The built-in rules are compiled only when a ticket is read (not on an indexed lookup).
  std::optional<TicketRules> custom;
  if (!cmd_opts.tickets.rules_files.empty()) custom = cmd_opts.tickets.load_rules();
  UserRunOptions uo;
  uo.quick = quick;
  uo.prefilter = !no_prefilter;

  TriageInputs in = cmd_opts.inputs();
  std::optional<UserIndex> index;
  std::string index_file = index_path.empty() ? default_index_path(in) : index_path;
  if (!no_index && !quick) {
    std::ifstream f(index_file, std::ios::binary);
    if (f) {
      std::ostringstream ss;
      ss << f.rdbuf();
      auto parsed = UserIndex::parse(std::move(ss).str());
      std::string why = parsed ? parsed->stale_reason(in, ro.since, ro.until) : parsed.error().message;
      if (why.empty())
        index = std::move(parsed.value());
      else
        print_error(fmt::format("index {} not used: {} (run `idtriage index` again)", index_file, why));
    } else if (!index_path.empty()) {
      throw UsageError("--index " + index_path + ": cannot read it");
    }
  }
  uo.index = index ? &*index : nullptr;
  UserRun run = run_user(in, ro, to, custom ? &*custom : nullptr, query, uo);
  UserView v;
  v.query = run.query;
  v.query_kind = name(run.kind);
  v.via_ticket = run.via_ticket ? &*run.via_ticket : nullptr;
  v.found = run.found;
  v.not_found = run.not_found;
  v.suggestions = run.suggestions;
  v.activity = &run.activity;
  v.caller = &run.caller;
  v.report = &run.triage.report;
  v.health = &run.triage.agg->health;
  v.correlated = run.correlated;
  v.source = run.from_index ? "index " + index_file
             : quick        ? (no_prefilter ? "scan" : "scan (pre-filter)")
                            : "triage run";
  v.skipped = run.skipped;
  v.inputs = run.inputs;
  v.limit = limit;
  Output out(stdout, opts.color_on());
  render_user(out, v, opts.output_format());
  out.flush();
  report_problems(stderr, run.inputs, opts.quiet);
  if (!run.found) {
    // The query and the suggestions (names from the inputs) are escaped by print_error.
    std::string_view what = run.kind == UserQueryKind::display_name ? "no ticket or user"
                            : run.kind == UserQueryKind::upn        ? "unknown user"
                            : run.kind == UserQueryKind::ticket     ? "unknown ticket or user"
                                                                    : "unknown object id";
    std::string msg = fmt::format("{} '{}': {}", what, run.query, run.not_found);
    if (!run.suggestions.empty()) {
      msg += " (did you mean ";
      for (std::size_t i = 0; i < run.suggestions.size(); ++i) msg += (i ? ", '" : "'") + run.suggestions[i] + "'";
      msg += "?)";
    }
    print_error(msg);
  }
  if (run.input_error) return kExitInput;
  return run.found ? kExitOk : kExitUsage;
}

}  // namespace

extern const Command kUser{"user", "one caller on one screen: sign-ins, registration, tickets, findings, diagnosis",
                           setup, run};

}  // namespace idt::cmd
