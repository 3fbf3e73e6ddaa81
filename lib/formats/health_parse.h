// Why: the four service-health formats share the mechanics — one simdjson On
// Demand pass over the padded input, field names matched regardless of
// spelling, records built into an arena, positions and errors reported the
// same way. Internal to lib/formats/health_*.cpp.
#pragma once
#include <simdjson.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "formats/format.h"
#include "model/health.h"
#include "util/arena.h"
#include "util/hash.h"

namespace idt::healthjson {

namespace od = simdjson::ondemand;
using simdjson::error_code;

// Field-name hash ignoring ASCII case and '_': "impactStartTime",
// "ImpactStartTime" and "impact_start_time" are one key.
constexpr std::uint64_t key_hash(std::string_view s) { return fnv1a_ci(s, '_'); }
namespace literals {
constexpr std::uint64_t operator""_k(const char* s, std::size_t n) { return key_hash({s, n}); }
}  // namespace literals

// Scalars as text: strings unescaped, numbers and booleans as written, null
// (and objects/arrays, which are left for the iterator to skip) as empty.
error_code scalar_text(od::value& v, std::string_view& out);
bool is_kind(od::value& v, od::json_type t);
// "True"/"true"/true.
bool truthy(std::string_view s);

// Iterates an object's fields: f(key_hash, key, value) -> error_code.
template <class F>
error_code for_each_field(od::value& v, F&& f) {
  od::object obj;
  if (auto e = v.get_object().get(obj)) return e;
  for (auto field : obj) {
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) return e;
    od::value val;
    if (auto e = field.value().get(val)) return e;
    if (auto e = f(key_hash(key), key, val)) return e;
  }
  return simdjson::SUCCESS;
}

// Iterates an array's elements: f(value, index) -> error_code. A value that
// is not an array (null, string…) is treated as empty.
template <class F>
error_code for_each_element(od::value& v, F&& f) {
  if (!is_kind(v, od::json_type::array)) return simdjson::SUCCESS;
  od::array arr;
  if (auto e = v.get_array().get(arr)) return e;
  std::size_t i = 0;
  for (auto el : arr) {
    od::value val;
    if (auto e = el.get(val)) return e;
    if (auto e = f(val, i++)) return e;
  }
  return simdjson::SUCCESS;
}

// Raw fields of one record as the source wrote them (views into the
// parser's string buffer, valid for the whole document).
struct RawIssue {
  std::string_view id, title, service, feature, feature_group, classification, status;
  std::string_view start, end, last_update;
  std::string_view impact;                 // HTML or text
  std::vector<std::string_view> posts;     // HTML or text, in file order
  std::vector<std::string_view> services;  // extra impacted services (joined with `service`)
  std::vector<std::string_view> regions;
  std::string_view latest_post_time;  // max post/update time seen (ISO text)
  Micros latest_post = kNoTime;
  bool synthetic = false;
  HealthSource source = HealthSource::graph_issue;

  void clear();
  void see_post_time(std::string_view t);
};

// A list of post / update objects: each one's `text_key` field is a post and
// its `time_key` field the post's time (Graph posts, ServiceComms Messages,
// Resource Health updates differ only in these names).
error_code parse_post_list(RawIssue& raw, od::value& list, std::uint64_t text_key, std::uint64_t time_key);

// Builds, classifies and delivers records; keeps positions, notes, errors.
class HealthEmitter {
 public:
  HealthEmitter(const Input& in, const ParseOptions& opts, RecordSink& sink, FileSummary& summary,
                std::string_view format);

  std::string_view text() const { return text_; }
  // Marks where the next record starts (a pointer into text(), or null).
  void at(const char* p);
  // Normalises `raw` into a HealthIssue and delivers it, or rejects it.
  void emit(const RawIssue& raw);
  void reject(std::string why);
  bool stopped() const { return stopped_; }
  std::uint64_t offered() const { return record_index_; }

  // File-level failure with the position of `where` (or the end of input).
  void fail(error_code e, const char* where);
  void fatal(std::string msg);
  std::string position_text(std::size_t offset) const;
  void note(std::string n) { summary_.notes.push_back(std::move(n)); }
  // Adds the emitter's own notes (duplicates, unknown vocabularies, …).
  void finish();

 private:
  std::string_view join(const std::vector<std::string_view>& first, std::string_view lead, std::size_t cap);

  std::string_view text_;
  const ParseOptions& opts_;
  RecordSink& sink_;
  FileSummary& summary_;
  Arena arena_;
  HealthIssue issue_;
  std::string joined_, scratch_;
  std::unordered_set<std::uint64_t> seen_text_;
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> unknown_status_, unknown_class_;
  std::uint64_t record_index_ = 0;
  std::uint64_t truncated_text_ = 0;
  SourcePos pos_;
  std::size_t line_off_ = 0;
  std::uint64_t line_ = 1;
  bool stopped_ = false;
};

// Shared driver: rejects empty / non-JSON input with a position, iterates the
// document, calls `body` with the root value, checks for trailing content and
// turns any simdjson error into summary.fatal (records already delivered stay).
void run_document(HealthEmitter& em, const std::function<error_code(od::value&)>& body);

// A compact list for notes: "a, b, c (+4 more)".
std::string list_for_note(const std::vector<std::string>& items, std::size_t cap = 6);

// Sniff helpers.
bool looks_like_log_json(std::string_view head);  // sign-in / audit markers
// When the text looks like a sign-in/audit log, sets a fatal error naming the
// telltale key and its position, and returns true.
bool refuse_log_json(HealthEmitter& em);
// Where a value starts in the input (for record positions), or null.
const char* where(od::value& v);

}  // namespace idt::healthjson
