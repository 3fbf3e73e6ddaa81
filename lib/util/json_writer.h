// Why: JSON output is a contract; one tiny writer escapes every string the
// same way and never produces invalid UTF-8 or unescaped controls.
#pragma once
#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace idt {

void append_json_string(std::string& out, std::string_view s);

// Minimal streaming writer: the caller keeps the structure right; the writer
// places commas.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}
  JsonWriter& begin_object() {
    sep();
    out_ += '{';
    first_ = true;
    return *this;
  }
  JsonWriter& end_object() {
    out_ += '}';
    first_ = false;
    return *this;
  }
  JsonWriter& begin_array() {
    sep();
    out_ += '[';
    first_ = true;
    return *this;
  }
  JsonWriter& end_array() {
    out_ += ']';
    first_ = false;
    return *this;
  }
  JsonWriter& key(std::string_view k) {
    sep();
    append_json_string(out_, k);
    out_ += ':';
    first_ = true;
    return *this;
  }
  JsonWriter& value(std::string_view s) {
    sep();
    append_json_string(out_, s);
    return *this;
  }
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(std::int64_t v) {
    sep();
    fmt::format_int s(v);
    out_.append(s.data(), s.size());
    return *this;
  }
  JsonWriter& value(std::uint64_t v) {
    sep();
    fmt::format_int s(v);
    out_.append(s.data(), s.size());
    return *this;
  }
  JsonWriter& value(int v) { return value(static_cast<std::int64_t>(v)); }
  JsonWriter& value(double v);
  JsonWriter& value(bool b) {
    sep();
    out_ += b ? "true" : "false";
    return *this;
  }
  JsonWriter& null() {
    sep();
    out_ += "null";
    return *this;
  }
  // An already-encoded JSON value (a number or literal the caller produced).
  JsonWriter& raw(std::string_view json) {
    sep();
    out_ += json;
    return *this;
  }
  // Closes the top-level object and ends the line: one JSON document per report.
  void end_document() {
    out_ += "}\n";
    first_ = false;
  }
  template <class T>
  JsonWriter& kv(std::string_view k, const T& v) {
    key(k);
    return value(v);
  }

 private:
  void sep() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  std::string& out_;
  bool first_ = true;
};

}  // namespace idt
