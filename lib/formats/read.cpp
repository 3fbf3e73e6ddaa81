// Why: the one entry point from "a path" to "records in a sink": open,
// decode, sniff, parse — with every problem turned into a message.
#include <algorithm>

#include "formats/empty_export.h"
#include "formats/format.h"
#include "formats/sniff_util.h"
#include "util/text.h"

namespace idt {

const Format* find_format(std::string_view name) {
  for (const Format* f : all_formats())
    if (f->name() == name) return f;
  return nullptr;
}

Detected detect_format(std::string_view text, std::optional<RecordKind> want) {
  std::string_view head = text.substr(0, 65536);
  Detected best;
  int best_score = 0;
  for (const Format* f : all_formats()) {
    SniffResult r = f->sniff(head);
    if (r.score <= 0) continue;
    if (want && r.kind != *want) continue;
    if (r.score > best_score) {
      best_score = r.score;
      best = {f, r.kind};
    }
  }
  return best;
}

static std::string describe_unknown(std::string_view text) {
  std::string_view t = trim(text);
  if (t.empty()) return "empty input: no records";
  if (looks_binary(t)) return "binary data, not a log, ticket or health export";
  char c = t[0];
  if (c == '{' || c == '[')
    return "JSON, but not a recognised sign-in, audit, ticket or health shape (no createdDateTime/appId, "
           "activityDateTime, Event Hub category/properties, or Log Analytics columns in the first 64 KiB)";
  std::size_t nl = t.find('\n');
  std::string first(t.substr(0, std::min<std::size_t>(nl, 120)));
  // Shown as it is: every renderer makes input text safe for its reader.
  return "unrecognised format (first line: \"" + first + "\")";
}

// What read_input() would say about a text before parsing it: the format to
// use, or why there is none (the file's error). Also the check a decoded
// input's first 64 KiB gets before anything is spooled to disk.
namespace {
struct FormatChoice {
  const Format* format = nullptr;
  RecordKind kind = RecordKind::unknown;
  std::string problem;               // set when format is null
  const Format* other = nullptr;     // the format of another kind the text is in
  std::optional<EmptyExport> empty;  // an empty export (no format, no problem)
};
FormatChoice choose_format(std::string_view text, std::optional<RecordKind> want, const Format* forced) {
  if (forced) return {forced, want.value_or(RecordKind::unknown), {}, nullptr, std::nullopt};
  Detected d = detect_format(text, want);
  if (d.format) return {d.format, d.kind, {}, nullptr, std::nullopt};
  if (want) {
    Detected any = detect_format(text);
    if (any.format)
      return {nullptr, any.kind,
              "this is " + std::string(record_kind_name(any.kind)) + " data (" + std::string(any.format->name()) +
                  "), not " + std::string(record_kind_name(*want)),
              any.format, std::nullopt};
  }
  FormatChoice none;
  if ((none.empty = recognise_empty_export(text))) return none;
  none.problem = describe_unknown(text);
  return none;
}
}  // namespace

FileSummary read_input(const Input& in, const ParseOptions& opts, RecordSink& sink, std::optional<RecordKind> want,
                       const Format* forced) {
  FileSummary sum;
  sum.path = std::string(in.display_name());
  if (in.source_encoding() != Encoding::utf8)
    sum.notes.push_back("decoded from " + std::string(encoding_name(in.source_encoding())));
  if (in.spooled()) sum.notes.push_back("decoded into a temporary file (too large to hold in memory)");
  if (in.invalid_utf8_at() != std::string_view::npos)
    sum.notes.push_back("not valid UTF-8 (first bad byte at offset " + std::to_string(in.invalid_utf8_at()) +
                        "); bytes that are not UTF-8 read as Windows-1252");
  FormatChoice c = choose_format(in.text(), want, forced);
  sum.kind = c.kind;
  if (!c.format && c.empty && !in.damage()) {
    // An empty export is zero records of its kind (the role flag's, or the
    // one @odata.context names), not an unreadable file.
    if (want && c.empty->kind != RecordKind::unknown && c.empty->kind != *want) {
      sum.fatal = "this is an empty " + std::string(record_kind_name(c.empty->kind)) + " export, not " +
                  std::string(record_kind_name(*want));
      sum.kind = c.empty->kind;
      return sum;
    }
    sum.kind = want ? *want : c.empty->kind;
    sum.format = "empty-json";
    sum.notes.push_back(sum.kind == RecordKind::unknown
                            ? "empty, kind unknown (" + std::string(c.empty->shape) + " document with no records)"
                            : "empty " + std::string(c.empty->shape) + " document: no records");
    return sum;
  }
  if (!c.format) {
    // A text cut short or changed under us explains a failed sniff better.
    sum.fatal = in.damage().value_or(c.problem);
    sum.unrecognised = !c.other && !in.damage();
    if (c.other) sum.format = std::string(c.other->name());
    return sum;
  }
  sum.format = std::string(c.format->name());
  c.format->parse(in, opts, sink, sum);
  // Decoding stopped early, or the file changed while it was read: what was
  // read is kept and reported, but the file is not complete (exit 3).
  if (auto damage = in.damage()) sum.fatal = *damage;
  return sum;
}

OpenOptions reading_options(const OpenOptions& open, std::optional<RecordKind> want, const Format* forced) {
  OpenOptions o = open;
  if (!o.check_head)  // binary or unrecognised data is refused before it is spooled
    o.check_head = [want, forced](std::string_view head) { return choose_format(head, want, forced).problem; };
  return o;
}

FileSummary read_file(const std::string& path, const ParseOptions& opts, RecordSink& sink,
                      std::optional<RecordKind> want, const Format* forced, const OpenOptions& open) {
  auto in = open_input(path, reading_options(open, want, forced));
  if (!in.ok()) {
    FileSummary sum;
    sum.path = path == "-" ? "<stdin>" : path;
    std::string msg = in.error().message;
    if (msg.rfind(path + ": ", 0) == 0) msg.erase(0, path.size() + 2);  // the summary names the file already
    if (msg.rfind(sum.path + ": ", 0) == 0) msg.erase(0, sum.path.size() + 2);
    sum.fatal = msg;
    return sum;
  }
  return read_input(in.value(), opts, sink, want, forced);
}

}  // namespace idt
