// Why: alerting from a schedule — `triage --state FILE` run every few minutes
// reports only what is new or changed since the last run. A finding's
// identity across runs (kind, subject, window within a tolerance) and what
// counts as a change are rules here, as data and pure functions of the
// report and the previous state, so tests feed either directly. The state
// file is a small versioned TSV (docs/alerting.md); reading it never fails:
// a damaged, truncated or newer file is an empty state with a note.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "correlate/finding.h"
#include "util/time.h"

namespace idt {

// What happened to a finding since the last run.
enum class Change : std::uint8_t { new_, changed, ended, unchanged, count_ };
inline constexpr std::size_t kChangeCount = static_cast<std::size_t>(Change::count_);
inline constexpr std::array<std::string_view, kChangeCount> kChangeNames = {"new", "changed", "ended", "unchanged"};
static_assert(kChangeNames.size() == kChangeCount, "every Change needs a name");
constexpr std::string_view name(Change c) { return kChangeNames[static_cast<std::size_t>(c)]; }

// What the subject of a finding kind is: a kind that can hold several
// findings at once for different accounts keys them by the account.
enum class AlertSubject : std::uint8_t { none, top_user };
inline constexpr std::array<AlertSubject, kFindingKindCount> kAlertSubjects = {
    AlertSubject::none,      // provider_portal_outage
    AlertSubject::none,      // provider_auth_outage
    AlertSubject::none,      // tenant_policy_block
    AlertSubject::none,      // registration_blocked
    AlertSubject::none,      // password_spray
    AlertSubject::top_user,  // mfa_fatigue: one per user
    AlertSubject::none,      // lockout_wave
    AlertSubject::none,      // outage_phishing
    AlertSubject::none,      // campaign_overload
    AlertSubject::top_user,  // breakglass_stale: one per account
    AlertSubject::top_user,  // breakglass_used: one per account
};
static_assert(kAlertSubjects.size() == kFindingKindCount, "every FindingKind needs an alert subject");

// Two windows of one kind and subject are the same finding when they overlap
// after each is widened by this much (at least two buckets).
inline constexpr Micros kAlertTolerance = 30 * 60 * kMicrosPerSecond;
// A state file larger than this, or with more entries, is treated as damaged.
inline constexpr std::size_t kMaxStateBytes = 1 << 20, kMaxStateEntries = 10000;
inline constexpr int kStateVersion = 1;

// One finding as the state remembers it.
struct AlertEntry {
  FindingKind kind = FindingKind::provider_portal_outage;
  std::string subject;                    // lower-case account for per-account kinds, else ""
  Micros start = kNoTime, end = kNoTime;  // the union of the windows seen (kNoTime: a finding without window)
  Severity severity = Severity::info;     // the highest severity reported
  Cause cause = Cause::unknown;
  bool suspected = false;
  bool ongoing = false;             // in progress at the end of the last run's data
  bool ended = false;               // its end was reported (kept while inside the analysed period)
  Micros first_reported = kNoTime;  // the run that reported it first
  std::string root_cause;           // for the person reading the file
};

struct AlertState {
  Micros written = kNoTime;  // when the run that wrote it ran
  Micros period_start = kNoTime, period_end = kNoTime;
  std::vector<AlertEntry> entries;
};

// How the previous state was found. Anything but `ok` starts from an empty
// state: every finding is new again, with a note.
enum class StateStatus : std::uint8_t { ok, missing, unreadable, damaged, newer, count_ };
inline constexpr std::array<std::string_view, 5> kStateStatusNames = {"ok", "missing", "unreadable", "damaged",
                                                                      "newer"};
static_assert(kStateStatusNames.size() == static_cast<std::size_t>(StateStatus::count_));
constexpr std::string_view name(StateStatus s) { return kStateStatusNames[static_cast<std::size_t>(s)]; }

struct StateLoad {
  StateStatus status = StateStatus::missing;
  AlertState state;    // empty unless ok
  std::string detail;  // why not ok ("line 4: 9 fields, expected 11", "version 2", a system error)
};

// The state file's text (never throws; hostile input gives `damaged`).
StateLoad parse_alert_state(std::string_view text);
std::string write_alert_state(const AlertState& s);

struct AlertOptions {
  Severity fail_on = Severity::medium;  // a change alerts when its finding is at least this severe
  Micros now = kNoTime;                 // this run's time (first_reported, written)
  // The run could not judge everything (incomplete, an input error): a
  // finding it does not see is kept as it was, and none is declared ended.
  bool partial = false;
};

struct AlertItem {
  Change change = Change::unchanged;
  std::string detail;  // "severity medium → high", "confirmed: provider incident MO…", "over at 09:37"
  const Finding* finding = nullptr;  // null: an earlier finding this run no longer reports (ended)
  AlertEntry entry;                  // as saved after this run (for one no longer reported: as it was)
  bool alert = false;                // change ≠ unchanged and severity ≥ fail_on
};

struct AlertReport {
  std::string path;  // the state file
  StateStatus status = StateStatus::missing;
  std::string note;  // why every finding is new again ("" when the state was read)
  Micros previous_run = kNoTime;
  bool partial = false;
  std::size_t carried = 0;  // earlier findings not re-judged by a partial run (kept)
  // One per finding of the report, in report order (items[i].finding ==
  // &report.findings[i]), then the earlier ones no longer reported.
  std::vector<AlertItem> items;
  std::array<std::size_t, kChangeCount> counts{};
  bool alert = false;  // some item alerts: the exit code says "something new"
  AlertState next;     // what this run saves
};

// The subject of a finding (kAlertSubjects).
std::string alert_subject(const Finding& f);

// Compares the report with the previous state. `report` must outlive the result.
AlertReport diff_alerts(const TriageReport& report, const StateLoad& previous, const std::string& path,
                        const AlertOptions& opts);

}  // namespace idt
