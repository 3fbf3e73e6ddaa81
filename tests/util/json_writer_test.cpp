// Why: JSON output is a contract read by other tools; hostile strings
// (quotes, controls, invalid UTF-8) must still give valid JSON.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "util/json_writer.h"
#include "util/text.h"

using namespace idt;

namespace {
std::string js(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}
}  // namespace

TEST_CASE("append_json_string escapes quotes, backslashes and controls", "[util][json]") {
  CHECK(js("") == "\"\"");
  CHECK(js("plain") == "\"plain\"");
  CHECK(js("say \"hi\"") == "\"say \\\"hi\\\"\"");
  CHECK(js("C:\\path") == "\"C:\\\\path\"");
  CHECK(js("a\nb\rc\td") == "\"a\\nb\\rc\\td\"");
  CHECK(js(std::string_view("\x00\x01\x1f\x7f", 4)) == "\"\\u0000\\u0001\\u001f\\u007f\"");
  CHECK(js("\x1b[31m") == "\"\\u001b[31m\"");
  CHECK(js("Zürich – 東京 😀") == "\"Zürich – 東京 😀\"");  // valid UTF-8 is kept as is
}

TEST_CASE("append_json_string escapes hidden code points (same value, nothing acts on a terminal)", "[util][json]") {
  // C1 controls, bidi overrides and isolates, zero-width space, BOM, the
  // line and paragraph separators (JavaScript string terminators) and tag
  // characters (as a surrogate pair) are \u escapes; the value is unchanged.
  CHECK(js("a\xC2\x9B"
           "b") == "\"a\\u009bb\"");
  CHECK(js("ab\u202Ecd") == "\"ab\\u202ecd\"");
  CHECK(js("\u2066x\u2069") == "\"\\u2066x\\u2069\"");
  CHECK(js("a\u200Bb\uFEFF") == "\"a\\u200bb\\ufeff\"");
  CHECK(js("x\u2028y\u2029") == "\"x\\u2028y\\u2029\"");
  CHECK(js("\U000E0041") == "\"\\udb40\\udc41\"");
  CHECK(js("\u00e9\u00a0") == "\"\u00e9\u00a0\"");  // letters and no-break space stay
}

TEST_CASE("append_json_string replaces invalid UTF-8 by U+FFFD", "[util][json]") {
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(js("caf\xE9") == "\"caf" + fffd + "\"");
  CHECK(js("a\xFF"
           "b\xFE"
           "c") == "\"a" + fffd + "b" + fffd + "c\"");
  CHECK(js("\xC0\x80") == "\"" + fffd + fffd + "\"");  // overlong: both bytes invalid
  // Whatever goes in, the output is valid UTF-8.
  for (std::string_view bad : {std::string_view("\xE2\x82"), std::string_view("\xED\xA0\x80x"),
                               std::string_view("ok\x80\x80\x80"), std::string_view("\xF4\x90\x80\x80")}) {
    std::string out = js(bad);
    CHECK(find_invalid_utf8(out) == std::string_view::npos);
    CHECK(out.front() == '"');
    CHECK(out.back() == '"');
  }
}

TEST_CASE("JsonWriter places commas and colons", "[util][json]") {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.kv("schema", "x/1");
  w.kv("n", 3);
  w.kv("big", static_cast<std::uint64_t>(18446744073709551615ull));
  w.kv("neg", static_cast<std::int64_t>(-5));
  w.kv("ok", true);
  w.key("none").null();
  w.key("list").begin_array();
  w.value(1).value("two");
  w.begin_object().kv("k", "v").end_object();
  w.begin_array().end_array();
  w.end_array();
  w.key("empty").begin_object().end_object();
  w.end_object();
  CHECK(out ==
        "{\"schema\":\"x/1\",\"n\":3,\"big\":18446744073709551615,\"neg\":-5,\"ok\":true,\"none\":null,"
        "\"list\":[1,\"two\",{\"k\":\"v\"},[]],\"empty\":{}}");
}

TEST_CASE("JsonWriter raw values take part in comma placement", "[util][json]") {
  std::string out;
  JsonWriter w(out);
  w.begin_object().key("code").raw("50057").kv("class", "auth_failure").key("ok").raw("true").end_object();
  CHECK(out == "{\"code\":50057,\"class\":\"auth_failure\",\"ok\":true}");
}

TEST_CASE("JsonWriter doubles: finite numbers, null for NaN/inf", "[util][json]") {
  std::string out;
  JsonWriter w(out);
  w.begin_array().value(0.5).value(std::nan("")).value(INFINITY).value(-2.0).end_array();
  CHECK(out == "[0.5,null,null,-2]");
}
