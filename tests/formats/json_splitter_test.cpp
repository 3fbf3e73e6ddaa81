// Why: the splitter decides where each record begins and ends in every JSON
// layout (wrapper, bare array, concatenated arrays, JSON lines); a wrong
// boundary would silently merge or drop records, so each layout is pinned.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "formats/json_splitter.h"

using namespace idt;

namespace {
struct Split {
  std::vector<std::string> records;
  std::vector<std::uint64_t> lines;
  JsonLayout layout = JsonLayout::unknown;
  std::string error;
};
Split split(std::string_view text) {
  Split s;
  JsonSplitter sp(text);
  JsonRecordRange r;
  std::uint64_t expect_index = 0;
  while (sp.next(r)) {
    REQUIRE(r.index == expect_index++);
    REQUIRE(r.end <= text.size());
    s.records.emplace_back(text.substr(r.begin, r.end - r.begin));
    s.lines.push_back(r.line);
    if (s.records.size() > 1000) break;  // never loop forever
  }
  s.layout = sp.layout();
  s.error = sp.error();
  return s;
}
using Strs = std::vector<std::string>;
}  // namespace

TEST_CASE("splitter: Graph wrapper with @odata keys before and after", "[formats][splitter]") {
  auto s = split(
      "{\"@odata.context\":\"x\",\n \"value\":[\n  {\"id\":\"a\",\"n\":[1,{\"k\":\"]}\"}]},\n  {\"id\":\"b\"}\n ],\n"
      " \"@odata.nextLink\":\"https://graph/next?$skiptoken=1\"}\n");
  CHECK(s.error.empty());
  CHECK(s.layout == JsonLayout::wrapped_array);
  CHECK(s.records == Strs{"{\"id\":\"a\",\"n\":[1,{\"k\":\"]}\"}]}", "{\"id\":\"b\"}"});
  CHECK(s.lines == std::vector<std::uint64_t>{3, 4});
}

TEST_CASE("splitter: {\"records\":[…]} and an empty value array", "[formats][splitter]") {
  auto s = split("{\"records\": [{\"a\":1}, {\"a\":2}]}");
  CHECK(s.layout == JsonLayout::wrapped_array);
  CHECK(s.records == Strs{"{\"a\":1}", "{\"a\":2}"});
  auto e = split("{\"value\":[]}");
  CHECK(e.error.empty());
  CHECK(e.records.empty());
}

TEST_CASE("splitter: bare array and concatenated arrays (paged dumps)", "[formats][splitter]") {
  auto s = split("[{\"a\":1},{\"a\":2}]");
  CHECK(s.layout == JsonLayout::bare_array);
  CHECK(s.records.size() == 2);
  auto c = split("[{\"a\":1},{\"a\":2}]\n[{\"a\":3}]\n[]\n[{\"a\":4}]");
  CHECK(c.error.empty());
  CHECK(c.records == Strs{"{\"a\":1}", "{\"a\":2}", "{\"a\":3}", "{\"a\":4}"});
  CHECK(c.lines == std::vector<std::uint64_t>{1, 1, 2, 4});
  // Several wrappers back to back (saved pages).
  auto w = split("{\"value\":[{\"a\":1}]}{\"value\":[{\"a\":2}]}\n{\"value\":[{\"a\":3}]}");
  CHECK(w.records == Strs{"{\"a\":1}", "{\"a\":2}", "{\"a\":3}"});
}

TEST_CASE("splitter: JSON lines, blank lines and CRLF", "[formats][splitter]") {
  auto s = split("{\"a\":1}\r\n\r\n{\"a\":\"x\\\"}\"}\n   \n{\"a\":3}");
  CHECK(s.layout == JsonLayout::json_lines);
  CHECK(s.records == Strs{"{\"a\":1}", "{\"a\":\"x\\\"}\"}", "{\"a\":3}"});
  CHECK(s.lines == std::vector<std::uint64_t>{1, 3, 5});
  // A bad line stays one record (the reader rejects it) and the next line is still found.
  auto b = split("{\"a\":1}\n{\"a\":\n{\"a\":3}\n");
  CHECK(b.records == Strs{"{\"a\":1}", "{\"a\":", "{\"a\":3}"});
}

TEST_CASE("splitter: a broken first line does not swallow the JSON lines after it", "[formats][splitter]") {
  // Cut inside a string: a structural scan would run to the end of the text.
  auto s = split("{\"a\":\"cut he\n{\"a\":2}\n{\"a\":3}\n{\"a\":4}\n");
  CHECK(s.error.empty());
  CHECK(s.layout == JsonLayout::json_lines);
  CHECK(s.records == Strs{"{\"a\":\"cut he", "{\"a\":2}", "{\"a\":3}", "{\"a\":4}"});
  CHECK(s.lines == std::vector<std::uint64_t>{1, 2, 3, 4});
  // Cut after a nested open: brackets would balance on a later line.
  auto b = split("{\"a\":{\"b\":[1,\n{\"a\":2}\n{\"a\":3}\n");
  CHECK(b.records == Strs{"{\"a\":{\"b\":[1,", "{\"a\":2}", "{\"a\":3}"});
  // Not JSON lines: a wrapper whose records start lines, and one wrapper per line.
  auto w = split("{\"value\":[\n{\"a\":1}]}");
  CHECK(w.layout == JsonLayout::wrapped_array);
  CHECK(w.records == Strs{"{\"a\":1}"});
  auto per_line = split("{\"records\":[{\"a\":1},{\"a\":2}]}\n{\"records\":[{\"a\":3}]}\n");
  CHECK(per_line.records == Strs{"{\"a\":1}", "{\"a\":2}", "{\"a\":3}"});
  // Pretty-printed objects are not mistaken for lines.
  auto pretty = split("{\n  \"a\": {\n    \"b\": 1\n  }\n}\n");
  CHECK(pretty.records.size() == 1);
  CHECK(pretty.error.empty());
}

TEST_CASE("splitter: concatenated files that each start with a BOM", "[formats][splitter]") {
  const std::string bom = "\xEF\xBB\xBF";
  auto w = split("{\"value\":[{\"a\":1}]}\n" + bom + "{\"value\":[{\"a\":2}]}\n");
  CHECK(w.error.empty());
  CHECK(w.records == Strs{"{\"a\":1}", "{\"a\":2}"});
  auto l = split("{\"a\":1}\n{\"a\":2}\n" + bom + "{\"a\":3}\n");
  CHECK(l.records == Strs{"{\"a\":1}", "{\"a\":2}", "{\"a\":3}"});
  CHECK(split(bom).records.empty());
  CHECK(split(bom).error.empty());
}

TEST_CASE("splitter: pretty-printed concatenated objects", "[formats][splitter]") {
  auto s = split("{\n  \"a\": 1\n}\n{\n  \"a\": {\"b\": 2}\n}\n");
  CHECK(s.error.empty());
  CHECK(s.records == Strs{"{\n  \"a\": 1\n}", "{\n  \"a\": {\"b\": 2}\n}"});
  CHECK(s.lines == std::vector<std::uint64_t>{1, 4});
}

TEST_CASE("splitter: truncated and malformed input stop with a position", "[formats][splitter]") {
  auto t = split("{\"value\":[\n{\"a\":1},\n{\"a\":2");
  CHECK(t.records == Strs{"{\"a\":1}"});
  CHECK(t.error.find("line 3") != std::string::npos);
  CHECK(t.error.find("truncated") != std::string::npos);

  auto u = split("[{\"a\":\"unterminated}]");
  CHECK(u.records.empty());
  CHECK(u.error.find("unterminated string") != std::string::npos);

  auto tc = split("{\"value\":[{\"a\":1},\n]}");
  CHECK(tc.records == Strs{"{\"a\":1}"});
  CHECK(tc.error.find("trailing comma") != std::string::npos);
  CHECK(tc.error.find("line 2") != std::string::npos);

  auto junk = split("hello");
  CHECK(junk.records.empty());
  CHECK(junk.error.find("expected '{' or '['") != std::string::npos);

  auto missing_comma = split("[{\"a\":1} {\"a\":2}]");
  CHECK(missing_comma.records.size() == 1);
  CHECK(missing_comma.error.find("expected ',' or ']'") != std::string::npos);

  // Only nesting depth is tracked: a mismatched bracket is handed on as one
  // record (simdjson then rejects it); an extra closer is a structural error.
  auto mismatched = split("[{\"a\":1]]");
  CHECK(mismatched.records == Strs{"{\"a\":1]"});
  auto extra = split("[{\"a\":1}}]");
  CHECK(extra.records == Strs{"{\"a\":1}"});
  CHECK(extra.error.find("expected ',' or ']'") != std::string::npos);

  CHECK(split("").records.empty());
  CHECK(split("").error.empty());
  CHECK(split(" \n\t ").error.empty());
}

TEST_CASE("splitter: deep nesting and hostile strings stay linear and bounded", "[formats][splitter]") {
  std::string deep = "[" + std::string(100000, '[') + std::string(100000, ']') + "]";
  auto d = split(deep);
  CHECK(d.records.size() == 1);
  std::string backslashes = "[{\"a\":\"" + std::string(1001, '\\') + "\"}]";  // odd: quote escaped
  auto b = split(backslashes);
  CHECK(b.records.empty());
  CHECK_FALSE(b.error.empty());
  std::string even = "[{\"a\":\"" + std::string(1000, '\\') + "\"}]";
  CHECK(split(even).records.size() == 1);
}

TEST_CASE("splitter: line_at counts newlines", "[formats][splitter]") {
  JsonSplitter sp("a\nb\nc");
  CHECK(sp.line_at(0) == 1);
  CHECK(sp.line_at(2) == 2);
  CHECK(sp.line_at(4) == 3);
  CHECK(sp.line_at(100) == 3);
  CHECK(layout_name(JsonLayout::json_lines) == "json-lines");
}

namespace {
// A random record: nested objects and arrays, strings full of brackets,
// quotes, escape runs and multi-byte text, some long enough to span blocks.
std::string random_value(std::mt19937_64& rng, int depth);
std::string random_string(std::mt19937_64& rng) {
  static const char* pieces[] = {"a",        "{",   "}", "[",    "]", "\\\"", "\\\\",
                                 "\\\\\\\"", "\\n", "é", "日本", " ", ",",    ":"};
  std::string s = "\"";
  std::size_t n = rng() % 8 == 0 ? 40 + rng() % 120 : rng() % 12;
  for (std::size_t i = 0; i < n; ++i) s += pieces[rng() % (sizeof pieces / sizeof *pieces)];
  return s + "\"";
}
std::string random_value(std::mt19937_64& rng, int depth) {
  int pick = static_cast<int>(rng() % (depth > 3 ? 3 : 6));
  auto ws = [&] { return std::string(rng() % 3 == 0 ? "\n    " : rng() % 2 ? " " : ""); };
  switch (pick) {
    case 0:
      return random_string(rng);
    case 1:
      return std::to_string(static_cast<int>(rng() % 100000) - 50);
    case 2:
      return rng() % 2 ? "null" : "true";
    case 3:
    case 4: {
      std::string o = "{";
      int n = static_cast<int>(rng() % 5);
      for (int i = 0; i < n; ++i)
        o += (i ? "," : "") + ws() + random_string(rng) + ws() + ":" + ws() + random_value(rng, depth + 1);
      return o + ws() + "}";
    }
    default: {
      std::string a = "[";
      int n = static_cast<int>(rng() % 5);
      for (int i = 0; i < n; ++i) a += (i ? "," : "") + ws() + random_value(rng, depth + 1);
      return a + ws() + "]";
    }
  }
}
std::string random_record(std::mt19937_64& rng) {
  std::string r = "{\"id\":" + random_string(rng);
  int n = 1 + static_cast<int>(rng() % 6);
  for (int i = 0; i < n; ++i) r += ",\n  " + random_string(rng) + ": " + random_value(rng, 1);
  return r + "}";
}
std::uint64_t lines_before(std::string_view t, std::size_t at) {
  std::uint64_t n = 1;
  for (std::size_t i = 0; i < at; ++i) n += t[i] == '\n';
  return n;
}
}  // namespace

TEST_CASE("splitter: random records with tricky strings split exactly, at every alignment", "[formats][splitter]") {
  std::mt19937_64 rng(20261125);
  for (int doc = 0; doc < 300; ++doc) {
    std::vector<std::string> recs;
    std::string text = std::string(rng() % 70, ' ') + "{\"@odata.context\":\"x{[\\\"\",\"value\":[";
    std::vector<std::uint64_t> want_lines;
    int n = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) {
      if (i) text += rng() % 2 ? ",\n" : ",";
      recs.push_back(random_record(rng));
      want_lines.push_back(lines_before(text, text.size()));
      text += recs.back();
    }
    text += "],\"@odata.nextLink\":\"n\"}\n";
    INFO("document " << doc << ": " << text);
    auto s = split(text);
    REQUIRE(s.error.empty());
    CHECK(s.records == recs);
    CHECK(s.lines == want_lines);
    // The same cut short anywhere inside the last record is an error, never a record.
    std::size_t last_begin = text.rfind(recs.back());
    std::size_t cut = last_begin + 1 + rng() % (recs.back().size() - 1);
    auto t = split(std::string_view(text).substr(0, cut));
    CHECK(t.records.size() == recs.size() - 1);
    CHECK_FALSE(t.error.empty());
  }
}

TEST_CASE("splitter: resumed slices and cut ends", "[formats][splitter]") {
  std::string text =
      "{\"value\":[\n {\"id\":\"a\",\"t\":1},\n {\"id\":\"b\",\"t\":[{\"id\":\"x\",\"t\":2}]},\n "
      "{\"id\":\"c\",\"t\":3}\n]}";
  std::size_t b = text.find("{\"id\":\"b\"");
  std::size_t c = text.find("{\"id\":\"c\"");
  // First slice, cut right after the comma that follows record a.
  JsonSplitter first(std::string_view(text).substr(0, b));
  first.cut_between_records();
  JsonRecordRange r;
  REQUIRE(first.next(r));
  CHECK(text.substr(r.begin, r.end - r.begin) == "{\"id\":\"a\",\"t\":1}");
  CHECK_FALSE(first.next(r));
  CHECK_FALSE(first.failed());
  CHECK(first.ended_between_records());
  // Middle slice from record b to c.
  JsonSplitter mid(std::string_view(text).substr(b, c - b), JsonLayout::wrapped_array, true);
  mid.cut_between_records();
  REQUIRE(mid.next(r));
  CHECK(r.index == 0);
  CHECK_FALSE(mid.next(r));
  CHECK(mid.ended_between_records());
  // Last slice runs to the end of the wrapper.
  JsonSplitter last(std::string_view(text).substr(c), JsonLayout::wrapped_array, true);
  REQUIRE(last.next(r));
  CHECK_FALSE(last.next(r));
  CHECK_FALSE(last.failed());
  // A cut inside a record is not a clean end.
  std::size_t inner = text.find("{\"id\":\"x\"");
  JsonSplitter wrong(std::string_view(text).substr(0, inner));
  wrong.cut_between_records();
  REQUIRE(wrong.next(r));
  CHECK_FALSE(wrong.next(r));
  CHECK_FALSE(wrong.ended_between_records());
}

TEST_CASE("splitter: record shape and candidate record starts", "[formats][splitter]") {
  std::string compact =
      "{\"value\":[{\"id\":\"a\",\"createdDateTime\":\"t\",\"p\":[{\"id\":\"n\",\"displayName\":\"d\"},"
      "{\"id\":\"m\",\"displayName\":\"e\"}]},{\"id\":\"b\",\"createdDateTime\":\"u\"}]}";
  RecordShape s = learn_record_shape(compact);
  REQUIRE(s.ok);
  CHECK(s.in_wrapper);
  CHECK(s.layout == JsonLayout::wrapped_array);
  CHECK(s.key1 == "id");
  CHECK(s.key2 == "createdDateTime");
  CHECK(s.column == std::string::npos);
  // The nested {"id":…,"displayName"} objects are not candidates; record b is.
  CHECK(find_record_start(compact, 12, compact.size(), s) == compact.find("{\"id\":\"b\""));
  CHECK(find_record_start(compact, compact.find("{\"id\":\"b\"") + 1, compact.size(), s) == std::string::npos);

  std::string pretty =
      "{\n  \"value\": [\n    {\n      \"id\": \"a\",\n      \"k\": {\n        \"id\": \"x\"\n      }\n    },\n"
      "    {\n      \"id\": \"b\",\n      \"k\": 1\n    }\n  ]\n}\n";
  RecordShape p = learn_record_shape(pretty);
  REQUIRE(p.ok);
  CHECK(p.column == 4);
  CHECK(p.key2 == "k");
  CHECK(find_record_start(pretty, 20, pretty.size(), p) == pretty.find("{\n      \"id\": \"b\""));
  // JSON lines and single objects have no records array to split.
  CHECK_FALSE(learn_record_shape("{\"a\":1}\n{\"a\":2}\n").ok);
  CHECK_FALSE(learn_record_shape("{\"a\":1}").ok);
}
