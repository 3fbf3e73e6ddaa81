// Why: playbooks are data; the parser must explain every mistake with a line
// number, every finding kind must have a playbook, and the built-in content
// must carry the MO1329260 lessons (service health first, keep Authenticator,
// stagger campaigns, test break-glass, watch for outage phishing).
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "playbook/embedded.h"
#include "playbook/playbook.h"
#include "util/text.h"

using idt::Cause;
using idt::FindingKind;
using idt::Playbook;

namespace {

const char* const kValid =
    "---\n"                              // 1
    "id: demo_case\n"                    // 2
    "title: A demo\n"                    // 3
    "cause: tenant\n"                    // 4
    "aliases: demo-alias, other\n"       // 5
    "related: provider_portal_outage\n"  // 6
    "---\n"                              // 7
    "\n"                                 // 8
    "## Situation\n"                     // 9
    "First line\n"                       // 10
    "continues here.\n"                  // 11
    "\n"                                 // 12
    "Second paragraph.\n"                // 13
    "## Who acts\n"                      // 14
    "- Help desk: talks\n"               // 15
    "## Help desk\n"                     // 16
    "1. Step one\n"                      // 17
    "   goes on.\n"                      // 18
    "2) Step two\n"                      // 19
    "## admin\n"                         // 20
    "* Admin step\n"                     // 21
    "## Comms\n"                         // 22
    "10. Tell people\n"                  // 23
    "## Do not\n"                        // 24
    "- Do not panic\n"                   // 25
    "## User message\n"                  // 26
    "\n"                                 // 27
    "Subject: Hello {incident_id}\n"     // 28
    "\n"                                 // 29
    "Dear {user},\n"                     // 30
    "  keep {portal} in mind.\n"         // 31
    "\n";                                // 32

std::string replace_line(std::string text, int line_no, const std::string& with) {
  std::size_t start = 0;
  for (int i = 1; i < line_no; ++i) start = text.find('\n', start) + 1;
  std::size_t end = text.find('\n', start);
  return text.replace(start, end - start, with);
}

// Expects a parse error at `line` whose message contains `what`.
void expect_error(const std::string& text, int line, const std::string& what) {
  INFO(text);
  auto r = idt::parse_playbook(text, "t.md");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.rfind("t.md:" + std::to_string(line) + ": ", 0) == 0);
  CHECK_THAT(r.error().message, Catch::Contains(what));
}

bool any_contains(const std::vector<std::string>& v, std::string_view needle) {
  for (const auto& s : v)
    if (idt::icontains(s, needle)) return true;
  return false;
}

const Playbook& builtin(std::string_view id) {
  const Playbook* p = idt::find_playbook(id);
  REQUIRE(p != nullptr);
  return *p;
}

}  // namespace

TEST_CASE("a well-formed playbook parses into its sections") {
  auto r = idt::parse_playbook(kValid, "demo_case.md");
  REQUIRE(r.ok());
  const Playbook& p = *r;
  CHECK(p.id == "demo_case");
  CHECK(p.title == "A demo");
  REQUIRE(p.cause.has_value());
  CHECK(*p.cause == Cause::tenant);
  CHECK_FALSE(p.kind.has_value());
  CHECK(p.aliases == std::vector<std::string>{"demo-alias", "other"});
  CHECK(p.related == std::vector<std::string>{"provider_portal_outage"});
  CHECK(p.situation == "First line continues here.\n\nSecond paragraph.");
  CHECK(p.who == std::vector<std::string>{"Help desk: talks"});
  CHECK(p.helpdesk == std::vector<std::string>{"Step one goes on.", "Step two"});
  CHECK(p.admin == std::vector<std::string>{"Admin step"});
  CHECK(p.comms == std::vector<std::string>{"Tell people"});
  CHECK(p.do_not == std::vector<std::string>{"Do not panic"});
  CHECK(p.message_subject == "Hello {incident_id}");
  CHECK(p.message_body == "Dear {user},\n  keep {portal} in mind.");
}

TEST_CASE("a finding-kind id sets the kind, CRLF and no subject are fine") {
  std::string text = replace_line(kValid, 2, "id: password_spray");
  text = replace_line(text, 28, "No subject line {window}");
  text = replace_line(text, 6,
                      "related: provider_portal_outage\nverdict: Spray ({when}, {status})\nverdict_detail: Block it");
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  auto r = idt::parse_playbook(crlf, "password_spray.md");
  REQUIRE(r.ok());
  REQUIRE(r->kind.has_value());
  CHECK(*r->kind == FindingKind::password_spray);
  CHECK(r->message_subject.empty());
  CHECK(r->message_body == "No subject line {window}\n\nDear {user},\n  keep {portal} in mind.");
  CHECK(r->verdict == "Spray ({when}, {status})");
  CHECK(r->verdict_detail == "Block it");
}

TEST_CASE("a finding playbook needs its verdict wording and verdict placeholders are checked") {
  std::string text = replace_line(kValid, 2, "id: password_spray");
  auto r = idt::parse_playbook(text, "password_spray.md");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message ==
        "password_spray.md:7: a finding playbook needs 'verdict:' and 'verdict_detail:' in its header");
  text = replace_line(text, 6, "related: provider_portal_outage\nverdict: Spray ({window})\nverdict_detail: x");
  r = idt::parse_playbook(text, "password_spray.md");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("unknown placeholder {window} in 'verdict'") != std::string::npos);
  // General playbooks may omit it.
  CHECK(idt::parse_playbook(kValid, "demo_case.md").ok());
}

TEST_CASE("every finding playbook words its verdict with the verdict placeholders only") {
  for (const Playbook& p : idt::builtin_playbooks()) {
    if (!p.kind) continue;
    INFO(p.id);
    CHECK_FALSE(p.verdict.empty());
    CHECK_FALSE(p.verdict_detail.empty());
    for (const auto& n : idt::template_placeholders(p.verdict + p.verdict_detail)) {
      bool known = false;
      for (const auto& v : idt::verdict_placeholders()) known |= v.name == n;
      CHECK(known);
    }
  }
}

TEST_CASE("fill_line: values fill, an unfilled placeholder drops its parenthetical or its line") {
  using V = std::vector<std::pair<std::string, std::string>>;
  CHECK(idt::fill_line("Attach to the master incident ({incident_id} or your own reference) now", V{}) ==
        "Attach to the master incident now");
  CHECK(idt::fill_line("Attach to the master incident ({incident_id} or your own reference) now",
                       V{{"incident_id", "MO1"}}) == "Attach to the master incident (MO1 or your own reference) now");
  CHECK_FALSE(idt::fill_line("Next update: {next_update}.", V{}));
  CHECK(idt::fill_line("Questions: {helpdesk}.", V{}) == "Questions: the IT help desk.");  // its fallback
  CHECK(idt::fill_line("Questions: {helpdesk}.", V{{"helpdesk", "ext. 4357"}}) == "Questions: ext. 4357.");
  CHECK(idt::fill_line("plain (no placeholder) text", V{}) == "plain (no placeholder) text");
  CHECK(idt::fill_line("{org} IT", V{{"org", ""}}) == std::nullopt);  // an empty value fills nothing
  CHECK(idt::fill_message("Hello {user},\n\nBody.\n\n{org} IT", V{}) == "Body.");
  CHECK(idt::fill_message("A\n\nNext: {next_update}.\n\nB", V{}) == "A\n\nB");
}

TEST_CASE("parser errors name the file and the line") {
  const std::string v = kValid;
  expect_error("", 1, "empty playbook");
  expect_error("\n\n## Situation\n", 3, "expected '---'");
  expect_error(replace_line(v, 3, "titel: A demo"), 3, "unknown header key 'titel'");
  expect_error(replace_line(v, 3, "id: again"), 3, "duplicate header key 'id'");
  expect_error(replace_line(v, 2, "id: Bad-Id"), 2, "lower-case");
  expect_error(replace_line(v, 4, "cause: aliens"), 4, "unknown cause 'aliens'");
  expect_error(replace_line(v, 4, "just words"), 4, "expected 'key: value'");
  expect_error(replace_line(v, 3, "title:"), 3, "has no value");
  expect_error(replace_line(v, 2, "# no id"), 2, "expected 'key: value'");
  expect_error("---\nid: x\ntitle: y\n", 3, "header not closed");
  expect_error(replace_line(replace_line(v, 2, ""), 7, "---"), 7, "no 'id:'");
  expect_error(replace_line(v, 8, "stray text"), 8, "before the first '## ' section");
  expect_error(replace_line(v, 20, "## Admins"), 20, "unknown section 'Admins'");
  expect_error(replace_line(v, 22, "## Help desk"), 22, "duplicate section 'Help desk' (first at line 16)");
  expect_error(replace_line(v, 21, "Admin step without marker"), 21, "expected a list item");
  expect_error(replace_line(v, 21, "- "), 21, "expected a list item");
  expect_error(replace_line(v, 21, "-   "), 21, "expected a list item");
  expect_error(replace_line(v, 15, "  indented first"), 15, "indented line without a list item");
  expect_error(replace_line(v, 13, "### Sub heading"), 13, "unexpected heading");
  expect_error(replace_line(v, 30, "Dear {usr},"), 30, "unknown placeholder {usr}");
  expect_error(replace_line(v, 28, "Subject: {Incident_id}"), 28, "unknown placeholder {Incident_id}");
  // Missing and empty sections: reported at the end / at their heading.
  expect_error(replace_line(replace_line(v, 24, ""), 25, ""), 32, "missing section '## Do not'");
  expect_error(replace_line(v, 25, ""), 24, "section 'Do not' is empty");
  expect_error(replace_line(replace_line(replace_line(v, 28, ""), 30, ""), 31, ""), 26,
               "section 'User message' is empty");
  expect_error(replace_line(replace_line(replace_line(v, 10, ""), 11, ""), 13, ""), 9, "section 'Situation' is empty");
}

TEST_CASE("braces that are not placeholders are plain text in a message") {
  std::string text = replace_line(kValid, 31, "JSON looks like {\"a\": 1} and {} and { x }.");
  auto r = idt::parse_playbook(text, "t.md");
  REQUIRE(r.ok());
  CHECK_THAT(r->message_body, Catch::Contains("{\"a\": 1} and {} and { x }."));
}

TEST_CASE("every built-in playbook parses and matches its file name") {
  for (const auto& e : idt::builtin_playbook_errors()) FAIL_CHECK(e.message);
  CHECK(idt::builtin_playbook_errors().empty());
  CHECK(idt::builtin_playbooks().size() == idt::embedded_playbook_files().size());
  for (const auto& f : idt::embedded_playbook_files()) CHECK(f.name != "README.md");
}

TEST_CASE("every finding kind has a playbook with the cause docs/findings.md gives it") {
  // docs/findings.md, "The finding kinds": kind and cause.
  const std::vector<std::pair<FindingKind, Cause>> design = {{FindingKind::provider_portal_outage, Cause::provider},
                                                             {FindingKind::provider_auth_outage, Cause::provider},
                                                             {FindingKind::tenant_policy_block, Cause::tenant},
                                                             {FindingKind::registration_blocked, Cause::tenant},
                                                             {FindingKind::password_spray, Cause::attack},
                                                             {FindingKind::mfa_fatigue, Cause::attack},
                                                             {FindingKind::lockout_wave, Cause::unknown},
                                                             {FindingKind::outage_phishing, Cause::attack},
                                                             {FindingKind::campaign_overload, Cause::tenant},
                                                             {FindingKind::breakglass_stale, Cause::tenant},
                                                             {FindingKind::breakglass_used, Cause::tenant}};
  REQUIRE(design.size() == idt::kFindingKindCount);
  for (std::size_t i = 0; i < idt::kFindingKindCount; ++i) {
    auto kind = static_cast<FindingKind>(i);
    INFO(idt::name(kind));
    const Playbook* p = idt::find_playbook(kind);
    REQUIRE(p != nullptr);
    CHECK(p->id == idt::name(kind));
    CHECK(idt::find_playbook(idt::name(kind)) == p);
    REQUIRE(p->cause.has_value());
    CHECK(*p->cause == design[i].second);
  }
  // The doc's table says the same: "| `kind` | cause | …".
  std::ifstream doc(std::string(IDTRIAGE_TESTDATA) + "/../docs/findings.md");
  REQUIRE(doc.good());
  std::string text((std::istreambuf_iterator<char>(doc)), std::istreambuf_iterator<char>());
  for (const auto& [kind, cause] : design) {
    std::string row = "| `" + std::string(idt::name(kind)) + "` | " + std::string(idt::name(cause)) + " |";
    INFO(row);
    CHECK(text.find(row) != std::string::npos);
  }
  // Listing order: finding kinds first, in enum order.
  const auto& all = idt::builtin_playbooks();
  REQUIRE(all.size() >= idt::kFindingKindCount);
  for (std::size_t i = 0; i < idt::kFindingKindCount; ++i) CHECK(all[i].kind == static_cast<FindingKind>(i));
}

TEST_CASE("every built-in playbook is complete and its links resolve") {
  for (const Playbook& p : idt::builtin_playbooks()) {
    INFO(p.id);
    CHECK_FALSE(p.title.empty());
    CHECK_FALSE(p.situation.empty());
    CHECK_FALSE(p.who.empty());
    CHECK_FALSE(p.helpdesk.empty());
    CHECK_FALSE(p.admin.empty());
    CHECK_FALSE(p.comms.empty());
    CHECK_FALSE(p.do_not.empty());
    CHECK_FALSE(p.message_subject.empty());
    CHECK_FALSE(p.message_body.empty());
    for (const auto& d : p.do_not) CHECK(idt::istarts_with(d, "Do not"));
    for (const auto& r : p.related) CHECK(idt::find_playbook(r) != nullptr);
    for (const auto& a : p.aliases) CHECK(idt::find_playbook(a) == &p);
    // Filled with every known placeholder, no {name} is left in the message.
    std::vector<std::pair<std::string, std::string>> all;
    for (const auto& ph : idt::known_placeholders()) all.emplace_back(std::string(ph.name), std::string(ph.example));
    CHECK(idt::template_placeholders(idt::fill_template(p.message_body, all)).empty());
    CHECK(idt::template_placeholders(idt::fill_template(p.message_subject, all)).empty());
  }
}

TEST_CASE("the portal-outage playbook carries the MO1329260 lessons") {
  const Playbook& p = builtin("provider_portal_outage");
  // Service health is the first admin step, before any change.
  REQUIRE_FALSE(p.admin.empty());
  CHECK(idt::icontains(p.admin.front(), "service health"));
  CHECK(any_contains(p.admin, "Registration campaign"));
  CHECK(any_contains(p.do_not, "Conditional Access"));
  CHECK(any_contains(p.do_not, "Authenticator"));
  CHECK(any_contains(p.do_not, "in bulk"));
  CHECK(idt::icontains(p.message_body, "Authenticator"));
  CHECK(idt::icontains(p.message_body, "re-register"));
  CHECK(idt::icontains(p.message_body, "try again"));
  CHECK(idt::icontains(p.situation, "Microsoft 365 suite"));
  CHECK(idt::find_playbook("portal-outage") == &p);  // an alias people type
}

TEST_CASE("the other MO1329260 lessons are in their playbooks") {
  // Check service health before changing CA or resetting methods.
  for (std::string_view id : {"provider_auth_outage", "tenant_policy_block", "registration_blocked",
                              "campaign_overload", "before_tenant_changes"}) {
    INFO(id);
    CHECK(any_contains(builtin(id).admin, "service health"));
  }
  // Stagger registration campaigns by region and off-peak.
  const Playbook& c = builtin("campaign_overload");
  CHECK(any_contains(c.admin, "region"));
  CHECK(any_contains(c.admin, "peak"));
  CHECK(any_contains(c.do_not, "all users at once"));
  // Test break-glass accounts regularly.
  const Playbook& b = builtin("breakglass_stale");
  CHECK(idt::icontains(b.situation, "90 days"));
  CHECK(any_contains(b.admin, "alert"));
  // Outage-themed phishing.
  const Playbook& ph = builtin("outage_phishing");
  CHECK(idt::icontains(ph.message_body, "re-register"));
  CHECK(any_contains(ph.do_not, "re-register"));
  CHECK(any_contains(builtin("provider_portal_outage").helpdesk, "phishing"));
}

TEST_CASE("find_playbook ignores case and treats '-' like '_'") {
  const Playbook* p = idt::find_playbook("password_spray");
  REQUIRE(p != nullptr);
  CHECK(idt::find_playbook("Password-Spray") == p);
  CHECK(idt::find_playbook("  spray ") == p);  // alias, trimmed
  CHECK(idt::find_playbook("") == nullptr);
  CHECK(idt::find_playbook("no_such_playbook") == nullptr);
}

TEST_CASE("suggestions for unknown playbook ids") {
  auto s = idt::suggest_playbooks("pasword_spray");
  REQUIRE_FALSE(s.empty());
  CHECK(s.front() == "password_spray");
  s = idt::suggest_playbooks("portal");
  REQUIRE_FALSE(s.empty());
  CHECK(s.front() == "provider_portal_outage");
  s = idt::suggest_playbooks("breakglass", 5);
  CHECK(std::find(s.begin(), s.end(), "breakglass_used") != s.end());
  CHECK(std::find(s.begin(), s.end(), "breakglass_stale") != s.end());
  CHECK(idt::suggest_playbooks("zzzzzzzzzzzzzz").empty());
  CHECK(idt::suggest_playbooks("breakglass", 1).size() == 1);
}

TEST_CASE("fill_template replaces known values and leaves the rest visible") {
  using V = std::vector<std::pair<std::string, std::string>>;
  CHECK(idt::fill_template("{incident_id} at {window}", V{{"incident_id", "MO1329260"}, {"window", "05:50"}}) ==
        "MO1329260 at 05:50");
  CHECK(idt::fill_template("Hi {user}, see {portal}", V{{"user", "Alex"}}) == "Hi Alex, see {portal}");
  CHECK(idt::fill_template("{a}{a}{b}", V{{"a", "1"}}) == "11{b}");
  CHECK(idt::fill_template("last {x} wins", V{{"x", "1"}, {"x", "2"}}) == "last 2 wins");
  CHECK(idt::fill_template("{ {}{ x } {a b} { {{a}} }", V{{"a", "A"}}) == "{ {}{ x } {a b} { {A} }");
  CHECK(idt::fill_template("tail {unclosed", V{{"unclosed", "no"}}) == "tail {unclosed");
  CHECK(idt::fill_template("{", V{}) == "{");
  CHECK(idt::fill_template("}", V{}) == "}");
  CHECK(idt::fill_template("", V{{"a", "1"}}).empty());
  // Values are inserted as-is, never re-expanded.
  CHECK(idt::fill_template("{a}", V{{"a", "{b}"}, {"b", "no"}}) == "{b}");
  CHECK(idt::fill_template("é {a} ü", V{{"a", "05:50–09:50 UTC"}}) == "é 05:50–09:50 UTC ü");
}

TEST_CASE("template_placeholders lists names once, in order of use") {
  CHECK(idt::template_placeholders("{b} {a} {b} {} {c d}") == std::vector<std::string>{"b", "a"});
  CHECK(idt::template_placeholders("none here").empty());
}

TEST_CASE("the placeholder table is unique and self-consistent") {
  auto ph = idt::known_placeholders();
  REQUIRE_FALSE(ph.empty());
  for (std::size_t i = 0; i < ph.size(); ++i) {
    CHECK(idt::is_known_placeholder(ph[i].name));
    CHECK_FALSE(ph[i].meaning.empty());
    CHECK_FALSE(ph[i].example.empty());
    for (std::size_t j = i + 1; j < ph.size(); ++j) CHECK(ph[i].name != ph[j].name);
  }
  CHECK_FALSE(idt::is_known_placeholder("Incident_id"));
}
