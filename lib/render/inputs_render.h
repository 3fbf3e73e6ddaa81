// Why: the per-file accounting every command ends with — each input's JSON
// object (shared by every JSON report), its rejections and file errors on
// stderr, and the footer line — so no output leaves a file unaccounted for.
#pragma once
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "model/file_result.h"
#include "render/output.h"
#include "util/json_writer.h"

namespace idt {

// JSON object for one file (shared by every JSON report). `duplicates`:
// its records that were copies of one earlier in input order (stats).
void append_file_json(std::string& b, const FileResult& f, const std::uint64_t* duplicates = nullptr);
// Same, as one element inside a JsonWriter's array (the writer places commas).
void append_file_json(JsonWriter& w, const FileResult& f, const std::uint64_t* duplicates = nullptr);

// The members every JSON view of a file starts with ("path", "kind",
// "format", "records") and ends with ("first", "last", "error").
void file_head_json(JsonWriter& w, const FileSummary& s);
void file_span_json(JsonWriter& w, const FileSummary& s);

// Sums over the inputs, for headlines and footers.
struct InputTotals {
  std::uint64_t records = 0, rejected = 0, filtered = 0, errors = 0;
};
InputTotals input_totals(const std::vector<FileResult>& files);

// "    error: MESSAGE" in red under a file in a table (sanitised).
void file_error_line(Output& out, std::string_view indent, std::string_view label, const std::string& message);

// stderr: one line per kept rejection and per file-level problem,
// "idtriage: FILE:LINE: message". Returns the number of lines written.
std::size_t report_problems(std::FILE* err, const std::vector<FileResult>& files, bool quiet);
std::size_t report_problems(std::FILE* err, const std::vector<InputReport>& inputs, bool quiet);
// stderr footer for table output: "inputs: N files, R records, X rejected".
void report_footer(std::FILE* err, const std::vector<FileResult>& files);

}  // namespace idt
