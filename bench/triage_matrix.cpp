// Why: the offline matrix — every synth scenario × seeds × tenant sizes
// (150 / 1000 / 5000 users by default) through run_triage, judged like the
// end-to-end tests, with the window errors summarised. Too slow for CI; run
// it after changing a detector: `cmake --build build --target triage_matrix
// && build/triage_matrix [--seeds N] [--users 150,1000,5000] [--buckets]
// [SCENARIO…]`. --buckets also re-correlates every run with buckets from 1m
// to 1h: each must find what 15m finds, or say the run is incomplete.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "correlate/triage.h"
#include "e2e/scenario_check.h"
#include "playbook/attach.h"
#include "synth/scenario.h"

using namespace idt;

int main(int argc, char** argv) {
  std::vector<std::uint32_t> sizes = {150, 1000, 5000};
  int seeds = 3;
  bool buckets = false;
  std::vector<std::string> only;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--seeds" && i + 1 < argc) {
      seeds = std::atoi(argv[++i]);
    } else if (a == "--buckets") {
      buckets = true;
    } else if (a == "--users" && i + 1 < argc) {
      sizes.clear();
      for (std::string v = argv[++i]; !v.empty();) {
        std::size_t c = v.find(',');
        sizes.push_back(static_cast<std::uint32_t>(std::stoul(v.substr(0, c))));
        v = c == std::string::npos ? "" : v.substr(c + 1);
      }
    } else {
      only.push_back(a);
    }
  }
  int runs = 0, bad = 0, bucket_runs = 0, bucket_bad = 0, bucket_incomplete = 0;
  double worst = 0, sum_abs = 0;
  std::size_t windows = 0;
  fmt::print("{:<24} {:>6} {:>4}  {:<6} {}\n", "scenario", "users", "seed", "result", "window error start/end (min)");
  for (const auto& sc : synth::all_scenarios()) {
    std::string name(sc.name);
    if (!only.empty() && std::find(only.begin(), only.end(), name) == only.end()) continue;
    for (std::uint32_t users : sizes)
      for (int seed = 1; seed <= seeds; ++seed) {
        e2e::ScenarioRun s = e2e::run_scenario(name, users, static_cast<std::uint64_t>(seed));
        e2e::Verdict v = e2e::judge(s.run.report, s.spec);
        ++runs;
        std::string errs;
        for (auto [a, b] : v.window_errors) {
          errs += fmt::format(" {:+.0f}/{:+.0f}", a, b);
          worst = std::max({worst, std::fabs(a), std::fabs(b)});
          sum_abs += std::fabs(a) + std::fabs(b);
          windows += 2;
        }
        fmt::print("{:<24} {:>6} {:>4}  {:<6}{}\n", name, users, seed, v.problems.empty() ? "ok" : "FAIL", errs);
        for (const auto& p : v.problems) fmt::print("    {}\n", p);
        bad += !v.problems.empty();
        if (buckets)
          for (int minutes : {1, 2, 5, 10, 20, 30, 60}) {
            CorrelateOptions co;
            co.inputs = {true, true, true, true};
            co.breakglass_requested = !s.spec.breakglass.empty();
            co.files = s.run.inputs;
            co.bucket = minutes * kMinuteMicros;
            TriageReport r = correlate(*s.run.agg, co);
            attach_playbooks(r);
            e2e::Verdict bv = e2e::judge(r, s.spec, /*allow_incomplete=*/true);
            ++bucket_runs;
            if (r.state == VerdictState::incomplete) ++bucket_incomplete;
            if (!s.spec.findings.empty() && r.state == VerdictState::all_clear)
              bv.problems.push_back(fmt::format("{}: an all-clear with --bucket {}m", name, minutes));
            for (const auto& p : bv.problems) fmt::print("    --bucket {}m: {}\n", minutes, p);
            bucket_bad += !bv.problems.empty();
          }
        std::fflush(stdout);
      }
  }
  fmt::print("\n{} runs, {} with problems; window edges: worst {:.0f} min, mean {:.1f} min over {} edges\n", runs, bad,
             worst, windows ? sum_abs / static_cast<double>(windows) : 0.0, windows);
  if (buckets)
    fmt::print("buckets 1m–1h: {} re-correlations, {} with problems, {} incomplete (said why)\n", bucket_runs,
               bucket_bad, bucket_incomplete);
  return bad == 0 && bucket_bad == 0 ? 0 : 1;
}
