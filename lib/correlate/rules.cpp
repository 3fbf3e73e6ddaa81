// Why: the detector table — every threshold, time span, cause, ticket class
// and severity of correlation in one place (see rules.h). Spike numbers are
// per 15 minutes; correlation scales them to the analysis bucket. Order
// matters: later detectors look at earlier findings (provider first, then
// tenant, attack, consequences).
#include "correlate/rules.h"

#include <array>

#include "correlate/detectors.h"

namespace idt {
namespace {

using A = AuditClass;
using T = TicketClass;
constexpr Micros kMin = 60 * kMicrosPerSecond;
constexpr Micros kH = 60 * kMin;

constexpr A kCaOrMethods[] = {A::ca_policy_change, A::authmethod_policy_change};
constexpr A kMethodsOrCa[] = {A::authmethod_policy_change, A::ca_policy_change};
constexpr A kCa[] = {A::ca_policy_change};
constexpr A kMethods[] = {A::authmethod_policy_change};
constexpr A kPasswordChanges[] = {A::password_change};

constexpr T kPortalTickets[] = {T::mfa_setup, T::portal_unreachable};
constexpr T kSigninTickets[] = {T::signin_failure};
constexpr T kBlockTickets[] = {T::signin_failure, T::lockout};
constexpr T kSetupTickets[] = {T::mfa_setup};
constexpr T kLockoutTickets[] = {T::lockout, T::signin_failure};
constexpr T kPromptTickets[] = {T::mfa_prompts};
constexpr T kPhishingTickets[] = {T::phishing_report};

constexpr DetectorRule kRules[] = {
    {
        .kind = FindingKind::provider_portal_outage,
        .what = "service errors on the security-info apps and abandoned registrations while other apps are normal",
        .run = detect_portal_outage,
        .abs_min = 5,
        .abs_margin = 5,
        .rel_factor = 3,
        .mad_k = 5,
        .rate_factor = 3,   // a sparse run of portal errors: its error rate at least 3× the rate outside…
        .min_users = 3,     // …from at least this many users
        .min_events = 50,   // other-app sign-ins needed to call them normal…
        .min_share = 0.5,   // abandonment alone: at least this share of starts abandoned
        .max_share = 0.05,  // a rise of the other apps' failure rate beyond this makes it an auth outage
        .cause_classes = kCaOrMethods,
        .cause_before = 2 * kH,  // a tenant change this close before is named (rule it out first)
        .health_slack = 1 * kH,
        .ticket_classes = kPortalTickets,
        .tickets_before = 1 * kH,
        .tickets_after = 2 * kH,
        .floor = Severity::medium,  // even suspected: staff must act before the provider posts
        .high_at = 50,              // portal errors + abandoned registrations
        .with_health = Severity::high,
    },
    {
        .kind = FindingKind::provider_auth_outage,
        .what = "service errors across several apps at once",
        .run = detect_auth_outage,
        .abs_min = 5,
        .abs_margin = 2.5,
        .rel_factor = 3,
        .mad_k = 5,
        .traffic_share = 0.1,
        .traffic_cap = 20,
        .min_users = 3,  // apps with service errors in the window (one app failing is that app)
        .health_slack = 1 * kH,
        .ticket_classes = kSigninTickets,
        .tickets_before = 0,
        .tickets_after = 1 * kH,
        .floor = Severity::medium,
        .high_at = 100,  // service errors
        .with_health = Severity::high,
    },
    {
        .kind = FindingKind::tenant_policy_block,
        .what = "Conditional Access blocks (53003) on ordinary apps, after the tenant's own change",
        .run = detect_tenant_block,
        .abs_min = 4,
        .abs_margin = 3.2,
        .rel_factor = 3,
        .mad_k = 5,
        .traffic_share = 0.05,
        .traffic_cap = 10,
        .cause_classes = kCa,
        .cause_before = 3 * kH,
        .ticket_classes = kBlockTickets,
        .tickets_before = 0,
        .tickets_after = 1 * kH,
        .floor = Severity::medium,
        .high_at = 50,  // blocked sign-ins
    },
    {
        .kind = FindingKind::registration_blocked,
        .what = "security-info registration blocked by policy (53004/53010, 53003 on the security-info apps)",
        .run = detect_registration_blocked,
        .abs_min = 4,
        .abs_margin = 3.2,
        .rel_factor = 3,
        .mad_k = 5,
        .traffic_share = 0.05,
        .traffic_cap = 10,
        .cause_classes = kMethodsOrCa,
        .cause_before = 3 * kH,
        .ticket_classes = kSetupTickets,
        .tickets_before = 0,
        .tickets_after = 1 * kH,
        .floor = Severity::medium,
        .high_at = 50,
    },
    {
        .kind = FindingKind::password_spray,
        .what = "few IPs, many users, wrong passwords; accounts that got past the password first",
        .run = detect_password_spray,
        .min_users = 10,   // distinct users per IP
        .min_events = 15,  // credential failures per IP (and more failures than successes)
        .span = 24 * kH,   // an IP's failures fit in this
        .ticket_classes = kLockoutTickets,
        .tickets_before = 0,
        .tickets_after = 2 * kH,
        .floor = Severity::medium,  // critical as soon as an account got past the password
        .high_at = 25,              // users targeted
    },
    {
        .kind = FindingKind::mfa_fatigue,
        .what = "one user bombarded with MFA prompts",
        .run = detect_mfa_fatigue,
        .min_events = 8,    // denied / timed-out prompts…
        .span = 30 * kMin,  // …within this
        .ticket_classes = kPromptTickets,
        .tickets_before = 0,
        .tickets_after = 24 * kH,  // victims often report the next morning
        .floor = Severity::high,   // critical when a prompt was approved after
    },
    {
        .kind = FindingKind::lockout_wave,
        .what = "lockouts (50053) across many users, beyond the traffic's usual rate, with their cause",
        .run = detect_lockout_wave,
        .abs_min = 5,
        .abs_margin = 4,
        .rel_factor = 3,
        .mad_k = 5,
        .traffic_share = 0.02,
        .traffic_cap = 15,
        .rate_factor = 3,  // lockouts per sign-in at least 3× the rate elsewhere (Monday mornings are busy)
        .min_users = 5,    // distinct users locked out in the window (one stale phone is not a wave)
        .min_events = 10,  // password changes/resets before it that make a wave (and 3× the usual rate)
        .min_share = 0.6,  // one client making this share of the lockouts is named as the cause
        .max_share = 0.5,  // lockouts from spray IPs beyond this share belong to the spray finding
        // Lockouts per interactive sign-in in the window: a Monday-morning
        // rise locks out well under 1% (forgotten passwords after a weekend);
        // a wave after a password change reaches 10–25%. With a cause in the
        // data (password-change wave, a legacy client dominating) less will do.
        .min_rate = 0.02,
        .min_rate_caused = 0.005,
        .cause_classes = kPasswordChanges,
        .cause_before = 24 * kH,
        .ticket_classes = kLockoutTickets,
        .tickets_before = 0,
        .tickets_after = 2 * kH,
        .floor = Severity::medium,
        .high_at = 100,  // lockouts
    },
    {
        .kind = FindingKind::outage_phishing,
        .what = "phishing reports during or after an identity outage",
        .run = detect_outage_phishing,
        .span = 72 * kH,  // reports up to this long after the outage count
        .ticket_classes = kPhishingTickets,
        .floor = Severity::medium,
        .high_at = 3,  // reports
    },
    {
        .kind = FindingKind::campaign_overload,
        .what = "registration attempts concentrated in one hour (a campaign enabled for everyone at once)",
        .run = detect_campaign_overload,
        .rel_factor = 5,   // the peak hour holds at least 5× the median hour…
        .min_events = 20,  // …and at least this many attempts…
        .min_share = 0.3,  // …and this share of the day's attempts
        .cause_classes = kMethods,
        .cause_before = 2 * kH,
        .ticket_classes = kSetupTickets,
        .tickets_before = 0,
        .tickets_after = 2 * kH,
        .floor = Severity::medium,
    },
    {
        .kind = FindingKind::breakglass_used,
        .what = "an emergency-access account signed in (--breakglass)",
        .run = detect_breakglass_used,
        .floor = Severity::high,
    },
    {
        .kind = FindingKind::breakglass_stale,
        .what = "an emergency-access account without a successful sign-in within --breakglass-max-age",
        .run = detect_breakglass_stale,
        .floor = Severity::medium,  // low when the inputs cover less than the allowed age
    },
};

constexpr bool every_kind_once() {
  std::array<int, kFindingKindCount> seen{};
  for (const auto& r : kRules) ++seen[static_cast<std::size_t>(r.kind)];
  for (int n : seen)
    if (n != 1) return false;
  for (const auto& r : kRules)
    if (r.what.empty()) return false;
  return true;
}
// (That each rule has a detector is checked by the tests: comparing a
// function's address in a constant expression is not portable.)
static_assert(every_kind_once(), "every FindingKind needs exactly one rule with a description");

}  // namespace

std::span<const DetectorRule> builtin_rules() { return kRules; }

const DetectorRule* find_rule(std::span<const DetectorRule> rules, FindingKind kind) {
  for (const auto& r : rules)
    if (r.kind == kind) return &r;
  return nullptr;
}

}  // namespace idt
