// Why: see detect_render.h.
#include "render/detect_render.h"

#include <fmt/format.h>

#include "render/inputs_render.h"
#include "render/text_table.h"
#include "util/safe_text.h"
#include "util/text.h"

namespace idt {
namespace {

void render_json(Output& out, const std::vector<FileResult>& files, bool lines) {
  std::string& b = out.buf();
  if (!lines) b += "{\"schema\":\"idtriage.detect/1\",\"inputs\":[";
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (i && !lines) b += ',';
    append_file_json(b, files[i]);
    if (lines) b += '\n';
  }
  if (!lines) b += "]}\n";
}

// docs/output.md: an absent value is an empty cell.
std::string time_or_empty(Micros t) { return t == kNoTime ? std::string() : format_rfc3339(t); }

void render_delimited(Output& out, const std::vector<FileResult>& files, char d) {
  std::string& b = out.buf();
  b += fmt::format("path{0}kind{0}format{0}records{0}rejected{0}first{0}last{0}error\n", d);
  for (const auto& f : files) {
    const FileSummary& s = f.summary;
    const std::string texts[] = {s.path,
                                 std::string(record_kind_name(s.kind)),
                                 s.format,
                                 fmt::format_int(s.records).str(),
                                 fmt::format_int(s.rejected).str(),
                                 time_or_empty(s.first),
                                 time_or_empty(s.last),
                                 s.fatal.value_or("")};
    const std::vector<std::string_view> cells(std::begin(texts), std::end(texts));
    append_row(b, cells, d);
  }
}

void render_text(Output& out, const std::vector<FileResult>& files) {
  std::string& b = out.buf();
  for (const auto& f : files) {
    const FileSummary& s = f.summary;
    out.paint(sgr::bold, clean(s.path));
    b += '\n';
    if (!s.format.empty()) {
      b += "  kind     " + std::string(record_kind_name(s.kind)) + "\n";
      b += "  format   " + s.format + "\n";
      b += "  records  " + thousands(s.records) + (s.rejected ? " (+" + thousands(s.rejected) + " rejected)" : "") +
           "\n";
      b += "  first    " + time_or_dash(s.first) + "\n";
      b += "  last     " + time_or_dash(s.last) + "\n";
      for (const auto& n : s.notes) b += "  note     " + clean(n) + "\n";
    } else if (s.unrecognised && !s.fatal) {  // skipped in a directory: say why
      for (const auto& n : s.notes) b += "  note     " + clean(n) + "\n";
    }
    if (s.fatal) file_error_line(out, "  ", "error    ", *s.fatal);
  }
}

}  // namespace

void render_detect(Output& out, const std::vector<FileResult>& files, OutputFormat fmt) {
  switch (fmt) {
    case OutputFormat::json:
    case OutputFormat::jsonl:
      render_json(out, files, fmt == OutputFormat::jsonl);
      break;
    case OutputFormat::csv:
    case OutputFormat::tsv:
      render_delimited(out, files, fmt == OutputFormat::csv ? ',' : '\t');
      break;
    default:
      render_text(out, files);
  }
}

}  // namespace idt
