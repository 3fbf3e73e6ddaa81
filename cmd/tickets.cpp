// Why: `idtriage tickets FILE...` — what users tell the help desk: each ticket
// with its class and the rule that matched, per-class counts and an hourly
// histogram (the shape of an outage shows in tickets before any notice).
#include <deque>

#include "classify/ticket_classifier.h"
#include "commands.h"
#include "common.h"
#include "formats/ticket_columns.h"
#include "formats/ticket_dates.h"
#include "model/ticket.h"
#include "render/reports.h"
#include "render/tickets_render.h"
#include "util/text.h"

namespace idt::cmd {
namespace {

InputOptions opts;
std::string only, date_format, tz;
std::vector<std::string> rules_files;
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
                    c.rule_id};
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
  opts.add(app, {"table", "jsonl", "csv", "json"});
  app.add_option("--only", only, "list only tickets of this class (counts still cover all)")->type_name("CLASS");
  app.add_option("--rules", rules_files, "extra ticket rules file; same ids replace built-in rules (repeatable)")
      ->type_name("FILE");
  app.add_option("--date-format", date_format, "day/month order when the data cannot tell: dmy|mdy (or dd/mm/yyyy…)")
      ->type_name("ORDER");
  app.add_option("--tz", tz, "zone of times written without one: UTC, +02:00, -0500 (default UTC)")
      ->type_name("OFFSET");
  app.add_option("--limit", limit, "tickets listed in the table (0 = all; csv/jsonl/json list all)")->type_name("N");
}

std::optional<TicketClass> only_class() {
  if (only.empty()) return std::nullopt;
  if (auto c = parse_ticket_class(only)) return c;
  std::string best, list;
  std::size_t bd = 99;
  for (auto n : kTicketClassNames) {
    list += (list.empty() ? "" : ", ") + std::string(n);
    std::size_t d = n.starts_with(only) ? 0 : edit_distance(only, n);  // "portal" -> portal_unreachable
    if (d < bd) {
      bd = d;
      best = n;
    }
  }
  throw UsageError("--only: unknown ticket class '" + only + "'" + (bd <= 4 ? " (did you mean '" + best + "'?)" : "") +
                   "; classes: " + list);
}

int run() {
  RunOptions ro = opts.run_options();
  if (!ro.forced) ro.want = RecordKind::ticket;
  if (!date_format.empty()) {
    if (!parse_date_order(date_format))
      throw UsageError("--date-format: expected dmy or mdy, got '" + date_format + "'");
    ro.parse.date_format = date_format;
  }
  if (!tz.empty()) {
    auto off = parse_utc_offset(tz);
    if (!off) throw UsageError("--tz: expected UTC or an offset such as +02:00 or -0500, got '" + tz + "'");
    ro.parse.tz_offset_minutes = *off;
  }
  for (const auto& [role, column] : ro.parse.column_map)
    if (!parse_ticket_role(role)) {
      std::string list;
      for (auto n : kTicketRoleNames) list += (list.empty() ? "" : ", ") + std::string(n);
      throw UsageError("--map " + role + "=" + column + ": unknown role '" + role + "' (roles: " + list + ")");
    }
  OutputFormat fmt = opts.output_format();
  const TicketRules rules = load_ticket_rules(rules_files);
  std::vector<std::string> names;
  for (const auto& f : opts.files) names.push_back(f == "-" ? "<stdin>" : f);

  Output out(stdout, opts.color_on());
  TicketsSink::Setup su;
  ro.ticket_rules = &rules;
  su.file_names = &names;
  su.only = only_class();
  su.keep = fmt == OutputFormat::table ? limit : 0;

  TicketsReport report;
  report.only = su.only;
  std::deque<TicketsSink> sinks;
  if (fmt == OutputFormat::jsonl || fmt == OutputFormat::csv) {
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
  out.flush();
  report_problems(stderr, report.files, opts.quiet);
  if (fmt == OutputFormat::table && is_tty(stdout)) report_footer(stderr, report.files);
  return any_input_error(report.files, ro.parse.strict) ? kExitInput : kExitOk;
}

}  // namespace

extern const Command kTickets{"tickets", "classify help-desk tickets: counts per class and hour, the list with rules",
                              setup, run};

}  // namespace idt::cmd
