// Why: the options every input-reading subcommand shares (files, time
// window, format, colour, strictness, encoding) and their conversion to a
// RunOptions, in one place so flags mean the same everywhere.
#pragma once
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "render/output.h"
#include "aggregate/triage_aggregate.h"
#include "run/pipeline.h"
#include "run/triage_run.h"

namespace idt::cmd {

struct InputOptions {
  std::vector<std::string> files;
  std::string since, until;
  std::string format = "auto";
  std::string color = "auto";
  std::string encoding = "auto";
  std::string input_format;
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

// Rejects "-" given more than once, and checks there is at least one input.
void check_files(const std::vector<std::string>& files);

// --signins/--audit/--tickets/--health beside unlabelled files (triage,
// precheck): the kinds a triage run reads.
struct LabelledInputs {
  std::vector<std::string> signins, audits, tickets, healths;
  void add(CLI::App& app);
  // Validates every file (stdin once, at least one input) and the window
  // options with them; returns the run options.
  RunOptions run_options(InputOptions& opts) const;
  TriageInputs inputs(const InputOptions& opts) const;
};

// --breakglass UPN,… and --breakglass-max-age, declared once for every
// command that checks emergency-access accounts (triage, precheck, campaign plan).
struct BreakglassOptions {
  std::string accounts, max_age = "30d";
  void add(CLI::App& app);
  // Trimmed, lower-cased UPNs into to.breakglass; the age into
  // to.breakglass_max_age. Throws UsageError.
  void apply(TriageOptions& to) const;
};

}  // namespace idt::cmd
