// Why: a scenario is data — a normal day ("baseline" part) plus injected
// episodes with time windows, apps, codes, users, IPs, audit events, tickets
// and health issues — and what a triage should find. The generator has one
// code path for all of them; scenarios.cpp holds the table.
#pragma once
#include <climits>
#include <cstdint>
#include <span>
#include <string_view>

namespace idt::synth {

// Minutes since 00:00 UTC of the generated day (may be negative for things
// that began the day before, e.g. a health advisory).
struct Window {
  int start_min = 0, end_min = 0;
};

struct CodeWeight {
  std::int64_t code{};
  int weight{};
};

enum class Who : std::uint8_t {
  random_users,    // any user, each record drawn anew
  distinct_users,  // a fixed set of distinct users (size users_per_10k / min_users), 1–2 records each
  victim,          // the scenario's one targeted user
  account,         // one of the scenario's break-glass accounts (SigninBurst::account)
};
enum class From : std::uint8_t { usual, attacker };  // the user's own IPs, or attacker IPs
enum class Cat : std::uint8_t { interactive, non_interactive, both };
enum class Devices : std::uint8_t { any, unmanaged };

// The normal day: how much traffic, and which codes at which rates.
struct Traffic {
  int signins_per_user = 20;                          // all categories together
  int interactive_pct = 24, noninteractive_pct = 70;  // rest: service principals / managed identities
  std::span<const CodeWeight> interactive_codes{}, noninteractive_codes{};
  std::span<const CodeWeight> portal_codes{};  // on the security-info apps (no service errors)
  std::span<const CodeWeight> sp_codes{};
  std::string_view ca_block_policy{};      // catalog CA policy behind a baseline 53003…
  std::string_view ca_block_client{};      // …and the client it blocked (catalog other_clients)
  int background_audit_per_10k_users = 0;  // directory noise (Update user, groups, devices…)
  int weekend_pct = 100;                   // Saturday/Sunday volume as a share of a weekday's
};

// Extra sign-ins added to the day.
struct SigninBurst {
  std::string_view label{};
  Window window{};
  std::span<const std::string_view> apps{};  // app keys (catalog); empty = the usual app mix
  std::span<const CodeWeight> codes{};
  int per_10k_users = 0, min_records = 0;  // how many records
  Who who = Who::random_users;
  int users_per_10k = 0, min_users = 0;  // Who::distinct_users: how many users
  From from = From::usual;
  Cat category = Cat::interactive;
  int attacker_ips = 0;              // From::attacker: how many IPs
  std::string_view attacker_city{};  // catalog city of the attacker IPs
  std::string_view attack_client{};  // catalog other_clients key ("" = the user's device)
  std::int64_t final_code = -1;      // one more record at the end (≥ 0), e.g. 0 after MFA fatigue
  int records_per_user = 0;          // Who::distinct_users: records each (0 = 1–2)
  int account = 0;                   // Who::account: index into Scenario::breakglass
};

// Baseline sign-ins rewritten in place (the same traffic, failing).
struct SigninOverride {
  std::string_view label{};
  Window window{};
  std::span<const std::string_view> apps{};  // empty = every app
  int percent = 0;                           // share of matching records rewritten
  std::span<const CodeWeight> codes{};
  Cat category = Cat::both;
  Devices devices = Devices::any;
  std::string_view ca_policy{};  // catalog CA policy that decided a 53003
};

// Security-info registration attempts: a sign-in to My Signins, audit
// "started", then completed / cancelled / abandoned / blocked.
struct RegistrationWave {
  std::string_view label{};
  Window window{};
  int per_10k_users = 0, min_attempts = 0;
  std::string_view region{};                                     // catalog region of the users ("" = all)
  int completed = 0, cancelled = 0, abandoned = 0, blocked = 0;  // percentages, sum 100
  std::span<const CodeWeight> portal_errors{};                   // failing My Signins sign-ins of an abandoned attempt
  int max_errors_per_attempt = 0;
  std::span<const CodeWeight> block_codes{};  // sign-in code of a blocked attempt (53004/53010)
  std::int64_t interrupt_code = 0;            // sign-in interrupt that sent the user there (50072), 0 = none
  int mfa_fail_pct = 0;                       // completed attempts that first time out (500121)
  int retry_later_pct = 0;                    // abandoned attempts completed later…
  Window retry_window{};                      // …in this window
  bool replaces_baseline = false;             // baseline attempts inside the window are dropped
  bool baseline = false;                      // the normal day's registrations
};

// One tenant change in the audit log (CA policy, authentication methods policy).
struct AuditChange {
  std::string_view label{};
  int at_min = 0;
  std::string_view activity{}, service{}, category{}, operation_type{};
  std::string_view target_name{}, target_type{}, target_id{};
  std::string_view prop_name{}, old_value{}, new_value{};  // one modified property (JSON text)
  int admin = 0;                                           // catalog admin index
};

// Many users doing the same directory activity (a password change wave):
// `activity` names a catalog background_audit entry.
struct AuditWave {
  std::string_view label{};
  Window window{};
  std::string_view activity{};
  int per_10k_users = 0, min_events = 0;  // distinct users, one event each
};

// A CA policy's state over a window (changes how records show that policy).
struct CaPolicyState {
  std::string_view policy{};  // catalog key
  Window window{};            // enforced ("enabled") in this window; report-only otherwise
};

struct TicketTemplate {
  std::string_view expect_class{};  // what idtriage's ticket rules should say
  std::string_view title{}, description{}, category{}, group{};
};

enum class TicketWho : std::uint8_t { random_users, victim };

struct TicketWave {
  std::string_view label{};
  Window window{};
  std::span<const TicketTemplate> templates{};
  int per_10k_users = 0, min_tickets = 0, max_tickets = 0;  // max 0 = no cap
  TicketWho who = TicketWho::random_users;
  bool business_hours = false;  // spread over callers' local working day instead of the window
};

struct HealthPost {
  int at_min{};
  std::string_view text{};  // "Title: …\n\nUser Impact: …" (placeholders {DAY} {START} {END})
};

inline constexpr int kOpen = INT_MIN;

struct HealthSpec {
  std::string_view id{}, service{}, feature{}, feature_group{}, title{}, impact{}, classification{}, status{};
  int start_min = 0, end_min = kOpen, last_modified_min = 0;
  std::span<const HealthPost> posts{};
};

// How health.json is written: a Graph serviceAnnouncement/issues response,
// a retired O365 ServiceComms /Messages response, or Azure Service Health
// alerts (common alert schema), collected in one array.
enum class HealthShape : std::uint8_t { graph, servicecomms, azure_alert };

struct ExpectedFinding {
  std::string_view kind{}, cause{}, min_severity{};
  Window window{};
  std::span<const std::string_view> health_ids{};
  std::string_view root_cause_contains{};  // text the finding's root cause must name ("" = any)
};

// A reusable piece of a scenario.
struct Part {
  std::string_view name{};
  std::span<const Traffic> traffic{};  // the baseline part has exactly one
  std::span<const SigninBurst> bursts{};
  std::span<const SigninOverride> overrides{};
  std::span<const RegistrationWave> registrations{};
  std::span<const AuditChange> changes{};
  std::span<const AuditWave> audit_waves{};
  std::span<const CaPolicyState> ca_states{};
  std::span<const TicketWave> tickets{};
  std::span<const HealthSpec> health{};
};

struct Scenario {
  std::string_view name{}, summary{};
  std::span<const Part* const> parts{};  // the baseline part first
  std::span<const ExpectedFinding> expect{};
  std::span<const std::string_view> must_not{};    // finding kinds a triage must not report
  std::string_view max_severity{};                 // highest severity allowed ("" = no limit)
  std::string_view victim_region{};                // region of the scenario's victim ("" = any)
  int days = 1;                                    // days generated from --date on (episodes may use minutes ≥ 1440)
  std::span<const std::string_view> breakglass{};  // emergency-access accounts (UPNs), for --breakglass
  HealthShape health_shape = HealthShape::graph;
};

std::span<const Scenario> all_scenarios();
const Scenario* find_scenario(std::string_view name);

}  // namespace idt::synth
