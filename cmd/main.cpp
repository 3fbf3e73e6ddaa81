// Why: the binary's entry point: build the CLI from the command table, turn
// every failure into the documented exit code (exceptions stop here), and
// make sure what was printed really reached stdout.
#include <csignal>
#include <cstdio>
#include <string>

#include "commands.h"
#include "generate.h"
#include "render/output.h"
#include "util/text.h"

using namespace idt::cmd;

namespace {

int did_you_mean(const std::string& word) {
  std::string best;
  std::size_t bd = 99;
  for (const Command& c : all_commands()) {
    std::size_t d = idt::edit_distance(word, c.name);
    if (d < bd) {
      bd = d;
      best = std::string(c.name);
    }
  }
  std::string msg = "idtriage: unknown command '" + word + "'";
  if (bd <= 3) msg += " (did you mean '" + best + "'?)";
  std::fprintf(stderr, "%s\nRun 'idtriage --help' for the list of commands.\n", msg.c_str());
  return kExitUsage;
}

}  // namespace

int run_main(int argc, char** argv) {
  CLI::App app{"identity-incident triage for Microsoft Entra sign-in and audit logs", "idtriage"};
  app.set_version_flag("--version", std::string("idtriage ") + IDTRIAGE_VERSION);
  app.require_subcommand(0, 1);
  std::string gen;
  app.add_option("--generate", gen, "print a man page or shell completion: man|bash|zsh|fish")->group("");
  for (const Command& c : all_commands()) {
    CLI::App* sub = app.add_subcommand(std::string(c.name), std::string(c.help));
    c.setup(*sub);
  }
  if (argc >= 2 && argv[1][0] != '-') {
    bool known = false;
    for (const Command& c : all_commands()) known |= c.name == argv[1];
    if (!known) return did_you_mean(argv[1]);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  try {
    if (!gen.empty()) {
      std::string out;
      if (!generate(app, gen, out)) {
        std::fprintf(stderr, "idtriage: --generate: expected man, bash, zsh or fish\n");
        return kExitUsage;
      }
      std::fwrite(out.data(), 1, out.size(), stdout);
      return kExitOk;
    }
    for (const Command& c : all_commands())
      if (app.got_subcommand(std::string(c.name))) return c.run();
    std::fputs(app.help().c_str(), stdout);
    return kExitOk;
  } catch (const UsageError& e) {
    std::fprintf(stderr, "idtriage: %s\n", e.what());
    return kExitUsage;
  } catch (const idt::OutputError&) {
    throw;  // main() decides: quiet for a closed pipe, an error otherwise
  } catch (const std::exception& e) {
    std::fprintf(stderr, "idtriage: internal error: %s\n", e.what());
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
    std::fprintf(stderr, "idtriage: %s\n", e.what());
    return kExitOutput;
  }
  return rc;
}
