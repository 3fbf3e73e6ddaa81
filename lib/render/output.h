// Why: renderers write into a buffer that is flushed in large blocks; the
// same object knows whether colour is on (tty + --color + NO_COLOR). Every
// flush is checked: output that could not be written is an error, never a
// silent exit 0 with a truncated report.
#pragma once
#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>

namespace idt {

enum class OutputFormat { table, json, jsonl, csv, tsv, md, ics };
bool parse_output_format(std::string_view s, OutputFormat& out);
std::string_view output_format_name(OutputFormat f);

// Written before CSV output with --csv-bom: Excel then reads the file as
// UTF-8 instead of the system code page.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

enum class ColorMode { auto_, always, never };
bool parse_color_mode(std::string_view s, ColorMode& out);
// auto: colour only when `stream` is a tty, NO_COLOR is unset or empty and
// TERM is not "dumb"; always/never as they say.
bool use_color(ColorMode mode, std::FILE* stream);
bool is_tty(std::FILE* stream);

// Output could not be written. closed(): the reader went away (EPIPE, e.g.
// `idtriage classify … | head`): the run ends quietly with exit 0, as
// ripgrep and the coreutils do; any other error (a full disk, /dev/full,
// an I/O error) is reported and ends the run with a non-zero exit.
class OutputError : public std::runtime_error {
 public:
  explicit OutputError(int err);
  int error_number() const { return err_; }
  bool closed() const;

 private:
  int err_;
};

// Flushes and closes stdout at the end of a run. Throws OutputError when
// anything written to stdout was lost, including by a write whose error was
// swallowed (a destructor's flush, a library writing through std::cout).
void close_stdout();

class Output {
 public:
  explicit Output(std::FILE* f = stdout, bool color = false) : f_(f), color_(color) { buf_.reserve(1 << 16); }
  // In memory: nothing is written; buf() holds the whole output (a report
  // file written beside stdout).
  static Output memory() { return Output(nullptr, false); }
  // Flushes what is left; an error is not thrown from here but stays on the
  // stream (ferror), where close_stdout() finds it.
  ~Output();
  std::string& buf() { return buf_; }
  void maybe_flush() {
    if (f_ && buf_.size() >= (1 << 16)) flush();
  }
  // Writes the buffer out and flushes the stream; throws OutputError.
  void flush();
  bool color() const { return color_; }
  // Wraps text in an SGR colour when colour is on.
  void paint(std::string_view sgr, std::string_view text);
  void write(std::string_view s) {
    buf_.append(s);
    maybe_flush();
  }

 private:
  std::FILE* f_;
  bool color_;
  std::string buf_;
};

namespace sgr {
inline constexpr std::string_view bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34",
                                  magenta = "35", cyan = "36", bold_red = "1;31";
}

}  // namespace idt
