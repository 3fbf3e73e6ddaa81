// Why: the report-shaped outputs of the foundation subcommands (stats,
// detect, explain) plus the per-file accounting every command ends with.
// Analysis code fills the models; only this layer formats text.
#pragma once
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "aggregate/log_stats.h"
#include "classify/codes.h"
#include "render/output.h"
#include "model/file_result.h"
#include "util/json_writer.h"

namespace idt {

struct StatsReport {
  std::vector<FileResult> files;
  // Per file: records that were copies of one earlier in input order
  // (overlapping exports); counted once, in the earlier file.
  std::vector<std::uint64_t> duplicates;
  SigninStats signin;
  AuditStats audit;
  std::size_t top = 10;  // rows in the "top" tables (text); JSON has all
};

void render_stats(Output& out, const StatsReport& r, OutputFormat fmt);
void render_detect(Output& out, const std::vector<FileResult>& files, OutputFormat fmt);
// code == nullptr: unknown code (still rendered, saying so).
void render_explain(Output& out, std::int64_t code, const CodeInfo* info, OutputFormat fmt);
void render_code_list(Output& out, OutputFormat fmt);

// stderr: one line per kept rejection and per file-level problem,
// "idtriage: FILE:LINE: message". Returns the number of lines written.
std::size_t report_problems(std::FILE* err, const std::vector<FileResult>& files, bool quiet);
// stderr footer for table output: "inputs: N files, R records, X rejected".
void report_footer(std::FILE* err, const std::vector<FileResult>& files);

// JSON object for one file (shared by every JSON report).
void append_file_json(std::string& b, const FileResult& f);
// Same, as one element inside a JsonWriter's array (the writer places commas).
void append_file_json(JsonWriter& w, const FileResult& f);
std::string thousands(std::uint64_t n);

}  // namespace idt
