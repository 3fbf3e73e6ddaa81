// Why: every renderer measures, cuts and pads its columns with the text-table
// toolkit; a column that is one space off in one language misaligns every
// table, so each helper is pinned on ASCII, CJK, combining marks and emoji;
// the JSON pieces every report shares are pinned too.
#include <catch2/catch.hpp>

#include <array>
#include <map>

#include "render/json_values.h"
#include "render/text_table.h"
#include "util/text.h"

using namespace idt;

TEST_CASE("pad and rpad measure display width", "[render][table]") {
  CHECK(pad("abc", 5) == "abc  ");
  CHECK(pad("東京", 6) == "東京  ");  // 4 columns + 2 spaces
  CHECK(display_width(pad("東京", 6)) == 6);
  CHECK(pad("e\xCC\x81t\xC3\xA9", 5) == "e\xCC\x81t\xC3\xA9  ");  // "été", the first é combining: 3 columns
  CHECK(pad("\xF0\x9F\x98\x80!", 4) == "\xF0\x9F\x98\x80! ");     // emoji is 2 columns
  CHECK(pad("abcdefgh", 5) == "abcd\xE2\x80\xA6");                // cut, with the ellipsis
  CHECK(pad("東京都庁", 5) == "東京\xE2\x80\xA6");                // 5 columns exactly
  CHECK(pad("東京都庁", 4) == "東\xE2\x80\xA6 ");                 // a wide char never half-shown
  CHECK(pad("a\x1b[31mb\nc", 18) == "a<U+001B>[31mb c  ");        // made safe before measuring
  CHECK(rpad("42", 5) == "   42");
  CHECK(rpad("·", 3) == "  ·");          // multi-byte, one column
  CHECK(rpad("123456", 3) == "123456");  // never cut: numbers must stay whole
}

TEST_CASE("numbers: thousands, percentages, counts", "[render][table]") {
  CHECK(thousands(0) == "0");
  CHECK(thousands(999) == "999");
  CHECK(thousands(1000) == "1,000");
  CHECK(thousands(1234567) == "1,234,567");
  CHECK(thousands(18446744073709551615ull) == "18,446,744,073,709,551,615");
  CHECK(pct(1, 8) == "12.5%");
  CHECK(pct(2, 3) == "66.7%");
  CHECK(pct(0, 5) == "0.0%");
  CHECK(pct(5, 0) == "-");
  CHECK(percent(0.874) == "87%");
  CHECK(percent(0.875) == "88%");
  CHECK(percent(1.0) == "100%");
  CHECK(count_of(1, "file", "files") == "1 file");
  CHECK(count_of(0, "file", "files") == "0 files");
  CHECK(count_of(2345, "file", "files") == "2,345 files");
  CHECK(count_cells(1234, 10000) == "     1,234   12.3%");
}

TEST_CASE("times and sections", "[render][table]") {
  Micros t = *parse_iso8601("2026-06-01T05:50:42Z");
  CHECK(minute(t) == "2026-06-01 05:50");
  CHECK(minute(kNoTime) == "-");
  CHECK(time_or_dash(t) == "2026-06-01T05:50:42Z");
  CHECK(time_or_dash(kNoTime) == "-");
  Output plain(stdout, false);
  section(plain, "FILES");
  more_line(plain, 10, 10, " (hint)");  // all shown: nothing
  more_line(plain, 10, 1500, " (hint)");
  CHECK(plain.buf() == "\nFILES\n  … 1,490 more (hint)\n");
  Output colour(stdout, true);
  section(colour, "FILES");
  CHECK(colour.buf() == "\n\x1b[1mFILES\x1b[0m\n");
  colour.buf().clear();
  cell(colour, "東京", 6, sgr::red);  // paints the text, not the padding
  cell(colour, "x", 6, {}, true);     // the last cell is not padded
  CHECK(colour.buf() == "\x1b[31m東京\x1b[0m  x");
  colour.buf().clear();
  plain.buf().clear();
}

TEST_CASE("hourly JSON block", "[render][table]") {
  constexpr std::array<std::string_view, 3> names = {"a", "b", "c"};
  std::map<Micros, std::array<std::uint64_t, 3>> by_hour;
  by_hour[*parse_iso8601("2026-06-01T06:00:00Z")] = {0, 2, 1};
  by_hour[kNoTime] = {1, 0, 0};
  std::string with, without;
  JsonWriter w1(with), w2(without);
  hourly_json(w1, by_hour, names);
  hourly_json(w2, by_hour, {});
  CHECK(with == R"([{"hour":null,"total":1,"by_class":{"a":1}},)"
                R"({"hour":"2026-06-01T06:00:00Z","total":3,"by_class":{"b":2,"c":1}}])");
  CHECK(without == R"([{"hour":null,"total":1},{"hour":"2026-06-01T06:00:00Z","total":3}])");
}

TEST_CASE("class counts JSON lists every class, zeros included", "[render][table]") {
  constexpr std::array<std::string_view, 3> names = {"a", "b", "c"};
  std::string out;
  JsonWriter w(out);
  class_counts_json(w, names, std::array<std::uint64_t, 3>{0, 2, 0});
  CHECK(out == R"({"a":0,"b":2,"c":0})");
}
