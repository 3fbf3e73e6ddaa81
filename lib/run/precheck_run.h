// Why: `precheck` as one library call (the CLI and the end-to-end tests run
// the same thing): read the proposed policies, named locations and group
// members, run the triage chain on the logs, measure each policy against the
// sign-ins (a second, parallel read through the same pipeline), decide.
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "formats/users_csv.h"
#include "model/ca_policy.h"
#include "run/triage_run.h"
#include "workflow/precheck.h"

namespace idt {

struct PrecheckInputs {
  TriageInputs triage;  // unlabelled files may also be policies or named locations (detected by content)
  std::vector<std::string> policies, locations;
  std::vector<std::pair<std::string, std::string>> groups;  // group object id, members file
};

struct PrecheckRun {
  TriageRun triage;
  CaPolicySet set;
  std::vector<GroupMembers> groups;
  std::vector<CaPolicyEval> evals;   // one per policy in `set`
  std::vector<PolicyImpact> impact;  // parallel to evals (empty when no sign-ins were read)
  std::map<std::string, std::string> breakglass_ids;
  std::uint64_t impact_duplicates = 0, impact_workload = 0;
  std::vector<std::string> config_files;  // policy / location / group files read, for the inputs list
  std::vector<std::string> warnings;      // reader warnings (skipped items…)
  std::vector<std::string> unreadable;    // "FILE: reason" for every input that could not be read
  PrecheckReport report;
  bool input_error = false;
};

PrecheckRun run_precheck(const PrecheckInputs& in, const RunOptions& ro, const TriageOptions& to,
                         const TicketRules& rules, const PrecheckOptions& po);

}  // namespace idt
