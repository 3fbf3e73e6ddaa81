// Why: the one string-aware JSON scan (util/json_scan.h) decides where
// strings and values end for the splitter's line test, the trailing-comma
// check, indexed records and synth's pretty printer; an escape handled wrong
// here would cut records in the wrong place everywhere at once.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "util/json_scan.h"

using namespace idt;
constexpr auto npos = std::string_view::npos;

TEST_CASE("json_string_end: escapes and unterminated strings", "[util][json_scan]") {
  CHECK(json_string_end(R"("abc",)", 0) == 5);
  CHECK(json_string_end(R"("a\"b")", 0) == 6);  // an escaped quote does not end it
  CHECK(json_string_end(R"("a\\")", 0) == 5);   // an escaped backslash does not escape the quote
  CHECK(json_string_end(R"("abc)", 0) == npos);
  CHECK(json_string_end("\"ab\\", 0) == npos);  // a lone backslash at the end
}

TEST_CASE("json_scan: a string is one token, other bytes one each", "[util][json_scan]") {
  std::string_view t = R"({"k":"v}",1})";
  std::string tokens;
  const std::size_t end = json_scan(t, 0, [&](std::size_t at, std::size_t next) {
    tokens += t[at] == '"' ? std::string("S") + std::to_string(next - at) : std::string(1, t[at]);
    return false;
  });
  CHECK(end == t.size());
  CHECK(tokens == "{S3:S4,1}");
  CHECK(json_scan(t, 0, [&](std::size_t at, std::size_t) { return t[at] == ','; }) == 9);  // stops there
  CHECK(json_scan(std::string_view(R"({"open)"), 0, [](std::size_t, std::size_t) { return false; }) == npos);
}

TEST_CASE("json_value_end: nesting, strings and what does not close", "[util][json_scan]") {
  std::string_view t = R"(x {"a":[1,{"b":"]}"}],"c":"\"}"} tail)";
  CHECK(json_value_end(t, 2) == t.find(" tail"));
  CHECK(json_value_end(R"("s]" x)", 0) == 4);
  CHECK(json_value_end(R"({"a":[1,2})", 0) == npos);  // the array never closes
  CHECK(json_value_end(R"({"a":1)", 0) == npos);
  CHECK(json_value_end("} {}", 0) == npos);  // closes what it never opened
}
