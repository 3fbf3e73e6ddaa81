// Why: CSV exports of sign-in and audit logs (Log Analytics / Sentinel
// "Export to CSV" and the Entra portal "Download CSV") are read by column
// NAME through the log field table, so reordered, renamed, duplicated or
// missing columns do not matter.
#pragma once
#include "formats/format.h"

namespace idt {

const Format& loganalytics_csv_format();
const Format& portal_csv_format();

}  // namespace idt
