// Why: writers format times and numbers by hand (no locale, no streams);
// these pin the exact shapes the real exports use.
#include <catch2/catch.hpp>

#include <simdjson.h>

#include "synth/text_out.h"
#include "util/time.h"

using namespace idt;
using namespace idt::synth;

TEST_CASE("synth text: append_time7 writes Entra's 7-digit fractions with the given suffix") {
  Micros t = from_civil(2026, 6, 1, 5, 51, 2, 123456);
  std::string s;
  append_time7(s, t, 7, "Z");
  CHECK(s == "2026-06-01T05:51:02.1234567Z");
  s.clear();
  append_time7(s, t, 0, "+00:00");
  CHECK(s == "2026-06-01T05:51:02.1234560+00:00");
  // And it parses back to the same microsecond.
  auto back = parse_iso8601(s);
  REQUIRE(back);
  CHECK(*back == t);
}

TEST_CASE("synth text: plain, ServiceNow and health-post time shapes") {
  Micros t = from_civil(2026, 6, 1, 9, 50, 0, 540000);
  std::string s;
  append_time_plain(s, t);
  CHECK(s == "2026-06-01T09:50:00Z");
  s.clear();
  append_time_plain(s, t, true);
  CHECK(s == "2026-06-01T09:50:00.540Z");
  s.clear();
  append_time_servicenow(s, t);
  CHECK(s == "2026-06-01 09:50:00");
  CHECK(long_date(t) == "Monday, June 1, 2026");
  CHECK(long_date(from_civil(2024, 2, 29, 0, 0, 0, 0)) == "Thursday, February 29, 2024");
  CHECK(clock_12h(t) == "9:50 AM");
  CHECK(clock_12h(from_civil(2026, 6, 1, 0, 5, 0, 0)) == "12:05 AM");
  CHECK(clock_12h(from_civil(2026, 6, 1, 14, 20, 0, 0)) == "2:20 PM");
}

TEST_CASE("synth text: integer appends") {
  std::string s;
  append_uint(s, 0);
  s += ' ';
  append_uint(s, 18446744073709551615ULL);
  s += ' ';
  append_int(s, -9223372036854775807LL - 1);
  s += ' ';
  append_int(s, 53003);
  CHECK(s == "0 18446744073709551615 -9223372036854775808 53003");
}

TEST_CASE("synth text: pretty_json re-indents without touching strings") {
  const std::string compact = R"({"a":[1,{"b":"x,{y}:[z]\"q"}],"e":{},"f":[]})";
  std::string pretty = pretty_json(compact);
  CHECK(pretty.find("\"x,{y}:[z]\\\"q\"") != std::string::npos);
  CHECK(pretty.find("\"e\": {}") != std::string::npos);
  CHECK(pretty.find("\n  \"a\": [\n") != std::string::npos);
  // Same document once parsed.
  simdjson::dom::parser p1, p2;
  simdjson::dom::element a = p1.parse(compact), b = p2.parse(pretty);
  CHECK(simdjson::to_string(a) == simdjson::to_string(b));
}
