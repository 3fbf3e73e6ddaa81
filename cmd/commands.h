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

// Exit codes (docs/findings.md, "Exit codes"): 0 ok, 1 findings at/above
// --fail-on, 2 usage, 3 input error, 4 internal error, 5 triage incomplete.
inline constexpr int kExitOk = 0, kExitFindings = 1, kExitUsage = 2, kExitInput = 3, kExitInternal = 4,
                     kExitIncomplete = 5;  // triage: nothing at --fail-on, but not everything could be judged

// Thrown by commands for usage errors detected after parsing (bad --since…).
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace idt::cmd
