// Why: what a run says about each input — the parser's summary, the
// pipeline's accounting and what a consumer adds (duplicates) — shared by
// every stage after formats/ and by every renderer, so none of them needs
// to include the stage that produced it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/source.h"
#include "util/time.h"

namespace idt {

// What a parser saw in one file (what `detect` prints and JSON reports carry).
struct FileSummary {
  std::string path;
  std::string format;  // "graph-json", "eventhub-json", "loganalytics-csv", …
  RecordKind kind = RecordKind::unknown;
  std::uint64_t records = 0;               // records produced (sent to the sink)
  std::uint64_t rejected = 0;              // records rejected (each also sent to on_reject)
  std::uint64_t skipped = 0;               // records a byte pre-filter skipped unparsed (ParseOptions::prefilter)
  Micros first = kNoTime, last = kNoTime;  // min/max record time
  std::vector<std::string> notes;          // e.g. "columns: time=CreatedDateTime [UTC], …"
  // Read, but not as exported (e.g. two records run together on one line):
  // every record was kept; each such place is counted and the first few are
  // kept with their position for stderr.
  std::uint64_t warnings = 0;
  std::vector<Rejection> warning_list;
  std::optional<std::string> fatal;  // the file could not be read to its end (with position)
  // Not a format idtriage reads (set with `fatal`): a file found in a
  // directory argument is then skipped instead: `fatal` cleared, a note
  // "skipped: …" added, this flag kept (pipeline.h).
  bool unrecognised = false;

  void see_time(Micros t) {
    if (t == kNoTime) return;
    if (first == kNoTime || t < first) first = t;
    if (last == kNoTime || t > last) last = t;
  }
};

// One input after the pipeline: the parser's summary plus the accounting
// of what was passed on (read = kept + filtered + rejected).
struct FileResult {
  FileSummary summary;
  std::uint64_t kept = 0;             // records inside the time window, sent on
  std::uint64_t filtered = 0;         // records outside --since/--until
  std::vector<Rejection> rejections;  // first `keep_rejections`
};

// One input as a report shows it: the file plus what the consumer dropped
// as a copy of a record already seen in an overlapping export.
struct InputReport {
  FileResult file;
  std::uint64_t duplicates = 0;
};

}  // namespace idt
