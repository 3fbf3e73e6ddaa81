// Why: `triage --since -6h --state FILE` every few minutes, end to end over a
// synth portal_outage day (05:50–09:50 UTC) as the data arrives: each run
// reads the last six hours up to its "now" (the same calls the CLI makes:
// load the state, run triage, judge, save). The outage is new once, then not
// again while it lasts, its end reported (corrected when thin traffic made it
// look over too early), and forgotten when it leaves
// the window; a deleted or damaged state makes it new again with a note; an
// unreadable sign-in file never reads as "nothing new".
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <string>

#include "classify/ticket_classifier.h"
#include "run/alert_run.h"
#include "synth/synth.h"
#include "util/write_file.h"

using namespace idt;
namespace fs = std::filesystem;

namespace {

constexpr Micros kMin = 60LL * kMicrosPerSecond, kH = 60 * kMin;
const Micros kDay = from_civil(2026, 6, 1, 0, 0, 0, 0);

struct Schedule {
  fs::path dir;
  std::string state;
  TriageInputs in;
  Schedule() {
    synth::SynthOptions o;
    o.scenario = "portal_outage";
    o.users = 200;
    o.seed = 3;
    auto gen = synth::generate(o);
    REQUIRE(gen.ok());
    dir = fs::temp_directory_path() / ("idtriage-alert-e2e-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    REQUIRE(synth::write_output(gen.value(), dir.string()).ok());
    for (const auto& f : gen->files)
      if (f.kind != "users" && f.kind != "expected") in.detect.push_back((dir / f.name).string());
    state = (dir / "alert.state").string();
  }
  ~Schedule() { fs::remove_all(dir); }

  struct Result {
    TriageRun run;
    AlertReport alert;
    const AlertItem* portal = nullptr;
  };
  // One scheduled run at `now` reading the six hours before it.
  Result run_at(Micros now, const TriageInputs* inputs = nullptr) {
    RunOptions ro;
    ro.threads = 2;
    ro.since = now - 6 * kH;
    ro.until = now;
    StateLoad prev = load_alert_state(state);
    Result r;
    r.run = run_triage(inputs ? *inputs : in, ro, TriageOptions{}, TicketRules::builtin_shared());
    r.alert = judge_alerts(r.run, prev, state, Severity::medium, now);
    REQUIRE_FALSE(save_alert_state(state, r.alert.next).has_value());
    for (const auto& it : r.alert.items)
      if (it.entry.kind == FindingKind::provider_portal_outage) r.portal = &it;
    return r;
  }
};

}  // namespace

TEST_CASE("alert schedule: a portal outage is new once, ended once, then forgotten", "[e2e][alert]") {
  Schedule s;
  // 07:00: the outage is an hour old and still going.
  auto r1 = s.run_at(kDay + 7 * kH);
  REQUIRE(r1.portal);
  CHECK(r1.portal->change == Change::new_);
  CHECK(r1.portal->finding->ongoing);
  CHECK(r1.alert.alert);
  CHECK_THAT(r1.alert.note, Catch::Contains("no state file"));
  for (const auto& it : r1.alert.items) CHECK(it.change == Change::new_);
  // A second run with the same data has nothing new at all.
  auto r1b = s.run_at(kDay + 7 * kH);
  for (const auto& it : r1b.alert.items) CHECK(it.change == Change::unchanged);
  CHECK_FALSE(r1b.alert.alert);
  CHECK(r1b.alert.note.empty());

  // Every 30 minutes until 12:00: the same outage, its window grown and
  // moved, is never new again. With thin traffic (200 users) it can look
  // over before it is: then it is ended early and corrected ("went on after
  // the reported end") when the data shows more.
  std::string last_end;
  for (Micros now = kDay + 7 * kH + 30 * kMin; now <= kDay + 12 * kH; now += 30 * kMin) {
    auto r = s.run_at(now);
    INFO("run at " << format_rfc3339(now));
    REQUIRE(r.portal);
    CHECK(r.portal->change != Change::new_);
    if (r.portal->change != Change::unchanged) {
      CHECK(r.alert.alert);
      if (r.portal->detail.find("over at") != std::string::npos) last_end = r.portal->detail;
    }
    if (now < kDay + 9 * kH + 30 * kMin) CHECK(r.portal->entry.start < kDay + 6 * kH + 15 * kMin);
  }
  // The last end reported is the real one (the outage ends 09:50).
  CHECK_THAT(last_end, Catch::Contains("over at 2026-06-01 09:5"));
  auto r5 = s.run_at(kDay + 12 * kH + 10 * kMin);
  REQUIRE(r5.portal);
  CHECK(r5.portal->change == Change::unchanged);
  CHECK_FALSE(r5.alert.alert);

  // 18:00: out of the six hours; dropped from the state without another alert.
  auto r6 = s.run_at(kDay + 18 * kH);
  CHECK(r6.portal == nullptr);
  for (const auto& e : r6.alert.next.entries) CHECK(e.kind != FindingKind::provider_portal_outage);
}

TEST_CASE("alert schedule: a deleted or damaged state makes everything new, with a note", "[e2e][alert]") {
  Schedule s;
  auto r1 = s.run_at(kDay + 7 * kH);
  REQUIRE(r1.portal);
  fs::remove(s.state);
  auto r2 = s.run_at(kDay + 7 * kH + 10 * kMin);
  REQUIRE(r2.portal);
  CHECK(r2.portal->change == Change::new_);
  CHECK(r2.alert.status == StateStatus::missing);
  CHECK(r2.alert.alert);

  REQUIRE_FALSE(write_file(s.state, "# idtriage alert state, version 1\nkind\tsub", true).has_value());
  auto r3 = s.run_at(kDay + 7 * kH + 20 * kMin);
  REQUIRE(r3.portal);
  CHECK(r3.portal->change == Change::new_);
  CHECK(r3.alert.status == StateStatus::damaged);
  CHECK_THAT(r3.alert.note, Catch::Contains("is damaged (cut short"));
  // …and the state is whole again afterwards.
  auto r4 = s.run_at(kDay + 7 * kH + 30 * kMin);
  CHECK(r4.alert.status == StateStatus::ok);
  REQUIRE(r4.portal);
  CHECK(r4.portal->change != Change::new_);
}

TEST_CASE("alert schedule: a run that cannot read its sign-ins ends nothing and is incomplete", "[e2e][alert]") {
  Schedule s;
  auto r1 = s.run_at(kDay + 7 * kH);
  REQUIRE(r1.portal);
  TriageInputs broken = s.in;
  for (auto& f : broken.detect)
    if (f.find("signins") != std::string::npos) f = (s.dir / "missing-signins.jsonl").string();
  auto r2 = s.run_at(kDay + 7 * kH + 10 * kMin, &broken);
  CHECK(r2.run.input_error);
  CHECK(r2.alert.partial);
  CHECK(r2.alert.carried >= 1);
  for (const auto& it : r2.alert.items) CHECK(it.change != Change::ended);
  // The next good run finds the outage as it was: not new, not ended.
  auto r3 = s.run_at(kDay + 7 * kH + 20 * kMin);
  REQUIRE(r3.portal);
  CHECK(r3.portal->change != Change::new_);
  CHECK(r3.portal->change != Change::ended);
}
