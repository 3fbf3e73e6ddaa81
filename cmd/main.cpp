// Why: the binary's entry point: build the CLI from the command table, turn
// every failure into the documented exit code (exceptions stop here), and
// make sure what was printed really reached stdout, and answer a typo
// (command or flag) with "did you mean".
#include <fmt/format.h>

#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

#include "commands.h"
#include "generate.h"
#include "render/output.h"
#include "util/safe_text.h"
#include "util/text.h"

using namespace idt::cmd;

#ifndef IDTRIAGE_BUILD_INFO  // set by CMakeLists.txt for this file only
#define IDTRIAGE_BUILD_INFO "unknown build"
#endif

namespace {

// A message for stderr: it may quote arguments, file names and input text,
// so every line is made terminal-safe (the line breaks are ours).
std::string safe_lines(std::string_view message) {
  std::string clean;
  for (std::string_view rest = message; !rest.empty();) {
    std::size_t nl = rest.find('\n');
    idt::append_terminal_safe(clean, rest.substr(0, nl));
    if (nl == std::string_view::npos) break;
    clean += '\n';
    rest.remove_prefix(nl + 1);
  }
  return clean;
}

// "idtriage: MESSAGE" and where to look next; exit 2.
int usage_error(const std::string& message, std::string_view command) {
  const std::string clean = safe_lines(message);
  if (command.empty())
    fmt::print(stderr, "idtriage: {}\nRun 'idtriage --help' for the list of commands.\n", clean);
  else
    fmt::print(stderr, "idtriage: {}\nRun 'idtriage {} --help' for its options.\n", clean, command);
  return kExitUsage;
}

// The subcommands of `parent` (the commands of the root, `plan` and `check`
// of campaign).
std::vector<std::string> subcommand_names(const CLI::App& parent) {
  std::vector<std::string> names;
  for (const CLI::App* s : parent.get_subcommands([](const CLI::App*) { return true; })) names.push_back(s->get_name());
  return names;
}

// "unknown command 'campaign plna' (did you mean 'plan'?)": `path` names
// the command the word was given to ("" at the top).
int unknown_command(const std::string& word, const CLI::App& parent, const std::string& path) {
  const std::vector<std::string> names = subcommand_names(parent);
  const std::vector<std::string_view> candidates(names.begin(), names.end());
  return usage_error(fmt::format("unknown command '{}{}'{}", path.empty() ? "" : path + " ", word,
                                 idt::did_you_mean(word, candidates)),
                     path);
}

// A command that needs one of its own subcommands and got none.
int missing_subcommand(const CLI::App& parent, const std::string& path) {
  return usage_error(fmt::format("'{}' needs a subcommand: {}", path, fmt::join(subcommand_names(parent), ", ")), path);
}

// The option names an app accepts ("--format", "-f"), hidden ones excluded.
std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* o : app.get_options()) {
    if (o->get_group().empty()) continue;
    for (const auto& l : o->get_lnames()) names.push_back("--" + l);
    for (const auto& s : o->get_snames()) names.push_back("-" + s);
  }
  return names;
}

// CLI11 lists the arguments it did not expect after ": "; each one that
// looks like an option is answered with the closest option of `app`.
int unexpected_arguments(const CLI::ExtrasError& e, const CLI::App& app, std::string_view command) {
  std::string what = e.what();
  std::size_t colon = what.find(": ");
  std::vector<std::string> unknown;
  for (std::string_view rest = colon == std::string::npos ? "" : std::string_view(what).substr(colon + 2);
       !rest.empty();) {
    std::size_t sp = rest.find(' ');
    std::string_view word = rest.substr(0, sp);
    rest = sp == std::string_view::npos ? std::string_view{} : rest.substr(sp + 1);
    if (word.size() > 1 && word[0] == '-') unknown.emplace_back(word.substr(0, word.find('=')));
  }
  if (unknown.empty()) return usage_error(what, command);
  const std::vector<std::string> names = option_names(app);
  const std::vector<std::string_view> candidates(names.begin(), names.end());
  std::string message;
  for (const auto& u : unknown)
    message += (message.empty() ? "" : "\nidtriage: ") + std::string("unknown option '") + u + "'" +
               (command.empty() ? "" : " for '" + std::string(command) + "'") +
               (u.size() > 2 ? idt::did_you_mean(u, candidates) : "");  // "-x" is one edit from every short flag
  return usage_error(message, command);
}

}  // namespace

int run_main(int argc, char** argv) {
  CLI::App app{"identity-incident triage for Microsoft Entra sign-in and audit logs", "idtriage"};
  app.set_version_flag("--version", fmt::format("idtriage {} ({}, {} {})", IDTRIAGE_VERSION, IDTRIAGE_BUILD_INFO,
#if defined(__clang__)
                                                "clang", __clang_version__
#else
                                                "GCC", __VERSION__
#endif
                                                ));
  app.require_subcommand(0, 1);
  std::string gen;
  app.add_option("--generate", gen, "print a shell completion or the option list: bash|zsh|fish|flags")->group("");
  for (const Command& c : all_commands()) {
    CLI::App* sub = app.add_subcommand(std::string(c.name), std::string(c.help));
    c.setup(*sub);
  }
  // The (sub)command named on the command line, e.g. "campaign plan", and
  // its app: leading words name subcommands while the app has any.
  std::string command;
  const CLI::App* where = &app;
  for (int i = 1; i < argc && argv[i][0] != '-' && !subcommand_names(*where).empty(); ++i) {
    const CLI::App* next = nullptr;
    for (const CLI::App* s : where->get_subcommands([](const CLI::App*) { return true; }))
      if (s->get_name() == argv[i]) next = s;
    if (!next) return unknown_command(argv[i], *where, command);
    command += (command.empty() ? "" : " ") + next->get_name();
    where = next;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    if (const auto* extras = dynamic_cast<const CLI::ExtrasError*>(&e))
      return unexpected_arguments(*extras, *where, command);
    if (dynamic_cast<const CLI::RequiredError*>(&e) && where != &app && !subcommand_names(*where).empty())
      return missing_subcommand(*where, command);
    return usage_error(e.what(), command);
  }
  try {
    if (!gen.empty()) {
      std::string out;
      if (!generate(app, gen, out)) {
        constexpr std::string_view kinds[] = {"bash", "zsh", "fish", "flags"};
        return usage_error(fmt::format("--generate: '{}' is not one of: {}{}", gen, fmt::join(kinds, ", "),
                                       idt::did_you_mean(gen, kinds)),
                           "");
      }
      std::fwrite(out.data(), 1, out.size(), stdout);
      return kExitOk;
    }
    for (const Command& c : all_commands())
      if (app.got_subcommand(std::string(c.name))) return c.run();
    std::fputs(app.help().c_str(), stdout);
    return kExitOk;
  } catch (const UsageError& e) {
    fmt::print(stderr, "idtriage: {}\n", safe_lines(e.what()));
    return kExitUsage;
  } catch (const OutputFileError& e) {
    fmt::print(stderr, "idtriage: {}\n", safe_lines(e.what()));
    return kExitOutput;
  } catch (const idt::OutputError&) {
    throw;  // main() decides: quiet for a closed pipe, an error otherwise
  } catch (const std::exception& e) {
    fmt::print(stderr, "idtriage: internal error: {}\n", safe_lines(e.what()));
    return kExitInternal;
  }
}

int main(int argc, char** argv) {
  // A closed pipe is a write error (EPIPE) handled like the others, not a
  // signal that kills the process halfway through a line.
  std::signal(SIGPIPE, SIG_IGN);
  int rc;
  try {
    rc = run_main(argc, argv);
    idt::close_stdout();
  } catch (const idt::OutputError& e) {
    if (e.closed()) return kExitOk;  // the reader has all it wanted (`| head`)
    fmt::print(stderr, "idtriage: {}\n", e.what());
    return kExitOutput;
  }
  return rc;
}
