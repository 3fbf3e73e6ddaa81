// Why: the pieces every JSON renderer writes the same way: times (RFC 3339
// UTC, or null for a record or report without one), per-class counts (every
// class, zeros included) and the hourly block that sign-ins, audit and
// tickets share.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <span>
#include <string_view>

#include "util/json_writer.h"
#include "util/time.h"

namespace idt {

inline void time_or_null(JsonWriter& w, Micros t) {
  if (t == kNoTime)
    w.null();
  else
    w.value(format_rfc3339(t));
}

// {"start":…,"end":…}
inline void window_json(JsonWriter& w, Micros start, Micros end) {
  w.begin_object();
  w.key("start");
  time_or_null(w, start);
  w.key("end");
  time_or_null(w, end);
  w.end_object();
}

// {"class":count,…} for every name, zeros included, so the values sum to the total.
template <class Counts>
void class_counts_json(JsonWriter& w, std::span<const std::string_view> names, const Counts& counts) {
  w.begin_object();
  for (std::size_t i = 0; i < names.size() && i < counts.size(); ++i)
    w.kv(names[i], static_cast<std::uint64_t>(counts[i]));
  w.end_object();
}

// One element of an hourly array: {"hour":…,"total":…,"by_class":{…}} with
// the classes that occurred; no "by_class" when `names` is empty.
inline void hour_json(JsonWriter& w, Micros hour, std::span<const std::uint64_t> counts,
                      std::span<const std::string_view> names) {
  w.begin_object();
  w.key("hour");
  time_or_null(w, hour);
  std::uint64_t total = 0;
  for (auto v : counts) total += v;
  w.kv("total", total);
  if (!names.empty()) {
    w.key("by_class").begin_object();
    for (std::size_t i = 0; i < counts.size() && i < names.size(); ++i)
      if (counts[i]) w.kv(names[i], counts[i]);
    w.end_object();
  }
  w.end_object();
}

// The whole hourly array, in time order.
template <std::size_t N>
void hourly_json(JsonWriter& w, const std::map<Micros, std::array<std::uint64_t, N>>& by_hour,
                 std::span<const std::string_view> names) {
  w.begin_array();
  for (const auto& [hour, counts] : by_hour) hour_json(w, hour, counts, names);
  w.end_array();
}

}  // namespace idt
