// Why: see tickets_render.h.
#include "render/tickets_render.h"

#include <algorithm>

#include <fmt/format.h>

#include "render/inputs_render.h"
#include "render/json_values.h"
#include "render/text_table.h"
#include "util/json_writer.h"
#include "util/safe_text.h"
#include "util/text.h"

namespace idt {
namespace {

constexpr std::string_view kCsvHeader =
    "file,line,id,opened,class,rule,title,caller,state,category,assignment_group,description,caller_name\n";

// Short column labels for the histogram, one per class.
constexpr std::array<std::string_view, kTicketClassCount> kShortNames = {"setup",   "portal", "signin", "lockout",
                                                                         "prompts", "phish",  "other"};
static_assert(kShortNames.back() == "other");

std::string_view class_color(TicketClass c) {
  switch (c) {
    case TicketClass::portal_unreachable:
      return sgr::bold_red;
    case TicketClass::mfa_setup:
      return sgr::magenta;
    case TicketClass::signin_failure:
      return sgr::yellow;
    case TicketClass::lockout:
      return sgr::yellow;
    case TicketClass::mfa_prompts:
      return sgr::red;
    case TicketClass::phishing_report:
      return sgr::red;
    default:
      return sgr::dim;
  }
}

void row_json(JsonWriter& w, const TicketRowView& r) {
  w.begin_object();
  w.kv("file", r.file);
  w.kv("line", r.line);
  w.kv("id", r.id);
  time_kv(w, "opened", r.opened);
  w.kv("class", name(r.cls));
  w.kv("rule", r.rule);
  w.kv("title", r.title);
  w.kv("caller", r.caller);
  w.kv("caller_name", r.caller_name);
  w.kv("state", r.state);
  w.kv("category", r.category);
  w.kv("assignment_group", r.group);
  w.kv("description", r.description);
  w.end_object();
}

void row_delimited(std::string& b, const TicketRowView& r, char delim) {
  std::string opened = r.opened == kNoTime ? std::string() : format_rfc3339(r.opened);
  const fmt::format_int line(r.line);
  const std::string_view cells[] = {r.file,       std::string_view(line.data(), line.size()),
                                    r.id,         opened,
                                    name(r.cls),  r.rule,
                                    r.title,      r.caller,
                                    r.state,      r.category,
                                    r.group,      r.description,
                                    r.caller_name};
  append_row(b, cells, delim);
}

// Warnings among the format notes, worth showing under FILES.
bool is_warning(std::string_view note) {
  for (auto w : {"ambiguous", "not understood", "field count", "is this really", "inconsistent", "no id column"})
    if (note.find(w) != std::string_view::npos) return true;
  return false;
}

void render_json(Output& out, const TicketsReport& r) {
  std::string& b = out.buf();
  JsonWriter w(b);
  const TicketStats& s = r.stats;
  w.begin_object();
  w.kv("schema", "idtriage.tickets/1");
  w.key("inputs").begin_array();
  for (const auto& f : r.files) append_file_json(w, f);
  w.end_array();
  w.kv("total", s.total);
  w.kv("undated", s.undated);
  time_kv(w, "first", s.first);
  time_kv(w, "last", s.last);
  w.key("by_class");
  class_counts_json(w, kTicketClassNames, s.by_class);
  w.key("by_rule").begin_object();
  for (const auto& [k, v] : s.by_rule.top()) w.kv(k, v);
  w.end_object();
  w.key("by_hour");
  hourly_json(w, s.by_hour, kTicketClassNames);
  w.key("only");
  if (r.only)
    w.value(name(*r.only));
  else
    w.null();
  w.kv("listed", r.listed);
  w.key("tickets").begin_array();
  for (const auto& row : r.rows) row_json(w, row.view());
  w.end_array();
  w.end_document();
}

void render_table(Output& out, const TicketsReport& r) {
  std::string& b = out.buf();
  const TicketStats& s = r.stats;
  const InputTotals totals = input_totals(r.files);
  out.paint(sgr::bold, "idtriage tickets");
  b += "  " + count_of(r.files.size(), "file", "files") + " · " + thousands(s.total) + " tickets · " +
       thousands(totals.rejected) + " rejected";
  if (totals.filtered) b += " · " + thousands(totals.filtered) + " outside --since/--until";
  if (s.undated) b += " · " + thousands(s.undated) + " undated";
  if (s.first != kNoTime) b += " · " + minute(s.first) + " → " + minute(s.last) + " UTC";
  b += '\n';

  if (s.total) {
    section(out, "TICKETS BY CLASS");
    for (std::size_t i = 0; i < kTicketClassCount; ++i) {
      b += "  ";
      out.paint(class_color(static_cast<TicketClass>(i)), pad(kTicketClassNames[i], 22));
      b += count_cells(s.by_class[i], s.total) + "\n";
    }
    auto rules = s.by_rule.top(r.top_rules);
    section(out, "TOP RULES");
    for (const auto& [k, v] : rules) b += "  " + pad(k, 30) + rpad(thousands(v), 10) + "\n";
    more_line(out, rules.size(), s.by_rule.size());

    // Hourly histogram; by day when the data spans too many hours to read.
    bool by_day = s.by_hour.size() > 72;
    std::map<Micros, TicketStats::ClassCounts> rows;
    for (const auto& [h, counts] : s.by_hour) {
      Micros key = h;
      if (by_day && h != kNoTime) {
        constexpr Micros kDay = 86400 * kMicrosPerSecond;
        Micros rem = h % kDay;
        key = h - (rem < 0 ? rem + kDay : rem);
      }
      auto& acc = rows[key];
      for (std::size_t i = 0; i < kTicketClassCount; ++i) acc[i] += counts[i];
    }
    std::string head = by_day ? "BY DAY (UTC)      total" : "BY HOUR (UTC)     total";
    head = pad(head, 24);
    for (auto n : kShortNames) head += rpad(n, 8);
    section(out, head);
    for (const auto& [h, counts] : rows) {
      const std::uint64_t t = sum(counts);
      std::string label = h == kNoTime ? "(no time)" : by_day ? format_rfc3339(h).substr(0, 10) : minute(h);
      b += "  " + pad(label, 16) + rpad(thousands(t), 6);
      for (auto v : counts) b += rpad(v ? thousands(v) : "·", 8);
      b += '\n';
    }
  }

  section(out, r.only ? "TICKETS (" + std::string(name(*r.only)) + ")" : std::string("TICKETS"));
  if (r.rows.empty())
    b += "  (none)\n";
  else {
    out.paint(sgr::dim, "  " + pad("OPENED (UTC)", 18) + pad("ID", 16) + pad("CLASS", 20) + pad("RULE", 26) + "TITLE");
    b += '\n';
  }
  for (const auto& row : r.rows) {
    std::string id = row.id.empty() ? fmt::format("line {}", row.line) : row.id;
    std::string title = row.title.empty() ? row.description : row.title;
    b += "  " + pad(minute(row.opened), 18) + pad(id, 16);
    out.paint(class_color(row.cls), pad(name(row.cls), 20));
    b += pad(row.rule, 26) + fit_width(clean(title), 60) + "\n";
    out.maybe_flush();
  }
  more_line(out, r.rows.size(), r.listed, " (--limit N, or --format csv|jsonl for all)");

  section(out, "FILES");
  for (const auto& f : r.files) {
    const FileSummary& fs = f.summary;
    b += "  " + clean(fs.path) + "\n    " + (fs.format.empty() ? std::string("?") : fs.format) + " · read " +
         thousands(fs.records) + " · kept " + thousands(f.kept) + " · rejected " + thousands(fs.rejected);
    if (f.filtered) b += " · outside window " + thousands(f.filtered);
    b += '\n';
    for (const auto& n : fs.notes)
      if (is_warning(n)) {
        b += "    ";
        out.paint(sgr::yellow, "note: " + clean(n));
        b += '\n';
      }
    if (fs.fatal) file_error_line(out, "    ", "error: ", *fs.fatal);
  }
}

}  // namespace

TicketListRow TicketListRow::copy_of(const TicketRowView& v) {
  TicketListRow r;
  r.file = v.file;
  r.id = v.id;
  r.title = v.title;
  r.description = v.description;
  r.caller = v.caller;
  r.caller_name = v.caller_name;
  r.state = v.state;
  r.category = v.category;
  r.group = v.group;
  r.rule = v.rule;
  r.line = v.line;
  r.opened = v.opened;
  r.cls = v.cls;
  return r;
}

TicketRowView TicketListRow::view() const {
  return {file, line, id, title, description, caller, state, category, group, opened, cls, rule, caller_name};
}

TicketRowWriter::TicketRowWriter(Output& out, OutputFormat fmt, bool header)
    : out_(out), fmt_(fmt), header_pending_(header && (fmt == OutputFormat::csv || fmt == OutputFormat::tsv)) {}

void TicketRowWriter::write(const TicketRowView& r) {
  std::string& b = out_.buf();
  const char delim = fmt_ == OutputFormat::tsv ? '\t' : ',';
  if (header_pending_) {
    for (char c : kCsvHeader) b += c == ',' ? delim : c;
    header_pending_ = false;
  }
  if (fmt_ == OutputFormat::csv || fmt_ == OutputFormat::tsv) {
    row_delimited(b, r, delim);
  } else {
    JsonWriter w(b);
    row_json(w, r);
    b += '\n';
  }
  ++rows_;
  out_.maybe_flush();
}

void render_tickets(Output& out, const TicketsReport& r, OutputFormat fmt) {
  if (fmt == OutputFormat::json)
    render_json(out, r);
  else
    render_table(out, r);
}

}  // namespace idt
