// Why: the one text-table toolkit every renderer draws with, so a column is
// measured, cut and padded the same way everywhere: cells by display width
// (wide CJK and emoji count 2, combining marks 0), right-aligned numbers with
// thousands separators, percentages, section headings, minute-precision
// times. (The JSON renderers' shared pieces are in json_values.h.)
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "render/output.h"
#include "util/time.h"

namespace idt {

// Input text made safe for a terminal (util/safe_text.h: controls, bidi and
// invisible characters as "<U+202E>" markers, newlines and tabs as spaces,
// bad UTF-8 as U+FFFD).
std::string clean(std::string_view s);
// A Markdown table cell: markdown_safe (util/safe_text.h; '|' escaped too).
std::string md_cell(std::string_view s);
// A left-aligned cell exactly `width` columns wide: sanitised, cut with "…"
// when longer, padded with spaces when shorter.
std::string pad(std::string_view s, std::size_t width);
// Writes a left-aligned cell to `out`: sanitised, cut to `width` columns,
// painted in `color` (the text, not the padding), then padded to `width`
// unless it is the `last` of its row.
void cell(Output& out, std::string_view s, std::size_t width, std::string_view color = {}, bool last = false);
// A right-aligned cell at least `width` columns wide (numbers, counts).
std::string rpad(std::string_view s, std::size_t width);

// 1234567 -> "1,234,567".
std::string thousands(std::uint64_t n);
// part of whole with one decimal: "12.5%"; "-" when whole is 0.
std::string pct(std::uint64_t part, std::uint64_t whole);
// A 0..1 fraction rounded to a whole percent: 0.874 -> "87%".
std::string percent(double fraction);
// "1 file", "2,345 files".
std::string count_of(std::uint64_t n, std::string_view one, std::string_view many);

// "2026-06-01 05:50" (UTC); "-" without a time.
std::string minute(Micros t);
// RFC 3339; "-" without a time.
std::string time_or_dash(Micros t);

// A count and its share of `total`, right-aligned in 10 and 8 columns.
std::string count_cells(std::uint64_t count, std::uint64_t total);

// A blank line, then the title in bold on its own line.
void section(Output& out, std::string_view title);
// "  … N more HINT" under a table that shows `shown` of `all` rows (nothing
// when all are shown), so a cut table never looks complete.
void more_line(Output& out, std::uint64_t shown, std::uint64_t all, std::string_view hint = "");

template <std::size_t N>
std::uint64_t sum(const std::array<std::uint64_t, N>& counts) {
  std::uint64_t t = 0;
  for (auto v : counts) t += v;
  return t;
}

}  // namespace idt
