// Why: `idtriage synth --scenario NAME --out DIR` — writes a deterministic,
// realistic day of inputs (sign-ins, audit, tickets, health) plus
// EXPECTED.json for drills, tests and benchmarks. Thin: lib/synth does it.
#include <fmt/format.h>

#include <cstdio>

#include "commands.h"
#include "common.h"
#include "synth/scenario.h"
#include "synth/synth.h"
#include "util/safe_text.h"

namespace idt::cmd {
namespace {

synth::SynthOptions opts;
std::string out_dir;
std::string signin_format = "eventhub";
bool list = false;
bool quiet = false;

void setup(CLI::App& app) {
  Choices scenarios;
  for (const auto& s : synth::all_scenarios()) scenarios.values.emplace_back(s.name);
  scenarios.list_in_help = false;
  add_choice(app, "--scenario,-s", opts.scenario, std::move(scenarios), "scenario to generate (see --list)", "NAME");
  app.add_option("--out,-o", out_dir, "directory to write signins, audit.json, tickets.csv, health.json, EXPECTED.json")
      ->type_name("DIR");
  app.add_option("--users,-u", opts.users, "users in the tenant (about 20 sign-ins each); default 1000")
      ->type_name("N");
  app.add_option("--seed", opts.seed, "random seed; same arguments give the same bytes; default 1")->type_name("S");
  app.add_option("--date", opts.date, "UTC day to generate; default 2026-06-01")->type_name("YYYY-MM-DD");
  add_choice(app, "--signin-format,--format", signin_format, {{"eventhub", "graph"}},
             "sign-in export shape: eventhub (JSON lines) or graph ({\"value\":[…]}); default eventhub", "FMT");
  app.add_flag("--list", list, "list the scenarios");
  app.add_flag("--quiet,-q", quiet, "no summary on stderr");
}

int run() {
  if (list) {
    std::string text;
    for (const auto& s : synth::all_scenarios()) text += fmt::format("{:<21} {}\n", s.name, s.summary);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return kExitOk;
  }
  if (out_dir.empty()) throw UsageError("synth: --out DIR is required (or --list)");
  opts.signin_shape = signin_format == "graph" ? synth::SigninShape::graph : synth::SigninShape::eventhub;

  auto out = synth::generate(opts);
  if (!out) throw UsageError(out.error().message);
  auto written = synth::write_output(*out, out_dir);
  if (!written) {
    print_error("cannot write " + written.error().message);
    return kExitOutput;
  }
  if (!quiet) {
    std::string msg = fmt::format("synth: {} (users {}, seed {}, {}) -> {}\n", opts.scenario, opts.users, opts.seed,
                                  opts.date, terminal_safe(out_dir));
    for (const auto& f : out->files) {
      msg += fmt::format("  {:<15} ", f.name);
      if (f.kind != "expected") msg += fmt::format("{} records, ", f.records);
      msg += fmt::format("{} bytes\n", f.content.size());
    }
    std::fwrite(msg.data(), 1, msg.size(), stderr);
  }
  return kExitOk;
}

}  // namespace

extern const Command kSynth{"synth", "generate a realistic, deterministic day of inputs for a scenario (drills, tests)",
                            setup, run};

}  // namespace idt::cmd
