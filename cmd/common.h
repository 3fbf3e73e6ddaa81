// Why: the options every input-reading subcommand shares (files, time
// window, format, colour, strictness, encoding) and their conversion to a
// RunOptions, in one place so flags mean the same everywhere.
#pragma once
#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/output.h"
#include "run/pipeline.h"

namespace idt::cmd {

struct InputOptions {
  std::vector<std::string> files;
  std::string since, until;
  std::string format = "auto";
  std::string color = "auto";
  std::string encoding = "auto";
  std::string input_format;
  std::string max_decoded = "64G";
  std::string kind;
  std::vector<std::string> maps;
  unsigned threads = 0;
  bool strict = false;
  bool quiet = false;
  bool files_required = true;
  bool with_kind = true;  // --kind signin|audit: only for commands that read sign-in/audit logs

  // `formats` lists the --format values this command accepts (first = tty default,
  // second = pipe default).
  void add(CLI::App& app, const std::vector<std::string>& formats, bool with_window = true);
  RunOptions run_options() const;      // throws UsageError
  OutputFormat output_format() const;  // resolves "auto" by tty
  bool color_on() const;

  std::vector<std::string> format_choices;
};

// Files of a kind a command does not read (tickets or health given to
// classify or stats) become input errors that say what the file is and
// which command reads it, instead of an empty report with exit 0.
void refuse_other_kinds(std::vector<FileResult>& files, std::string_view command);

// A size with an optional K/M/G/T suffix (powers of 1024), e.g. "64G".
std::optional<std::uint64_t> parse_size(std::string_view s);

// Rejects "-" given more than once, and checks there is at least one input.
void check_files(const std::vector<std::string>& files);

}  // namespace idt::cmd
