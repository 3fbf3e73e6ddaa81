// Why: see output.h.
#include "render/output.h"

#include <unistd.h>

#include <cstdlib>

#include "util/text.h"

namespace idt {

bool parse_output_format(std::string_view s, OutputFormat& out) {
  std::string n = normalize_name(s);
  if (n == "table" || n == "text")
    out = OutputFormat::table;
  else if (n == "json")
    out = OutputFormat::json;
  else if (n == "jsonl" || n == "ndjson" || n == "json-lines")
    out = OutputFormat::jsonl;
  else if (n == "csv")
    out = OutputFormat::csv;
  else if (n == "tsv")
    out = OutputFormat::tsv;
  else if (n == "ics" || n == "ical" || n == "icalendar")
    out = OutputFormat::ics;
  else if (n == "md" || n == "markdown")
    out = OutputFormat::md;
  else
    return false;
  return true;
}

std::string_view output_format_name(OutputFormat f) {
  switch (f) {
    case OutputFormat::table:
      return "table";
    case OutputFormat::json:
      return "json";
    case OutputFormat::jsonl:
      return "jsonl";
    case OutputFormat::csv:
      return "csv";
    case OutputFormat::tsv:
      return "tsv";
    case OutputFormat::ics:
      return "ics";
    case OutputFormat::md:
      return "md";
  }
  return "table";
}

bool parse_color_mode(std::string_view s, ColorMode& out) {
  if (s == "auto")
    out = ColorMode::auto_;
  else if (s == "always")
    out = ColorMode::always;
  else if (s == "never")
    out = ColorMode::never;
  else
    return false;
  return true;
}

bool is_tty(std::FILE* stream) { return ::isatty(::fileno(stream)) == 1; }

bool use_color(ColorMode mode, std::FILE* stream) {
  if (mode == ColorMode::always) return true;
  if (mode == ColorMode::never) return false;
  const char* nc = std::getenv("NO_COLOR");
  if (nc && *nc) return false;
  return is_tty(stream);
}

void Output::flush() {
  if (!buf_.empty()) {
    std::fwrite(buf_.data(), 1, buf_.size(), f_);
    buf_.clear();
  }
  std::fflush(f_);
}

void Output::paint(std::string_view code, std::string_view text) {
  if (!color_) {
    buf_.append(text);
    return;
  }
  buf_ += "\x1b[";
  buf_.append(code);
  buf_ += 'm';
  buf_.append(text);
  buf_ += "\x1b[0m";
}

}  // namespace idt
