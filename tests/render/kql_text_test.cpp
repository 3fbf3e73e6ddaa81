// Why: every string idtriage writes into KQL goes through kql_string; a wrong
// escape silently changes a rule (or breaks the query). These cases pin the
// literal forms, and the [kql-literals] case hands the same pairs to Kusto's
// own lexer (tests/kql/run.sh sets IDTRIAGE_KQL_LITERALS) so the values are
// checked by Microsoft's decoder, not only by our reading of it.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <re2/re2.h>

#include "render/kql_text.h"
#include "util/json_writer.h"

using namespace idt;

namespace {

// Values that exercise each escape path; all valid UTF-8.
const std::vector<std::string>& awkward_values() {
  static const std::vector<std::string> v = {
      "",
      "plain",
      "say \"hello\"",
      "it's",
      "C:\\Users\\bob",
      "ends with a backslash \\",
      "\\\"",
      "\"\"",
      "@\"not verbatim\"",
      "h\"obfuscated\"",
      "```fence```",
      "line\nbreak",
      "cr\rlf\r\n",
      "tab\there",
      std::string("nul\0byte", 8),
      "bell\x07 and esc\x1b[31m",
      "del\x7f",
      "back\\slash and tab\t",
      "ünïcödé ño 🔒 αβγ ‘curly’",
      "// not a comment",
      "\"; drop table SigninLogs; //",
  };
  return v;
}

}  // namespace

TEST_CASE("kql_string: plain text in double quotes, backslashes verbatim, controls escaped") {
  CHECK(kql_string("") == "\"\"");
  CHECK(kql_string("plain") == "\"plain\"");
  CHECK(kql_string("say \"hi\"") == "\"say \\\"hi\\\"\"");
  CHECK(kql_string("it's") == "\"it's\"");
  // A backslash and no control character: verbatim, quotes doubled.
  CHECK(kql_string("C:\\x") == "@\"C:\\x\"");
  CHECK(kql_string("a\\\"b") == "@\"a\\\"\"b\"");
  CHECK(kql_string("\\") == "@\"\\\"");
  // Control characters force a regular literal, backslashes then escaped.
  CHECK(kql_string("a\tb\\") == "\"a\\tb\\\\\"");
  CHECK(kql_string("x\ny\rz") == "\"x\\ny\\rz\"");
  CHECK(kql_string(std::string("\0\x1b\x7f", 3)) == "\"\\u0000\\u001b\\u007f\"");
  CHECK(kql_string("ü🔒") == "\"ü🔒\"");
  // Trojan Source: bidi overrides, zero-width characters and tags are
  // escaped (a tag past U+FFFF as a surrogate pair); no verbatim literal then.
  CHECK(kql_string("admin\u202E\u2066x\u2069") == "\"admin\\u202e\\u2066x\\u2069\"");
  CHECK(kql_string("a\u200Bb\uFEFF") == "\"a\\u200bb\\ufeff\"");
  CHECK(kql_string("C:\\x\u202E") == "\"C:\\\\x\\u202e\"");
  CHECK(kql_string("\U000E0041") == "\"\\udb40\\udc41\"");
  for (const auto& v : awkward_values()) {
    std::string lit = kql_string(v);
    INFO(lit);
    for (char c : lit) CHECK(!(static_cast<unsigned char>(c) < 0x20 || c == 0x7f));  // never a raw control
  }
}

TEST_CASE("re2_without_controls keeps the pattern's meaning") {
  CHECK(re2_without_controls("a\tb\x01") == "a\\x{09}b\\x{01}");
  CHECK(re2_without_controls("pay\u202Epal|\u200B") == "pay\\x{202E}pal|\\x{200B}");
  CHECK(re2_without_controls("ü") == "ü");
  CHECK(re2_without_controls("[\t ]+\\d") == "[\\x{09} ]+\\d");
  for (std::string p : {std::string("raw\tTAB|raw\x01SOH"), std::string("[\t\x7f]x"), std::string("a\x1b")}) {
    RE2 raw(p), escaped(re2_without_controls(p));
    REQUIRE(raw.ok());
    REQUIRE(escaped.ok());
    for (std::string text : {std::string("raw\tTAB"), std::string("raw\x01SOH"), std::string("\tx"),
                             std::string("\x7fx"), std::string("a\x1b"), std::string("raw TAB"), std::string("ax")})
      CHECK(RE2::PartialMatch(text, raw) == RE2::PartialMatch(text, escaped));
  }
}

TEST_CASE("is_kql_identifier accepts names only") {
  CHECK(is_kql_identifier("Idt"));
  CHECK(is_kql_identifier("_x9"));
  CHECK(!is_kql_identifier(""));
  CHECK(!is_kql_identifier("9x"));
  CHECK(!is_kql_identifier("a-b"));
  CHECK(!is_kql_identifier("a b"));
  CHECK(!is_kql_identifier("Idt;drop"));
  CHECK(!is_kql_identifier(std::string(65, 'a')));
}

TEST_CASE("kql_timespan picks the largest whole unit") {
  CHECK(kql_timespan(15 * 60 * kMicrosPerSecond) == "15m");
  CHECK(kql_timespan(3600 * kMicrosPerSecond) == "1h");
  CHECK(kql_timespan(86400 * kMicrosPerSecond) == "1d");
  CHECK(kql_timespan(90 * kMicrosPerSecond) == "90s");
  CHECK(kql_timespan(1500) == "1500microseconds");
  CHECK(kql_timespan(250000) == "250ms");
}

// Writes [literal, value] pairs for tests/kql/validate.js --literals.
TEST_CASE("kql_string pairs for Kusto's lexer", "[kql-literals]") {
  std::string json;
  JsonWriter w(json);
  w.begin_array();
  for (const auto& v : awkward_values()) {
    w.begin_array();
    w.value(kql_string(v));
    w.value(v);
    w.end_array();
  }
  w.end_array();
  CHECK(json.find("\\u0000") != std::string::npos);  // the NUL value is in the JSON, escaped
  if (const char* out = std::getenv("IDTRIAGE_KQL_LITERALS")) {
    std::ofstream f(out, std::ios::binary);
    f << json << '\n';
    REQUIRE(f.good());
  }
}
