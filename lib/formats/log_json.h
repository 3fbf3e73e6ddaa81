// Why: the JSON shapes of Entra sign-in and audit logs (Graph, Event Hub /
// diagnostic settings, Log Analytics) share one reader; they differ only in
// how they are recognised.
#pragma once
#include "formats/format.h"

namespace idt {

const Format& graph_json_format();
const Format& eventhub_json_format();
const Format& loganalytics_json_format();

// Exposed for tests: where the first ",]" / ",}" (outside strings) is, or npos.
std::size_t find_trailing_comma(std::string_view json);

}  // namespace idt
