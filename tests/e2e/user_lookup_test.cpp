// Why: `idtriage user` end to end over the MO1329260 drill (the same call the
// CLI makes): a caller who hit the broken portal is covered by the portal
// finding and gets the "do not reset" diagnosis; a ticket id finds its caller
// by display name; a typo gets a suggestion; and the byte pre-filter returns
// exactly the records a plain read returns, on every input shape.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "classify/ticket_classifier.h"
#include "run/user_run.h"

using namespace idt;

namespace {

const std::string kDrill = std::string(IDTRIAGE_TESTDATA) + "/drill-mo1329260/";

TriageInputs drill() {
  TriageInputs in;
  in.detect = {kDrill + "signins.jsonl.gz", kDrill + "audit.json", kDrill + "tickets.csv", kDrill + "health.json"};
  return in;
}

UserRun lookup(const TriageInputs& in, std::string_view who, bool quick, bool prefilter = true) {
  RunOptions ro;
  ro.threads = 2;
  UserRunOptions uo;
  uo.quick = quick;
  uo.prefilter = prefilter;
  return run_user(in, ro, TriageOptions{}, &TicketRules::builtin_shared(), who, uo);
}

// What a lookup returned, as comparable text.
std::string records(const UserRun& r) {
  std::string s;
  for (const auto& x : r.activity.signins)
    s += std::to_string(x.time) + " " + x.upn + " " + x.app + " " + std::string(name(x.cls)) + " " + x.reason + "\n";
  for (const auto& x : r.activity.audits) s += std::to_string(x.time) + " " + x.activity + "\n";
  for (const auto& x : r.activity.tickets) s += x.id + " " + x.matched_by + "\n";
  return s;
}

}  // namespace

TEST_CASE("user: a caller of the portal outage is covered and told not to reset", "[e2e][user]") {
  UserRun r = lookup(drill(), "Amara.Mueller@contoso.com", false);
  REQUIRE(r.found);
  REQUIRE(r.correlated);
  CHECK(r.activity.key().upn == "amara.mueller@contoso.com");
  CHECK(r.activity.signins.size() > 3);
  for (std::size_t i = 1; i < r.activity.signins.size(); ++i)
    CHECK(r.activity.signins[i - 1].time <= r.activity.signins[i].time);
  REQUIRE_FALSE(r.caller.findings.empty());
  CHECK(r.triage.report.findings[r.caller.findings.front().index].kind == FindingKind::provider_portal_outage);
  CHECK(r.caller.situation == CallerSituation::provider_portal_outage);
  CHECK(r.caller.diagnosis.find("MO1329260") != std::string::npos);
  CHECK(r.caller.diagnosis.find("do not reset") != std::string::npos);
  CHECK(r.caller.diagnosis.find('{') == std::string::npos);
}

TEST_CASE("user: a quiet user is not covered by the portal finding", "[e2e][user]") {
  // Someone whose sign-ins all succeed: no finding covers them, no false alarm.
  UserRun all = lookup(drill(), "lukas.adams@contoso.com", false);
  REQUIRE(all.found);
  for (const auto& cf : all.caller.findings) CHECK_FALSE(cf.why.empty());
  CHECK(all.caller.diagnosis.find('{') == std::string::npos);
}

TEST_CASE("user: a ticket id finds the caller by display name", "[e2e][user]") {
  UserRun r = lookup(drill(), "INC0010001", false);
  REQUIRE(r.via_ticket.has_value());
  CHECK(r.via_ticket->caller == "Lukas Adams");
  REQUIRE(r.found);
  CHECK(r.activity.key().upn == "lukas.adams@contoso.com");
  REQUIRE_FALSE(r.activity.tickets.empty());
  CHECK(r.activity.tickets.front().id == "INC0010001");
  CHECK(r.activity.tickets.front().matched_by == "display name");
}

TEST_CASE("user: unknown user and unknown ticket say so and suggest", "[e2e][user]") {
  UserRun r = lookup(drill(), "lukas.adam@contoso.com", true);
  CHECK_FALSE(r.found);
  REQUIRE_FALSE(r.suggestions.empty());
  CHECK(r.suggestions.front() == "lukas.adams@contoso.com");
  UserRun t = lookup(drill(), "INC0010099", false);
  CHECK_FALSE(t.found);
  CHECK(t.kind == UserQueryKind::display_name);
  CHECK_FALSE(t.not_found.empty());
}

TEST_CASE("user: the byte pre-filter gives the same records as the plain read", "[e2e][user][prefilter]") {
  const std::string sd = std::string(IDTRIAGE_TESTDATA) + "/signin/";
  const std::string ad = std::string(IDTRIAGE_TESTDATA) + "/audit/";
  struct Probe {
    std::vector<std::string> files;
    std::string who;
  };
  std::vector<Probe> probes = {
      {{kDrill + "signins.jsonl.gz", kDrill + "audit.json", kDrill + "tickets.csv"}, "amara.mueller@contoso.com"},
      {{kDrill + "signins.jsonl.gz", kDrill + "audit.json"}, "WEI.MUELLER@contoso.com"},
      {{kDrill + "signins.jsonl.gz", kDrill + "tickets.csv"}, "INC0010003"},
  };
  // Every real sample: look up the first UPN the plain read sees in it.
  for (std::string f : {"sign-in_adelete.csv", "disable_accounts.csv", "test-signinlogs-raw.log",
                        "graph-docs-beta_signin-list.example1.response.json"}) {
    TriageInputs in;
    in.detect = {sd + f};
    UserRun plain = lookup(in, "nobody@example.invalid", true, false);
    if (!plain.activity.upns_seen.empty()) probes.push_back({{sd + f}, *plain.activity.upns_seen.begin()});
  }
  probes.push_back({{ad + "AADAuditEvents.json", ad + "graph-docs-v1.0_directoryaudit-list.example1.response.json"},
                    "alice@contoso.com"});
  REQUIRE(probes.size() >= 6);
  for (const auto& p : probes) {
    TriageInputs in;
    in.detect = p.files;
    UserRun with = lookup(in, p.who, true, true);
    UserRun without = lookup(in, p.who, true, false);
    INFO(p.who);
    CHECK(records(with) == records(without));
    CHECK(with.found == without.found);
    UserRun full = lookup(in, p.who, false);
    CHECK(records(with) == records(full));
  }
  // And the filter did skip: most of the drill is other people.
  TriageInputs in;
  in.detect = {kDrill + "signins.jsonl.gz"};
  UserRun r = lookup(in, "amara.mueller@contoso.com", true, true);
  CHECK(r.skipped > 5000);
}
