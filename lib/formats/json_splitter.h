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
  // A slice of one large document split across threads: the text starts at
  // a record inside a records array (of a wrapper object when `in_wrapper`).
  JsonSplitter(std::string_view text, JsonLayout layout, bool in_wrapper);
  // The text was cut right after the "," that follows a record (every slice
  // of a split document but the last): reaching the end there is a clean
  // end, reported by ended_between_records(); any other end is an error.
  void cut_between_records() { cut_ = true; }
  bool ended_between_records() const { return ended_between_; }
  // Next record; false at end or on a structural error (see error()).
  bool next(JsonRecordRange& out);
  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }  // with line:column
  JsonLayout layout() const { return layout_; }
  // Where the last record came from: the records array of a wrapper object
  // ({"value":[…]}, {"records":[…]}) or a bare array.
  bool in_records_array() const { return state_ == State::in_array; }
  bool array_in_wrapper() const { return array_in_wrapper_; }
  std::uint64_t line_at(std::size_t offset) const;  // 1-based, from the start of text

 private:
  enum class State { top, in_wrapper_object, in_array };
  bool skip_ws();
  bool skip_string();  // pos_ at opening quote; leaves pos_ after closing quote
  bool skip_value();   // any JSON value, nested
  void see_newlines(std::uint64_t newlines, std::size_t block_at);  // bitmask of one 64-byte block
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
  bool cut_ = false, ended_between_ = false;
  std::string error_;
};

// Splitting one large JSON document across threads. The first record tells
// how records start: its first two keys, and its column when the document
// is pretty-printed. A later '{' that follows "}," and starts the same way
// is a candidate record boundary. A candidate is a guess: the slice before
// it must end exactly there (ended_between_records), else the caller reads
// the file again in one piece.
struct RecordShape {
  bool ok = false;  // the text is a document of records in an array (not JSON lines)
  JsonLayout layout = JsonLayout::unknown;
  bool in_wrapper = false;
  std::string key1, key2;                  // raw key text; key2 empty when the first value is nested
  std::size_t column = std::string::npos;  // pretty-printed: column of each record's '{'
};
RecordShape learn_record_shape(std::string_view text);
// First candidate boundary in [from, limit), or npos.
std::size_t find_record_start(std::string_view text, std::size_t from, std::size_t limit, const RecordShape& shape);

}  // namespace idt
