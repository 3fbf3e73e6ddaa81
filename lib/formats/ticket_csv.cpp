// Why: see ticket_csv.h. Two passes over the in-memory text: a short one that
// decides the day/month order of the date columns (stops as soon as the data
// decides), then the record pass. Fields stay views into the input (or the
// CSV reader's per-row arena); no per-row heap allocation in steady state.
#include "formats/ticket_csv.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <optional>

#include "formats/ticket_columns.h"
#include "formats/ticket_dates.h"
#include "io/csv.h"
#include "model/ticket.h"
#include "util/text.h"

namespace idt {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Lines before the header: PowerShell Export-Csv "#TYPE …", Excel "sep=;".
struct Preamble {
  std::size_t bytes = 0, lines = 0;
  char sep = 0;
  bool type_line = false;
};

Preamble read_preamble(std::string_view text) {
  Preamble p;
  for (int i = 0; i < 2; ++i) {
    std::string_view rest = text.substr(p.bytes);
    std::size_t eol = rest.find('\n');
    std::string_view line = rest.substr(0, eol);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (istarts_with(line, "#TYPE"))
      p.type_line = true;
    else if (istarts_with(line, "sep=") && line.size() == 5)
      p.sep = line[4];
    else
      break;
    p.bytes += eol == std::string_view::npos ? rest.size() : eol + 1;
    ++p.lines;
  }
  return p;
}

std::string delimiter_name(char d) {
  if (d == '\t') return "tab";
  return std::string("'") + d + "'";
}

struct HeaderInfo {
  Preamble pre;
  char delim = ',';
  std::vector<std::string> names;
};

// Reads the preamble and the header row; false if there is no header row.
bool read_header(std::string_view text, HeaderInfo& h) {
  h.pre = read_preamble(text);
  std::string_view body = text.substr(h.pre.bytes);
  h.delim = h.pre.sep ? h.pre.sep : sniff_delimiter(body);
  CsvReader rd(body, {h.delim});
  std::vector<std::string_view> f;
  if (rd.next(f) != CsvReader::Status::row) return false;
  h.names.assign(f.begin(), f.end());
  return true;
}

// Enough roles to call this a ticket export: some free text, or an id and an
// open time plus one more ticket column.
bool looks_like_tickets(const ColumnMap& m) {
  if (m.foreign_headers > 0) return false;
  std::size_t found = m.roles_found();
  bool text = m.has(TicketRole::title) || m.has(TicketRole::description);
  return found >= 2 && (text || (m.has(TicketRole::id) && m.has(TicketRole::opened) && found >= 3));
}

class TicketCsvFormat final : public Format {
 public:
  std::string_view name() const override { return "ticket-csv"; }
  std::string_view description() const override {
    return "help-desk ticket CSV (ServiceNow, Jira, GLPI, generic; ',' ';' or tab)";
  }
  SniffResult sniff(std::string_view head) const override;
  void parse(const Input& in, const ParseOptions& opts, RecordSink& sink, FileSummary& summary) const override;
};

SniffResult TicketCsvFormat::sniff(std::string_view head) const {
  if (head.starts_with(kBom)) head.remove_prefix(kBom.size());
  if (head.substr(0, 4096).find('\0') != std::string_view::npos) return {};
  HeaderInfo h;
  if (!read_header(head, h)) return {};
  auto m = map_ticket_columns(h.names);
  if (!m.ok() || !looks_like_tickets(*m)) return {};
  int score = 30 + 8 * static_cast<int>(m->roles_found());
  if (m->flavour != TicketFlavour::generic) score += 10;
  return {std::min(score, 95), RecordKind::ticket};
}

struct DateStats {
  std::size_t bad = 0;
  std::uint64_t first_line = 0;
  std::string first_value;  // copied once
  void see_bad(std::uint64_t line, std::string_view v) {
    if (bad++ == 0) {
      first_line = line;
      first_value.assign(v.substr(0, 64));
    }
  }
};

// What was understood, for `detect` and the JSON inputs list.
void describe_columns(const HeaderInfo& h, const ColumnMap& map, FileSummary& s) {
  if (map.foreign_headers > 0)
    s.notes.push_back("header has " + std::to_string(map.foreign_headers) +
                      " Entra sign-in/audit columns: is this really a ticket export?");
  s.notes.push_back("flavour " + std::string(idt::name(map.flavour)));
  s.notes.push_back("delimiter " + delimiter_name(h.delim));
  std::string absent;
  for (std::size_t r = 0; r < kTicketRoleCount; ++r) {
    auto role = static_cast<TicketRole>(r);
    if (map.has(role))
      s.notes.push_back("role " + std::string(idt::name(role)) + "=" + std::string(trim(h.names[map.at(role)])) +
                        (map.overridden[r] ? " (--map)" : ""));
    else
      absent += (absent.empty() ? "" : ", ") + std::string(idt::name(role));
  }
  if (!absent.empty()) s.notes.push_back("roles absent: " + absent);
  if (!map.has(TicketRole::id)) s.notes.push_back("no id column: tickets are identified by line");
  std::map<std::string, int> seen;
  for (const auto& n : h.names)
    if (!trim(n).empty()) ++seen[normalize_header(n)];
  std::string rep;
  for (const auto& [n, c] : seen)
    if (c > 1) rep += (rep.empty() ? "" : ", ") + n + " x" + std::to_string(c);
  if (!rep.empty()) s.notes.push_back("repeated headers (first used): " + rep);
}

// Scans the date columns until the data decides the day/month order (or to
// the end when every value is ambiguous), then applies decide_date_order().
DateOrder decide_file_date_order(const Input& in, std::string_view body, std::size_t base_offset, const HeaderInfo& h,
                                 const ColumnMap& map, const ParseOptions& opts, FileSummary& s) {
  const int i_opened = map.at(TicketRole::opened), i_resolved = map.at(TicketRole::resolved);
  if (i_opened < 0 && i_resolved < 0) return DateOrder::unknown;
  DateOrderDetector det;
  std::vector<std::string_view> f;
  CsvReader rd(body, {h.delim});
  rd.next(f);  // header
  while (rd.next(f) == CsvReader::Status::row) {
    in.release_before(base_offset + rd.row_offset());
    if (i_opened >= 0 && static_cast<std::size_t>(i_opened) < f.size()) det.see(f[i_opened]);
    if (i_resolved >= 0 && static_cast<std::size_t>(i_resolved) < f.size()) det.see(f[i_resolved]);
    if (det.decided() || (det.numeric_values() == 0 && det.other_values() >= 1000)) break;
  }
  int col = i_opened >= 0 ? i_opened : i_resolved;
  auto dec = decide_date_order(det, opts.date_format, trim(h.names[col]));
  if (!dec.note.empty()) s.notes.push_back(dec.note);
  if (!opts.date_format.empty() && !parse_date_order(opts.date_format))
    s.notes.push_back("--date-format '" + opts.date_format + "' not understood (expected dmy or mdy)");
  return dec.order;
}

void TicketCsvFormat::parse(const Input& in, const ParseOptions& opts, RecordSink& sink, FileSummary& s) const {
  s.format = "ticket-csv";
  s.kind = RecordKind::ticket;
  if (s.path.empty()) s.path = in.path();
  std::string_view text = in.text();
  std::size_t base_offset = 0;
  if (text.starts_with(kBom)) {
    text.remove_prefix(kBom.size());
    base_offset = kBom.size();
  }

  HeaderInfo h;
  if (!read_header(text, h)) {
    CsvReader probe(text.substr(h.pre.bytes), {h.delim});
    std::vector<std::string_view> f;
    if (probe.next(f) == CsvReader::Status::error)
      s.fatal = "line " + std::to_string(h.pre.lines + probe.row_line()) +
                ": cannot read the header: " + std::string(probe.error());
    else
      s.notes.push_back("empty file: no header row");
    return;
  }
  if (h.pre.type_line) s.notes.push_back("skipped PowerShell '#TYPE' first line");
  if (h.pre.sep) s.notes.push_back("delimiter from Excel 'sep=' line");
  const std::uint64_t header_line = h.pre.lines + 1;

  auto mapped = map_ticket_columns(h.names, opts.column_map);
  if (!mapped.ok()) {
    s.fatal = mapped.error().message;
    return;
  }
  const ColumnMap& map = *mapped;
  if (map.roles_found() == 0) {
    std::string list;
    for (std::size_t i = 0; i < h.names.size() && i < 12; ++i) list += (i ? ", " : "") + h.names[i];
    s.fatal = "line " + std::to_string(header_line) + ": no ticket columns in the header (" + list +
              "); use --map role=Column";
    return;
  }

  describe_columns(h, map, s);

  const std::string_view body = text.substr(h.pre.bytes);
  base_offset += h.pre.bytes;
  const CsvDialect dialect{h.delim};
  std::vector<std::string_view> f;
  f.reserve(h.names.size() + 8);

  // Pass 1: day/month order of the date columns (one decision for the file).
  const DateOrder order = decide_file_date_order(in, body, base_offset, h, map, opts, s);
  if (opts.tz_offset_minutes != 0) {
    int m = opts.tz_offset_minutes, a = m < 0 ? -m : m;
    char buf[32];
    std::snprintf(buf, sizeof buf, "UTC%c%02d:%02d", m < 0 ? '-' : '+', a / 60, a % 60);
    s.notes.push_back(std::string("times without a zone read as ") + buf);
  }

  // Pass 2: records.
  std::array<int, kTicketRoleCount> col = map.index;
  const std::size_t ncols = h.names.size();
  std::size_t ragged = 0, empty_rows = 0;
  DateStats bad_opened, bad_resolved;
  std::uint64_t row_index = 0;
  bool stop = false;

  auto reject = [&](std::uint64_t line, std::uint64_t offset, std::string msg) {
    Rejection rj;
    rj.pos = SourcePos{opts.file_index, line, offset, row_index};
    rj.message = std::move(msg);
    ++s.rejected;
    if (opts.strict) {
      s.fatal = "line " + std::to_string(line) + ": " + rj.message + " (stopped: --strict)";
      stop = true;
    }
    sink.on_reject(rj);
  };

  // The reader works on `cur`, a suffix of body starting `cur_lines` lines in.
  std::string_view cur = body;
  std::size_t cur_off = 0;
  std::uint64_t cur_lines = h.pre.lines;
  std::optional<CsvReader> rd;
  rd.emplace(cur, dialect);
  rd->next(f);  // header
  // After a damaged record, rows are skipped until one has the header's width.
  bool resyncing = false;
  std::uint64_t skip_first = 0, skip_last = 0, skip_rows = 0, skip_offset = 0;
  auto end_resync = [&]() {
    if (resyncing && skip_rows > 0)
      reject(skip_first, skip_offset,
             "lines " + std::to_string(skip_first) + "-" + std::to_string(skip_last) + ": " +
                 std::to_string(skip_rows) + " rows skipped while resynchronising after a damaged record");
    resyncing = false;
    skip_rows = 0;
  };

  Ticket t;
  while (!stop) {
    auto st = rd->next(f);
    if (st == CsvReader::Status::end) break;
    const std::uint64_t line = cur_lines + rd->row_line();
    const std::uint64_t offset = base_offset + cur_off + rd->row_offset();
    in.release_before(offset);  // bounded RSS on multi-GB mapped files
    if (in.stale()) break;      // the file was cut under us: the rest reads as zeros (read_input reports it)
    if (st == CsvReader::Status::error) {
      end_resync();
      if (stop) break;
      // No quote character follows an unterminated opening quote, so it is the
      // last quote in the text: resume on the line after it.
      std::size_t q = cur.rfind('"');
      std::size_t nl = q == std::string_view::npos ? cur.size() : cur.find('\n', q);
      std::size_t resume = nl == std::string_view::npos ? cur.size() : nl + 1;
      std::uint64_t resume_line =
          cur_lines + 1 + static_cast<std::uint64_t>(std::count(cur.begin(), cur.begin() + resume, '\n'));
      std::string msg = std::string(rd->error()) + "; record skipped";
      if (resume < cur.size()) msg += ", reading resumes at line " + std::to_string(resume_line);
      reject(line, offset, std::move(msg));
      ++row_index;
      if (stop || resume >= cur.size()) break;
      cur_off += resume;
      cur = cur.substr(resume);
      cur_lines = resume_line - 1;
      rd.emplace(cur, dialect);
      resyncing = true;
      continue;
    }
    if (std::all_of(f.begin(), f.end(), [](std::string_view v) { return trim(v).empty(); })) {
      ++empty_rows;
      continue;
    }
    if (resyncing) {
      if (f.size() != ncols) {
        if (skip_rows++ == 0) {
          skip_first = line;
          skip_offset = offset;
        }
        skip_last = line;
        continue;
      }
      end_resync();
      if (stop) break;
    }
    if (rd->position() - rd->row_offset() > opts.max_record_bytes) {
      reject(line, offset,
             "record of " + std::to_string(rd->position() - rd->row_offset()) + " bytes exceeds the per-record limit");
      ++row_index;
      continue;
    }
    auto get = [&](TicketRole r) -> std::string_view {
      int i = col[static_cast<std::size_t>(r)];
      if (i < 0 || static_cast<std::size_t>(i) >= f.size()) return {};
      std::string_view v = trim(f[static_cast<std::size_t>(i)]);
      return v == "?" ? std::string_view{} : v;
    };
    if (f.size() != ncols) {
      int id_col = col[static_cast<std::size_t>(TicketRole::id)];
      bool readable;
      if (id_col >= 0) {
        readable = static_cast<std::size_t>(id_col) < f.size();
      } else {
        readable = false;
        for (std::size_t r = 0; r < kTicketRoleCount && !readable; ++r)
          readable = !get(static_cast<TicketRole>(r)).empty();
      }
      if (!readable) {
        reject(line, offset,
               "row has " + std::to_string(f.size()) + " fields, header has " + std::to_string(ncols) +
                   (id_col >= 0 ? "; no value for id column '" + std::string(trim(h.names[id_col])) + "'"
                                : "; no ticket column present"));
        ++row_index;
        continue;
      }
      ++ragged;
    }

    t.clear();
    t.id = get(TicketRole::id);
    t.opened_text = get(TicketRole::opened);
    t.title = get(TicketRole::title);
    t.description = get(TicketRole::description);
    t.caller = get(TicketRole::caller);
    t.state = get(TicketRole::state);
    t.category = get(TicketRole::category);
    t.assignment_group = get(TicketRole::assignment_group);
    t.assignee = get(TicketRole::assignee);
    t.priority = get(TicketRole::priority);
    if (!t.opened_text.empty()) {
      if (auto v = parse_ticket_date(t.opened_text, order, opts.tz_offset_minutes))
        t.opened = *v;
      else
        bad_opened.see_bad(line, t.opened_text);
    }
    if (auto rv = get(TicketRole::resolved); !rv.empty()) {
      if (auto v = parse_ticket_date(rv, order, opts.tz_offset_minutes))
        t.resolved = *v;
      else
        bad_resolved.see_bad(line, rv);
    }
    s.see_time(t.opened);
    sink.on_ticket(t, SourcePos{opts.file_index, line, offset, row_index});
    ++s.records;
    ++row_index;
  }
  if (!stop) end_resync();

  if (ragged) s.notes.push_back(std::to_string(ragged) + " rows with a field count different from the header (read)");
  if (empty_rows) s.notes.push_back(std::to_string(empty_rows) + " empty rows skipped");
  auto date_note = [&](const DateStats& d, TicketRole r) {
    if (d.bad)
      s.notes.push_back(std::to_string(d.bad) + " " + std::string(idt::name(r)) +
                        " values not understood as dates (first at line " + std::to_string(d.first_line) + ": '" +
                        d.first_value + "')");
  };
  date_note(bad_opened, TicketRole::opened);
  date_note(bad_resolved, TicketRole::resolved);
  if (s.records == 0 && s.rejected == 0) s.notes.push_back("no records (header only)");
}

}  // namespace

const Format& ticket_csv_format() {
  static const TicketCsvFormat f;
  return f;
}

}  // namespace idt
