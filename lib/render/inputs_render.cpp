// Why: see inputs_render.h.
#include "render/inputs_render.h"

#include <fmt/format.h>

#include "render/json_values.h"
#include "render/text_table.h"

namespace idt {

void append_file_json(std::string& b, const FileResult& f, const std::uint64_t* duplicates) {
  JsonWriter w(b);
  const FileSummary& s = f.summary;
  w.begin_object();
  file_head_json(w, s);
  w.kv("kept", f.kept);
  w.kv("filtered", f.filtered);
  w.kv("rejected", s.rejected);
  w.kv("warnings", s.warnings);
  if (duplicates) w.kv("duplicates", *duplicates);
  file_span_json(w, s);
  strings_json(w, "notes", s.notes);
  w.key("rejections").begin_array();
  for (const auto& r : f.rejections) {
    w.begin_object();
    w.kv("line", r.pos.line);
    w.kv("record", r.pos.record);
    w.kv("message", r.message);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void file_head_json(JsonWriter& w, const FileSummary& s) {
  w.kv("path", s.path);
  w.kv("kind", record_kind_name(s.kind));
  w.kv("format", s.format);
  w.kv("records", s.records);
}

void file_span_json(JsonWriter& w, const FileSummary& s) {
  time_kv(w, "first", s.first);
  time_kv(w, "last", s.last);
  w.key("error");
  if (s.fatal)
    w.value(*s.fatal);
  else
    w.null();
}

void append_file_json(JsonWriter& w, const FileResult& f, const std::uint64_t* duplicates) {
  std::string one;
  append_file_json(one, f, duplicates);
  w.raw(one);
}

InputTotals input_totals(const std::vector<FileResult>& files) {
  InputTotals t;
  for (const auto& f : files) {
    t.records += f.summary.records;
    t.rejected += f.summary.rejected;
    t.filtered += f.filtered;
    t.errors += f.summary.fatal ? 1 : 0;
  }
  return t;
}

void file_error_line(Output& out, std::string_view indent, std::string_view label, const std::string& message) {
  out.buf() += indent;
  out.paint(sgr::red, fmt::format("{}{}", label, clean(message)));
  out.buf() += '\n';
}

std::size_t report_problems(std::FILE* err, const std::vector<InputReport>& inputs, bool quiet) {
  std::vector<FileResult> files;
  for (const auto& in : inputs) files.push_back(in.file);
  return report_problems(err, files, quiet);
}

std::size_t report_problems(std::FILE* err, const std::vector<FileResult>& files, bool quiet) {
  std::size_t n = 0;
  for (const auto& f : files) {
    const FileSummary& s = f.summary;
    const std::string name = clean(s.path);
    if (!quiet) {
      for (const auto& r : f.rejections) {
        fmt::print(err, "idtriage: {}:{}: rejected: {}\n", name, r.pos.line, clean(r.message));
        ++n;
      }
      if (s.rejected > f.rejections.size()) {
        fmt::print(err, "idtriage: {}: … and {} more rejected records\n", name, s.rejected - f.rejections.size());
        ++n;
      }
      for (const auto& w : s.warning_list) {
        fmt::print(err, "idtriage: {}:{}: warning: {}\n", name, w.pos.line, clean(w.message));
        ++n;
      }
      if (s.warnings > s.warning_list.size()) {
        fmt::print(err, "idtriage: {}: … and {} more warnings\n", name, s.warnings - s.warning_list.size());
        ++n;
      }
    }
    if (s.fatal) {
      fmt::print(err, "idtriage: {}: error: {}\n", name, clean(*s.fatal));
      ++n;
    } else if (s.unrecognised && !quiet) {  // found in a directory, not an export: skipped, not an error
      fmt::print(err, "idtriage: {}: skipped: not a sign-in, audit, ticket or health export\n", name);
      ++n;
    }
  }
  return n;
}

void report_footer(std::FILE* err, const std::vector<FileResult>& files) {
  const InputTotals t = input_totals(files);
  std::string line = fmt::format("inputs: {}, {} records, {} rejected", count_of(files.size(), "file", "files"),
                                 thousands(t.records), thousands(t.rejected));
  if (t.filtered) line += fmt::format(", {} outside --since/--until", thousands(t.filtered));
  if (t.errors) line += fmt::format(", {}", count_of(t.errors, "file with errors", "files with errors"));
  fmt::print(err, "{}\n", line);
}

}  // namespace idt
