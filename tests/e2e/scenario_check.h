// Why: one judge of a triage run against a synth scenario's EXPECTED.json,
// shared by the end-to-end tests (modest sizes, in CI) and the offline
// matrix (bench/triage_matrix.cpp: every scenario × seeds × 150/1000/5000
// users): kinds, causes, windows within the tolerance, severity floor,
// health ids, root cause, ticket counts, nothing unexpected at medium or
// above, the verdict state, and no literal placeholder in any output.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "correlate/finding.h"
#include "run/triage_run.h"

namespace idt::e2e {

struct ExpectedFinding {
  std::string kind, cause, min_severity, root_cause_contains;
  Micros start = kNoTime, end = kNoTime, tolerance = 0;
  std::vector<std::string> health;
};

struct ScenarioSpec {
  std::string name;
  std::vector<ExpectedFinding> findings;
  std::vector<std::string> must_not, breakglass;
  std::string max_severity;
  std::uint64_t phishing_tickets = 0;  // every phishing report of the day (outage_phishing must count them all)
  int days = 1;
};

struct ScenarioRun {
  ScenarioSpec spec;
  TriageRun run;
};

// Generates the scenario into a temporary directory, reads it back by
// content exactly as `idtriage triage FILES…` does (with --breakglass when
// the scenario names accounts), and parses EXPECTED.json.
ScenarioRun run_scenario(const std::string& scenario, std::uint32_t users, std::uint64_t seed);

struct Verdict {
  std::vector<std::string> problems;  // empty = as expected
  // Per expected finding found: start and end error in minutes (signed).
  std::vector<std::pair<double, double>> window_errors;
};

// Judges a report (from run_scenario, or re-correlated with another bucket).
// allow_incomplete: a report that is incomplete (with reasons) instead of
// finding everything passes (used for unusual buckets).
Verdict judge(const TriageReport& report, const ScenarioSpec& spec, bool allow_incomplete = false);

}  // namespace idt::e2e
