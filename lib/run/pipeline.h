// Why: the one place that wires io → formats → classify for a list of files:
// time-window filtering, per-file accounting (read / kept / filtered /
// rejected) and parallel reading of several files into mergeable sinks.
// Subcommands only choose the sink.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "classify/classes.h"
#include "formats/format.h"
#include "io/input.h"
#include "model/audit.h"
#include "model/signin.h"

namespace idt {

class ClassifiedSink {
 public:
  virtual ~ClassifiedSink() = default;
  virtual void on_signin(const SignIn&, const SigninClassification&, const SourcePos&) {}
  virtual void on_audit(const AuditEvent&, const AuditClassification&, const SourcePos&) {}
  // Tickets and health go through the plain RecordSink interface.
  virtual RecordSink* passthrough() { return nullptr; }
};

struct RunOptions {
  ParseOptions parse;
  Encoding encoding = Encoding::auto_detect;
  const Format* forced = nullptr;           // --input-format
  std::optional<RecordKind> want;           // only accept this kind
  Micros since = kNoTime, until = kNoTime;  // [since, until)
  unsigned threads = 0;                     // 0 = hardware concurrency
  std::size_t keep_rejections = 100;        // messages kept per file (all are counted)
};

struct FileResult {
  FileSummary summary;
  std::uint64_t kept = 0;       // records inside the time window, sent on
  std::uint64_t filtered = 0;   // records outside --since/--until
  std::vector<Rejection> rejections;  // first `keep_rejections`
};

// Reads the files in order into one sink (streaming output keeps its order).
std::vector<FileResult> run_files(const std::vector<std::string>& paths, const RunOptions& opts,
                                  ClassifiedSink& sink);

// Reads files concurrently. sink_for(file_index) is called once per work
// unit, before any work starts, and must return a distinct sink each call:
// a large JSON-lines file is cut into slices read in parallel, each into its
// own sink (so sinks must be mergeable). Results come back per file, in
// input order, so merged output is deterministic.
std::vector<FileResult> run_files_parallel(const std::vector<std::string>& paths, const RunOptions& opts,
                                           const std::function<ClassifiedSink&(std::size_t)>& sink_for);

// Exit-code view of a run: any unreadable/invalid file, or (strict) any rejection.
bool any_input_error(const std::vector<FileResult>& results, bool strict);

}  // namespace idt
