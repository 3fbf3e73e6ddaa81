// Why: end to end, the way a user runs it: `synth` writes a scenario's real
// export files, the triage chain (run_triage, the same call the CLI makes)
// reads them back by content, and the findings must match EXPECTED.json —
// kinds, causes, windows (within the stated tolerance), severity floor,
// matched health incident ids, root causes, ticket counts, the verdict state
// and date; quiet days stay below medium and are an all-clear. Every bucket
// from 1m to 1h finds what 15m finds, or says the run is incomplete.
#include <catch2/catch.hpp>

#include "correlate/triage.h"
#include "e2e/scenario_check.h"
#include "playbook/attach.h"
#include "synth/scenario.h"

using namespace idt;

namespace {

void expect_ok(const e2e::Verdict& v) {
  for (const auto& p : v.problems) INFO(p);
  for (const auto& p : v.problems) FAIL_CHECK(p);
  CHECK(v.problems.empty());
}

void check(const std::string& scenario, std::uint32_t users, std::uint64_t seed) {
  INFO("scenario " << scenario << ", " << users << " users, seed " << seed);
  e2e::ScenarioRun s = e2e::run_scenario(scenario, users, seed);
  CHECK_FALSE(s.run.input_error);
  for (const auto& in : s.run.inputs) {
    INFO(in.file.summary.path);
    CHECK(in.file.summary.rejected == 0);
    CHECK_FALSE(in.file.summary.fatal);
  }
  expect_ok(e2e::judge(s.run.report, s.spec));
}

}  // namespace

TEST_CASE("quiet day with 100k sign-ins: no finding of severity medium or more", "[e2e]") { check("quiet", 5000, 1); }

TEST_CASE("each scenario yields exactly its findings", "[e2e]") {
  // A small tenant for every scenario; a mid-size one for a few (the offline
  // matrix, bench/triage_matrix.cpp, runs them all at 150/1000/5000 users).
  for (const auto& sc : synth::all_scenarios()) check(std::string(sc.name), 200, 3);
  for (const char* s : {"portal_outage", "ca_policy_break", "lockout_wave", "outage_and_spray", "quiet_machines"})
    check(s, 1000, 4);
}

TEST_CASE("any bucket from 1m to 1h finds what 15m finds, or says the run is incomplete", "[e2e]") {
  for (const char* scenario : {"portal_outage", "ca_policy_break", "lockout_wave", "partial_outage", "quiet"}) {
    e2e::ScenarioRun s = e2e::run_scenario(scenario, 1000, 5);
    for (int minutes : {1, 2, 5, 10, 15, 20, 30, 60}) {
      INFO(scenario << " --bucket " << minutes << "m");
      CorrelateOptions co;
      co.inputs = {true, true, true, true};
      co.files = s.run.inputs;
      co.bucket = minutes * kMinuteMicros;
      TriageReport r = correlate(*s.run.agg, co);
      attach_playbooks(r);
      expect_ok(e2e::judge(r, s.spec, /*allow_incomplete=*/true));
      // Never an all-clear where 15m finds something.
      if (!s.spec.findings.empty()) CHECK(r.state != VerdictState::all_clear);
    }
  }
}
