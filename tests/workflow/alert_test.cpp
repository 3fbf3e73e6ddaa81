// Why: a scheduled job trusts `triage --state` to alert once per new,
// escalated or ended finding and never to go quiet by mistake. The state
// file reader is fed hostile text (cut short, wrong counts, bad fields, a
// newer version, binary junk, oversized), and each change rule — identity by
// kind, subject and window tolerance; severity only upwards; confirmation;
// ended when over or gone; nothing ended by a partial run; --fail-on — is
// pinned on hand-built reports.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <string>

#include "run/alert_run.h"
#include "util/write_file.h"
#include "workflow/alert.h"

using namespace idt;

namespace {

constexpr Micros kMin = 60LL * kMicrosPerSecond, kH = 60 * kMin;
const Micros kDay = from_civil(2026, 6, 1, 0, 0, 0, 0);

Finding finding(FindingKind k, Severity s, Micros start, Micros end, bool ongoing) {
  Finding f;
  f.id = "F1";
  f.kind = k;
  f.severity = s;
  f.start = start;
  f.end = end;
  f.ongoing = ongoing;
  f.cause = Cause::provider;
  f.root_cause = "provider side, suspected (no matching health issue posted yet)";
  f.suspected = true;
  return f;
}

TriageReport report(std::vector<Finding> fs, Micros from = kDay, Micros to = kDay + 6 * kH) {
  TriageReport r;
  r.window_start = from;
  r.window_end = to;
  r.bucket = 15 * kMin;
  r.findings = std::move(fs);
  for (std::size_t i = 0; i < r.findings.size(); ++i) r.findings[i].id = "F" + std::to_string(i + 1);
  return r;
}

// The state a run leaves, read back through the file format (as the next run sees it).
StateLoad saved(const AlertReport& a) {
  StateLoad l = parse_alert_state(write_alert_state(a.next));
  REQUIRE(l.status == StateStatus::ok);
  return l;
}

AlertOptions at(Micros now, bool partial = false) {
  AlertOptions o;
  o.now = now;
  o.partial = partial;
  return o;
}

}  // namespace

TEST_CASE("alert state: written and read back unchanged, odd characters included", "[alert]") {
  AlertState s;
  s.written = kDay + 6 * kH;
  s.period_start = kDay;
  s.period_end = kDay + 6 * kH;
  AlertEntry e;
  e.kind = FindingKind::mfa_fatigue;
  e.subject = "a\tb\\c@contoso.com";
  e.start = kDay + kH;
  e.end = kDay + 2 * kH;
  e.severity = Severity::high;
  e.cause = Cause::attack;
  e.suspected = false;
  e.ongoing = true;
  e.first_reported = kDay + kH + 5 * kMin;
  e.root_cause = "push bombing of a\nb\r\\";
  s.entries.push_back(e);
  AlertEntry w;  // a finding without a window
  w.kind = FindingKind::breakglass_stale;
  w.subject = "bg1@contoso.com";
  w.ended = true;
  s.entries.push_back(w);
  std::string text = write_alert_state(s);
  CHECK(text.starts_with("# idtriage alert state, version 1"));
  CHECK(text.ends_with("# end: 2 entries\n"));
  StateLoad l = parse_alert_state(text);
  REQUIRE(l.status == StateStatus::ok);
  CHECK(l.state.written == s.written);
  CHECK(l.state.period_start == kDay);
  REQUIRE(l.state.entries.size() == 2);
  const AlertEntry& r = l.state.entries[0];
  CHECK(r.kind == e.kind);
  CHECK(r.subject == e.subject);
  CHECK(r.start == e.start);
  CHECK(r.end == e.end);
  CHECK(r.severity == Severity::high);
  CHECK(r.cause == Cause::attack);
  CHECK(r.ongoing);
  CHECK_FALSE(r.ended);
  CHECK(r.first_reported == e.first_reported);
  CHECK(r.root_cause == e.root_cause);
  CHECK(l.state.entries[1].start == kNoTime);
  CHECK(l.state.entries[1].ended);
  // Written on Windows (CRLF) it still reads.
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  CHECK(parse_alert_state(crlf).status == StateStatus::ok);
}

TEST_CASE("alert state: hostile or damaged files are an empty state with the reason", "[alert]") {
  AlertState s;
  AlertEntry e;
  e.kind = FindingKind::lockout_wave;
  e.start = kDay;
  e.end = kDay + kH;
  s.entries.push_back(e);
  const std::string good = write_alert_state(s);
  REQUIRE(parse_alert_state(good).status == StateStatus::ok);
  auto damaged = [](std::string_view text, std::string_view why) {
    StateLoad l = parse_alert_state(text);
    CHECK(l.status == StateStatus::damaged);
    CHECK(l.state.entries.empty());
    CHECK_THAT(l.detail, Catch::Contains(std::string(why)));
  };
  damaged("", "empty");
  damaged(good.substr(0, good.size() - 1), "cut short");              // no final newline
  damaged(good.substr(0, good.find("# end")), "no end line");         // cut at a line boundary
  damaged(good.substr(0, good.find("lockout_wave")), "no end line");  // cut before the entries
  damaged(std::string_view("\x7f"
                           "ELF\x01\x02\x00\x00junk\n",
                           13),
          "not an idtriage alert state");
  damaged("# idtriage alert state, version x\n", "no version");
  damaged("# idtriage alert state, version 0\n# end: 0 entries\n", "unknown version 0");
  std::string miscount = good;
  miscount.replace(miscount.find("# end: 1"), 8, "# end: 2");
  damaged(miscount, "counts 2 entries, the file has 1");
  std::string extra = good + "lockout_wave\t-\n";
  damaged(extra, "text after the end line");
  auto with_row = [&](std::string row) {
    std::string t = good;
    std::size_t at = t.find("lockout_wave");
    std::size_t eol = t.find('\n', at);
    t.replace(at, eol - at, row);
    return t;
  };
  damaged(with_row("lockout_wave\t-\t-"), "3 fields, expected 11");
  damaged(with_row("volcano\t-\t-\t-\thigh\tprovider\tno\tno\tactive\t-\tx"), "unknown finding kind");
  damaged(with_row("lockout_wave\t-\t2026-06-01T02:00:00Z\t2026-06-01T01:00:00Z\thigh\tprovider\tno\tno\tactive\t-\tx"),
          "window");
  damaged(with_row("lockout_wave\t-\t2026-06-01T01:00:00Z\t-\thigh\tprovider\tno\tno\tactive\t-\tx"), "window");
  damaged(with_row("lockout_wave\t-\t-\t-\tsevere\tprovider\tno\tno\tactive\t-\tx"), "severity");
  damaged(with_row("lockout_wave\t-\t-\t-\thigh\tprovider\tmaybe\tno\tactive\t-\tx"), "severity");
  damaged(with_row("lockout_wave\t-\t-\t-\thigh\tprovider\tno\tno\tsleeping\t-\tx"), "status");
  damaged(with_row("lockout_wave\t-\t-\t-\thigh\tprovider\tno\tno\tactive\tyesterday\tx"), "first_reported");
  std::string cols = good;
  cols.replace(cols.find("kind\tsubject"), 4, "kinds");
  damaged(cols, "column line");
  damaged(std::string(kMaxStateBytes + 1, '#'), "larger than");
  // Too many entries.
  AlertState big;
  big.entries.assign(kMaxStateEntries + 1, e);
  damaged(write_alert_state(big), "more than 10000 entries");

  StateLoad newer = parse_alert_state("# idtriage alert state, version 2 (from the future)\nwhatever\n");
  CHECK(newer.status == StateStatus::newer);
  CHECK(newer.detail == "version 2");
}

TEST_CASE("alert: first run, then unchanged, escalated, confirmed and over", "[alert]") {
  const Micros s = kDay + 5 * kH + 50 * kMin;
  auto r1 = report({finding(FindingKind::provider_portal_outage, Severity::medium, s, kDay + 6 * kH, true)});
  StateLoad none;  // missing
  AlertReport a1 = diff_alerts(r1, none, "state.tsv", at(kDay + 6 * kH));
  REQUIRE(a1.items.size() == 1);
  CHECK(a1.items[0].change == Change::new_);
  CHECK(a1.items[0].finding == &r1.findings[0]);
  CHECK(a1.alert);
  CHECK_THAT(a1.note, Catch::Contains("no state file state.tsv yet"));

  // Ten minutes later: the window moved (start refined 4 minutes later), same severity.
  auto r2 = report(
      {finding(FindingKind::provider_portal_outage, Severity::medium, s + 4 * kMin, kDay + 6 * kH + 10 * kMin, true)},
      kDay + 10 * kMin, kDay + 6 * kH + 10 * kMin);
  AlertReport a2 = diff_alerts(r2, saved(a1), "state.tsv", at(kDay + 6 * kH + 10 * kMin));
  REQUIRE(a2.items.size() == 1);
  CHECK(a2.items[0].change == Change::unchanged);
  CHECK_FALSE(a2.alert);
  CHECK(a2.note.empty());
  CHECK(a2.previous_run == kDay + 6 * kH);
  CHECK(a2.items[0].entry.start == s);  // the earliest start is kept

  // Escalated and confirmed by a health issue.
  Finding f3 = finding(FindingKind::provider_portal_outage, Severity::high, s, kDay + 6 * kH + 20 * kMin, true);
  f3.suspected = false;
  f3.root_cause = "provider incident MO1329260";
  auto r3 = report({f3});
  AlertReport a3 = diff_alerts(r3, saved(a2), "state.tsv", at(kDay + 6 * kH + 20 * kMin));
  CHECK(a3.items[0].change == Change::changed);
  CHECK_THAT(a3.items[0].detail, Catch::Contains("severity medium → high"));
  CHECK_THAT(a3.items[0].detail, Catch::Contains("confirmed: provider incident MO1329260"));
  CHECK(a3.alert);

  // A lower severity later is not a change (no flapping alerts); the highest is kept.
  auto r4 =
      report({finding(FindingKind::provider_portal_outage, Severity::medium, s, kDay + 6 * kH + 30 * kMin, true)});
  r4.findings[0].suspected = false;
  AlertReport a4 = diff_alerts(r4, saved(a3), "state.tsv", at(kDay + 6 * kH + 30 * kMin));
  CHECK(a4.items[0].change == Change::unchanged);
  CHECK(a4.items[0].entry.severity == Severity::high);

  // Over ten minutes before the end of the data: not yet (a pause in thin traffic is not an end).
  auto r4b = report({finding(FindingKind::provider_portal_outage, Severity::high, s, kDay + 6 * kH + 25 * kMin, false)},
                    kDay + 35 * kMin, kDay + 6 * kH + 35 * kMin);
  r4b.findings[0].suspected = false;
  AlertReport a4b = diff_alerts(r4b, saved(a4), "state.tsv", at(kDay + 6 * kH + 35 * kMin));
  CHECK(a4b.items[0].change == Change::unchanged);
  CHECK_FALSE(a4b.items[0].entry.ended);
  // Over, with 35 quiet minutes after it: ended once, then unchanged while it stays in the window.
  auto r5 = report({finding(FindingKind::provider_portal_outage, Severity::high, s, kDay + 6 * kH + 25 * kMin, false)},
                   kDay + kH, kDay + 7 * kH);
  r5.findings[0].suspected = false;
  AlertReport a5 = diff_alerts(r5, saved(a4b), "state.tsv", at(kDay + 7 * kH));
  CHECK(a5.items[0].change == Change::ended);
  CHECK_THAT(a5.items[0].detail, Catch::Contains("over at 2026-06-01 06:25"));
  CHECK(a5.alert);
  AlertReport a6 = diff_alerts(r5, saved(a5), "state.tsv", at(kDay + 7 * kH + 10 * kMin));
  CHECK(a6.items[0].change == Change::unchanged);
  CHECK_FALSE(a6.alert);

  // Out of the analysed period: dropped without another alert.
  auto r7 = report({}, kDay + 13 * kH, kDay + 19 * kH);
  AlertReport a7 = diff_alerts(r7, saved(a6), "state.tsv", at(kDay + 19 * kH));
  CHECK(a7.items.empty());
  CHECK(a7.next.entries.empty());
  CHECK_FALSE(a7.alert);
}

TEST_CASE("alert: a finding that disappears ends, a partial run ends nothing", "[alert]") {
  auto r1 = report({finding(FindingKind::lockout_wave, Severity::high, kDay + 2 * kH, kDay + 6 * kH, true)});
  AlertReport a1 = diff_alerts(r1, StateLoad{}, "s", at(kDay + 6 * kH));
  StateLoad prev = saved(a1);

  // The sign-in file could not be read: nothing seen, nothing ended, kept.
  auto empty = report({});
  AlertReport partial = diff_alerts(empty, prev, "s", at(kDay + 6 * kH + 10 * kMin, true));
  CHECK(partial.items.empty());
  CHECK(partial.carried == 1);
  CHECK(partial.next.entries.size() == 1);
  CHECK_FALSE(partial.alert);
  // A partial run that sees it over does not declare it ended either.
  auto over = report({finding(FindingKind::lockout_wave, Severity::high, kDay + 2 * kH, kDay + 5 * kH, false)});
  AlertReport p2 = diff_alerts(over, prev, "s", at(kDay + 6 * kH + 10 * kMin, true));
  CHECK(p2.items[0].change == Change::unchanged);
  CHECK(p2.next.entries[0].ongoing);

  // A complete run that no longer finds it: ended, kept (inside the period) so it is not new if it shows again.
  AlertReport gone = diff_alerts(empty, prev, "s", at(kDay + 6 * kH + 10 * kMin));
  REQUIRE(gone.items.size() == 1);
  CHECK(gone.items[0].change == Change::ended);
  CHECK(gone.items[0].finding == nullptr);
  CHECK(gone.items[0].detail == "no longer found");
  CHECK(gone.alert);
  REQUIRE(gone.next.entries.size() == 1);
  CHECK(gone.next.entries[0].ended);
  AlertReport back = diff_alerts(r1, saved(gone), "s", at(kDay + 6 * kH + 20 * kMin));
  CHECK(back.items[0].change == Change::changed);
  CHECK(back.items[0].detail == "in progress again");
}

TEST_CASE("alert: identity is kind, subject and window within the tolerance", "[alert]") {
  Finding a = finding(FindingKind::mfa_fatigue, Severity::high, kDay + kH, kDay + kH + 10 * kMin, false);
  a.evidence.top_users.push_back({"Alice@Contoso.com", 12});
  Finding b = a;
  b.evidence.top_users[0].key = "bob@contoso.com";
  AlertReport a1 = diff_alerts(report({a}), StateLoad{}, "s", at(kDay + 2 * kH));
  CHECK(a1.items[0].entry.subject == "alice@contoso.com");
  // Same kind and time, another user: new.
  AlertReport a2 = diff_alerts(report({a, b}), saved(a1), "s", at(kDay + 2 * kH));
  CHECK(a2.items[0].change == Change::unchanged);
  CHECK(a2.items[1].change == Change::new_);

  Finding l = finding(FindingKind::lockout_wave, Severity::medium, kDay + kH, kDay + 2 * kH, true);
  AlertReport b1 = diff_alerts(report({l}), StateLoad{}, "s", at(kDay + 3 * kH));
  // 25 minutes after the end: within 30 min, the same episode.
  Finding near = l;
  near.start = kDay + 2 * kH + 25 * kMin;
  near.end = kDay + 3 * kH;
  CHECK(diff_alerts(report({near}), saved(b1), "s", at(kDay + 3 * kH)).items[0].change == Change::unchanged);
  // 45 minutes after: another episode (and the first one is gone: ended).
  Finding far = l;
  far.start = kDay + 2 * kH + 45 * kMin;
  far.end = kDay + 3 * kH;
  AlertReport b3 = diff_alerts(report({far}), saved(b1), "s", at(kDay + 3 * kH));
  CHECK(b3.items[0].change == Change::new_);
  // A coarser bucket widens the tolerance (two buckets).
  auto wide = report({far});
  wide.bucket = kH;
  CHECK(diff_alerts(wide, saved(b1), "s", at(kDay + 3 * kH)).items[0].change == Change::unchanged);
  // Another kind at the same time is not the same finding.
  Finding other = l;
  other.kind = FindingKind::password_spray;
  CHECK(diff_alerts(report({other}), saved(b1), "s", at(kDay + 3 * kH)).items[0].change == Change::new_);
}

TEST_CASE("alert: --fail-on decides which changes alert", "[alert]") {
  auto r = report({finding(FindingKind::lockout_wave, Severity::low, kDay + kH, kDay + 2 * kH, true)});
  AlertReport a = diff_alerts(r, StateLoad{}, "s", at(kDay + 3 * kH));
  CHECK(a.items[0].change == Change::new_);
  CHECK_FALSE(a.items[0].alert);  // low < medium (default)
  CHECK_FALSE(a.alert);
  AlertOptions lo = at(kDay + 3 * kH);
  lo.fail_on = Severity::low;
  CHECK(diff_alerts(r, StateLoad{}, "s", lo).alert);
  // Escalated past --fail-on later: alerts then.
  auto r2 = r;
  r2.findings[0].severity = Severity::medium;
  AlertReport b = diff_alerts(r2, saved(a), "s", at(kDay + 3 * kH + 10 * kMin));
  CHECK(b.items[0].change == Change::changed);
  CHECK(b.alert);
}

TEST_CASE("alert: a damaged or newer state makes every finding new, with a note", "[alert]") {
  auto r = report({finding(FindingKind::lockout_wave, Severity::high, kDay + kH, kDay + 2 * kH, true)});
  StateLoad bad = parse_alert_state("garbage\n");
  AlertReport a = diff_alerts(r, bad, "st.tsv", at(kDay + 3 * kH));
  CHECK(a.items[0].change == Change::new_);
  CHECK_THAT(a.note, Catch::Contains("st.tsv is damaged (line 1: not an idtriage alert state file)"));
  StateLoad newer = parse_alert_state("# idtriage alert state, version 7\n");
  AlertReport b = diff_alerts(r, newer, "st.tsv", at(kDay + 3 * kH));
  CHECK(b.items[0].change == Change::new_);
  CHECK_THAT(b.note, Catch::Contains("newer idtriage (version 7)"));
}

TEST_CASE("alert state file: missing, a directory, saved atomically", "[alert]") {
  const std::string dir = "/tmp/idtriage-alert-test-" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/state.tsv";
  CHECK(load_alert_state(path).status == StateStatus::missing);
  CHECK(load_alert_state(dir).status == StateStatus::unreadable);
  CHECK(check_state_writable(dir).has_value());
  CHECK(check_state_writable(dir + "/no/such/dir/state").has_value());
  CHECK_FALSE(check_state_writable(path).has_value());
  AlertState s;
  s.written = kDay;
  REQUIRE_FALSE(save_alert_state(path, s).has_value());
  StateLoad l = load_alert_state(path);
  CHECK(l.status == StateStatus::ok);
  CHECK(l.state.written == kDay);
  // No temporary file is left behind.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
  CHECK(files == 1);
  // Truncated on disk (a crash of another tool, a full disk elsewhere): damaged, not an error.
  std::string text = write_alert_state(s);
  REQUIRE_FALSE(write_file(path, text.substr(0, text.size() / 2), true).has_value());
  CHECK(load_alert_state(path).status == StateStatus::damaged);
  auto err = write_file("/dev/full", "x", true);
  REQUIRE(err.has_value());
  CHECK_THAT(*err, Catch::Contains("/dev/full: No space left on device"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("alert: an end reported too early is corrected", "[alert]") {
  // Thin traffic: the outage looked over at 07:32; the data later shows it went on until 09:50.
  auto early = report(
      {finding(FindingKind::provider_portal_outage, Severity::high, kDay + 6 * kH, kDay + 7 * kH + 32 * kMin, false)},
      kDay + 2 * kH, kDay + 8 * kH + 30 * kMin);
  AlertReport a = diff_alerts(early, StateLoad{}, "s", at(kDay + 8 * kH));
  CHECK(a.items[0].entry.ended);
  auto later = report(
      {finding(FindingKind::provider_portal_outage, Severity::high, kDay + 6 * kH, kDay + 9 * kH + 50 * kMin, false)},
      kDay + 6 * kH, kDay + 12 * kH);
  AlertReport b = diff_alerts(later, saved(a), "s", at(kDay + 12 * kH));
  CHECK(b.items[0].change == Change::changed);
  CHECK(b.items[0].detail == "went on after the reported end: over at 2026-06-01 09:50 UTC");
  CHECK(b.alert);
  // A few minutes more (within the tolerance) is not worth another message.
  auto same = later;
  same.findings[0].end += 10 * kMin;
  CHECK(diff_alerts(same, saved(b), "s", at(kDay + 12 * kH)).items[0].change == Change::unchanged);
}
