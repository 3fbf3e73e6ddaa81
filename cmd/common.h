// Why: the options subcommands share, declared once so a flag means the same
// everywhere: inputs (files, time window, format, colour, strictness,
// encoding) and their conversion to RunOptions; the ticket options (--rules,
// --tz, --date-format); the break-glass options; and flags whose value is one
// of a fixed set, whose one declaration drives validation ("did you mean"
// and the list), the help, the man page and the shell completions.
#pragma once
#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aggregate/triage_aggregate.h"
#include "classify/ticket_classifier.h"
#include "playbook/playbook.h"
#include "render/output.h"
#include "run/pipeline.h"
#include "run/triage_run.h"

namespace idt::cmd {

// One line on stderr, "idtriage: TEXT", with TEXT terminal-safe (it quotes
// paths and values from inputs; docs/output.md).
void print_error(std::string_view text);

// Writes a file named by `flag` (e.g. "--ics"); throws OutputFileError (exit 6)
// when it cannot be written. `via_temp`: see util/write_file.h.
void write_output_file(std::string_view flag, const std::string& path, std::string_view data, bool via_temp = false);

// The one message for a file that cannot be written: "cannot write FLAG
// PATH: reason" (`problem` as util/write_file returns it). write_output_file
// throws it; a command that goes on writing its other outputs prints it.
std::string cannot_write(std::string_view flag, std::string_view problem);

// The allowed values of a flag. `accept` admits extra spellings (aliases,
// any case); without it a value must be one of `values` exactly.
struct Choices {
  Choices() = default;
  Choices(std::vector<std::string> v) : values(std::move(v)) {}
  std::vector<std::string> values;
  std::function<bool(const std::string&)> accept;
  bool list_in_help = true;  // false for long lists (the error and completions still list them)
};
CLI::Option* add_choice(CLI::App& app, const std::string& flags, std::string& into, Choices choices,
                        const std::string& help, const std::string& type_name);
// The values declared for an option; nullptr for a free-form one.
const Choices* choices_of(const CLI::Option* o);
// Declares the values an argument takes for the help, man page and
// completions when the command checks them itself (playbook ID: its error
// points at `idtriage playbook` for the list).
void declare_values(CLI::Option* o, Choices choices);
// Whether an option's value names a file or directory (its type name is
// FILE, DIR, ID=FILE or ends in .csv): completions offer paths for it.
bool takes_path(const CLI::Option* o);

// --format: `formats` in order; with_auto adds "auto" (formats[0] on a
// terminal, formats[1] in a pipe).
CLI::Option* add_format_option(CLI::App& app, std::string& into, const std::vector<std::string>& formats,
                               bool with_auto);
// --color auto|always|never.
CLI::Option* add_color_option(CLI::App& app, std::string& into);
OutputFormat to_output_format(const std::string& value);
bool color_on(const std::string& value);

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
  bool csv_bom = false;
  bool files_required = true;
  bool with_kind = true;         // --kind signin|audit: only for commands that read sign-in/audit logs
  bool read_directories = true;  // a directory argument stands for its files (not for campaign plan's one list)

  // `formats` lists the --format values this command accepts (first = tty default,
  // second = pipe default).
  void add(CLI::App& app, const std::vector<std::string>& formats, bool with_window = true);
  // Validated run options; each directory in `files` is replaced by the
  // files under it (io/expand_paths.h). Throws UsageError.
  RunOptions run_options();
  // Resolves "auto" by tty; throws UsageError for --csv-bom with a format
  // other than csv.
  OutputFormat output_format() const;
  // What goes before a command's output: the UTF-8 BOM for CSV with --csv-bom.
  void begin_output(Output& out, OutputFormat f) const;
  bool color_on() const;
  // The end of a run: flush stdout, list rejections (unless --quiet) and file
  // errors on stderr, the footer after a table on a terminal (`table`), and
  // the exit code (3 on an input error).
  int finish(Output& out, const std::vector<FileResult>& results, const RunOptions& ro, bool table = false) const;

  std::vector<std::string> format_choices;
};

// --rules (repeatable), --tz and --date-format: how help-desk tickets are read
// and classified (tickets, triage, precheck).
struct TicketOptions {
  std::vector<std::string> rules_files;
  std::string tz, date_format;
  void add(CLI::App& app);
  void apply(RunOptions& ro) const;  // --tz and --date-format into the parse options; throws UsageError
  TicketRules load_rules() const;    // built-in rules plus --rules files; throws UsageError
};

// --breakglass UPN,… and --breakglass-max-age (triage, precheck).
struct BreakglassOptions {
  std::string accounts, max_age = "30d";
  void add(CLI::App& app);
  // Trimmed, lower-cased UPNs into to.breakglass; the age into
  // to.breakglass_max_age. Throws UsageError.
  void apply(TriageOptions& to) const;
};

// Files of a kind a command does not read (tickets or health given to
// classify or stats) become input errors that say what the file is and
// which command reads it, instead of an empty report with exit 0.
void refuse_other_kinds(std::vector<FileResult>& files, std::string_view command);

// A size with an optional K/M/G/T suffix (powers of 1024), e.g. "64G".
std::optional<std::uint64_t> parse_size(std::string_view s);

// --set NAME=VALUE (repeatable, one pair each): fills user-message
// placeholders (playbook, triage). parse_set_options checks each name
// against the placeholder table ("did you mean"); throws UsageError.
CLI::Option* add_set_option(CLI::App& app, std::vector<std::string>& into);
TemplateValues parse_set_options(const std::vector<std::string>& sets);

// Rejects "-" given more than once, and checks there is at least one input.
void check_files(const std::vector<std::string>& files);

// --signins/--audit/--tickets/--health beside unlabelled files (triage,
// precheck): the kinds a triage run reads.
struct LabelledInputs {
  std::vector<std::string> signins, audits, tickets, healths;
  void add(CLI::App& app);
  // Validates every file (stdin once, at least one input) and the window
  // options with them, each directory replaced by its files in every list;
  // returns the run options.
  RunOptions run_options(InputOptions& opts);
  TriageInputs inputs(const InputOptions& opts) const;
};

// Everything a command that runs the triage chain reads (triage, precheck,
// user, index): inputs with role flags, window and formats; break-glass
// accounts; the ticket options. Added in two calls so each command's own
// flags stay between them in its help.
struct TriageCommandOptions {
  InputOptions io;
  LabelledInputs labelled;
  BreakglassOptions breakglass;
  TicketOptions tickets;
  // --format (one of `formats`) and the shared input flags, then the
  // command's `own` leading flags if any, then the role flags.
  void add_inputs(CLI::App& app, const std::vector<std::string>& formats, const std::function<void()>& own = {});
  // --breakglass, --breakglass-max-age, --rules, --date-format, --tz.
  void add_judging(CLI::App& app);
  // Validated run options, ticket options applied (throws UsageError).
  RunOptions run_options();
  // Break-glass accounts applied to `to` (throws UsageError).
  void apply(TriageOptions& to) const { breakglass.apply(to); }
  TriageInputs inputs() const { return labelled.inputs(io); }
};

// The built-in ticket rules plus each --rules file (UsageError names file:line).
TicketRules load_ticket_rules(const std::vector<std::string>& files);

}  // namespace idt::cmd
