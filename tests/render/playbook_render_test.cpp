// Why: every playbook format must carry the same content: JSON must be valid
// and complete, Markdown must keep the message verbatim, terminal text must
// stay within its width and show --set values.
#include <simdjson.h>
#include <catch2/catch.hpp>

#include <string>

#include "playbook/playbook.h"
#include "render/playbook_render.h"
#include "util/text.h"

namespace {

std::string render(const idt::Playbook& pb, idt::OutputFormat fmt, const idt::TemplateValues& v = {}) {
  idt::Output out(stdout, false);
  idt::render_playbook(out, pb, fmt, v);
  std::string s = out.buf();
  out.buf().clear();
  return s;
}

std::string render_list(idt::OutputFormat fmt) {
  idt::Output out(stdout, false);
  idt::render_playbook_list(out, idt::builtin_playbooks(), fmt);
  std::string s = out.buf();
  out.buf().clear();
  return s;
}

}  // namespace

TEST_CASE("playbook JSON is valid and carries every section") {
  for (const idt::Playbook& pb : idt::builtin_playbooks()) {
    INFO(pb.id);
    std::string json = render(pb, idt::OutputFormat::json, {{"incident_id", "MO1329260"}});
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    REQUIRE(parser.parse(json).get(doc) == simdjson::SUCCESS);
    CHECK(std::string_view(doc["id"]) == pb.id);
    CHECK(std::string_view(doc["title"]) == pb.title);
    CHECK(bool(doc["finding_kind"]) == pb.kind.has_value());
    CHECK(simdjson::dom::array(doc["do_not"]).size() == pb.do_not.size());
    CHECK(simdjson::dom::array(doc["admin"]).size() == pb.admin.size());
    CHECK(simdjson::dom::array(doc["helpdesk"]).size() == pb.helpdesk.size());
    std::string_view body = doc["user_message"]["body"];
    CHECK(body == idt::fill_template(pb.message_body, {{"incident_id", "MO1329260"}}));
    for (auto name : simdjson::dom::array(doc["user_message"]["unfilled"]))
      CHECK(std::string_view(name) != "incident_id");
  }
}

TEST_CASE("playbook Markdown keeps the sections and the message verbatim") {
  const idt::Playbook* pb = idt::find_playbook("provider_portal_outage");
  REQUIRE(pb != nullptr);
  std::string md = render(*pb, idt::OutputFormat::md, {{"window", "05:50-09:50 UTC"}});
  CHECK(md.rfind("# " + pb->title + "\n", 0) == 0);
  for (const char* h :
       {"## Situation", "## Who acts", "## Help desk", "## Admin", "## Comms", "## Do not", "## User message"})
    CHECK_THAT(md, Catch::Contains(std::string("\n") + h + "\n"));
  for (const auto& d : pb->do_not) CHECK_THAT(md, Catch::Contains("- " + d + "\n"));
  CHECK_THAT(md, Catch::Contains("1. " + pb->admin.front() + "\n"));
  CHECK_THAT(md, Catch::Contains("```text\nSubject: "));
  CHECK_THAT(md, Catch::Contains(idt::fill_template(pb->message_body, {{"window", "05:50-09:50 UTC"}})));
  CHECK_THAT(md, Catch::Contains("`{incident_id}`"));  // listed as still to fill
  CHECK_THAT(md, !Catch::Contains("`{window}`"));
}

TEST_CASE("playbook text stays within 100 columns and shows filled values") {
  for (const idt::Playbook& pb : idt::builtin_playbooks()) {
    INFO(pb.id);
    std::string text = render(pb, idt::OutputFormat::table, {{"org", "Contoso"}});
    std::string_view rest = text;
    while (!rest.empty()) {
      std::size_t nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      if (line.find(' ') != std::string_view::npos) CHECK(idt::display_width(line) <= 100);
      if (nl == std::string_view::npos) break;
      rest.remove_prefix(nl + 1);
    }
    CHECK_THAT(text, Catch::Contains("DO NOT\n"));
    CHECK_THAT(text, !Catch::Contains("{org}"));
    CHECK(text.find('\x1b') == std::string::npos);  // no colour when off
  }
}

TEST_CASE("playbook list has one row per playbook in every format") {
  const auto& all = idt::builtin_playbooks();
  std::string table = render_list(idt::OutputFormat::table);
  std::string md = render_list(idt::OutputFormat::md);
  for (const auto& pb : all) {
    CHECK_THAT(table, Catch::Contains(pb.id + " "));
    CHECK_THAT(md, Catch::Contains("| `" + pb.id + "` |"));
  }
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  std::string json = render_list(idt::OutputFormat::json);
  REQUIRE(parser.parse(json).get(doc) == simdjson::SUCCESS);
  CHECK(simdjson::dom::array(doc).size() == all.size());
}
