// Why: ticket rules are data; these tests check that every built-in sample
// lands in its rule's class through the whole rule set (priorities included),
// that user rule files override/add/fail with file:line, and pin the classes
// of the real sample files.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <map>

#include <unistd.h>

#include "classify/ticket_classifier.h"
#include "formats/ticket_csv.h"
#include "model/ticket.h"

using namespace idt;

namespace {

const TicketRules& builtin_rules() {
  static TicketRules rules = [] {
    auto r = TicketRules::builtin();
    if (!r.ok()) FAIL("built-in rules do not load: " << r.error().message);
    return std::move(r.value());
  }();
  return rules;
}

TicketClass cls(std::string_view text) { return builtin_rules().classify_text(text).cls; }

struct CountSink final : RecordSink {
  const TicketRules* rules = nullptr;
  std::map<std::string, int> by_class;
  std::uint64_t n = 0;
  void on_ticket(const Ticket& t, const SourcePos&) override {
    ++n;
    ++by_class[std::string(name(rules->classify(t).cls))];
  }
};

std::map<std::string, int> classify_file(const std::string& name, std::uint64_t& records) {
  auto in = open_input(std::string(IDTRIAGE_TESTDATA) + "/tickets/" + name);
  REQUIRE(in.ok());
  CountSink sink;
  sink.rules = &builtin_rules();
  FileSummary s;
  ticket_csv_format().parse(*in, ParseOptions{}, sink, s);
  records = sink.n;
  return sink.by_class;
}

}  // namespace

TEST_CASE("ticket classes: names table", "[tickets][classify]") {
  for (std::size_t i = 0; i < kTicketClassCount; ++i) {
    auto c = static_cast<TicketClass>(i);
    CHECK(parse_ticket_class(name(c)) == c);
  }
  CHECK_FALSE(parse_ticket_class("mfa"));
}

TEST_CASE("ticket rules: every built-in sample is classified as its rule's class", "[tickets][classify]") {
  const TicketRules& rules = builtin_rules();
  auto ordered = rules.ordered_rules();
  REQUIRE(ordered.size() >= 30);
  std::array<int, kTicketClassCount> samples_per_class{};
  for (const TicketRule* r : ordered) {
    REQUIRE_FALSE(r->samples.empty());
    for (const auto& s : r->samples) {
      INFO("rule " << r->id << " sample: " << s);
      auto c = rules.classify_text(s);
      CHECK(c.cls == r->cls);
      ++samples_per_class[static_cast<std::size_t>(r->cls)];
    }
  }
  for (std::size_t i = 0; i + 1 < kTicketClassCount; ++i) {
    INFO("class " << kTicketClassNames[i]);
    CHECK(samples_per_class[i] >= 5);  // English + es/pt/de/fr phrasings
  }
}

TEST_CASE("ticket rules: multilingual phrasings of each identity class", "[tickets][classify]") {
  CHECK(cls("no puedo configurar MFA") == TicketClass::mfa_setup);
  CHECK(cls("não consigo registrar autenticação") == TicketClass::mfa_setup);
  CHECK(cls("Authenticator einrichten") == TicketClass::mfa_setup);
  CHECK(cls("impossible de configurer l'authentification multifacteur") == TicketClass::mfa_setup);
  CHECK(cls("Unable to set up MFA for new hire") == TicketClass::mfa_setup);

  CHECK(cls("504") == TicketClass::portal_unreachable);
  CHECK(cls("Gateway Timeout") == TicketClass::portal_unreachable);
  CHECK(cls("mysignins") == TicketClass::portal_unreachable);
  CHECK(cls("security info page won't load") == TicketClass::portal_unreachable);
  CHECK(cls("Can't set up MFA: mysignins.microsoft.com returns HTTP 504") == TicketClass::portal_unreachable);

  CHECK(cls("phishing") == TicketClass::phishing_report);
  CHECK(cls("suspicious email") == TicketClass::phishing_report);
  CHECK(cls("correo sospechoso") == TicketClass::phishing_report);
  CHECK(cls("Suspicious email says my MFA is broken and to re-register") == TicketClass::phishing_report);

  CHECK(cls("locked out") == TicketClass::lockout);
  CHECK(cls("cuenta bloqueada") == TicketClass::lockout);
  CHECK(cls("conta bloqueada") == TicketClass::lockout);
  CHECK(cls("Konto gesperrt") == TicketClass::lockout);
  CHECK(cls("compte verrouillé") == TicketClass::lockout);
  CHECK(cls("COMPTE VERROUILLÉ") == TicketClass::lockout);  // case folding beyond ASCII

  CHECK(cls("too many prompts") == TicketClass::mfa_prompts);
  CHECK(cls("MFA fatigue") == TicketClass::mfa_prompts);
  CHECK(cls("unexpected approval requests") == TicketClass::mfa_prompts);

  CHECK(cls("I can’t sign in to Teams") == TicketClass::signin_failure);  // typographic apostrophe
  CHECK(cls("No puedo iniciar sesión") == TicketClass::signin_failure);

  CHECK(cls("Please install Visio on my laptop") == TicketClass::other);
  CHECK(cls("") == TicketClass::other);
  CHECK(builtin_rules().classify_text("new monitor").rule_id == kNoTicketRule);
}

TEST_CASE("ticket rules: a ticket is matched on title, description and category", "[tickets][classify]") {
  Ticket t;
  t.title = "Help";
  t.description = "Since this morning the security info page won't load";
  auto c = builtin_rules().classify(t);
  CHECK(c.cls == TicketClass::portal_unreachable);
  CHECK(c.rule_id == "portal.en");
  Ticket u;
  u.title = "Request";
  u.category = "Account locked";
  CHECK(builtin_rules().classify(u).cls == TicketClass::lockout);
  Ticket v;
  v.title = "Request";
  CHECK(builtin_rules().classify(v).cls == TicketClass::other);
}

TEST_CASE("ticket rules: user rules override by id, add new ids, and are tried first", "[tickets][classify]") {
  auto r = TicketRules::builtin();
  REQUIRE(r.ok());
  TicketRules rules = std::move(r.value());
  std::size_t before = rules.size();
  auto added = rules.add_text(
      "# site rules\n"
      "[site.vpn]\n"
      "class = signin_failure\n"
      "pattern = globalprotect\n"
      "sample = GlobalProtect keeps disconnecting\n"
      "\n"
      "[lockout.en]\n"
      "class = other\n"
      "pattern = locked out of the building\n"
      "sample = I am locked out of the building\n"
      "\n"
      "[phishing.es]\n"
      "enabled = false\n",
      "site.rules");
  REQUIRE(added.ok());
  CHECK(added.value() == 3);
  CHECK(rules.size() == before + 1);
  CHECK(rules.classify_text("GlobalProtect: phishing?").cls == TicketClass::signin_failure);  // user first
  CHECK(rules.classify_text("GlobalProtect: phishing?").rule_id == "site.vpn");
  CHECK(rules.classify_text("I am locked out of the building").cls == TicketClass::other);
  CHECK(rules.classify_text("user locked out").cls != TicketClass::lockout);   // built-in lockout.en replaced
  CHECK(rules.classify_text("cuenta bloqueada").cls == TicketClass::lockout);  // others untouched
  CHECK(rules.classify_text("correo sospechoso").cls == TicketClass::other);   // phishing.es switched off
  CHECK(rules.ordered_rules().front()->user);
}

TEST_CASE("ticket rules: load errors name file:line", "[tickets][classify]") {
  auto err = [](std::string_view text) {
    auto r = TicketRules::from_text(text, "my.rules");
    REQUIRE_FALSE(r.ok());
    return r.error().message;
  };
  CHECK(err("[a]\nclass = mfa_setup\npattern = set ?up\nsample = cannot log in\n").rfind("my.rules:4:", 0) == 0);
  CHECK(err("[a]\nclass = mfa_setup\npattern = set ?up\nsample = setup\nnot = set up\n").rfind("my.rules:5:", 0) == 0);
  CHECK(err("[a]\nclass = mfa\npattern = x\nsample = x\n").find("my.rules:2: rule 'a': unknown class 'mfa'") == 0);
  CHECK(err("[a]\nclass = other\npattern = (unclosed\nsample = x\n").rfind("my.rules:3:", 0) == 0);
  CHECK(err("[a]\nclass = other\npattern = (?=lookahead)\nsample = x\n").rfind("my.rules:3:", 0) == 0);
  CHECK(err("[a]\nclass = other\npattern = x\n").find("my.rules:1: rule 'a': needs at least one 'sample'") == 0);
  CHECK(err("class = other\n").rfind("my.rules:1:", 0) == 0);
  CHECK(err("[a]\ncolour = red\n").find("unknown key 'colour'") != std::string::npos);
  CHECK(err("[a b]\n").rfind("my.rules:1: bad rule id", 0) == 0);
  CHECK(err("[a]\nclass=other\npattern=x\nsample=x\n[a]\n").find("defined twice") != std::string::npos);
  CHECK(err("[a]\nclass = other\npattern = x\nsample = x\nunless = x\n").find("excluded by its 'unless'") !=
        std::string::npos);
}

TEST_CASE("ticket rules: a pattern whose RE2 program is huge is refused at load with its cost", "[tickets][classify]") {
  auto load = [](std::string_view text) { return TicketRules::from_text(text, "my.rules"); };
  // Two bounded windows: 16,006 instructions, about 2 s per description.
  auto slow = load("[slow]\nclass = other\npattern = x\npattern = .{0,1000}a.{0,1000}b\nsample = ab\n");
  REQUIRE_FALSE(slow.ok());
  CHECK(slow.error().message ==
        "my.rules:4: rule 'slow': pattern is too costly: its RE2 program has 16006 instructions (limit 2000; the "
        "built-in rules use under 500). Bounded repetition such as .{0,1000} copies the pattern inside it that many "
        "times: write [^\\n]* or a small bound");
  auto unless = load("[u]\nclass = other\npattern = x\nunless = [^\\n]{0,1000}q\nsample = x\n");
  REQUIRE_FALSE(unless.ok());
  CHECK(unless.error().message.rfind("my.rules:4: rule 'u': its 'unless' pattern is too costly: its RE2 program has 9005",
                                     0) == 0);
  // A small window is fine; the built-in rules all load (they stay under 500).
  CHECK(load("[ok]\nclass = other\npattern = a.{0,60}b\nsample = a then b\n").ok());
  CHECK(TicketRules::builtin().ok());
}

TEST_CASE("ticket rules: add_file reads a rules file; a bad file leaves the rules unchanged", "[tickets][classify]") {
  auto r = TicketRules::builtin();
  REQUIRE(r.ok());
  TicketRules rules = std::move(r.value());
  std::string path = "/tmp/idtriage_ticket_rules_test_" + std::to_string(::getpid()) + ".rules";
  {
    std::ofstream f(path);
    f << "[site.kiosk]\nclass = lockout\npattern = kiosk account\nsample = kiosk account frozen\n";
  }
  auto ok = rules.add_file(path);
  REQUIRE(ok.ok());
  CHECK(rules.classify_text("kiosk account frozen").rule_id == "site.kiosk");
  {
    std::ofstream f(path);
    f << "[site.bad]\nclass = lockout\npattern = zzz\nsample = nothing like it\n";
  }
  auto bad = rules.add_file(path);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.rfind(path + ":4:", 0) == 0);
  CHECK(rules.classify_text("kiosk account frozen").rule_id == "site.kiosk");  // still loaded
  CHECK(rules.find("site.bad") == nullptr);
  std::remove(path.c_str());
  CHECK_FALSE(rules.add_file(path).ok());  // missing file
}

TEST_CASE("ticket rules: hostile text is linear and never crashes", "[tickets][classify]") {
  std::string big(1 << 20, 'a');
  for (std::size_t i = 0; i < big.size(); i += 97) big[i] = ' ';
  big += " locked out";
  CHECK(cls(big) == TicketClass::lockout);
  std::string bytes;
  for (int i = 0; i < 20000; ++i) bytes += static_cast<char>(i % 256);
  (void)cls(bytes);  // invalid UTF-8: any class, no crash
  SUCCEED();
}

TEST_CASE("ticket rules: classes of the real sample files", "[tickets][classify][realdata]") {
  std::uint64_t n = 0;
  // ServiceNow event log: no title/description columns, categories are "Category 55" -> all other.
  auto snow = classify_file("incident_event_log.csv", n);
  CHECK(n == 5998);
  CHECK(snow["other"] == 5998);
  // Jira project tasks about test automation: nothing identity-related.
  auto jira = classify_file("ericmedlock_planeso-jira-migration__Jira.csv", n);
  CHECK(n == 22);
  CHECK(jira["other"] == 22);
  // Generic helpdesk tickets (lower-cased, stop-words removed): a few lockouts and
  // sign-in problems, the rest other. Golden counts from the built-in rules.
  auto generic = classify_file("all_tickets.csv", n);
  CHECK(n == 5431);
  CHECK(generic["lockout"] == 13);
  CHECK(generic["signin_failure"] == 11);
  CHECK(generic["mfa_setup"] == 0);
  CHECK(generic["phishing_report"] == 0);
  CHECK(generic["other"] == 5431 - 13 - 11);
}
