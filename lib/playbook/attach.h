// Why: the playbook stage of the flow: each finding gets the steps, the
// do-not list and the user message of its playbook (data in playbooks/),
// filled from the finding so no literal {placeholder} reaches a report, and
// the run's verdict gets the wording of its main finding's playbook; so
// correlation code never carries advice text of its own.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "correlate/finding.h"

namespace idt {

// `settings` (--set name=value: org, helpdesk, next_update…) fill what the
// finding does not.
void attach_playbooks(TriageReport& report, const std::vector<std::pair<std::string, std::string>>& settings = {});

}  // namespace idt
