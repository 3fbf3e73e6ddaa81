// Why: one string-aware scan of JSON text for everything that looks at its
// structure without parsing it (the splitter's line test and key reads, the
// trailing-comma check, the end of an indexed record, synth's pretty
// printer): strings are skipped with their escapes in one place, so no two
// scanners can disagree on where a string ends. The splitter's hot loop over
// whole records uses the 64-byte bitmasks instead (util/byte_masks.h).
#pragma once
#include <cstddef>
#include <string_view>

namespace idt {

// Just past the string whose opening quote is at `t[p]`, or npos when it
// does not close before the end of `t`.
inline std::size_t json_string_end(std::string_view t, std::size_t p) {
  for (++p; p < t.size() && t[p] != '"';) p += t[p] == '\\' ? 2 : 1;
  return p < t.size() ? p + 1 : std::string_view::npos;
}

// Walks `t` from `from` in tokens: a string (from its '"' to just past its
// closing quote) is one token, every other byte is a token of its own.
// `visit(at, next)` sees each token (`t[at]` is its first byte, `next` the
// index after it) and returns true to stop there. Returns the `at` where it
// stopped, t.size() at the end, or npos when a string does not close.
template <class Visit>
std::size_t json_scan(std::string_view t, std::size_t from, Visit&& visit) {
  for (std::size_t i = from; i < t.size();) {
    const std::size_t next = t[i] == '"' ? json_string_end(t, i) : i + 1;
    if (next == std::string_view::npos) return next;
    if (visit(i, next)) return i;
    i = next;
  }
  return t.size();
}

// Just past the JSON value that starts at `t[begin]` (an object, an array or
// a string), or npos when it does not end within `t`.
inline std::size_t json_value_end(std::string_view t, std::size_t begin) {
  std::size_t depth = 0, end = std::string_view::npos;
  json_scan(t, begin, [&](std::size_t at, std::size_t next) {
    const char c = t[at];
    if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (depth == 0) return true;  // closes what it never opened
      if (--depth == 0) end = next;
    } else if (c == '"' && depth == 0) {
      end = next;
    }
    return end != std::string_view::npos;
  });
  return end;
}

}  // namespace idt
