// Why: small string helpers shared by parsers and renderers; none allocate
// unless they return std::string.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace idt {

inline std::string_view trim(std::string_view s) {
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return s;
}
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view s, std::string_view prefix);
bool icontains(std::string_view haystack, std::string_view needle);
// ASCII letters lower-cased, every other byte kept (no trimming: callers
// trim() first). The form UPNs, object ids and keywords are compared in.
std::string ascii_lower(std::string_view s);
// Lower-case ASCII, collapse runs of whitespace to one space, trim.
std::string normalize_name(std::string_view s);

// Appends code point `cp` encoded as UTF-8.
void append_utf8(std::string& out, std::uint32_t cp);

// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t find_invalid_utf8(std::string_view s);

// For terminals: drop C0/C1 controls and ESC (keeps \t), replace newlines by
// a space, so hostile input cannot move the cursor or change colours.
void append_sanitized(std::string& out, std::string_view s);
// Display width in code points (approximation good enough for tables).
std::size_t display_width(std::string_view s);
// Truncate to at most `width` code points, adding "…" if cut.
std::string fit_width(std::string_view s, std::size_t width);

// CSV/TSV field writers. CSV quotes when needed and defuses spreadsheet
// formulas (leading = + - @ tab CR get a leading apostrophe).
void append_csv_field(std::string& out, std::string_view s, char delim = ',');
void append_tsv_field(std::string& out, std::string_view s);

// Parse a non-negative or negative decimal integer; false on any junk.
bool parse_int(std::string_view s, long long& out);

// Damerau-free Levenshtein distance, for "did you mean".
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace idt
