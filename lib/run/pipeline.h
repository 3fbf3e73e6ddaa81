// Why: the one place that wires io → formats → classify for a list of files:
// time-window filtering, per-file accounting (read / kept / filtered /
// rejected) and parallel reading of several files into mergeable sinks.
// It classifies every record (sign-ins, audit, tickets with the run's
// rules, health relevance) before a sink sees it; subcommands only choose
// the sink.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "formats/format.h"
#include "io/input.h"
#include "model/audit.h"
#include "model/file_result.h"
#include "model/signin.h"
#include "model/sink.h"

namespace idt {

class TicketRules;

struct RunOptions {
  ParseOptions parse;
  Encoding encoding = Encoding::auto_detect;
  std::uint64_t max_decoded = kDefaultMaxDecoded;  // --max-decoded (pipes, .gz, transcoded text)
  const Format* forced = nullptr;                  // --input-format
  std::optional<RecordKind> want;                  // only accept this kind
  Micros since = kNoTime, until = kNoTime;         // [since, until)
  unsigned threads = 0;                            // 0 = hardware concurrency
  std::size_t keep_rejections = 100;               // messages kept per file (all are counted)
  // Parallel runs cut a file of at least split_min bytes into slices of at
  // least slice_min bytes (tests lower both to exercise splitting).
  std::size_t split_min = 64u << 20, slice_min = 16u << 20;
  // Rules the pipeline classifies tickets with (null = the built-in rules,
  // compiled once on first use). Must outlive the run.
  const TicketRules* ticket_rules = nullptr;
  // Inputs found under a directory argument (sorted; cmd/ expands them):
  // one that is not a format idtriage reads (a README, a script) is
  // skipped with a note, not an input error — an export folder holds more
  // than exports. A file of another kind than the command reads is still
  // an error, as on the command line.
  std::vector<std::string> from_directory;
};

// Reads the files in order into one sink (streaming output keeps its order).
std::vector<FileResult> run_files(const std::vector<std::string>& paths, const RunOptions& opts, Sink& sink);

// Reads an input already in memory (e.g. records gathered from an index)
// through the same window, accounting and classification as run_files.
FileResult run_input(const Input& in, std::size_t index, const RunOptions& opts, Sink& sink);

// Reads files concurrently. sink_for(file_index) is called once per work
// unit, before any work starts, and must return a distinct sink each call:
// a large JSON-lines file or JSON document of records is cut into slices
// read in parallel, each into its own sink (so sinks must be mergeable).
// Results come back per file, in input order, so merged output is
// deterministic and equal to a one-thread run. With --strict, files are not
// split (the first rejection must stop the whole file).
std::vector<FileResult> run_files_parallel(const std::vector<std::string>& paths, const RunOptions& opts,
                                           const std::function<UnitSink&(std::size_t)>& sink_for);

// Exit-code view of a run: any unreadable/invalid file, or (strict) any rejection.
bool any_input_error(const std::vector<FileResult>& results, bool strict);

}  // namespace idt
