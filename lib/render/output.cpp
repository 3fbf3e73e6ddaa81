// Why: see output.h.
#include "render/output.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>

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
  if (nc && *nc) return false;  // https://no-color.org: any non-empty value
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;  // a terminal that shows escapes as text
  return is_tty(stream);
}

namespace {
// The first write error on stdout, kept for close_stdout(): by then errno
// may say something else.
std::atomic<int> g_stdout_error{0};

[[noreturn]] void fail_write(std::FILE* f, int err) {
  if (err == 0) err = EIO;  // a short write that set no errno
  if (f == stdout) {
    int none = 0;
    g_stdout_error.compare_exchange_strong(none, err);
  }
  throw OutputError(err);
}
}  // namespace

OutputError::OutputError(int err)
    : std::runtime_error(std::string("cannot write the output: ") + std::strerror(err)), err_(err) {}

bool OutputError::closed() const { return err_ == EPIPE; }

Output::~Output() {
  try {
    flush();
  } catch (const OutputError&) {
    // Recorded on the stream and in g_stdout_error; close_stdout() reports it.
  }
}

void Output::flush() {
  if (!f_) return;  // in memory
  if (!buf_.empty()) {
    errno = 0;
    const std::size_t n = std::fwrite(buf_.data(), 1, buf_.size(), f_);
    const int err = errno;
    const bool whole = n == buf_.size();
    buf_.clear();  // written or not, it is not written twice
    if (!whole) fail_write(f_, err);
  }
  errno = 0;
  if (std::fflush(f_) != 0) fail_write(f_, errno);
}

void close_stdout() {
  int err = g_stdout_error.load();
  const bool had_error = std::ferror(stdout) != 0;
  errno = 0;
  if (std::fflush(stdout) != 0 && err == 0) err = errno;
  errno = 0;
  if (std::fclose(stdout) != 0 && err == 0 && errno != EBADF) err = errno;
  if (err == 0 && had_error) err = EIO;
  if (err != 0) throw OutputError(err);
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
