// Why: JSON logs from systems we do not control. A damaged line of JSON
// lines costs that line only (first line included), records run together
// on one line are read and reported, bytes that are not UTF-8 do not cost
// the record, and nesting of any depth, in any field, read or skipped,
// neither overflows the stack nor makes a counting read differ from a full
// read.
#include <catch2/catch.hpp>

#include "formats/log_fields.h"
#include "log_collect.h"

using namespace idt;
using namespace idt::test;

namespace {

std::string rec(const std::string& user, const std::string& extra = "") {
  return R"({"time":"2026-06-01T05:50:00Z","category":"SignInLogs","properties":{"userPrincipalName":")" + user +
         R"(","status":{"errorCode":50126})" + extra + "}}";
}

Parsed read_counting(std::string_view bytes) {
  ParseOptions o;
  o.log_fields = counting_log_fields();
  return read_text(bytes, std::nullopt, o);
}

std::vector<std::string> users(const Parsed& p) {
  std::vector<std::string> v;
  for (const auto& s : p.sink.signins) v.push_back(s.upn);
  return v;
}

}  // namespace

TEST_CASE("JSON lines: a bad first line costs that line only", "[formats][hostile]") {
  for (std::string first : {std::string("garbage{not json"), std::string("\x01\x02 binary junk"),
                            rec("cut@x.com").substr(0, 60), rec("a@x.com") + " junk after the record",
                            std::string("[1,2")}) {
    INFO(first);
    std::string text = first + "\n" + rec("b@x.com") + "\n" + rec("c@x.com") + "\n";
    Parsed p = read_text(text);
    CHECK(p.summary.format == "eventhub-json");
    CHECK_FALSE(p.summary.fatal);
    CHECK(users(p) == std::vector<std::string>{"b@x.com", "c@x.com"});
    CHECK(p.summary.rejected == 1);
    REQUIRE(p.sink.rejections.size() == 1);
    CHECK(p.sink.rejections[0].pos.line == 1);
  }
  // A damaged line in the middle is the same.
  Parsed mid = read_text(rec("a@x.com") + "\n" + rec("b@x.com") + "}\n" + rec("c@x.com") + "\n");
  CHECK(users(mid) == std::vector<std::string>{"a@x.com", "c@x.com"});
  CHECK(mid.summary.rejected == 1);
  CHECK(mid.sink.rejections.at(0).pos.line == 2);
}

TEST_CASE("JSON lines: records run together on one line are read, counted and reported", "[formats][hostile]") {
  const std::string a = rec("a@x.com"), b = rec("b@x.com"), c = rec("c@x.com"), d = rec("d@x.com");
  Parsed p = read_text(a + b + "\n" + c + "\n" + d + "  " + a + "\n");
  CHECK(users(p) == std::vector<std::string>{"a@x.com", "b@x.com", "c@x.com", "d@x.com", "a@x.com"});
  CHECK(p.summary.records == 5);
  CHECK(p.summary.rejected == 0);
  CHECK_FALSE(p.summary.fatal);
  CHECK(p.summary.warnings == 2);
  REQUIRE(p.summary.warning_list.size() == 2);
  CHECK(p.summary.warning_list[0].pos.line == 1);
  CHECK(p.summary.warning_list[0].pos.offset == a.size());
  CHECK(p.summary.warning_list[0].message == "records run together on one line (no line break before byte " +
                                                 std::to_string(a.size()) + "); both are read");
  CHECK(p.summary.warning_list[1].pos.line == 3);
  // Junk after them: a bad line costs that line (its records are not whole JSON).
  Parsed j = read_text(a + b + " junk\n" + c + "\n");
  CHECK(users(j) == std::vector<std::string>{"c@x.com"});
  CHECK(j.summary.rejected == 1);
  CHECK(j.sink.rejections.at(0).pos.line == 1);
}

TEST_CASE("JSON: a record with bytes that are not UTF-8 is read as Windows-1252, not lost", "[formats][hostile]") {
  std::string bad = rec("jos\xE9@x.com");  // Windows-1252 é
  Parsed p = read_text(rec("a@x.com") + "\n" + bad + "\n" + rec("c@x.com") + "\n");
  CHECK(users(p) == std::vector<std::string>{"a@x.com", "jos\xC3\xA9@x.com", "c@x.com"});
  CHECK(p.summary.rejected == 0);
  bool noted = false;
  for (const auto& n : p.summary.notes)
    noted |= n == "not valid UTF-8 in 1 record (the first on line 2): bytes that are not UTF-8 read as Windows-1252";
  CHECK(noted);
  // Forced UTF-8: the record is rejected (the user said the bytes are UTF-8).
  Input in = Input::from_string(rec("a@x.com") + "\n" + bad + "\n", "<utf8>", Encoding::utf8);
  Parsed f;
  f.summary = read_input(in, {}, f.sink);
  CHECK(f.summary.records == 1);
  CHECK(f.summary.rejected == 1);
}

TEST_CASE("JSON: nesting 100k deep, in any field, read or skipped, is no crash and reads the same",
          "[formats][hostile]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const std::string deep_obj = [] {
    std::string s;
    for (int i = 0; i < 100000; ++i) s += "{\"k\":";
    s += "1";
    s += std::string(100000, '}');
    return s;
  }();
  // Fields 50k "properties" down are not read (a few levels are): the
  // record has no sign-in fields left and is rejected, by both reads.
  std::string props_in_props;
  for (int i = 0; i < 50000; ++i) props_in_props += R"({"properties":)";
  props_in_props += rec("p@x.com") + std::string(50000, '}');
  {
    std::string text = rec("first@x.com") + "\n" + props_in_props + "\n";
    Parsed all = read_text(text), few = read_counting(text);
    CHECK(all.summary.records == 1);
    CHECK(all.summary.rejected == 1);
    CHECK(few.summary.records == 1);
    CHECK(few.summary.rejected == 1);
  }
  // A field the counting read skips (deviceDetail), one it reads
  // (status), an unknown one, and properties inside properties.
  for (const std::string& r :
       {rec("a@x.com", ",\"deviceDetail\":" + deep), rec("a@x.com", ",\"deviceDetail\":{\"browser\":" + deep_obj + "}"),
        rec("a@x.com", ",\"appliedConditionalAccessPolicies\":[" + deep_obj + "]"),
        rec("a@x.com", ",\"unknownField\":" + deep), rec("a@x.com", ",\"location\":" + deep_obj)}) {
    std::string text = rec("first@x.com") + "\n" + r + "\n" + rec("last@x.com") + "\n";
    Parsed all = read_text(text);
    Parsed few = read_counting(text);
    CHECK(all.summary.records == 3);
    CHECK(all.summary.rejected == 0);
    CHECK(few.summary.records == all.summary.records);
    CHECK(few.summary.rejected == all.summary.rejected);
    CHECK(users(few) == users(all));
  }
}

TEST_CASE("error codes as exporters write them: 50126.0 is 50126, odd numbers cost no record", "[formats][hostile]") {
  auto code_of = [](const std::string& status_code) {
    std::string r = R"({"time":"2026-06-01T05:50:00Z","category":"SignInLogs","properties":{"userPrincipalName":"a@x.com","status":{"errorCode":)" +
                    status_code + "}}}\n";
    Parsed p = read_text(r);
    REQUIRE(p.summary.records == 1);
    REQUIRE(p.summary.rejected == 0);
    const auto& s = p.sink.signins.at(0);
    return s.has_error_code ? s.error_code : -1;
  };
  CHECK(code_of("50126") == 50126);
  CHECK(code_of("50126.0") == 50126);
  CHECK(code_of("50126.000") == 50126);
  CHECK(code_of("\"50126.0\"") == 50126);
  CHECK(code_of("50126.5") == -1);
  CHECK(code_of("1e400") == -1);
  CHECK(code_of("123456789012345678901234567890") == -1);
  // Event Hub resultType and CSV columns too.
  Parsed eh = read_text(
      R"({"time":"2026-06-01T05:50:00Z","category":"SignInLogs","resultType":"50126.0","properties":{"userPrincipalName":"a@x.com"}})"
      "\n");
  REQUIRE(eh.sink.signins.size() == 1);
  CHECK(eh.sink.signins[0].error_code == 50126);
  Parsed csv = read_text("TimeGenerated,ResultType,UserPrincipalName\n2026-06-01T05:50:00Z,50126.0,a@x.com\n");
  REQUIRE(csv.sink.signins.size() == 1);
  CHECK(csv.sink.signins[0].error_code == 50126);
  CHECK(csv.sink.signins[0].cls == "auth_failure");
}
