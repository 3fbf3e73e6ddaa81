// Why: every record read is accounted for: kept, filtered, rejected, a
// duplicate, or named as outside the analysed span. A record dated year 1
// beside today's export used to push today off the end of triage's timeline
// and turn the MO1329260 drill into "No identity incident found".
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "classify/ticket_classifier.h"
#include "run/triage_run.h"
#include "util/time.h"

using namespace idt;

namespace {

std::string drill(const char* name) { return std::string(IDTRIAGE_TESTDATA) + "/drill-mo1329260/" + name; }

TriageInputs drill_inputs() {
  TriageInputs in;
  in.signins = {drill("signins.jsonl.gz")};
  in.audit = {drill("audit.json")};
  in.tickets = {drill("tickets.csv")};
  in.health = {drill("health.json")};
  return in;
}

std::vector<FindingKind> kinds(const TriageReport& r) {
  std::vector<FindingKind> v;
  for (const auto& f : r.findings) v.push_back(f.kind);
  return v;
}

}  // namespace

TEST_CASE("a record dated year 1 does not hide the day's findings, it is named as outside the span",
          "[e2e][accounting]") {
  auto rules = TicketRules::builtin();
  REQUIRE(rules.ok());
  const TriageRun plain = run_triage(drill_inputs(), RunOptions{}, TriageOptions{}, rules.value());
  REQUIRE_FALSE(plain.report.findings.empty());

  const std::string path = "/tmp/idt_year_one_" + std::to_string(::getpid()) + ".json";
  std::ofstream(path) << R"({"time":"0001-01-01T00:00:00Z","category":"SignInLogs","properties":{"id":"year-one","createdDateTime":"0001-01-01T00:00:00Z","userPrincipalName":"old@contoso.com","status":{"errorCode":50126}}})"
                      << "\n";
  TriageInputs in = drill_inputs();
  in.signins.push_back(path);
  const TriageRun with = run_triage(in, RunOptions{}, TriageOptions{}, rules.value());
  std::remove(path.c_str());

  CHECK(kinds(with.report) == kinds(plain.report));
  CHECK(with.report.verdict == plain.report.verdict);
  // Counted and named as a time outlier (verdicts' accounting), with its date.
  CHECK(with.report.outliers == 1);
  CHECK(format_rfc3339(with.report.outliers_first) == "0001-01-01T00:00:00Z");
  bool named = false;
  for (const auto& r : with.report.incomplete) named |= r.code == "time_outliers";
  CHECK(named);
  // Every input's records are kept, filtered, or rejected.
  for (const auto& i : with.inputs) {
    INFO(i.file.summary.path);
    CHECK(i.file.kept + i.file.filtered == i.file.summary.records);
    CHECK(i.duplicates <= i.file.kept);
  }
}
