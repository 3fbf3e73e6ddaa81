// Why: the sniffing chain, in one place. Adding a format = one line here.
#include <vector>

#include "formats/format.h"
#include "formats/health_json.h"
#include "formats/log_csv.h"
#include "formats/log_json.h"
#include "formats/ticket_csv.h"

namespace idt {

const std::vector<const Format*>& all_formats() {
  static const std::vector<const Format*> formats = {
      &graph_json_format(),      &eventhub_json_format(), &loganalytics_json_format(),   &loganalytics_csv_format(),
      &portal_csv_format(),      &graph_health_format(),  &servicecomms_health_format(), &azure_alert_health_format(),
      &resource_health_format(), &ticket_csv_format(),
  };
  return formats;
}

}  // namespace idt
