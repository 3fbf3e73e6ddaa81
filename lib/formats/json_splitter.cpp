// Why: see json_splitter.h.
#include "formats/json_splitter.h"

#include <algorithm>
#include <cstring>

namespace idt {
namespace {

enum : unsigned char { kBoring = 0, kQuote = 1, kOpen = 2, kClose = 3, kNewline = 4 };

struct ClassTable {
  unsigned char c[256];
  constexpr ClassTable() : c{} {
    c[static_cast<unsigned char>('"')] = kQuote;
    c[static_cast<unsigned char>('{')] = kOpen;
    c[static_cast<unsigned char>('[')] = kOpen;
    c[static_cast<unsigned char>('}')] = kClose;
    c[static_cast<unsigned char>(']')] = kClose;
    c[static_cast<unsigned char>('\n')] = kNewline;
  }
};
constexpr ClassTable kTable;

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_bom(std::string_view t, std::size_t at) { return t.substr(at < t.size() ? at : t.size(), 3) == "\xEF\xBB\xBF"; }

}  // namespace

std::string_view layout_name(JsonLayout l) {
  switch (l) {
    case JsonLayout::json_lines: return "json-lines";
    case JsonLayout::wrapped_array: return "wrapped-array";
    case JsonLayout::bare_array: return "array";
    case JsonLayout::unknown: return "unknown";
  }
  return "unknown";
}

JsonSplitter::JsonSplitter(std::string_view text, bool json_lines) : t_(text) {
  if (json_lines) {
    line_mode_ = true;
    layout_ = JsonLayout::json_lines;
  }
}

std::uint64_t JsonSplitter::line_at(std::size_t offset) const {
  std::uint64_t line = 1;
  const char* p = t_.data();
  const char* e = t_.data() + (offset < t_.size() ? offset : t_.size());
  while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(e - p))))) {
    ++line;
    ++p;
  }
  return line;
}

bool JsonSplitter::fail(std::string msg) {
  std::size_t col = pos_ - line_start_ + 1;
  error_ = "line " + std::to_string(line_) + ", column " + std::to_string(col) + " (byte " +
           std::to_string(pos_) + "): " + msg;
  return false;
}

bool JsonSplitter::skip_ws() {
  while (pos_ < t_.size() && is_ws(t_[pos_])) {
    if (t_[pos_] == '\n') { ++line_; line_start_ = pos_ + 1; }
    ++pos_;
  }
  return pos_ < t_.size();
}

bool JsonSplitter::skip_string() {
  // Strings in logs are short: a plain loop beats a memchr call per string.
  // Escapes are skipped pairwise, so \" never ends the string.
  const char* base = t_.data();
  std::size_t n = t_.size();
  std::size_t p = pos_ + 1;
  for (;;) {
    while (p < n && base[p] != '"' && base[p] != '\\') ++p;
    if (p >= n) {
      pos_ = n;
      return fail("unterminated string (file truncated?)");
    }
    if (base[p] == '\\') {
      p += 2;
      continue;
    }
    break;
  }
  pos_ = p + 1;
  return true;
}

bool JsonSplitter::skip_value() {
  const char* base = t_.data();
  std::size_t n = t_.size();
  char c = base[pos_];
  if (c == '"') return skip_string();
  if (c != '{' && c != '[') {
    while (pos_ < n && !is_ws(base[pos_]) && base[pos_] != ',' && base[pos_] != '}' && base[pos_] != ']') ++pos_;
    return true;
  }
  std::size_t depth = 0;
  std::size_t p = pos_;
  while (p < n) {
    while (p < n && kTable.c[static_cast<unsigned char>(base[p])] == kBoring) ++p;
    if (p >= n) break;
    switch (kTable.c[static_cast<unsigned char>(base[p])]) {
      case kQuote:
        pos_ = p;
        if (!skip_string()) return false;
        p = pos_;
        continue;
      case kOpen: ++depth; break;
      case kClose:
        if (depth == 0) { pos_ = p; return fail("unbalanced closing bracket"); }
        if (--depth == 0) { pos_ = p + 1; return true; }
        break;
      case kNewline: ++line_; line_start_ = p + 1; break;
    }
    ++p;
  }
  pos_ = n;
  return fail("unexpected end of input inside a record (file truncated?)");
}

bool JsonSplitter::read_key(std::string_view& key) {
  if (t_[pos_] != '"') return fail(std::string("expected a key string, found '") + t_[pos_] + "'");
  std::size_t b = pos_ + 1;
  if (!skip_string()) return false;
  key = t_.substr(b, pos_ - 1 - b);
  if (!skip_ws()) return fail("unexpected end of input after a key");
  if (t_[pos_] != ':') return fail("expected ':' after a key");
  ++pos_;
  if (!skip_ws()) return fail("unexpected end of input after ':'");
  return true;
}

// At top level: a record object, a wrapper object, or an array of records.
bool JsonSplitter::enter_top_value(JsonRecordRange& out, bool& produced) {
  ++top_values_;
  char c = t_[pos_];
  if (c == '[') {
    if (layout_ == JsonLayout::unknown) layout_ = JsonLayout::bare_array;
    ++pos_;
    state_ = State::in_array;
    array_in_wrapper_ = false;
    array_first_ = true;
    return true;
  }
  if (c != '{') return fail(std::string("expected '{' or '[' at top level, found '") + c + "'");
  std::size_t begin = pos_;
  std::uint64_t line = line_;
  // Look at the object's keys: a "value"/"records" array makes it a wrapper.
  ++pos_;
  if (!skip_ws()) return fail("unexpected end of input in an object (file truncated?)");
  if (t_[pos_] == '}') {  // {} : an empty record
    ++pos_;
    out = {begin, pos_, line, index_++};
    produced = true;
    return true;
  }
  for (;;) {
    std::string_view key;
    if (!read_key(key)) return false;
    if ((key == "value" || key == "records" || key == "Records") && t_[pos_] == '[') {
      layout_ = JsonLayout::wrapped_array;
      wrapper_begin_ = begin;
      wrapper_line_ = line;
      ++pos_;
      state_ = State::in_array;
      array_in_wrapper_ = true;
      array_first_ = true;
      return true;
    }
    if (!skip_value()) return false;
    if (!skip_ws()) return fail("unexpected end of input in an object (file truncated?)");
    if (t_[pos_] == ',') {
      ++pos_;
      if (!skip_ws()) return fail("unexpected end of input in an object (file truncated?)");
      continue;
    }
    if (t_[pos_] == '}') {
      ++pos_;
      if (layout_ == JsonLayout::unknown) layout_ = JsonLayout::json_lines;
      if (layout_ == JsonLayout::json_lines && index_ == 0 && line == line_) {
        // The first record sat on one line: if nothing else follows on that
        // line, treat the rest as JSON lines.
        std::size_t q = pos_;
        while (q < t_.size() && (t_[q] == ' ' || t_[q] == '\t' || t_[q] == '\r')) ++q;
        line_mode_ = q >= t_.size() || t_[q] == '\n';
      }
      out = {begin, pos_, line, index_++};
      produced = true;
      return true;
    }
    return fail(std::string("expected ',' or '}' in an object, found '") + t_[pos_] + "'");
  }
}

bool JsonSplitter::continue_array(JsonRecordRange& out, bool& produced) {
  if (!skip_ws()) return fail("unexpected end of input in an array (file truncated?)");
  if (t_[pos_] == ']') {
    ++pos_;
    state_ = array_in_wrapper_ ? State::in_wrapper_object : State::top;
    return true;
  }
  if (!array_first_) {
    if (t_[pos_] != ',') return fail(std::string("expected ',' or ']' between records, found '") + t_[pos_] + "'");
    ++pos_;
    if (!skip_ws()) return fail("unexpected end of input in an array (file truncated?)");
    if (t_[pos_] == ']') return fail("trailing comma before ']'");
  }
  array_first_ = false;
  std::size_t begin = pos_;
  std::uint64_t line = line_;
  if (!skip_value()) return false;
  out = {begin, pos_, line, index_++};
  produced = true;
  return true;
}

bool JsonSplitter::continue_wrapper(JsonRecordRange&, bool&) {
  // After the records array: remaining keys (e.g. @odata.nextLink) then '}'.
  for (;;) {
    if (!skip_ws()) return fail("unexpected end of input in an object (file truncated?)");
    if (t_[pos_] == '}') { ++pos_; state_ = State::top; return true; }
    if (t_[pos_] != ',') return fail(std::string("expected ',' or '}' after the records array, found '") + t_[pos_] + "'");
    ++pos_;
    if (!skip_ws()) return fail("unexpected end of input in an object (file truncated?)");
    std::string_view key;
    if (!read_key(key)) return false;
    if (!skip_value()) return false;
  }
}

bool JsonSplitter::next_line(JsonRecordRange& out) {
  const char* base = t_.data();
  std::size_t n = t_.size();
  for (;;) {
    if (pos_ >= n) return false;
    const void* nl = std::memchr(base + pos_, '\n', n - pos_);
    std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - base) : n;
    std::size_t b = pos_, e = end;
    while (b < e && is_ws(base[b])) ++b;
    if (is_bom(t_, b)) b += 3;  // `cat` of exported files: a BOM starts each one
    while (b < e && is_ws(base[b])) ++b;
    while (e > b && is_ws(base[e - 1])) --e;
    std::uint64_t line = line_;
    pos_ = nl ? end + 1 : n;
    if (nl) { ++line_; line_start_ = pos_; }
    if (b == e) continue;  // blank line
    out = {b, e, line, index_++};
    return true;
  }
}

// A first record that is broken (e.g. cut in half) must not swallow the
// records after it: when the first lines of the text all start with '{' and
// all but at most one end with '}', the text is JSON lines.
bool JsonSplitter::looks_like_json_lines(std::size_t from) const {
  std::size_t lines = 0, closed = 0, p = from;
  const std::size_t limit = std::min(t_.size(), from + (std::size_t{1} << 20));
  while (p < limit && lines < 8) {
    std::size_t e = t_.find('\n', p);
    if (e == std::string_view::npos) e = t_.size();
    std::size_t b = p, z = e;
    while (b < z && is_ws(t_[b])) ++b;
    while (z > b && is_ws(t_[z - 1])) --z;
    p = e + 1;
    if (b == z) continue;
    ++lines;
    if (t_[b] != '{') return false;
    closed += t_[z - 1] == '}';
  }
  return lines >= 2 && closed + 1 >= lines;
}

bool JsonSplitter::next(JsonRecordRange& out) {
  if (failed()) return false;
  if (line_mode_) return next_line(out);
  for (;;) {
    bool produced = false;
    switch (state_) {
      case State::top: {
        if (!skip_ws()) return false;  // clean end
        while (is_bom(t_, pos_)) {  // concatenated files, each with its own BOM
          pos_ += 3;
          if (!skip_ws()) return false;
        }
        const bool first = index_ == 0 && top_values_ == 0;
        const std::size_t start = line_start_;
        const std::uint64_t start_line = line_;
        const bool ok = enter_top_value(out, produced);
        if (first && layout_ != JsonLayout::wrapped_array && layout_ != JsonLayout::bare_array &&
            (!ok || (produced && out.line != line_)) && looks_like_json_lines(start)) {
          // Restart in line mode from the first record's line.
          error_.clear();
          pos_ = start;
          line_ = start_line;
          line_start_ = start;
          index_ = 0;
          layout_ = JsonLayout::json_lines;
          line_mode_ = true;
          return next_line(out);
        }
        if (!ok) return false;
        break;
      }
      case State::in_array:
        if (!continue_array(out, produced)) return false;
        break;
      case State::in_wrapper_object:
        if (!continue_wrapper(out, produced)) return false;
        break;
    }
    if (produced) return true;
  }
}

}  // namespace idt
