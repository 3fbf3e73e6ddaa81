// Why: bounded memory on multi-GB Graph dumps. Instead of indexing a whole
// document, a light scanner finds record boundaries (array elements inside
// `{"value":[…]}` / `{"records":[…]}` wrappers, bare or concatenated arrays,
// JSON lines, concatenated objects) and simdjson then parses one record at a
// time. Inner syntax is left to simdjson; the scanner only tracks strings and
// nesting, so it is one pass with no allocation.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace idt {

struct JsonRecordRange {
  std::size_t begin = 0, end = 0;  // byte range of one record object in the text
  std::uint64_t line = 1;          // 1-based line where it starts
  std::uint64_t index = 0;         // 0-based record index
};

enum class JsonLayout { unknown, json_lines, wrapped_array, bare_array };
std::string_view layout_name(JsonLayout l);

class JsonSplitter {
 public:
  explicit JsonSplitter(std::string_view text, bool json_lines = false);
  // Next record; false at end or on a structural error (see error()).
  bool next(JsonRecordRange& out);
  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }  // with line:column
  JsonLayout layout() const { return layout_; }
  std::uint64_t line_at(std::size_t offset) const;     // 1-based, from the start of text

 private:
  enum class State { top, in_wrapper_object, in_array };
  bool skip_ws();
  bool skip_string();            // pos_ at opening quote; leaves pos_ after closing quote
  bool skip_value();             // any JSON value, nested
  bool read_key(std::string_view& key);
  bool fail(std::string msg);
  bool enter_top_value(JsonRecordRange& out, bool& produced);
  bool continue_wrapper(JsonRecordRange& out, bool& produced);
  bool continue_array(JsonRecordRange& out, bool& produced);
  bool next_line(JsonRecordRange& out);
  bool looks_like_json_lines(std::size_t from) const;

  std::string_view t_;
  std::size_t pos_ = 0;
  std::uint64_t line_ = 1;
  std::size_t line_start_ = 0;
  std::uint64_t index_ = 0;
  State state_ = State::top;
  bool array_in_wrapper_ = false;
  bool array_first_ = true;
  bool wrapper_had_records_ = false;
  std::size_t wrapper_begin_ = 0;
  std::uint64_t wrapper_line_ = 1;
  std::size_t top_values_ = 0;
  JsonLayout layout_ = JsonLayout::unknown;
  bool line_mode_ = false;  // JSON lines proven: split on newlines (fast, and a bad line stays one record)
  std::string error_;
};

}  // namespace idt
