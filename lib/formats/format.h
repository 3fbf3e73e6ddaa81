// Why: input formats form a sniffing chain (try each, best score wins); every
// format is a producer that pushes normalised records into a RecordSink and
// fills a FileSummary (what `detect` prints and JSON reports carry).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "formats/log_fields.h"
#include "formats/slice_origin.h"
#include "io/input.h"
#include "model/file_result.h"
#include "model/sink.h"
#include "model/source.h"
#include "util/folded_search.h"
#include "util/result.h"
#include "util/time.h"

namespace idt {

struct ParseOptions {
  bool strict = false;  // stop the file at the first rejected record
  std::uint32_t file_index = 0;
  // --map role=Column overrides for CSV column roles.
  std::vector<std::pair<std::string, std::string>> column_map;
  std::string date_format;                          // --date-format for ambiguous ticket dates ("dmy"/"mdy" or pattern)
  int tz_offset_minutes = 0;                        // --tz for exports written in local time
  std::size_t max_record_bytes = 16 * 1024 * 1024;  // bounded memory per record
  // When the input is one slice of a split file: where it sits in the whole
  // file, so positions in messages stay file positions. Records handed to
  // the sink from a slice after the first carry line 0 and a record index
  // counted from the slice start (only rejections get exact numbers).
  const SliceOrigin* slice = nullptr;
  // Sign-in/audit fields the consumer reads (the others stay empty).
  LogFieldSet log_fields = all_log_fields();
  // Sign-in/audit records whose raw bytes contain none of these needles are
  // skipped unparsed and counted in FileSummary::skipped (`user`'s pre-filter;
  // util/folded_search.h). A skipped record is not checked for syntax.
  const NeedleSet* prefilter = nullptr;
};

struct SniffResult {
  int score = 0;  // 0 = not this format; higher = more certain
  RecordKind kind = RecordKind::unknown;
};

class Format {
 public:
  virtual ~Format() = default;
  virtual std::string_view name() const = 0;         // stable id, e.g. "graph-json"
  virtual std::string_view description() const = 0;  // one line for `detect --list`
  // Looks at the start of the decoded text (up to 64 KiB) only.
  virtual SniffResult sniff(std::string_view head) const = 0;
  virtual void parse(const Input& in, const ParseOptions& opts, RecordSink& sink, FileSummary& summary) const = 0;
};

// The chain, in the order formats are tried.
const std::vector<const Format*>& all_formats();
const Format* find_format(std::string_view name);
// Best match for this text, optionally restricted to one record kind.
struct Detected {
  const Format* format = nullptr;
  RecordKind kind = RecordKind::unknown;
};
Detected detect_format(std::string_view text, std::optional<RecordKind> want = std::nullopt);

// Opens, detects and parses one file into the sink. Problems end up in
// summary.fatal (file-level: unreadable, unrecognised, cut short, changed
// while read) or as rejections (record-level); exceptions thrown by the
// sink pass through. A pipe or .gz whose first 64 KiB are not a known
// format is refused before anything is spooled (see OpenOptions::check_head).
FileSummary read_file(const std::string& path, const ParseOptions& opts, RecordSink& sink,
                      std::optional<RecordKind> want = std::nullopt, const Format* forced = nullptr,
                      const OpenOptions& open = OpenOptions{});
// The options read_file() opens a path with: `open` plus a check of the
// first decoded 64 KiB that refuses binary or unrecognised data (or data
// of another kind than `want`) before anything is spooled.
OpenOptions reading_options(const OpenOptions& open, std::optional<RecordKind> want = std::nullopt,
                            const Format* forced = nullptr);
// Same, over an already opened input.
FileSummary read_input(const Input& in, const ParseOptions& opts, RecordSink& sink,
                       std::optional<RecordKind> want = std::nullopt, const Format* forced = nullptr);

}  // namespace idt
