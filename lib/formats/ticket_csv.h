// Why: help-desk ticket exports (ServiceNow, Jira, GLPI, Freshdesk, Freshservice,
// Zendesk, osTicket, generic) are CSVs with no common schema; this format finds
// the columns by name, reads the dates as the export's locale wrote them, and
// emits one Ticket per row.
#pragma once
#include "formats/format.h"

namespace idt {

// The "ticket-csv" format (kind: ticket). Notes in the FileSummary say which
// column was used for each role ("role id=number"), the flavour
// ("flavour servicenow"), the delimiter and how the date order was decided.
const Format& ticket_csv_format();

}  // namespace idt
