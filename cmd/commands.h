// Why: subcommands are a table (ninja's -t tools): name, help, how to add
// options, how to run. main.cpp, --help, the man page and the shell
// completions are all generated from it.
#pragma once
#include <CLI/CLI.hpp>

#include <span>
#include <string_view>

namespace idt::cmd {

struct Command {
  std::string_view name;
  std::string_view help;
  void (*setup)(CLI::App& sub);  // binds options to the command's own state
  int (*run)();                  // returns the process exit code
};

std::span<const Command> all_commands();

// Exit codes (README "Exit codes", docs/findings.md): 0 ok, 1 findings
// at/above --fail-on (with triage --state: a new, changed or ended finding
// at/above --fail-on since the last run, docs/alerting.md; or a campaign
// wave that breached its pause rule),
// 2 usage, 3 input error, 4 internal error, 5 triage incomplete (with --state
// too: an incomplete run is never "nothing new"), 6 the output could not be
// written: stdout, a --report-*/--affected-users file or the --state file (a
// full disk, /dev/full; a closed pipe is 0); precheck:
// 0 GO, 10 WAIT, 11 STOP (below 64, clear of the shell's 126-165 and
// sysexits' 64-78, so a pipeline can gate on them).
inline constexpr int kExitOk = 0, kExitFindings = 1, kExitUsage = 2, kExitInput = 3, kExitInternal = 4,
                     kExitIncomplete = 5,  // triage: nothing at --fail-on, but not everything could be judged
    kExitOutput = 6;
inline constexpr int kExitWait = 10, kExitStop = 11;

// Thrown by commands for usage errors detected after parsing (bad --since…).
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Thrown when a file a command writes (--affected-users, --ics, the index)
// could not be written: exit 6, like output to stdout that is lost.
struct OutputFileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace idt::cmd
