// Why: the caller texts are data; every row must be filled by the samples
// (no placeholder left, none unknown), and the portal-outage row must carry
// the help-desk rule of that incident (do not reset methods).
#include <catch2/catch.hpp>

#include "playbook/caller_texts.h"

using namespace idt;

TEST_CASE("caller texts: every row fills from the samples", "[playbook][caller]") {
  auto errs = caller_text_errors();
  for (const auto& e : errs) INFO(e);
  CHECK(errs.empty());
  CHECK(caller_texts().size() == kCallerSituationCount);
}

TEST_CASE("caller texts: portal outage says do not reset, names the incident", "[playbook][caller]") {
  CallerCase c;
  c.situation = CallerSituation::provider_portal_outage;
  c.values = {{"incident", "MO1329260"}, {"finding", "F1"}, {"window", "05:45-09:45 UTC"}};
  write_caller_texts(c);
  CHECK(c.diagnosis.find("MO1329260") != std::string::npos);
  CHECK(c.diagnosis.find("do not reset their methods") != std::string::npos);
  CHECK(c.say.find("Authenticator") != std::string::npos);
  REQUIRE(c.do_not.size() >= 2);  // the row's line plus the playbook's
}

TEST_CASE("caller texts: locked names the count and the IP", "[playbook][caller]") {
  CallerCase c;
  c.situation = CallerSituation::locked;
  c.values = {{"bad_passwords", "12"}, {"ip", "203.0.113.9"}, {"ip_note", "not their usual IP 198.51.100.7"}};
  write_caller_texts(c);
  CHECK(c.diagnosis == "their account is locked after 12 wrong passwords from 203.0.113.9 (not their usual IP "
                       "198.51.100.7): verify identity before unlocking");
}
