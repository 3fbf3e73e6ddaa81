// Why: a calm day's export is often empty — {"value":[]} is exactly what
// Graph returns for a day without health issues. Empty documents are zero
// records of their kind (the role flag's, or the one @odata.context names),
// "empty, kind unknown" when nothing says, and never a file error; a
// document with anything else in it is not mistaken for an empty one.
#include <catch2/catch.hpp>

#include "formats/empty_export.h"
#include "log_collect.h"

using namespace idt;
using namespace idt::test;

TEST_CASE("empty exports are zero records, not an error", "[formats][empty]") {
  for (std::string_view text :
       {std::string_view(R"({"value":[]})"), std::string_view("[]"), std::string_view(" {\n  \"records\": [ ]\n}\n"),
        std::string_view(R"({"@odata.nextLink":null,"value":[]})"),
        std::string_view(R"({"tables":[{"name":"PrimaryResult","columns":[],"rows":[]}]})")}) {
    INFO(text);
    Parsed any = read_text(text);
    CHECK_FALSE(any.summary.fatal);
    CHECK(any.summary.records == 0);
    CHECK(any.summary.kind == RecordKind::unknown);
    CHECK(any.summary.format == "empty-json");
    REQUIRE_FALSE(any.summary.notes.empty());
    CHECK(contains(any.summary.notes.front(), "empty, kind unknown"));
    // With a role flag it is zero records of that kind.
    for (RecordKind k : {RecordKind::signin, RecordKind::audit, RecordKind::ticket, RecordKind::health}) {
      Parsed p = read_text(text, k);
      CHECK_FALSE(p.summary.fatal);
      CHECK(p.summary.kind == k);
      CHECK(p.summary.records == 0);
    }
  }
}

TEST_CASE("@odata.context names the kind of an empty Graph response", "[formats][empty]") {
  auto kind_of = [](std::string_view ctx) {
    std::string doc = R"({"@odata.context":")" + std::string(ctx) + R"(","value":[]})";
    return read_text(doc).summary.kind;
  };
  CHECK(kind_of("https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns") == RecordKind::signin);
  CHECK(kind_of("https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits") == RecordKind::audit);
  CHECK(kind_of("https://graph.microsoft.com/v1.0/$metadata#admin/serviceAnnouncement/issues") == RecordKind::health);
  // A role flag that contradicts it is an error naming both.
  Parsed p =
      read_text(R"({"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns","value":[]})",
                RecordKind::health);
  REQUIRE(p.summary.fatal);
  CHECK(contains(*p.summary.fatal, "empty signin export, not health"));
}

TEST_CASE("only empty documents are empty exports", "[formats][empty]") {
  for (std::string_view text : {std::string_view(R"({"value":[{}]})"), std::string_view(R"({"value":[],"other":1})"),
                                std::string_view(R"({"value":{}})"), std::string_view("[1]"),
                                std::string_view(R"({"value":[]} x)"), std::string_view(R"({"records":[],"value":[]})"),
                                std::string_view("{}"), std::string_view(R"({"tables":[{"rows":[[1]]}]})")}) {
    INFO(text);
    CHECK_FALSE(recognise_empty_export(text));
  }
}

TEST_CASE("a CSV with only its header is zero records of its kind", "[formats][empty]") {
  Parsed t = read_text("number,opened_at,short_description,description,caller_id,state\r\n");
  CHECK_FALSE(t.summary.fatal);
  CHECK(t.summary.kind == RecordKind::ticket);
  CHECK(t.summary.records == 0);
  std::string header = slurp(testdata("signin/sign-in_adelete.csv"));
  header = header.substr(0, header.find('\n') + 1);
  Parsed s = read_text(header);
  CHECK_FALSE(s.summary.fatal);
  CHECK(s.summary.kind == RecordKind::signin);
  CHECK(s.summary.records == 0);
}
