// Why: `idtriage synth` as library code — a deterministic day of inputs in
// the real export shapes (sign-ins, audit, tickets, health) for one scenario,
// plus EXPECTED.json saying what a triage should find. Same options, same
// bytes, on every platform.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "synth/writers.h"
#include "util/result.h"

namespace idt::synth {

struct SynthOptions {
  std::string scenario = "quiet";
  std::uint32_t users = 1000;
  std::uint64_t seed = 1;
  std::string date = "2026-06-01";  // the UTC day generated
  SigninShape signin_shape = SigninShape::eventhub;
};

struct SynthFile {
  std::string name;  // "signins.jsonl", "audit.json", …
  std::string kind;  // signin / audit / ticket / health / expected / users
  std::string content;
  std::uint64_t records = 0;
};

struct SynthOutput {
  std::vector<SynthFile> files;  // signins, audit, tickets, health, EXPECTED.json, users.csv — in that order
};

// Everything is built in memory (~3.2 KB per sign-in, ~20 sign-ins per user):
// 50,000 users is ~1M sign-ins, ~3.2 GB. For bigger benchmark inputs use
// bench/gen_signins.py, which streams.
inline constexpr std::uint32_t kMinUsers = 50, kMaxUsers = 50'000;

// Validates the options (unknown scenario, bad date, users out of range → Error).
Result<SynthOutput> generate(const SynthOptions& opts);

// Writes every file into `dir` (created if missing). Error names the file.
Result<bool> write_output(const SynthOutput& out, const std::string& dir);

// "YYYY-MM-DD" → UTC midnight.
Result<Micros> parse_day(std::string_view date);

}  // namespace idt::synth
