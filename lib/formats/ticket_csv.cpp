// Why: see ticket_csv.h. Two passes over the in-memory text: a short one that
// decides the day/month order of the date columns (stops as soon as the data
// decides), then the record pass. Fields stay views into the input (or the
// CSV reader's per-row arena); no per-row heap allocation in steady state.
#include "formats/ticket_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <optional>

#include "formats/sniff_util.h"
#include "formats/ticket_columns.h"
#include "formats/ticket_dates.h"
#include "io/csv.h"
#include "model/ticket.h"
#include "util/text.h"

namespace idt {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string delimiter_name(char d) {
  if (d == '\t') return "tab";
  return std::string("'") + d + "'";
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
    return "help-desk ticket CSV (ServiceNow, Jira, GLPI, Freshdesk, Freshservice, Zendesk, osTicket, generic)";
  }
  SniffResult sniff(std::string_view head) const override;
  void parse(const Input& in, const ParseOptions& opts, RecordSink& sink, FileSummary& summary) const override;
};

SniffResult TicketCsvFormat::sniff(std::string_view head) const {
  if (looks_binary(head.substr(head.starts_with(kBom) ? kBom.size() : 0))) return {};
  CsvDocument h;
  if (!open_csv_document(head, h)) return {};
  auto m = map_ticket_columns(h.header);
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
void describe_columns(const CsvDocument& h, const ColumnMap& map, FileSummary& s) {
  if (map.foreign_headers > 0)
    s.notes.push_back("header has " + std::to_string(map.foreign_headers) +
                      " Entra sign-in/audit columns: is this really a ticket export?");
  s.notes.push_back("flavour " + std::string(idt::name(map.flavour)));
  s.notes.push_back("delimiter " + delimiter_name(h.delim));
  std::string absent;
  for (std::size_t r = 0; r < kTicketRoleCount; ++r) {
    auto role = static_cast<TicketRole>(r);
    if (map.has(role))
      s.notes.push_back("role " + std::string(idt::name(role)) + "=" + std::string(trim(h.header[map.at(role)])) +
                        (map.overridden[r] ? " (--map)" : ""));
    else if (role != TicketRole::caller_name)  // only ever beside an e-mail caller: not missing
      absent += (absent.empty() ? "" : ", ") + std::string(idt::name(role));
  }
  if (!absent.empty()) s.notes.push_back("roles absent: " + absent);
  if (!map.has(TicketRole::id)) s.notes.push_back("no id column: tickets are identified by line");
  std::map<std::string, int> seen;
  for (const auto& n : h.header)
    if (!trim(n).empty()) ++seen[normalize_header(n)];
  std::string rep;
  for (const auto& [n, c] : seen)
    if (c > 1) rep += (rep.empty() ? "" : ", ") + n + " x" + std::to_string(c);
  if (!rep.empty()) s.notes.push_back("repeated headers (first used): " + rep);
}

// Scans the date columns until the data decides the day/month order (or to
// the end when every value is ambiguous), then applies decide_date_order().
DateOrder decide_file_date_order(const Input& in, std::string_view body, std::size_t base_offset, const CsvDocument& h,
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
  auto dec = decide_date_order(det, opts.date_format, trim(h.header[col]));
  if (!dec.note.empty()) s.notes.push_back(dec.note);
  if (!opts.date_format.empty() && !parse_date_order(opts.date_format))
    s.notes.push_back("--date-format '" + opts.date_format + "' not understood (expected dmy or mdy)");
  return dec.order;
}

// Pass 2: the records. One object holds the loop's state; each situation a
// row can be in (damaged quoting, resynchronising, oversized, ragged, a
// ticket) has its own method.
class TicketRowReader {
 public:
  TicketRowReader(const Input& in, const ParseOptions& opts, RecordSink& sink, FileSummary& s, const CsvDocument& h,
                  const ColumnMap& map, DateOrder order, std::string_view body, std::size_t base_offset)
      : in_(in),
        opts_(opts),
        sink_(sink),
        s_(s),
        h_(h),
        col_(map.index),
        order_(order),
        base_offset_(base_offset),
        ncols_(h.header.size()),
        cur_(body),
        cur_lines_(h.pre.lines),
        dialect_{h.delim} {
    f_.reserve(ncols_ + 8);
    rd_.emplace(cur_, dialect_);
    rd_->next(f_);  // header
  }

  void run() {
    while (!stop_) {
      auto st = rd_->next(f_);
      if (st == CsvReader::Status::end) break;
      const std::uint64_t line = cur_lines_ + rd_->row_line();
      const std::uint64_t offset = base_offset_ + cur_off_ + rd_->row_offset();
      in_.release_before(offset);  // bounded RSS on multi-GB mapped files
      if (in_.stale()) break;      // the file was cut under us: the rest reads as zeros (read_input reports it)
      if (st == CsvReader::Status::error) {
        if (!skip_damaged(line, offset)) break;
        continue;
      }
      if (std::all_of(f_.begin(), f_.end(), [](std::string_view v) { return trim(v).empty(); })) {
        ++empty_rows_;
        continue;
      }
      if (resyncing_) {
        if (f_.size() != ncols_) {
          skip_while_resyncing(line, offset);
          continue;
        }
        end_resync();
        if (stop_) break;
      }
      if (rd_->position() - rd_->row_offset() > opts_.max_record_bytes) {
        reject(
            line, offset,
            "record of " + std::to_string(rd_->position() - rd_->row_offset()) + " bytes exceeds the per-record limit");
        ++row_index_;
        continue;
      }
      if (f_.size() != ncols_ && !ragged_row_readable(line, offset)) {
        ++row_index_;
        continue;
      }
      emit(line, offset);
    }
    if (!stop_) end_resync();
    add_notes();
  }

 private:
  void reject(std::uint64_t line, std::uint64_t offset, std::string msg) {
    Rejection rj;
    rj.pos = SourcePos{opts_.file_index, line, offset, row_index_};
    rj.message = std::move(msg);
    ++s_.rejected;
    if (opts_.strict) {
      s_.fatal = "line " + std::to_string(line) + ": " + rj.message + " (stopped: --strict)";
      stop_ = true;
    }
    sink_.on_reject(rj);
  }

  // After a damaged record, rows are skipped until one has the header's width.
  void skip_while_resyncing(std::uint64_t line, std::uint64_t offset) {
    if (skip_rows_++ == 0) {
      skip_first_ = line;
      skip_offset_ = offset;
    }
    skip_last_ = line;
  }

  void end_resync() {
    if (resyncing_ && skip_rows_ > 0)
      reject(skip_first_, skip_offset_,
             "lines " + std::to_string(skip_first_) + "-" + std::to_string(skip_last_) + ": " +
                 std::to_string(skip_rows_) + " rows skipped while resynchronising after a damaged record");
    resyncing_ = false;
    skip_rows_ = 0;
  }

  // A record the reader cannot read (unterminated quote): reject it and
  // restart the reader after it. False when reading stops.
  bool skip_damaged(std::uint64_t line, std::uint64_t offset) {
    end_resync();
    if (stop_) return false;
    // No quote character follows an unterminated opening quote, so it is the
    // last quote in the text: resume on the line after it.
    std::size_t q = cur_.rfind('"');
    std::size_t nl = q == std::string_view::npos ? cur_.size() : cur_.find('\n', q);
    std::size_t resume = nl == std::string_view::npos ? cur_.size() : nl + 1;
    std::uint64_t resume_line =
        cur_lines_ + 1 + static_cast<std::uint64_t>(std::count(cur_.begin(), cur_.begin() + resume, '\n'));
    std::string msg = std::string(rd_->error()) + "; record skipped";
    if (resume < cur_.size()) msg += ", reading resumes at line " + std::to_string(resume_line);
    reject(line, offset, std::move(msg));
    ++row_index_;
    if (stop_ || resume >= cur_.size()) return false;
    // The reader works on `cur_`, a suffix of body starting `cur_lines_` lines in.
    cur_off_ += resume;
    cur_ = cur_.substr(resume);
    cur_lines_ = resume_line - 1;
    rd_.emplace(cur_, dialect_);
    resyncing_ = true;
    return true;
  }

  std::string_view get(TicketRole r) const {
    int i = col_[static_cast<std::size_t>(r)];
    if (i < 0 || static_cast<std::size_t>(i) >= f_.size()) return {};
    std::string_view v = trim(f_[static_cast<std::size_t>(i)]);
    return v == "?" ? std::string_view{} : v;
  }

  // A row whose field count differs from the header is read when its id (or,
  // without an id column, any ticket column) is there; else it is rejected.
  bool ragged_row_readable(std::uint64_t line, std::uint64_t offset) {
    int id_col = col_[static_cast<std::size_t>(TicketRole::id)];
    bool readable;
    if (id_col >= 0) {
      readable = static_cast<std::size_t>(id_col) < f_.size();
    } else {
      readable = false;
      for (std::size_t r = 0; r < kTicketRoleCount && !readable; ++r)
        readable = !get(static_cast<TicketRole>(r)).empty();
    }
    if (!readable) {
      reject(line, offset,
             "row has " + std::to_string(f_.size()) + " fields, header has " + std::to_string(ncols_) +
                 (id_col >= 0 ? "; no value for id column '" + std::string(trim(h_.header[id_col])) + "'"
                              : "; no ticket column present"));
      return false;
    }
    ++ragged_;
    return true;
  }

  void emit(std::uint64_t line, std::uint64_t offset) {
    t_.clear();
    t_.id = plain_ticket_id(get(TicketRole::id), id_buf_);
    if (t_.id.data() == id_buf_.data()) ++grouped_ids_;
    t_.opened_text = get(TicketRole::opened);
    t_.title = get(TicketRole::title);
    t_.description = get(TicketRole::description);
    t_.caller = get(TicketRole::caller);
    t_.caller_name = get(TicketRole::caller_name);
    t_.state = get(TicketRole::state);
    t_.category = get(TicketRole::category);
    t_.assignment_group = get(TicketRole::assignment_group);
    t_.assignee = get(TicketRole::assignee);
    t_.priority = get(TicketRole::priority);
    if (!t_.opened_text.empty()) {
      if (auto v = parse_ticket_date(t_.opened_text, order_, opts_.tz_offset_minutes))
        t_.opened = *v;
      else
        bad_opened_.see_bad(line, t_.opened_text);
    }
    if (auto rv = get(TicketRole::resolved); !rv.empty()) {
      if (auto v = parse_ticket_date(rv, order_, opts_.tz_offset_minutes))
        t_.resolved = *v;
      else
        bad_resolved_.see_bad(line, rv);
    }
    s_.see_time(t_.opened);
    sink_.on_ticket(t_, SourcePos{opts_.file_index, line, offset, row_index_});
    ++s_.records;
    ++row_index_;
  }

  void add_notes() {
    if (ragged_)
      s_.notes.push_back(std::to_string(ragged_) + " rows with a field count different from the header (read)");
    if (empty_rows_) s_.notes.push_back(std::to_string(empty_rows_) + " empty rows skipped");
    if (grouped_ids_)
      s_.notes.push_back(std::to_string(grouped_ids_) +
                         " ids written with digit groups read without them (52 267 -> 52267)");
    auto date_note = [&](const DateStats& d, TicketRole r) {
      if (d.bad)
        s_.notes.push_back(std::to_string(d.bad) + " " + std::string(idt::name(r)) +
                           " values not understood as dates (first at line " + std::to_string(d.first_line) + ": '" +
                           d.first_value + "')");
    };
    date_note(bad_opened_, TicketRole::opened);
    date_note(bad_resolved_, TicketRole::resolved);
    if (s_.records == 0 && s_.rejected == 0) s_.notes.push_back("no records (header only)");
  }

  const Input& in_;
  const ParseOptions& opts_;
  RecordSink& sink_;
  FileSummary& s_;
  const CsvDocument& h_;
  const std::array<int, kTicketRoleCount> col_;
  const DateOrder order_;
  const std::size_t base_offset_, ncols_;
  std::string_view cur_;
  std::size_t cur_off_ = 0;
  std::uint64_t cur_lines_;
  const CsvDialect dialect_;
  std::optional<CsvReader> rd_;
  std::vector<std::string_view> f_;
  Ticket t_;
  std::string id_buf_;  // an id written with digit groups ("52 267"), read as "52267"
  std::size_t ragged_ = 0, empty_rows_ = 0, grouped_ids_ = 0;
  DateStats bad_opened_, bad_resolved_;
  std::uint64_t row_index_ = 0;
  bool stop_ = false;
  bool resyncing_ = false;
  std::uint64_t skip_first_ = 0, skip_last_ = 0, skip_rows_ = 0, skip_offset_ = 0;
};

// The header mapped to ticket roles; nullopt (with a fatal error) when none match.
std::optional<ColumnMap> map_header(const CsvDocument& h, const ParseOptions& opts, FileSummary& s) {
  auto mapped = map_ticket_columns(h.header, opts.column_map);
  if (!mapped.ok()) {
    s.fatal = mapped.error().message;
    return std::nullopt;
  }
  if (mapped->roles_found() == 0) {
    std::string list;
    for (std::size_t i = 0; i < h.header.size() && i < 12; ++i) list += (i ? ", " : "") + h.header[i];
    s.fatal = "line " + std::to_string(h.pre.lines + 1) + ": no ticket columns in the header (" + list +
              "); use --map role=Column";
    return std::nullopt;
  }
  return std::move(mapped.value());
}

void note_time_zone(const ParseOptions& opts, FileSummary& s) {
  if (opts.tz_offset_minutes == 0) return;
  int m = opts.tz_offset_minutes, a = m < 0 ? -m : m;
  s.notes.push_back(fmt::format("times without a zone read as UTC{}{:02}:{:02}", m < 0 ? '-' : '+', a / 60, a % 60));
}

void TicketCsvFormat::parse(const Input& in, const ParseOptions& opts, RecordSink& sink, FileSummary& s) const {
  s.format = "ticket-csv";
  s.kind = RecordKind::ticket;
  if (s.path.empty()) s.path = in.path();
  CsvDocument h;
  if (!open_csv_document(in.text(), h)) {  // an empty file is zero tickets (a note), broken quoting is fatal
    if (h.empty)
      s.notes.push_back(h.problem);
    else
      s.fatal = h.problem;
    return;
  }
  if (h.pre.type_line) s.notes.push_back("skipped PowerShell '#TYPE' first line");
  if (h.pre.sep) s.notes.push_back("delimiter from Excel 'sep=' line");
  const std::optional<ColumnMap> map = map_header(h, opts, s);
  if (!map) return;
  describe_columns(h, *map, s);

  const std::string_view body = h.body;
  const std::size_t base_offset = h.bom + h.pre.bytes;
  // Pass 1: day/month order of the date columns (one decision for the file).
  const DateOrder order = decide_file_date_order(in, body, base_offset, h, *map, opts, s);
  note_time_zone(opts, s);
  // Pass 2: records.
  TicketRowReader(in, opts, sink, s, h, *map, order, body, base_offset).run();
}

}  // namespace

const Format& ticket_csv_format() {
  static const TicketCsvFormat f;
  return f;
}

}  // namespace idt
