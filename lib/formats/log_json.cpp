// Why: see log_json.h. Records are found by JsonSplitter and parsed one at a
// time with simdjson On Demand, so memory stays bounded by the largest record.
#include "formats/log_json.h"

#include <simdjson.h>

#include "formats/json_splitter.h"
#include "formats/log_record_builder.h"
#include "formats/sniff_util.h"
#include "util/json_scan.h"
#include "util/text.h"

namespace idt {
namespace {

enum class Shape { graph, eventhub, loganalytics };

bool is_signin_log_name(std::string_view c) {
  return iequals(c, "SignInLogs") || iequals(c, "SigninLogs") || iequals(c, "NonInteractiveUserSignInLogs") ||
         iequals(c, "ServicePrincipalSignInLogs") || iequals(c, "ManagedIdentitySignInLogs") ||
         iequals(c, "MicrosoftServicePrincipalSignInLogs") || iequals(c, "AADNonInteractiveUserSignInLogs") ||
         iequals(c, "AADServicePrincipalSignInLogs") || iequals(c, "AADManagedIdentitySignInLogs");
}

// A JSON-lines export whose first lines are damaged (junk, a line cut off)
// is still recognised by the lines after them: a bad line costs that line
// only, never the file.
char first_json_char(std::string_view h) {
  char c = first_significant(h);
  for (int skipped = 0; skipped < 3 && c != 0 && c != '{' && c != '['; ++skipped) {
    std::size_t nl = h.find('\n');
    if (nl == std::string_view::npos) break;
    h.remove_prefix(nl + 1);
    c = first_significant(h);
  }
  return c;
}

SniffResult sniff_shape(std::string_view h, Shape shape) {
  char c = first_json_char(h);
  if (c != '{' && c != '[') return {};
  bool eh_props = has_json_key(h, "properties");
  std::string_view eh_cat = json_string_value(h, "category");
  if (eh_cat.empty()) eh_cat = json_string_value(h, "Category");
  bool records_wrapper = has_json_key(h, "records");
  bool la = has_json_key(h, "TimeGenerated") || has_json_key(h, "SourceSystem") ||
            (has_json_key(h, "ResultType") && has_json_key(h, "OperationName"));
  // Minimal Event Hub records (Elastic's fixtures, real consumers that drop
  // empty fields): a log category and a time or an operation, properties
  // sparse or absent, keys in either case. They are records (class unknown
  // when there is no code), not an unrecognised file.
  bool sparse_eh =
      !eh_props && !la && (is_signin_log_name(eh_cat) || iequals(eh_cat, "AuditLogs")) &&
      (has_json_key(h, "time") || has_json_key(h, "Time") || has_json_key(h, "createdDateTime") ||
       has_json_key(h, "CreatedDateTime") || has_json_key(h, "operationName") || has_json_key(h, "OperationName"));
  bool eh = (eh_props && (!eh_cat.empty() || records_wrapper) &&
             (has_json_key(h, "time") || has_json_key(h, "resultType") || has_json_key(h, "operationName"))) ||
            sparse_eh;
  bool graph_signin =
      has_json_key(h, "createdDateTime") && (has_json_key(h, "appId") || has_json_key(h, "userPrincipalName"));
  bool graph_audit = has_json_key(h, "activityDateTime") && has_json_key(h, "activityDisplayName");
  switch (shape) {
    case Shape::eventhub:
      if (!eh) return {};
      if (is_signin_log_name(eh_cat)) return {90, RecordKind::signin};
      if (iequals(eh_cat, "AuditLogs")) return {90, RecordKind::audit};
      if (has_json_key(h, "activityDisplayName")) return {70, RecordKind::audit};
      if (has_json_key(h, "appId")) return {70, RecordKind::signin};
      return {};
    case Shape::loganalytics: {
      if (!la || eh) return {};
      std::string_view type = json_string_value(h, "Type");
      if (is_signin_log_name(type)) return {85, RecordKind::signin};
      if (iequals(type, "AuditLogs")) return {85, RecordKind::audit};
      if (has_json_key(h, "AppDisplayName") || has_json_key(h, "UserPrincipalName")) return {75, RecordKind::signin};
      if (has_json_key(h, "ActivityDisplayName") || has_json_key(h, "LoggedByService") ||
          has_json_key(h, "TargetResources"))
        return {75, RecordKind::audit};
      return {};
    }
    case Shape::graph:
      if (eh || la) return {};
      if (graph_signin) return {80, RecordKind::signin};
      if (graph_audit) return {80, RecordKind::audit};
      return {};
  }
  return {};
}

// "line L, column C (byte B)" of `at`, all in the whole file: `rec_line`
// is the line where the record that holds `at` starts at `rec_begin`.
std::string position_text(std::string_view whole, std::size_t rec_begin, std::uint64_t rec_line, std::size_t at) {
  std::uint64_t line = rec_line;
  std::size_t line_start = rec_begin;
  for (std::size_t i = rec_begin; i < at && i < whole.size(); ++i)
    if (whole[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  while (line_start > 0 && whole[line_start - 1] != '\n') --line_start;
  return "line " + std::to_string(line) + ", column " + std::to_string(at - line_start + 1) + " (byte " +
         std::to_string(at) + ")";
}

class LogJsonFormat final : public Format {
 public:
  LogJsonFormat(std::string_view name, std::string_view desc, Shape shape) : name_(name), desc_(desc), shape_(shape) {}
  std::string_view name() const override { return name_; }
  std::string_view description() const override { return desc_; }
  SniffResult sniff(std::string_view head) const override { return sniff_shape(head, shape_); }
  void parse(const Input& in, const ParseOptions& opts, RecordSink& sink, FileSummary& sum) const override;

 private:
  std::string_view name_, desc_;
  Shape shape_;
};

void LogJsonFormat::parse(const Input& in, const ParseOptions& opts, RecordSink& sink, FileSummary& sum) const {
  std::string_view text = in.text();
  if (sum.kind == RecordKind::unknown) sum.kind = sniff_shape(text.substr(0, 65536), shape_).kind;
  if (sum.kind != RecordKind::signin && sum.kind != RecordKind::audit) sum.kind = RecordKind::signin;
  const SliceOrigin* slice = opts.slice;
  const bool doc_slice = slice && !slice->json_lines();  // a slice of a split document
  const bool resumed = doc_slice && slice->begin() > 0;  // starts at a record, mid-array
  JsonSplitter splitter = resumed ? JsonSplitter(text, slice->layout(), slice->in_wrapper())
                                  : JsonSplitter(text, slice && slice->json_lines());
  const bool cut = doc_slice && !slice->last();
  if (cut) splitter.cut_between_records();
  // Positions in the whole file. A slice's lines and records before it are
  // counted only when a message needs them.
  const std::size_t base = slice ? slice->begin() : 0;
  const bool exact_positions = base == 0;
  std::string_view whole = slice ? slice->whole_text() : text;
  auto abs_line = [&](std::uint64_t line) { return exact_positions ? line : line + slice->lines_before(); };
  auto abs_index = [&](std::uint64_t index) { return exact_positions ? index : index + slice->records_before(); };
  simdjson::ondemand::parser parser;
  LogRecordBuilder builder(sum.kind);
  builder.want(opts.log_fields);
  JsonRecordRange r;
  std::string why;
  bool single_document = false;
  auto record_name = [&](const JsonRecordRange& rr) {
    // In one document: its index; JSON lines: its line.
    return single_document ? "record " + std::to_string(abs_index(rr.index) + 1)
                           : "the record on line " + std::to_string(abs_line(rr.line));
  };
  auto reject = [&](const JsonRecordRange& rr, std::string msg) {
    ++sum.rejected;
    sink.on_reject(
        Rejection{SourcePos{opts.file_index, abs_line(rr.line), rr.begin + base, abs_index(rr.index)}, std::move(msg)});
  };
  // A record with bytes that are not UTF-8 is read again with them as
  // Windows-1252 (when the encoding was not forced), as a CSV would be.
  std::string recoded;
  std::uint64_t recoded_records = 0, first_recoded_line = 0;
  // Two records run together on one line of JSON lines: the second is
  // read as the next record, and the place is reported.
  JsonRecordRange rest;
  bool have_rest = false;
  for (;;) {
    if (have_rest) {
      r = rest;
      have_rest = false;
    } else if (!splitter.next(r)) {
      break;
    }
    in.release_before(r.begin);
    if (in.stale()) break;  // the file was cut under us: the rest reads as zeros (read_input reports it)
    single_document = splitter.layout() != JsonLayout::json_lines;
    std::size_t len = r.end - r.begin;
    if (len > opts.max_record_bytes) {
      reject(r, record_name(r) + " is " + std::to_string(len) + " bytes, over the per-record limit of " +
                    std::to_string(opts.max_record_bytes));
      if (opts.strict) break;
      continue;
    }
    if (opts.prefilter && !opts.prefilter->may_match(text.substr(r.begin, len))) {
      ++sum.skipped;
      continue;
    }
    builder.begin();
    simdjson::ondemand::document doc;
    // The input guarantees kInputPadding readable bytes after its end.
    const char* rec = text.data() + r.begin;
    const char* rec_end = text.data() + r.end;
    auto err = parser.iterate(rec, len, text.size() + kInputPadding - r.begin).get(doc);
    if (err == simdjson::UTF8_ERROR && in.lenient_utf8()) {
      recoded.clear();
      append_utf8_lenient(recoded, text.substr(r.begin, len));
      const std::size_t n = recoded.size();
      recoded.append(kInputPadding, '\0');
      rec = recoded.data();
      rec_end = rec + n;
      err = parser.iterate(rec, n, recoded.size()).get(doc);
      if (recoded_records++ == 0) first_recoded_line = abs_line(r.line);
    }
    const bool in_text = rec == text.data() + r.begin;  // positions below are file positions
    const bool iterated = !err;                         // a failed iterate leaves `doc` unusable
    simdjson::ondemand::object obj;
    if (!err) err = doc.get_object().get(obj);
    if (!err) err = builder.set_object(obj);
    if (!err) {
      const char* loc = nullptr;  // OUT_OF_BOUNDS here means: consumed to the end
      if (!doc.current_location().get(loc) && loc < rec_end) {
        err = simdjson::TRAILING_CONTENT;
        if (!single_document && in_text && *loc == '{') {
          // {…}{…}: this record is whole; the next starts at `loc`.
          err = simdjson::SUCCESS;
          rest = JsonRecordRange{static_cast<std::size_t>(loc - text.data()), r.end, r.line, r.index};
          have_rest = true;
          if (sum.warning_list.size() < 20)
            sum.warning_list.push_back(
                Rejection{SourcePos{opts.file_index, abs_line(r.line), rest.begin + base, abs_index(r.index)},
                          "records run together on one line (no line break before byte " +
                              std::to_string(rest.begin + base) + "); both are read"});
          ++sum.warnings;
        }
      }
    }
    if (in.stale()) break;
    if (err) {
      std::size_t at = r.begin;
      std::string hint;
      std::size_t tc = find_trailing_comma(text.substr(r.begin, len));
      if (tc != std::string_view::npos) {
        at = r.begin + tc;
        hint = "trailing comma";
      } else {
        const char* loc = nullptr;
        if (in_text && iterated && !doc.current_location().get(loc) && loc >= text.data() &&
            loc < text.data() + text.size())
          at = static_cast<std::size_t>(loc - text.data());
        hint = simdjson::error_message(err);
      }
      std::string msg = "invalid JSON in " + record_name(r) + " at " +
                        position_text(whole, r.begin + base, abs_line(r.line), at + base) + ": " + hint;
      reject(r, msg);
      if (single_document && !sum.fatal) sum.fatal = "not valid JSON: " + msg;
      if (opts.strict) break;
      continue;
    }
    if (!builder.finish(why)) {
      reject(r, record_name(r) + ": " + why);
      if (opts.strict) break;
      continue;
    }
    ++sum.records;
    sum.see_time(builder.time());
    SourcePos pos{opts.file_index, exact_positions ? r.line : 0, r.begin + base, r.index};
    if (sum.kind == RecordKind::signin)
      sink.on_signin(builder.signin(), pos);
    else
      sink.on_audit(builder.audit(), pos);
  }
  sum.notes.push_back("layout " + std::string(layout_name(splitter.layout())));
  if (recoded_records)
    sum.notes.push_back("not valid UTF-8 in " + std::to_string(recoded_records) + " record" +
                        (recoded_records == 1 ? "" : "s") + " (the first on line " +
                        std::to_string(first_recoded_line) + "): bytes that are not UTF-8 read as Windows-1252");

  if (splitter.failed()) {
    // A slice's structural error names slice positions, and the records after
    // it must not count: the caller reads the file again in one piece.
    if (doc_slice) slice->mark_unconfirmed();
    sum.fatal = "not valid JSON: " + splitter.error();
  }
  // The next slice assumed the records array it starts in is the one this
  // slice ends in (same kind of array: of a wrapper object or bare).
  if (cut && (!splitter.ended_between_records() || splitter.array_in_wrapper() != slice->in_wrapper()))
    slice->mark_unconfirmed();
  if (opts.strict && sum.rejected > 0 && !sum.fatal) sum.fatal = "stopped at the first rejected record (--strict)";
}

}  // namespace

std::size_t find_trailing_comma(std::string_view j) {
  std::size_t last_comma = std::string_view::npos, found = std::string_view::npos;
  json_scan(j, 0, [&](std::size_t at, std::size_t) {
    switch (j[at]) {
      case ',':
        last_comma = at;
        break;
      case ']':
      case '}':
        found = last_comma;
        break;
      case ' ':
      case '\t':
      case '\r':
      case '\n':
        break;
      default:  // a value or a string between the comma and the bracket
        last_comma = std::string_view::npos;
    }
    return found != std::string_view::npos;
  });
  return found;
}

const Format& graph_json_format() {
  static const LogJsonFormat f("graph-json", "Microsoft Graph auditLogs/signIns or directoryAudits JSON", Shape::graph);
  return f;
}
const Format& eventhub_json_format() {
  static const LogJsonFormat f("eventhub-json",
                               "Azure diagnostic settings / Event Hub records (JSON lines or {\"records\":[…]})",
                               Shape::eventhub);
  return f;
}
const Format& loganalytics_json_format() {
  static const LogJsonFormat f("loganalytics-json", "Log Analytics / Sentinel SigninLogs or AuditLogs JSON export",
                               Shape::loganalytics);
  return f;
}

}  // namespace idt
