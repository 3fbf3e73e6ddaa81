// Why: the pipeline is where --since/--until and parallel reading happen;
// the window must count kept and filtered records exactly, and the merged
// result of a parallel run must not depend on the number of threads.
#include <catch2/catch.hpp>

#include <deque>
#include <mutex>

#include "../formats/log_collect.h"
#include "aggregate/log_stats.h"
#include "run/pipeline.h"

using namespace idt;
using namespace idt::test;

namespace {

struct StatsSink final : UnitSink {
  SigninStats s;
  AuditStats a;
  std::vector<std::uint64_t> lines;
  void reset() override { *this = StatsSink(); }
  void on_signin(const SignIn& r, const SigninClassification& c, const SourcePos& p) override {
    s.add(r, c);
    lines.push_back(p.line);
  }
  void on_audit(const AuditEvent& e, const AuditClassification& c, const SourcePos& p) override {
    a.add(e, c);
    lines.push_back(p.line);
  }
};

bool same(const SigninStats& a, const SigninStats& b) {
  return a.total == b.total && a.by_class == b.by_class && a.by_reason.top() == b.by_reason.top() &&
         a.by_code.top() == b.by_code.top() && a.by_app.top() == b.by_app.top() &&
         a.by_user_failures.top() == b.by_user_failures.top() && a.by_hour == b.by_hour;
}
bool same(const AuditStats& a, const AuditStats& b) {
  return a.total == b.total && a.by_class == b.by_class && a.by_activity.top() == b.by_activity.top() &&
         a.by_service.top() == b.by_service.top() && a.by_result.top() == b.by_result.top() && a.by_hour == b.by_hour;
}

std::vector<std::string> all_samples() {
  std::vector<std::string> v;
  for (const char* f :
       {"signin/sign-in_adelete.csv", "signin/disable_accounts.csv", "signin/test-signinlogs-raw.log",
        "signin/test-signinlogs-sample.log", "signin/graph-docs-beta_signin-list.example1.response.json",
        "signin/graph-docs-v1.0_signin-list.example1.response.json", "audit/AADAuditEvents.json",
        "audit/AuditLogs_Hunting.csv", "audit/test-auditlogs-result-reason.log",
        "audit/graph-docs-v1.0_directoryaudit-list.example1.response.json",
        "audit/graph-docs-v1.0_directoryaudit-list.example2.response.json"})
    v.push_back(testdata(f));
  return v;
}

struct Run {
  std::vector<FileResult> results;
  SigninStats s;
  AuditStats a;
  std::vector<std::vector<std::uint64_t>> lines;  // per file
};

Run run_parallel(const std::vector<std::string>& paths, unsigned threads) {
  RunOptions o;
  o.threads = threads;
  std::deque<StatsSink> sinks(paths.size());
  Run r;
  r.results = run_files_parallel(paths, o, [&](std::size_t i) -> UnitSink& { return sinks[i]; });
  for (const auto& k : sinks) {
    r.s.merge(k.s);
    r.a.merge(k.a);
    r.lines.push_back(k.lines);
  }
  return r;
}

}  // namespace

TEST_CASE("pipeline: --since/--until window counts kept and filtered", "[run]") {
  RunOptions o;
  o.since = *parse_iso8601("2021-04-28T14:30:00Z");
  o.until = *parse_iso8601("2021-04-28T15:00:00Z");
  StatsSink sink;
  auto res = run_files({testdata("signin/sign-in_adelete.csv"), testdata("signin/disable_accounts.csv")}, o, sink);
  REQUIRE(res.size() == 2);
  // python: 29 records in [14:30, 15:00), 25 before, 2 after.
  CHECK(res[0].summary.records == 56);
  CHECK(res[0].kept == 29);
  CHECK(res[0].filtered == 27);
  // Undated records cannot be placed in a window.
  CHECK(res[1].kept == 0);
  CHECK(res[1].filtered == 4);
  CHECK(sink.s.total == 29);
  CHECK_FALSE(any_input_error(res, true));

  // Bounds: since is inclusive, until exclusive (first record 14:08:45.221).
  RunOptions edge;
  edge.since = 1619618925221000;
  edge.until = 1619618925221000 + 1;
  StatsSink e;
  auto r2 = run_files({testdata("signin/sign-in_adelete.csv")}, edge, e);
  CHECK(r2[0].kept == 1);
  edge.since = 1619618925221000 + 1;
  edge.until = kNoTime;
  StatsSink e2;
  auto r3 = run_files({testdata("signin/sign-in_adelete.csv")}, edge, e2);
  CHECK(r3[0].kept == 55);
  // No window: everything kept, undated too.
  StatsSink all;
  auto r4 = run_files({testdata("signin/disable_accounts.csv")}, RunOptions{}, all);
  CHECK(r4[0].kept == 4);
  CHECK(r4[0].filtered == 0);
}

TEST_CASE("pipeline: rejections are counted and kept up to the limit", "[run]") {
  RunOptions o;
  o.keep_rejections = 0;
  StatsSink sink;
  auto res = run_files(
      {testdata("signin/graph-docs-v1.0_signin-list.example1.response.json"), testdata("/no/such/file.json")}, o, sink);
  REQUIRE(res.size() == 2);
  CHECK(res[0].summary.rejected == 1);
  CHECK(res[0].rejections.empty());
  CHECK(res[0].summary.fatal);
  REQUIRE(res[1].summary.fatal);
  CHECK(contains(*res[1].summary.fatal, "cannot open"));
  CHECK(any_input_error(res, false));
  o.keep_rejections = 5;
  auto again = run_files({testdata("signin/graph-docs-v1.0_signin-list.example1.response.json")}, o, sink);
  CHECK(again[0].rejections.size() == 1);
  CHECK(again[0].rejections[0].pos.file_index == 0);
}

TEST_CASE("pipeline: parallel runs are deterministic for 1, 2 and 4 threads", "[run]") {
  // Every sample twice (so there are more files than threads).
  std::vector<std::string> paths = all_samples();
  std::vector<std::string> twice = paths;
  twice.insert(twice.end(), paths.begin(), paths.end());

  Run one = run_parallel(twice, 1);
  REQUIRE(one.results.size() == twice.size());
  CHECK(one.s.total == 2 * (56 + 4 + 5 + 2 + 1 + 0));
  CHECK(one.a.total == 2 * (4 + 5 + 1 + 1 + 1));
  for (unsigned threads : {2u, 4u}) {
    INFO("threads " << threads);
    Run many = run_parallel(twice, threads);
    CHECK(same(many.s, one.s));
    CHECK(same(many.a, one.a));
    CHECK(many.lines == one.lines);
    REQUIRE(many.results.size() == one.results.size());
    for (std::size_t i = 0; i < twice.size(); ++i) {
      CHECK(many.results[i].summary.path == twice[i]);
      CHECK(many.results[i].summary.records == one.results[i].summary.records);
      CHECK(many.results[i].summary.rejected == one.results[i].summary.rejected);
      CHECK(many.results[i].summary.first == one.results[i].summary.first);
      CHECK(many.results[i].kept == one.results[i].kept);
    }
  }
  // And the sequential path agrees too.
  StatsSink seq;
  auto res = run_files(twice, RunOptions{}, seq);
  CHECK(same(seq.s, one.s));
  CHECK(same(seq.a, one.a));
  // Record positions carry the file index.
  CHECK(res.size() == twice.size());
}

TEST_CASE("pipeline: want=signin turns audit files into clear errors", "[run]") {
  RunOptions o;
  o.want = RecordKind::signin;
  StatsSink sink;
  auto res = run_files({testdata("audit/AADAuditEvents.json"), testdata("signin/test-signinlogs-sample.log")}, o, sink);
  REQUIRE(res.size() == 2);
  REQUIRE(res[0].summary.fatal);
  CHECK(*res[0].summary.fatal == "this is audit data (loganalytics-json), not signin");
  CHECK(res[1].kept == 2);
  CHECK(sink.a.total == 0);
  CHECK(sink.s.total == 2);
  CHECK(any_input_error(res, false));
}
