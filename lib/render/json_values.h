// Why: every JSON renderer writes times the same way: RFC 3339 UTC, or null
// for a record or report without one; optional strings and top-N lists likewise.
#pragma once
#include <string_view>
#include <vector>

#include "correlate/finding.h"
#include "util/json_writer.h"
#include "util/time.h"

namespace idt {

inline void time_or_null(JsonWriter& w, Micros t) {
  if (t == kNoTime)
    w.null();
  else
    w.value(format_rfc3339(t));
}

// [{"<key_name>":…,"count":n},…] for a top-N list.
inline void count_items_json(JsonWriter& w, std::string_view key_name, const std::vector<CountItem>& items) {
  w.begin_array();
  for (const auto& i : items) {
    w.begin_object();
    w.kv(key_name, i.key);
    w.kv("count", i.count);
    w.end_object();
  }
  w.end_array();
}

// A string, or null when it is empty (ids, subjects, playbooks that may be absent).
inline void string_or_null(JsonWriter& w, std::string_view s) {
  if (s.empty())
    w.null();
  else
    w.value(s);
}

}  // namespace idt
