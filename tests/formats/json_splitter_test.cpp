// Why: the splitter decides where each record begins and ends in every JSON
// layout (wrapper, bare array, concatenated arrays, JSON lines); a wrong
// boundary would silently merge or drop records, so each layout is pinned.
#include <catch2/catch.hpp>

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
