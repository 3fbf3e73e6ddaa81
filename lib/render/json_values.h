// Why: the pieces every JSON renderer writes the same way: times (RFC 3339
// UTC, or null for a record or report without one), optional strings, lists
// of strings and top-N lists, per-class counts (every class, zeros included),
// the hourly block that sign-ins, audit and tickets share, and the end of a
// report (its exit code, the closing brace and the newline).
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <span>
#include <string>
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

// "key":"2026-06-01T07:00:00Z", or "key":null.
inline void time_kv(JsonWriter& w, std::string_view key, Micros t) {
  w.key(key);
  time_or_null(w, t);
}

// "key":["…",…] (notes, warnings, do-not lists, ids): any range of strings.
template <class Strings>
void strings_json(JsonWriter& w, std::string_view key, const Strings& items) {
  w.key(key).begin_array();
  for (const auto& s : items) w.value(s);
  w.end_array();
}

// The end of a report: "exit_code":N, the closing brace and the newline.
inline void end_report_json(JsonWriter& w, int exit_code) {
  w.kv("exit_code", exit_code);
  w.end_document();
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
inline void string_or_null_kv(JsonWriter& w, std::string_view key, std::string_view s) {
  w.key(key);
  string_or_null(w, s);
}

// "start":…,"end":… inside an object (a wave's, a health issue's).
inline void start_end_kv(JsonWriter& w, Micros start, Micros end) {
  time_kv(w, "start", start);
  time_kv(w, "end", end);
}

// {"start":…,"end":…}
inline void window_json(JsonWriter& w, Micros start, Micros end) {
  w.begin_object();
  start_end_kv(w, start, end);
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
