// Why: see json_splitter.h.
#include "formats/json_splitter.h"

#include "util/byte_masks.h"
#include "util/json_scan.h"

#include <algorithm>
#include <cstring>

namespace idt {
namespace {

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_bom(std::string_view t, std::size_t at) { return t.substr(at < t.size() ? at : t.size(), 3) == "\xEF\xBB\xBF"; }

// The string at `p` (a '"'): false when there is none or it is unterminated;
// else `out` is its raw text and `p` is just after it.
bool string_at(std::string_view t, std::size_t& p, std::string_view& out) {
  if (p >= t.size() || t[p] != '"') return false;
  const std::size_t end = json_string_end(t, p);
  if (end == std::string_view::npos) return false;
  out = t.substr(p + 1, end - p - 2);
  p = end;
  return true;
}

// Whether one line holds whole records ("{…}", or several run together):
// brackets balance (outside strings) and never close more than they
// opened, and the top-level object is not a wrapper whose records array
// ({"value":[…]}, {"records":[…]}) makes it a one-line document. Looks at
// the first 1 MiB of the line.
bool whole_record_line(std::string_view line) {
  if (line.empty() || line.front() != '{' || line.back() != '}') return false;
  const bool cut = line.size() > (std::size_t{1} << 20);
  line = line.substr(0, std::size_t{1} << 20);
  std::size_t depth = 0;
  bool whole = true;
  const std::size_t end = json_scan(line, 0, [&](std::size_t at, std::size_t next) {
    const char c = line[at];
    if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (depth == 0) return !(whole = false);
      --depth;
    } else if (c == '"' && depth == 1) {  // a key of the top object: a records array makes it a wrapper
      const std::string_view key = line.substr(at + 1, next - at - 2);
      std::size_t q = next;
      while (q < line.size() && is_ws(line[q])) ++q;
      if (q >= line.size() || line[q] != ':') return false;
      ++q;
      while (q < line.size() && is_ws(line[q])) ++q;
      if ((key == "value" || key == "records" || key == "Records") && q < line.size() && line[q] == '[')
        return !(whole = false);
    }
    return false;
  });
  if (end == std::string_view::npos) return cut;  // a string runs past the end
  return whole && (depth == 0 || cut);
}

}  // namespace

std::string_view layout_name(JsonLayout l) {
  switch (l) {
    case JsonLayout::json_lines:
      return "json-lines";
    case JsonLayout::wrapped_array:
      return "wrapped-array";
    case JsonLayout::bare_array:
      return "array";
    case JsonLayout::unknown:
      return "unknown";
  }
  return "unknown";
}

JsonSplitter::JsonSplitter(std::string_view text, bool json_lines) : t_(text) {
  if (json_lines) {
    line_mode_ = true;
    layout_ = JsonLayout::json_lines;
  }
}

JsonSplitter::JsonSplitter(std::string_view text, JsonLayout layout, bool in_wrapper) : t_(text) {
  layout_ = layout;
  state_ = State::in_array;
  array_in_wrapper_ = in_wrapper;
  array_first_ = true;
  top_values_ = 1;
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
  error_ = "line " + std::to_string(line_) + ", column " + std::to_string(col) + " (byte " + std::to_string(pos_) +
           "): " + msg;
  return false;
}

bool JsonSplitter::skip_ws() {
  while (pos_ < t_.size() && is_ws(t_[pos_])) {
    if (t_[pos_] == '\n') {
      ++line_;
      line_start_ = pos_ + 1;
    }
    ++pos_;
  }
  return pos_ < t_.size();
}

bool JsonSplitter::skip_string() {
  std::size_t p = pos_;
  std::string_view ignored;
  if (!string_at(t_, p, ignored)) {
    pos_ = t_.size();
    return fail("unterminated string (file truncated?)");
  }
  pos_ = p;
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
  // A container: 64-byte blocks as bitmasks (see util/byte_masks.h). The
  // last, partial block is copied into a zero-filled buffer so the same code
  // runs to the end of the text without reading past it.
  std::size_t depth = 0;
  std::uint64_t in_string = 0;  // all ones while the previous block ended inside a string
  std::uint64_t escape_carry = 0;
  char tail[64];
  for (std::size_t p = pos_; p < n; p += 64) {
    const char* block = base + p;
    if (n - p < 64) {
      std::memset(tail, 0, sizeof tail);
      std::memcpy(tail, block, n - p);
      block = tail;
    }
    const ByteMasks m = byte_masks(block);
    const std::uint64_t escaped = (m.backslash | escape_carry) ? escaped_bytes(m.backslash, escape_carry) : 0;
    const std::uint64_t strings = prefix_xor(m.quote & ~escaped) ^ in_string;
    in_string = static_cast<std::uint64_t>(static_cast<std::int64_t>(strings) >> 63);
    const std::uint64_t opens = m.open & ~strings, closes = m.close & ~strings;
    const std::size_t n_closes = static_cast<std::size_t>(__builtin_popcountll(closes));
    if (n_closes < depth) {  // depth cannot reach zero in this block
      depth = depth + static_cast<std::size_t>(__builtin_popcountll(opens)) - n_closes;
      see_newlines(m.newline, p);
      continue;
    }
    for (std::uint64_t bits = opens | closes; bits; bits &= bits - 1) {
      const int i = __builtin_ctzll(bits);
      const std::uint64_t bit = std::uint64_t{1} << i;
      if (opens & bit) {
        ++depth;
        continue;
      }
      const bool unbalanced = depth == 0;
      if (unbalanced || --depth == 0) {
        see_newlines(m.newline & (bit | (bit - 1)), p);  // the lines up to here only
        pos_ = p + static_cast<std::size_t>(i);
        if (unbalanced) return fail("unbalanced closing bracket");
        ++pos_;
        return true;
      }
    }
    see_newlines(m.newline, p);
  }
  pos_ = n;
  return fail(in_string ? "unterminated string (file truncated?)"
                        : "unexpected end of input inside a record (file truncated?)");
}

void JsonSplitter::see_newlines(std::uint64_t newlines, std::size_t block_at) {
  if (!newlines) return;
  line_ += static_cast<std::uint64_t>(__builtin_popcountll(newlines));
  line_start_ = block_at + static_cast<std::size_t>(64 - __builtin_clzll(newlines));
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
    if (!skip_ws()) {
      if (cut_) {  // a slice of a split document ends here, between two records
        ended_between_ = true;
        return false;
      }
      return fail("unexpected end of input in an array (file truncated?)");
    }
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
    if (t_[pos_] == '}') {
      ++pos_;
      state_ = State::top;
      return true;
    }
    if (t_[pos_] != ',')
      return fail(std::string("expected ',' or '}' after the records array, found '") + t_[pos_] + "'");
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
    if (nl) {
      ++line_;
      line_start_ = pos_;
    }
    if (b == e) continue;  // blank line
    out = {b, e, line, index_++};
    return true;
  }
}

// JSON lines, one record a line, are read line by line so a bad line costs
// that line only: a first record that is broken (cut in half, junk after
// it, or a line of junk before it) must not swallow the records after it.
// The text is JSON lines when, of its first 16 non-blank lines, at least
// half look like a whole record ('{' … '}'). A pretty-printed document has
// none such (its first line is "{" or "["), nor has a document of records
// one per line inside an array ("{…},").
bool JsonSplitter::looks_like_json_lines(std::size_t from) const {
  std::size_t lines = 0, whole = 0, p = from;
  const std::size_t limit = std::min(t_.size(), from + (std::size_t{1} << 20));
  while (p < limit && lines < 16) {
    std::size_t e = t_.find('\n', p);
    if (e == std::string_view::npos) e = t_.size();
    std::size_t b = p, z = e;
    while (b < z && is_ws(t_[b])) ++b;
    if (is_bom(t_, b)) b += 3;
    while (z > b && is_ws(t_[z - 1])) --z;
    p = e + 1;
    if (b == z) continue;
    ++lines;
    whole += whole_record_line(t_.substr(b, z - b));
  }
  return whole >= 1 && whole * 2 >= lines;
}

bool JsonSplitter::next(JsonRecordRange& out) {
  if (failed()) return false;
  if (line_mode_) return next_line(out);
  for (;;) {
    bool produced = false;
    switch (state_) {
      case State::top: {
        if (!skip_ws()) return false;  // clean end
        while (is_bom(t_, pos_)) {     // concatenated files, each with its own BOM
          pos_ += 3;
          if (!skip_ws()) return false;
        }
        const bool first = index_ == 0 && top_values_ == 0;
        if (first && looks_like_json_lines(line_start_)) {
          pos_ = line_start_;  // from the first record's line, in line mode
          layout_ = JsonLayout::json_lines;
          line_mode_ = true;
          return next_line(out);
        }
        if (!enter_top_value(out, produced)) return false;
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

namespace {

void skip_spaces(std::string_view t, std::size_t& p) {
  while (p < t.size() && is_ws(t[p])) ++p;
}

// After a key: ':' and the value. Strings and scalars are skipped; a nested
// value stops the walk (returns false).
bool skip_flat_value(std::string_view t, std::size_t& p) {
  skip_spaces(t, p);
  if (p >= t.size() || t[p] != ':') return false;
  ++p;
  skip_spaces(t, p);
  if (p >= t.size() || t[p] == '{' || t[p] == '[') return false;
  std::string_view ignored;
  if (t[p] == '"') return string_at(t, p, ignored);
  while (p < t.size() && !is_ws(t[p]) && t[p] != ',' && t[p] != '}') ++p;
  return p < t.size();
}

}  // namespace

RecordShape learn_record_shape(std::string_view text) {
  RecordShape s;
  JsonSplitter sp(text);
  JsonRecordRange r;
  if (!sp.next(r) || !sp.in_records_array()) return s;
  if (sp.layout() != JsonLayout::wrapped_array && sp.layout() != JsonLayout::bare_array) return s;
  std::string_view rec = text.substr(r.begin, r.end - r.begin);
  std::size_t p = 1;
  skip_spaces(rec, p);
  std::string_view k1;
  if (!string_at(rec, p, k1) || k1.empty()) return s;
  s.key1 = std::string(k1);
  if (skip_flat_value(rec, p)) {
    skip_spaces(rec, p);
    if (p < rec.size() && rec[p] == ',') {
      ++p;
      skip_spaces(rec, p);
      std::string_view k2;
      if (string_at(rec, p, k2)) s.key2 = std::string(k2);
    }
  }
  // Pretty-printed: the record spans lines and only indentation precedes it.
  std::size_t ls = r.begin;
  while (ls > 0 && (text[ls - 1] == ' ' || text[ls - 1] == '\t')) --ls;
  if ((ls == 0 || text[ls - 1] == '\n') && rec.find('\n') != std::string_view::npos) s.column = r.begin - ls;
  s.layout = sp.layout();
  s.in_wrapper = sp.array_in_wrapper();
  s.ok = true;
  return s;
}

std::size_t find_record_start(std::string_view t, std::size_t from, std::size_t limit, const RecordShape& s) {
  if (!s.ok) return std::string_view::npos;
  limit = std::min(limit, t.size());
  for (std::size_t at = from; at < limit;) {
    const void* hit = std::memchr(t.data() + at, '{', limit - at);
    if (!hit) break;
    std::size_t q = static_cast<std::size_t>(static_cast<const char*>(hit) - t.data());
    at = q + 1;
    if (s.column != std::string::npos) {  // indentation must match exactly
      if (q < s.column + 1 || t[q - s.column - 1] != '\n') continue;
      bool indent = true;
      for (std::size_t i = q - s.column; i < q && indent; ++i) indent = t[i] == ' ' || t[i] == '\t';
      if (!indent) continue;
    }
    // Preceded by "}," (whitespace allowed around the comma).
    std::size_t b = q;
    while (b > 0 && is_ws(t[b - 1])) --b;
    if (b == 0 || t[b - 1] != ',') continue;
    --b;
    while (b > 0 && is_ws(t[b - 1])) --b;
    if (b == 0 || t[b - 1] != '}') continue;
    // Starts with the same keys as the first record.
    std::size_t p = q + 1;
    skip_spaces(t, p);
    std::string_view key;
    if (!string_at(t, p, key) || key != s.key1) continue;
    if (!s.key2.empty()) {
      if (!skip_flat_value(t, p)) continue;
      skip_spaces(t, p);
      if (p >= t.size() || t[p] != ',') continue;
      ++p;
      skip_spaces(t, p);
      if (!string_at(t, p, key) || key != s.key2) continue;
    }
    return q;
  }
  return std::string_view::npos;
}

}  // namespace idt
