// Why: see log_csv.h.
#include "formats/log_csv.h"

#include <string>
#include <vector>

#include "formats/log_fields.h"
#include "formats/log_record_builder.h"
#include "formats/sniff_util.h"
#include "io/csv.h"
#include "util/text.h"

namespace idt {
namespace {

enum class Flavour { loganalytics, portal };

struct HeaderFacts {
  bool la = false, portal = false;
  RecordKind kind = RecordKind::unknown;
};

HeaderFacts examine_header(std::string_view line) {
  HeaderFacts f;
  if (line.empty()) return f;
  char delim = sniff_delimiter(line);
  CsvReader rd(line, CsvDialect{delim, '"'});
  std::vector<std::string_view> cols;
  if (rd.next(cols) != CsvReader::Status::row || cols.size() < 3) return f;
  int signin_only = 0, audit_only = 0, la_marks = 0, portal_marks = 0;
  for (auto c : cols) {
    std::string n = normalize_name(c);
    if (n == "resulttype" || n == "timegenerated" || n == "sourcesystem" || n == "operationname" ||
        n == "resultdescription" || n.find("_dynamic") != std::string::npos)
      ++la_marks;
    if (n == "date (utc)" || n == "sign-in error code" || n == "failure reason" || n == "request id" ||
        n == "actortype" || n == "actordisplayname" || n == "target1displayname")
      ++portal_marks;
    if (n == "appdisplayname" || n == "appid" || n == "userprincipalname" || n == "application" ||
        n == "sign-in error code" || n == "clientappused" || n == "username" || n == "application id")
      ++signin_only;
    if (n == "loggedbyservice" || n == "activitydisplayname" || n == "targetresources" || n == "activity" ||
        n == "actordisplayname" || n == "target1displayname" || n == "resultreason")
      ++audit_only;
  }
  if (signin_only > 0 && signin_only >= audit_only)
    f.kind = RecordKind::signin;
  else if (audit_only > 0)
    f.kind = RecordKind::audit;
  f.la = la_marks >= 2;
  f.portal = portal_marks >= 1 && !f.la;
  return f;
}

// Portal audit CSV spreads targets over Target1Type, Target1DisplayName, …
struct TargetColumn {
  int index = -1;  // 0-based target number
  int part = 0;    // 1 type, 2 display name, 3 object id, 4 upn
};
TargetColumn target_column(std::string_view header) {
  std::string n = normalize_name(header);
  if (n.rfind("target", 0) != 0) return {};
  std::size_t p = 6, d = p;
  while (d < n.size() && n[d] >= '0' && n[d] <= '9') ++d;
  if (d == p || d - p > 2) return {};
  int idx = std::stoi(n.substr(p, d - p)) - 1;
  std::string_view rest = std::string_view(n).substr(d);
  int part = rest == "type"                ? 1
             : rest == "displayname"       ? 2
             : rest == "objectid"          ? 3
             : rest == "userprincipalname" ? 4
                                           : 0;
  if (part == 0 || idx < 0) return {};
  return {idx, part};
}

class LogCsvFormat final : public Format {
 public:
  LogCsvFormat(std::string_view name, std::string_view desc, Flavour fl) : name_(name), desc_(desc), fl_(fl) {}
  std::string_view name() const override { return name_; }
  std::string_view description() const override { return desc_; }
  SniffResult sniff(std::string_view head) const override {
    char c = first_significant(head);
    if (c == '{' || c == '[' || c == 0) return {};
    HeaderFacts f = examine_header(first_text_line(head));
    if (f.kind == RecordKind::unknown) return {};
    if (fl_ == Flavour::loganalytics && f.la) return {80, f.kind};
    if (fl_ == Flavour::portal && f.portal) return {80, f.kind};
    return {};
  }
  void parse(const Input& in, const ParseOptions& opts, RecordSink& sink, FileSummary& sum) const override;

 private:
  std::string_view name_, desc_;
  Flavour fl_;
};

void LogCsvFormat::parse(const Input& in, const ParseOptions& opts, RecordSink& sink, FileSummary& sum) const {
  CsvDocument doc;
  const bool has_header = open_csv_document(in.text(), doc);
  if (sum.kind != RecordKind::signin && sum.kind != RecordKind::audit) {
    HeaderFacts f = examine_header(first_text_line(doc.body));
    sum.kind = f.kind == RecordKind::audit ? RecordKind::audit : RecordKind::signin;
  }
  if (!has_header) {
    if (!doc.empty) sum.fatal = doc.problem;
    return;  // empty: zero records
  }
  if (doc.pre.type_line) sum.notes.push_back("skipped PowerShell '#TYPE' first line");
  const char delim = doc.delim;
  CsvReader& rd = *doc.rows;
  std::vector<std::string_view> cells(doc.header.begin(), doc.header.end());
  // Map header names to fields once; --map role=Column overrides by name.
  std::vector<LogField> fields(cells.size(), LogField::none);
  std::vector<TargetColumn> targets(cells.size());
  std::string mapped, unmapped;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    fields[i] = lookup_log_field(cells[i], sum.kind);
    if (sum.kind == RecordKind::audit) targets[i] = target_column(cells[i]);
  }
  for (const auto& [role, column] : opts.column_map) {
    LogField f = lookup_log_field(role, sum.kind);
    for (std::size_t i = 0; i < cells.size(); ++i)
      if (iequals(trim(cells[i]), trim(column))) fields[i] = f;
  }
  std::size_t used = 0;
  for (std::size_t i = 0; i < cells.size(); ++i) used += fields[i] != LogField::none || targets[i].index >= 0;
  sum.notes.push_back("delimiter '" + std::string(delim == '\t' ? "\\t" : std::string(1, delim)) + "', " +
                      std::to_string(cells.size()) + " columns, " + std::to_string(used) + " used");
  std::size_t header_cols = cells.size();

  LogRecordBuilder builder(sum.kind);
  builder.want(opts.log_fields);
  std::string why;
  std::uint64_t index = 0;
  for (;;) {
    CsvReader::Status st = rd.next(cells);
    if (st == CsvReader::Status::end) break;
    SourcePos pos{opts.file_index, doc.line(), doc.offset(), index++};
    in.release_before(doc.offset());
    if (in.stale()) break;  // the file was cut under us: the rest reads as zeros (read_input reports it)
    if (st == CsvReader::Status::error) {
      ++sum.rejected;
      sink.on_reject(Rejection{pos, "line " + std::to_string(pos.line) + ": " + std::string(rd.error())});
      sum.fatal = "line " + std::to_string(pos.line) + ": " + std::string(rd.error());
      break;
    }
    if (cells.size() == 1 && trim(cells[0]).empty()) {
      --index;
      continue;
    }
    if (opts.prefilter) {  // the row is tokenized already; the filter spares building the record
      bool any = false;
      for (std::string_view c : cells)
        if ((any = opts.prefilter->may_match(c))) break;
      if (!any) {
        ++sum.skipped;
        continue;
      }
    }
    builder.begin();
    std::size_t n = cells.size() < header_cols ? cells.size() : header_cols;
    for (std::size_t i = 0; i < n; ++i) {
      if (cells[i].empty()) continue;  // an empty duplicate (e.g. X_string beside X_dynamic) never overwrites
      if (fields[i] != LogField::none) builder.set_text(fields[i], cells[i], true);
    }
    // Quoted cells with "" escapes live in the reader's arena, which lives
    // until the next row: views stay valid through the sink call.
    if (!builder.finish(why)) {
      ++sum.rejected;
      sink.on_reject(Rejection{pos, "line " + std::to_string(pos.line) + ": " + why});
      if (opts.strict) break;
      continue;
    }
    if (sum.kind == RecordKind::audit) {
      // Portal audit targets: fill from Target{N}* columns.
      AuditEvent ev = builder.audit();
      for (std::size_t i = 0; i < n; ++i) {
        const TargetColumn& tc = targets[i];
        if (tc.index < 0 || cells[i].empty()) continue;
        while (ev.targets.size() <= static_cast<std::size_t>(tc.index) && ev.targets.size() < ev.targets.items.size())
          ev.targets.push();
        if (static_cast<std::size_t>(tc.index) >= ev.targets.size()) continue;
        AuditTarget& t = ev.targets.items[static_cast<std::size_t>(tc.index)];
        std::string_view v = trim(cells[i]);
        if (tc.part == 1)
          t.type = v;
        else if (tc.part == 2)
          t.display_name = v;
        else if (tc.part == 3)
          t.id = v;
        else
          t.upn = v;
      }
      ++sum.records;
      sum.see_time(ev.time);
      sink.on_audit(ev, pos);
    } else {
      ++sum.records;
      sum.see_time(builder.time());
      sink.on_signin(builder.signin(), pos);
    }
    if (cells.size() != header_cols && sum.notes.size() < 8)
      sum.notes.push_back("line " + std::to_string(pos.line) + ": " + std::to_string(cells.size()) +
                          " fields, header has " + std::to_string(header_cols));
  }
  if (opts.strict && sum.rejected > 0 && !sum.fatal) sum.fatal = "stopped at the first rejected record (--strict)";
}

}  // namespace

const Format& loganalytics_csv_format() {
  static const LogCsvFormat f("loganalytics-csv", "Log Analytics / Sentinel SigninLogs or AuditLogs CSV export",
                              Flavour::loganalytics);
  return f;
}
const Format& portal_csv_format() {
  static const LogCsvFormat f("portal-csv", "Entra admin center \"Download CSV\" of sign-ins or audit logs",
                              Flavour::portal);
  return f;
}

}  // namespace idt
