// Why: every JSON renderer writes times the same way: RFC 3339 UTC, or null
// for a record or report without one.
#pragma once
#include "util/json_writer.h"
#include "util/time.h"

namespace idt {

inline void time_or_null(JsonWriter& w, Micros t) {
  if (t == kNoTime)
    w.null();
  else
    w.value(format_rfc3339(t));
}

}  // namespace idt
