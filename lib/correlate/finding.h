// Why: the report model of `triage`: findings with evidence, a verdict and
// what could not be decided. Renderers draw it; nothing here formats text
// beyond the one-line summaries, which are part of the JSON contract.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "correlate/finding_kind.h"
#include "util/time.h"

namespace idt {

struct CountItem {
  std::string key;
  std::uint64_t count = 0;
};

struct Evidence {
  std::vector<std::pair<std::string, std::int64_t>> counts;  // named numbers, in display order
  std::vector<std::pair<std::string, double>> rates;         // named ratios (0..1)
  std::vector<std::string> lines;                            // human evidence lines (baselines included)
  std::vector<CountItem> top_codes, top_apps, top_ips, top_users;
  std::vector<std::string> health_incidents;  // matched identity health issue ids
  std::vector<std::string> ticket_ids;        // sample
  std::uint64_t tickets = 0;
  std::uint64_t users = 0;
};

struct Finding {
  std::string id;  // F1, F2… in report order
  FindingKind kind = FindingKind::provider_portal_outage;
  Severity severity = Severity::info;
  double confidence = 0.5;
  Cause cause = Cause::unknown;
  bool suspected = false;  // provider cause inferred without a matching health issue
  Micros start = kNoTime, end = kNoTime;
  std::string summary;
  Evidence evidence;
  std::string playbook;  // playbook id (= kind name)
  std::vector<std::string> actions;
  std::vector<std::string> do_not;
};

struct TriageReport {
  Micros window_start = kNoTime, window_end = kNoTime;
  std::vector<Finding> findings;       // most severe first
  std::vector<std::string> undecided;  // what could not be decided (missing inputs, undated records…)
  std::string verdict;                 // one line
  std::string verdict_detail;          // do / do-not line
};

}  // namespace idt
