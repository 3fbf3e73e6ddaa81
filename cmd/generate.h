// Why: the shell completions are generated from the live CLI11 tree
// (ripgrep's --generate), so they cannot drift from --help; the option
// list (`flags`) is what the hand-written man pages are checked against.
#pragma once
#include <CLI/CLI.hpp>

#include <string>

namespace idt::cmd {

// kind: bash | zsh | fish | flags (the options of every command, one a
// line). Returns false for an unknown kind.
bool generate(const CLI::App& app, const std::string& kind, std::string& out);

}  // namespace idt::cmd
