// Why: `idtriage user` answers "what is going on with this one caller". The
// findings come from the triage correlation over the same inputs; this file
// decides which of them (and which identity health issues) cover the person,
// from a table per finding kind, and boils the person's records down to the
// facts the diagnosis is chosen from (docs/user-json.md lists both).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "aggregate/user_activity.h"
#include "correlate/finding.h"
#include "model/health.h"

namespace idt {

// The situations a diagnosis is written for, most specific first. The
// finding-based ones are chosen when a finding covers the person; the others
// from their own records. Texts live in playbook/caller_texts.cpp.
enum class CallerSituation : std::uint8_t {
  provider_portal_outage,
  provider_auth_outage,
  tenant_policy_block,
  registration_blocked,
  password_spray,
  mfa_fatigue,
  lockout_wave,
  outage_phishing,
  campaign_overload,
  breakglass_stale,
  breakglass_used,
  locked,
  disabled,
  mfa_failed,
  registration_failed,
  ca_blocked,
  bad_password,
  service_error,
  other_failure,
  all_ok,
  no_records,
  count_
};
inline constexpr std::size_t kCallerSituationCount = static_cast<std::size_t>(CallerSituation::count_);
// The finding-based situations are named like their finding kind; the
// others here.
inline constexpr std::array<std::string_view, kCallerSituationCount - kFindingKindCount> kOwnSituationNames = {
    "locked",         "disabled",      "mfa_failed", "registration_failed", "ca_blocked",
    "bad_password",   "service_error", "other_failure", "all_ok",           "no_records"};
static_assert(static_cast<std::size_t>(CallerSituation::locked) == kFindingKindCount,
              "the finding-based situations come first, one per FindingKind");
constexpr std::string_view name(CallerSituation s) {
  auto i = static_cast<std::size_t>(s);
  return i < kFindingKindCount ? kFindingKindNames[i] : kOwnSituationNames[i - kFindingKindCount];
}
// The finding-based situations share the finding kind's name and order.
constexpr CallerSituation situation_for(FindingKind k) { return static_cast<CallerSituation>(k); }

// Which of a person's records put them under a finding of each kind.
struct CoverRule {
  FindingKind kind;
  std::uint32_t signin_classes;  // bit per SigninClass
  std::string_view signin_reason;  // and this reason (empty = any)
  bool security_info_only;         // sign-ins to the security-info apps only
  std::uint32_t audit_classes;     // bit per AuditClass
  std::uint32_t ticket_classes;    // bit per TicketClass
  bool by_evidence_user;           // named in the finding's top users
  bool by_evidence_ip;             // a failed sign-in from one of its top IPs
};
const std::array<CoverRule, kFindingKindCount>& cover_rules();

struct CoveredFinding {
  std::size_t index = 0;  // into TriageReport::findings
  std::string why;        // "3 sign-ins to security-info apps failed 06:10-07:55"
};
struct CoveredHealth {
  std::size_t index = 0;  // into the health issues given
  std::string why;
};

// What the diagnosis is chosen from.
struct CallerFacts {
  std::uint32_t signins = 0, successes = 0, failures = 0, interrupts = 0;
  std::uint32_t bad_passwords = 0, locked = 0, disabled = 0, mfa_failures = 0, registration_failures = 0,
                ca_blocks = 0, service_errors = 0;
  std::uint32_t reg_started = 0, reg_completed = 0, reg_cancelled = 0, reg_failed = 0, methods_deleted = 0,
                admin_changes = 0;
  std::int64_t last_failure = -1;  // index into signins of the latest non-success, non-interrupt
  std::int64_t last_success = -1;
  std::string usual_ip;        // the IP most of their successful sign-ins came from
  std::string failure_ip;      // the IP most of their failures came from
  std::uint32_t failure_ip_count = 0;
  bool registration_open = false;  // started and not completed afterwards
};

struct CallerCase {
  CallerSituation situation = CallerSituation::no_records;
  std::vector<CoveredFinding> findings;  // in report order (most severe first)
  std::vector<CoveredHealth> health;
  CallerFacts facts;
  // Values for the texts' placeholders (playbook/caller_texts).
  std::vector<std::pair<std::string, std::string>> values;
  // Filled by playbook/caller_texts: the diagnosis in plain words, what to
  // read out to the caller, and what not to do (from the finding's playbook
  // or the situation's row).
  std::string diagnosis, say;
  std::vector<std::string> do_not;
};

// Decides coverage, facts and situation. `health` are the triage run's
// issues; only identity-relevant ones active while the person had trouble
// (or open at the end of their records) cover them.
CallerCase assess_caller(const UserActivity& user, const TriageReport& report,
                         const std::vector<HealthIssueCopy>& health);

}  // namespace idt
