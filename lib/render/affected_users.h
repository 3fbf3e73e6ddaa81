// Why: `triage --affected-users FILE`: every user each finding concerns, as
// CSV, so the playbook's "attach to the master incident" and "follow up
// after recovery" steps can be done from one list (docs/triage-json.md).
#pragma once
#include <string>

#include "correlate/finding.h"

namespace idt {

// Header "finding,kind,upn,first,last,classes,ticket_ids"; one row per
// finding and user, in report order; classes joined by ';', ticket ids by
// ' '; every field made safe for a spreadsheet.
void render_affected_users_csv(std::string& out, const TriageReport& report);

}  // namespace idt
