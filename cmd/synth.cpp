// Why: `idtriage synth --scenario NAME --out DIR` — writes a deterministic,
// realistic day of inputs (sign-ins, audit, tickets, health) plus
// EXPECTED.json for drills, tests and benchmarks. Thin: lib/synth does it.
#include <cstdio>

#include "commands.h"
#include "synth/scenario.h"
#include "synth/synth.h"

namespace idt::cmd {
namespace {

synth::SynthOptions opts;
std::string out_dir;
std::string signin_format = "eventhub";
bool list = false;
bool quiet = false;

void setup(CLI::App& app) {
  app.add_option("--scenario,-s", opts.scenario, "scenario to generate (see --list)")->type_name("NAME");
  app.add_option("--out,-o", out_dir, "directory to write signins, audit.json, tickets.csv, health.json, EXPECTED.json")
      ->type_name("DIR");
  app.add_option("--users,-u", opts.users, "users in the tenant (about 20 sign-ins each); default 1000")
      ->type_name("N");
  app.add_option("--seed", opts.seed, "random seed; same arguments give the same bytes; default 1")->type_name("S");
  app.add_option("--date", opts.date, "UTC day to generate; default 2026-06-01")->type_name("YYYY-MM-DD");
  app.add_option("--signin-format,--format", signin_format,
                 "sign-in export shape: eventhub (JSON lines) or graph ({\"value\":[…]}); default eventhub")
      ->type_name("FMT");
  app.add_flag("--list", list, "list the scenarios");
  app.add_flag("--quiet,-q", quiet, "no summary on stderr");
}

int run() {
  if (list) {
    std::string text;
    for (const auto& s : synth::all_scenarios()) {
      text += s.name;
      text.append(s.name.size() < 22 ? 22 - s.name.size() : 1, ' ');
      text += s.summary;
      text += '\n';
    }
    std::fwrite(text.data(), 1, text.size(), stdout);
    return kExitOk;
  }
  if (out_dir.empty()) throw UsageError("synth: --out DIR is required (or --list)");
  if (signin_format == "eventhub")
    opts.signin_shape = synth::SigninShape::eventhub;
  else if (signin_format == "graph")
    opts.signin_shape = synth::SigninShape::graph;
  else
    throw UsageError("--signin-format: expected eventhub or graph, got '" + signin_format + "'");

  auto out = synth::generate(opts);
  if (!out) throw UsageError(out.error().message);
  auto written = synth::write_output(*out, out_dir);
  if (!written) {
    std::fprintf(stderr, "idtriage: %s\n", written.error().message.c_str());
    return kExitInput;
  }
  if (!quiet) {
    std::string msg = "synth: " + opts.scenario + " (users " + std::to_string(opts.users) + ", seed " +
                      std::to_string(opts.seed) + ", " + opts.date + ") -> " + out_dir + "\n";
    for (const auto& f : out->files) {
      msg += "  " + f.name;
      msg.append(f.name.size() < 16 ? 16 - f.name.size() : 1, ' ');
      if (f.kind != "expected") msg += std::to_string(f.records) + " records, ";
      msg += std::to_string(f.content.size()) + " bytes\n";
    }
    std::fwrite(msg.data(), 1, msg.size(), stderr);
  }
  return kExitOk;
}

}  // namespace

extern const Command kSynth{"synth", "generate a realistic, deterministic day of inputs for a scenario (drills, tests)",
                            setup, run};

}  // namespace idt::cmd
