// Why: small string helpers shared by parsers and renderers; none allocate
// unless they return std::string.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
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

// Strict UTF-8 decoding (no overlong forms, surrogates or values past
// U+10FFFF): the length of the code point at s[i]; a byte that does not start
// a well-formed sequence is taken alone and `cp` is set to 0x110000.
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp);
// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t find_invalid_utf8(std::string_view s);

// Terminal columns of one code point: 0 for controls, combining marks and
// other zero-width characters, 2 for East Asian wide/fullwidth characters
// and emoji, else 1 (table generated from Unicode data: text_width.cpp).
int code_point_width(char32_t cp);
// Terminal columns of UTF-8 text (sum of code_point_width; a byte that is
// not valid UTF-8 counts as one U+FFFD).
std::size_t display_width(std::string_view s);
// Cut to at most `width` columns, ending in "…" if cut; never splits a code
// point, and combining marks stay with their letter.
std::string fit_width(std::string_view s, std::size_t width);

// Parse a non-negative or negative decimal integer; false on any junk.
bool parse_int(std::string_view s, long long& out);

// Damerau-free Levenshtein distance, for "did you mean".
std::size_t edit_distance(std::string_view a, std::string_view b);
// "Did you mean": the candidate closest to `word`, or empty when none is
// within `max_distance` edits. A candidate that starts with `word` (3 or more
// characters, any case) counts as distance 0: "portal" -> portal_unreachable.
// Ties go to the earlier candidate.
std::string_view suggest(std::string_view word, std::span<const std::string_view> candidates,
                         std::size_t max_distance = 3);
// " (did you mean 'x'?)" for the suggestion, or "" when there is none.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates,
                         std::size_t max_distance = 3);

}  // namespace idt
