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

FileSummary read_input(const Input& in, const ParseOptions& opts, RecordSink& sink, std::optional<RecordKind> want,
                       const Format* forced) {
  FileSummary sum;
  sum.path = std::string(in.display_name());
  if (in.source_encoding() != Encoding::utf8)
    sum.notes.push_back("decoded from " + std::string(encoding_name(in.source_encoding())));
  if (in.spooled()) sum.notes.push_back("decoded into a temporary file (too large to hold in memory)");
  if (in.invalid_utf8_at() != std::string_view::npos)
    sum.notes.push_back("not valid UTF-8 (first bad byte at offset " + std::to_string(in.invalid_utf8_at()) +
                        "); read as Windows-1252");
  const Format* fmt = forced;
  if (!fmt) {
    Detected d = detect_format(in.text(), want);
    fmt = d.format;
    sum.kind = d.kind;
    if (!fmt && want) {
      Detected any = detect_format(in.text());
      if (any.format) {
        sum.fatal = "this is " + std::string(record_kind_name(any.kind)) + " data (" + std::string(any.format->name()) +
                    "), not " + std::string(record_kind_name(*want));
        sum.format = std::string(any.format->name());
        sum.kind = any.kind;
        return sum;
      }
    }
  } else if (want) {
    sum.kind = *want;
  }
  if (!fmt) {
    // An empty export is zero records of its kind (the role flag's, or the
    // one @odata.context names), not an unreadable file.
    if (auto empty = recognise_empty_export(in.text())) {
      if (want && empty->kind != RecordKind::unknown && empty->kind != *want) {
        sum.fatal = "this is an empty " + std::string(record_kind_name(empty->kind)) + " export, not " +
                    std::string(record_kind_name(*want));
        sum.kind = empty->kind;
        return sum;
      }
      sum.kind = want ? *want : empty->kind;
      sum.format = "empty-json";
      sum.notes.push_back(sum.kind == RecordKind::unknown
                              ? "empty, kind unknown (" + std::string(empty->shape) + " document with no records)"
                              : "empty " + std::string(empty->shape) + " document: no records");
      return sum;
    }
    sum.fatal = describe_unknown(in.text());
    return sum;
  }
  sum.format = std::string(fmt->name());
  fmt->parse(in, opts, sink, sum);
  return sum;
}

FileSummary read_file(const std::string& path, const ParseOptions& opts, RecordSink& sink,
                      std::optional<RecordKind> want, const Format* forced, Encoding enc) {
  auto in = open_input(path, enc);
  if (!in.ok()) {
    FileSummary sum;
    sum.path = path == "-" ? "<stdin>" : path;
    std::string msg = in.error().message;
    if (msg.rfind(path + ": ", 0) == 0) msg.erase(0, path.size() + 2);  // the summary names the file already
    sum.fatal = msg;
    return sum;
  }
  return read_input(in.value(), opts, sink, want, forced);
}

}  // namespace idt
