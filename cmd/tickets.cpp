// Why: `idtriage tickets FILE...` — what users tell the help desk: each ticket
// with its class and the rule that matched, per-class counts and an hourly
// histogram (the shape of an outage shows in tickets before any notice).
#include <fmt/format.h>

#include <deque>

#include "classify/ticket_classifier.h"
#include "commands.h"
#include "common.h"
#include "formats/ticket_columns.h"
#include "model/ticket.h"
#include "render/tickets_render.h"
#include "util/text.h"

namespace idt::cmd {
namespace {

InputOptions opts;
TicketOptions ticket_opts;
std::string only;
std::size_t limit = 100;

// Counts classified tickets (the pipeline classifies them with the run's
// rules, after --since/--until on the opened time; undated tickets are kept
// and counted as undated), and lists or streams them.
class TicketsSink final : public UnitSink {
 public:
  struct Setup {
    const std::vector<std::string>* file_names = nullptr;
    std::optional<TicketClass> only;
    TicketRowWriter* writer = nullptr;  // stream rows (jsonl/csv); else keep up to `keep`
    std::size_t keep = 0;               // 0 = keep all
  };
  explicit TicketsSink(const Setup& s) : s_(s) {}
  void reset() override {  // streamed rows cannot be taken back: streaming runs are never split
    stats = TicketStats();
    rows.clear();
    listed = 0;
  }

  void on_ticket(const Ticket& t, const TicketClassification& c, const SourcePos& p) override {
    stats.add(t, c);
    if (s_.only && c.cls != *s_.only) return;
    ++listed;
    if (!s_.writer && s_.keep && rows.size() >= s_.keep) return;
    TicketRowView v{(*s_.file_names)[p.file_index],
                    p.line,
                    t.id,
                    t.title,
                    t.description,
                    t.caller,
                    t.state,
                    t.category,
                    t.assignment_group,
                    t.opened,
                    c.cls,
                    c.rule_id,
                    t.caller_name};
    if (s_.writer)
      s_.writer->write(v);
    else
      rows.push_back(TicketListRow::copy_of(v));
  }

  TicketStats stats;
  std::vector<TicketListRow> rows;
  std::uint64_t listed = 0;

 private:
  const Setup& s_;
};

void setup(CLI::App& app) {
  opts.with_kind = false;  // it reads one kind of input (triage labels inputs instead)
  opts.add(app, {"table", "jsonl", "csv", "tsv", "json"});
  Choices classes{{kTicketClassNames.begin(), kTicketClassNames.end()}};
  classes.accept = [](const std::string& v) { return parse_ticket_class(v).has_value(); };  // any case, '-' or ' '
  classes.list_in_help = false;
  add_choice(app, "--only", only, std::move(classes), "list only tickets of this class (counts still cover all)",
             "CLASS");
  ticket_opts.add(app);
  app.add_option("--limit", limit, "tickets listed in the table (0 = all; csv/tsv/jsonl/json list all)")
      ->type_name("N");
}

int run() {
  RunOptions ro = opts.run_options();
  if (!ro.forced) ro.want = RecordKind::ticket;
  ticket_opts.apply(ro);
  for (const auto& [role, column] : ro.parse.column_map)
    if (!parse_ticket_role(role))
      throw UsageError(fmt::format("--map {}={}: unknown role '{}'{} (roles: {})", role, column, role,
                                   did_you_mean(role, kTicketRoleNames), fmt::join(kTicketRoleNames, ", ")));
  OutputFormat fmt = opts.output_format();
  const TicketRules rules = ticket_opts.load_rules();
  std::vector<std::string> names;
  for (const auto& f : opts.files) names.push_back(f == "-" ? "<stdin>" : f);

  Output out(stdout, opts.color_on());
  TicketsSink::Setup su;
  ro.ticket_rules = &rules;
  su.file_names = &names;
  if (!only.empty()) su.only = parse_ticket_class(only);  // validated by --only's choices
  su.keep = fmt == OutputFormat::table ? limit : 0;

  TicketsReport report;
  report.only = su.only;
  std::deque<TicketsSink> sinks;
  opts.begin_output(out, fmt);
  if (fmt == OutputFormat::jsonl || fmt == OutputFormat::csv || fmt == OutputFormat::tsv) {
    TicketRowWriter writer(out, fmt);
    su.writer = &writer;
    sinks.emplace_back(su);
    report.files = run_files(opts.files, ro, sinks.front());  // streamed, in input order
  } else {
    // One sink per work unit, in input order (rows are listed in that order).
    report.files = run_files_parallel(opts.files, ro, [&](std::size_t) -> UnitSink& { return sinks.emplace_back(su); });
  }
  for (auto& s : sinks) {
    report.stats.merge(s.stats);
    report.listed += s.listed;
    for (auto& row : s.rows) {
      if (su.keep && report.rows.size() >= su.keep) break;
      report.rows.push_back(std::move(row));
    }
  }
  if (fmt == OutputFormat::table || fmt == OutputFormat::json) render_tickets(out, report, fmt);
  return opts.finish(out, report.files, ro, fmt == OutputFormat::table);
}

}  // namespace

extern const Command kTickets{"tickets", "classify help-desk tickets: counts per class and hour, the list with rules",
                              setup, run};

}  // namespace idt::cmd
