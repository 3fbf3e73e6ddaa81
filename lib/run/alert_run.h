// Why: the file side of `triage --state`: read the previous state (a missing,
// unreadable, oversized or damaged file is an empty state with the reason,
// never an error) and save the next one whole or not at all.
#pragma once
#include <optional>
#include <string>

#include "run/triage_run.h"
#include "workflow/alert.h"

namespace idt {

StateLoad load_alert_state(const std::string& path);

// A triage run against the previous state: partial when an input could not
// be read or the run is incomplete (then nothing is declared ended).
AlertReport judge_alerts(const TriageRun& run, const StateLoad& previous, const std::string& path, Severity fail_on,
                         Micros now);
// Before the run: can the state be saved there (the directory exists and is
// writable, the path is not a directory)? nullopt when it can, else
// "PATH: reason".
std::optional<std::string> check_state_writable(const std::string& path);
// nullopt when saved; else "PATH: reason" (the command exits 6).
std::optional<std::string> save_alert_state(const std::string& path, const AlertState& state);

}  // namespace idt
