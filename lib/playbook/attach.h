// Why: the playbook stage of the flow: each finding gets the steps and the
// do-not list of its playbook (data in playbooks/), so correlation code
// never carries advice text of its own.
#pragma once
#include "correlate/finding.h"

namespace idt {

void attach_playbooks(TriageReport& report);

}  // namespace idt
