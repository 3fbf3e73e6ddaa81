// Why: the report model of `triage`: findings with evidence, the verdict
// state (findings / all clear / incomplete, never a false all-clear) with
// the reasons a run could not judge, and what could not be decided.
// Renderers draw it; nothing here formats text beyond the one-line
// summaries, which are part of the JSON contract.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "correlate/finding_kind.h"
#include "util/time.h"

namespace idt {

struct CountItem {
  std::string key;
  std::uint64_t count = 0;
};

// An account that got past the password from an attacking IP.
struct BreachedAccount {
  std::string user, ip;
  Micros time = kNoTime;  // first sign-in (or MFA prompt) from that IP
  std::int64_t code = 0;  // 0 = signed in; else the MFA-stage code (password was right)
};

// One user the finding concerns (the --affected-users CSV, JSON evidence).
struct AffectedUser {
  std::string user;  // UPN, or the ticket caller as written when no sign-in names them
  Micros first = kNoTime, last = kNoTime;
  std::vector<std::string> classes;     // what they ran into: signals and ticket classes
  std::vector<std::string> ticket_ids;  // their tickets among the finding's
};

struct Evidence {
  std::vector<std::pair<std::string, std::int64_t>> counts;  // named numbers, in display order
  std::vector<std::pair<std::string, double>> rates;         // named ratios (0..1)
  std::vector<std::string> lines;                            // human evidence lines (baselines included)
  std::vector<CountItem> top_codes, top_apps, top_ips, top_users;
  std::vector<BreachedAccount> breached;      // password_spray: accounts to treat as compromised, first
  std::vector<std::string> health_incidents;  // matched identity health issue ids
  std::vector<std::string> ticket_ids;        // every matching ticket id
  std::vector<AffectedUser> affected;         // every affected user (capped: affected_total says how many)
  std::uint64_t affected_total = 0;
  std::uint64_t tickets = 0;
  std::uint64_t users = 0;
};

struct Finding {
  std::string id;  // F1, F2… in report order
  FindingKind kind = FindingKind::provider_portal_outage;
  Severity severity = Severity::info;
  double confidence = 0.5;
  Cause cause = Cause::unknown;
  bool suspected = false;  // provider cause inferred without a matching health issue
  // start: the first anomalous event (to the minute), never before a tenant
  // cause; end: just after the last one.
  Micros start = kNoTime, end = kNoTime;
  bool ongoing = false;    // still anomalous at the end of the data
  std::string root_cause;  // the one cause in words ("Update conditional access policy … at 13:12")
  std::string summary;
  Evidence evidence;
  std::vector<std::string> related;  // ids of findings linked to this one (same incident, consequences)
  // Values the playbook's placeholders are filled from (incident_id, window…).
  std::vector<std::pair<std::string, std::string>> fill;
  std::string playbook;  // playbook id (= kind name)
  std::vector<std::string> actions;
  std::vector<std::string> do_not;
  std::string message_subject, message;  // the filled user message ("" when the playbook has none)
};

enum class VerdictState : std::uint8_t { findings, all_clear, incomplete, count_ };
inline constexpr std::array<std::string_view, 3> kVerdictStateNames = {"findings", "all_clear", "incomplete"};
static_assert(kVerdictStateNames.size() == static_cast<std::size_t>(VerdictState::count_));
constexpr std::string_view name(VerdictState s) { return kVerdictStateNames[static_cast<std::size_t>(s)]; }

// Why a run could not give an all-clear. `code` is a stable identifier.
struct IncompleteReason {
  std::string code;   // input_unreadable, all_rejected, no_records_in_range, no_dated_records, no_records,
                      // no_signins, span_too_short, time_outliers
  std::string input;  // the file concerned ("" = the run as a whole)
  std::string detail;
};

struct TriageReport {
  // The analysed period: the densest stretch of dated records (time
  // outliers excluded).
  Micros window_start = kNoTime, window_end = kNoTime;
  Micros bucket = 0, requested_bucket = 0;  // analysis bucket (may be coarser than asked for thin traffic)
  bool multi_day = false;                   // the period spans more than one UTC day
  std::uint64_t outliers = 0;               // dated records outside the period…
  Micros outliers_first = kNoTime, outliers_last = kNoTime;  // …and their range
  std::vector<Finding> findings;                             // most severe first
  VerdictState state = VerdictState::all_clear;
  std::vector<IncompleteReason> incomplete;  // empty for an all-clear; may accompany findings
  std::vector<std::string> undecided;        // notes: what could not be decided (missing inputs…)
  std::string verdict;                       // one line
  std::string verdict_detail;                // do / do-not line
};

}  // namespace idt
