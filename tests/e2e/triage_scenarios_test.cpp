// Why: end to end, the way a user runs it: `synth` writes a scenario's real
// export files, the triage chain (run_triage, the same call the CLI makes)
// reads them back by content, and the findings must match EXPECTED.json —
// kinds, causes, windows (within the stated tolerance), severity floor and
// matched health incident ids; the quiet day must stay below medium.
#include <simdjson.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "classify/ticket_classifier.h"
#include "correlate/finding_kind.h"
#include "run/triage_run.h"
#include "synth/synth.h"
#include "util/time.h"

using namespace idt;
namespace fs = std::filesystem;

namespace {

struct Expected {
  std::string kind, cause, min_severity;
  Micros start = kNoTime, end = kNoTime;
  Micros tolerance = 0;
  std::vector<std::string> health;
};

struct Case {
  std::string scenario;
  std::uint32_t users;
  std::uint64_t seed;
};

TriageRun run_scenario(const Case& c, std::vector<Expected>& expected, std::string& max_severity,
                       std::vector<std::string>& must_not) {
  synth::SynthOptions o;
  o.scenario = c.scenario;
  o.users = c.users;
  o.seed = c.seed;
  auto out = synth::generate(o);
  REQUIRE(out.ok());
  fs::path dir = fs::temp_directory_path() /
                 ("idtriage-e2e-" + c.scenario + "-" + std::to_string(c.users) + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  REQUIRE(synth::write_output(out.value(), dir.string()).ok());
  TriageInputs in;
  std::string expected_json;
  for (const auto& f : out->files) {
    if (f.kind == "users") continue;  // a directory list, not a log
    if (f.kind == "expected")
      expected_json = f.content;
    else
      in.detect.push_back((dir / f.name).string());  // no labels: detected by content
  }
  REQUIRE_FALSE(expected_json.empty());
  simdjson::dom::parser p;
  simdjson::dom::element doc = p.parse(expected_json);
  for (simdjson::dom::element f : doc["findings"].get_array()) {
    Expected e;
    e.kind = std::string(f["kind"].get_string().value());
    e.cause = std::string(f["cause"].get_string().value());
    e.min_severity = std::string(f["min_severity"].get_string().value());
    e.start = *parse_iso8601(f["window"]["start"].get_string().value());
    e.end = *parse_iso8601(f["window"]["end"].get_string().value());
    e.tolerance = f["window_tolerance_minutes"].get_int64().value() * 60 * kMicrosPerSecond;
    for (simdjson::dom::element h : f["health_incidents"].get_array()) e.health.emplace_back(h.get_string().value());
    expected.push_back(e);
  }
  max_severity = std::string(doc["max_severity"].get_string().value_unsafe());
  simdjson::dom::array mn;
  if (!doc["must_not"].get_array().get(mn))
    for (simdjson::dom::element k : mn) must_not.emplace_back(k.get_string().value());
  auto rules = TicketRules::builtin();
  REQUIRE(rules.ok());
  TriageRun run = run_triage(in, RunOptions{}, TriageOptions{}, rules.value());
  fs::remove_all(dir);
  return run;
}

void check(const Case& c) {
  INFO("scenario " << c.scenario << ", " << c.users << " users, seed " << c.seed);
  std::vector<Expected> expected;
  std::string max_severity;
  std::vector<std::string> must_not;
  TriageRun run = run_scenario(c, expected, max_severity, must_not);
  CHECK_FALSE(run.input_error);
  for (const auto& in : run.inputs) {
    INFO(in.file.summary.path);
    CHECK(in.file.summary.rejected == 0);
    CHECK_FALSE(in.file.summary.fatal);
  }
  const auto& findings = run.report.findings;
  // Every expected finding is there, with its cause, window and incidents.
  for (const Expected& e : expected) {
    INFO("expected " << e.kind);
    const Finding* hit = nullptr;
    for (const auto& f : findings)
      if (name(f.kind) == e.kind) {
        hit = &f;
        break;
      }
    REQUIRE(hit != nullptr);
    CHECK(name(hit->cause) == e.cause);
    CHECK(hit->severity >= *parse_severity(e.min_severity));
    if (e.kind == "outage_phishing") {
      // Built from individual reports: the finding spans the reports, which
      // fall inside the expected period.
      CHECK(hit->start >= e.start - e.tolerance);
      CHECK(hit->end <= e.end + e.tolerance);
      CHECK(hit->start < hit->end);
    } else {
      CHECK(hit->start >= e.start - e.tolerance);
      CHECK(hit->start <= e.start + e.tolerance);
      CHECK(hit->end >= e.end - e.tolerance);
      CHECK(hit->end <= e.end + e.tolerance);
    }
    for (const auto& id : e.health)
      CHECK(std::find(hit->evidence.health_incidents.begin(), hit->evidence.health_incidents.end(), id) !=
            hit->evidence.health_incidents.end());
    CHECK_FALSE(hit->do_not.empty());  // playbook attached
    CHECK(hit->playbook == e.kind);
  }
  // Nothing else at medium or above, nothing the scenario rules out.
  std::set<std::string> expected_kinds;
  for (const auto& e : expected) expected_kinds.insert(e.kind);
  for (const auto& f : findings) {
    INFO("found " << name(f.kind) << " " << name(f.severity) << ": " << f.summary);
    if (f.severity >= Severity::medium) CHECK(expected_kinds.count(std::string(name(f.kind))) == 1);
    CHECK(std::find(must_not.begin(), must_not.end(), std::string(name(f.kind))) == must_not.end());
    if (!max_severity.empty()) CHECK(f.severity <= *parse_severity(max_severity));
  }
}

}  // namespace

TEST_CASE("quiet day with 100k sign-ins: no finding of severity medium or more", "[e2e]") { check({"quiet", 5000, 1}); }

TEST_CASE("each scenario yields exactly its findings", "[e2e]") {
  for (const char* s : {"portal_outage", "signin_outage", "ca_policy_break", "registration_blocked", "password_spray",
                        "mfa_fatigue", "outage_phishing", "campaign_peak", "quiet"})
    for (std::uint32_t users : {1000u, 2000u}) check({s, users, 3});
}
