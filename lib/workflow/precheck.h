// Why: "is it safe to make this change now?" — before a Conditional Access
// change, a bulk method reset or a registration campaign, an identity admin
// needs GO / WAIT / STOP with the reasons, from the same evidence triage
// reads: provider health, provider-side findings in the logs, break-glass
// accounts, and (with a proposed policy) its scope and impact. Rules and
// their texts are data here; the decision is a pure function of the triage
// result and the policy impact, so tests can feed either directly.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aggregate/policy_impact.h"
#include "aggregate/triage_aggregate.h"
#include "classify/ca_evaluate.h"
#include "correlate/finding.h"
#include "correlate/triage.h"

namespace idt {

enum class PrecheckAction : std::uint8_t { ca_change, method_reset, campaign, count_ };
inline constexpr std::size_t kPrecheckActionCount = static_cast<std::size_t>(PrecheckAction::count_);
inline constexpr std::array<std::string_view, kPrecheckActionCount> kPrecheckActionNames = {"ca-change", "method-reset",
                                                                                            "campaign"};
static_assert(kPrecheckActionNames.size() == kPrecheckActionCount, "every PrecheckAction needs a name");
constexpr std::string_view name(PrecheckAction a) { return kPrecheckActionNames[static_cast<std::size_t>(a)]; }
std::optional<PrecheckAction> parse_precheck_action(std::string_view s);

// Ordered: the verdict is the highest gate of any check.
enum class Gate : std::uint8_t { go, wait, stop, count_ };
inline constexpr std::array<std::string_view, 3> kGateNames = {"GO", "WAIT", "STOP"};
static_assert(kGateNames.size() == static_cast<std::size_t>(Gate::count_));
constexpr std::string_view name(Gate g) { return kGateNames[static_cast<std::size_t>(g)]; }

enum class CheckId : std::uint8_t {
  inputs,                      // every input could be read
  evidence_age,                // the newest log record is recent enough to judge "now"
  provider_health,             // identity-relevant provider incidents active or recent
  provider_findings,           // provider-side findings in the logs, ongoing or recent
  tenant_findings,             // findings that make the action wrong (campaign overload, registration blocked…)
  breakglass_tested,           // break-glass accounts signed in successfully within --breakglass-max-age
  policy_breakglass_excluded,  // the proposed policy does not apply to the break-glass accounts
  policy_report_only,          // a new or changed policy starts in report-only
  policy_impact,               // share of recent sign-ins the policy would have blocked
  count_
};
inline constexpr std::size_t kCheckIdCount = static_cast<std::size_t>(CheckId::count_);
inline constexpr std::array<std::string_view, kCheckIdCount> kCheckIdNames = {"inputs",
                                                                              "evidence_age",
                                                                              "provider_health",
                                                                              "provider_findings",
                                                                              "tenant_findings",
                                                                              "breakglass_tested",
                                                                              "policy_breakglass_excluded",
                                                                              "policy_report_only",
                                                                              "policy_impact"};
static_assert(kCheckIdNames.size() == kCheckIdCount, "every CheckId needs a name");
constexpr std::string_view name(CheckId c) { return kCheckIdNames[static_cast<std::size_t>(c)]; }

// Which checks run for which action (the rule as data; docs/precheck-json.md lists it).
struct CheckRule {
  CheckId id;
  std::array<bool, kPrecheckActionCount> applies;  // ca-change, method-reset, campaign
  std::string_view what;                           // one line for docs and --help
};
std::span<const CheckRule> precheck_rules();

// Thresholds and time spans, in one place.
struct PrecheckOptions {
  PrecheckAction action = PrecheckAction::ca_change;
  Micros at = kNoTime;                                      // the moment judged ("now")
  Micros recent = 6LL * 3600 * kMicrosPerSecond;            // resolved this recently still means WAIT
  Micros max_evidence_age = 2LL * 3600 * kMicrosPerSecond;  // newest record older than this: WAIT
  std::vector<std::string> breakglass;                      // lower-cased UPNs or object ids
  Micros breakglass_max_age = 30LL * 86400 * kMicrosPerSecond;
  double wait_share = 0.05;  // an enforced block policy hitting at least this share: WAIT (review who)
  double stop_share = 0.50;  // … at least this share for certain: STOP (scoping mistake)
};

struct PolicyInput {
  const CaPolicyEval* eval = nullptr;
  const PolicyImpact* impact = nullptr;  // null: no sign-ins were read
};

struct PrecheckEvidence {
  const TriageReport* report = nullptr;
  const TriageAggregate* agg = nullptr;
  InputPresence inputs;
  std::vector<std::string> unreadable;  // inputs that could not be read (path: reason)
  std::vector<PolicyInput> policies;
  const std::map<std::string, std::string>* breakglass_ids = nullptr;  // UPN -> object id, from sign-ins
};

struct CheckResult {
  CheckId id = CheckId::inputs;
  Gate gate = Gate::go;
  std::string subject;               // the policy or account checked, when there are several ("" otherwise)
  std::string summary;               // one line: why this gate
  std::vector<std::string> details;  // evidence lines
  std::string playbook;              // playbook the reason comes from ("" if none)
};

struct PolicyImpactView {
  std::string policy, id, state;
  bool blocks = false;
  std::string grant;  // "block" or "mfa AND compliantDevice"
  std::uint64_t considered = 0, applies = 0, not_applies = 0, unknown = 0;
  std::vector<std::pair<std::string, std::uint64_t>> unknown_by;  // reason name -> count, largest first
  std::uint64_t applies_succeeded = 0, applies_single_factor = 0, users = 0, report_only_seen = 0,
                report_only_failure = 0;
  double share_min = 0, share_max = 0;  // applies / considered, (applies + unknown) / considered
  std::vector<CountItem> top_users, top_apps;
  std::vector<std::string> notes;
};

struct PrecheckReport {
  PrecheckAction action = PrecheckAction::ca_change;
  Gate verdict = Gate::go;
  std::string headline;  // "STOP: …" reason of the first check at the verdict's gate
  Micros at = kNoTime;
  Micros window_start = kNoTime, window_end = kNoTime;
  std::vector<CheckResult> checks;  // in CheckId order, only the ones that ran
  std::vector<PolicyImpactView> policies;
  std::vector<std::string> do_not;  // the before_tenant_changes playbook's do-not list
};

PrecheckReport decide_precheck(const PrecheckEvidence& ev, const PrecheckOptions& o);

// The playbook sentence that says why `action` must not be done now: the
// first do-not item naming the action, in `playbook_id`, then the general
// before_tenant_changes and campaign_overload playbooks. Empty if none does.
struct PlaybookReason {
  std::string playbook, text;
};
PlaybookReason playbook_reason(PrecheckAction action, std::string_view playbook_id);

}  // namespace idt
