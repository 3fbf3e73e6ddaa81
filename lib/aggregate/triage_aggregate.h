// Why: everything `triage` needs to know about the inputs, as mergeable
// counters: per minute (sign-in classes, security-info-app outcomes,
// registration funnel, tickets), per IP (spray, with the accounts that got
// in), per user (what each affected user ran into, and when), break-glass
// accounts, policy changes and the health issues. Correlation reads only
// this, never records. Counters are kept per minute whatever --bucket is:
// correlation re-buckets them, and finds the first anomalous minute.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "aggregate/count_map.h"
#include "classify/ticket_classifier.h"
#include "model/audit.h"
#include "model/classes.h"
#include "model/health.h"
#include "model/signin.h"
#include "model/ticket.h"
#include "util/time.h"

namespace idt {

// The resolution of every per-time counter below.
inline constexpr Micros kMinuteMicros = 60 * kMicrosPerSecond;
inline constexpr Micros kHourMicros = 60 * kMinuteMicros;
inline constexpr Micros kDayMicros = 24 * kHourMicros;

struct TriageOptions {
  Micros bucket = 15 * kMinuteMicros;                // analysis bucket (correlation); counters stay per minute
  Micros registration_timeout = 30 * kMinuteMicros;  // started, not completed within → abandoned
  std::vector<std::string> breakglass;               // lower-cased UPNs
  Micros breakglass_max_age = 30 * kDayMicros;
};

struct SigninBucket {
  std::array<std::uint32_t, kSigninClassCount> by_class{};
  std::uint32_t total = 0;
  std::uint32_t interactive = 0;  // interactive or not stated (non-interactive and service-principal sign-ins excluded)
  std::uint32_t portal_total = 0, portal_fail = 0, portal_ok = 0;    // security-info apps
  std::uint32_t other_total = 0, other_fail = 0, other_service = 0;  // every other app
  std::uint32_t ca_block = 0;                                        // 53003 on apps other than the security-info apps
  std::uint32_t reg_blocked = 0;                                     // 53004/53010 (any app)
  std::uint32_t portal_ca_block = 0;  // 53003 on the security-info apps: registration blocked by the tenant
  std::uint32_t locked = 0, bad_password = 0, mfa_fail = 0, reg_required = 0;
  CountMap fail_codes;      // non-success, non-interrupt codes
  CountMap service_apps;    // apps with service errors
  CountMap locked_clients;  // client app (Exchange ActiveSync, IMAP4, Browser…) of lockouts
  void merge(const SigninBucket& o);
};

struct AuditBucket {
  std::uint32_t reg_started = 0, reg_completed = 0, reg_cancelled = 0, reg_failed = 0, reg_abandoned = 0;
  std::uint32_t reg_starts_completed = 0;  // starts followed by a completion within the timeout (set by finish())
  std::uint32_t deleted = 0, admin_changes = 0, ca_changes = 0, method_policy_changes = 0;
  std::uint32_t password_changes = 0;
  std::uint32_t events = 0;  // every audit record of the minute
  void merge(const AuditBucket& o);
};

struct TicketBucket {
  std::array<std::uint32_t, kTicketClassCount> by_class{};
  void merge(const TicketBucket& o);
};

struct PolicyChange {
  Micros time = kNoTime;
  AuditClass cls = AuditClass::other;
  std::string activity, target, initiator;
};

// A user who got past the password from an IP: signed in, or reached MFA.
struct IpAccess {
  std::string user;
  Micros time = kNoTime;  // first such sign-in from this IP
  std::int64_t code = 0;  // 0 = signed in; else the MFA-stage code (50074, 500121…)
};

// What one IP's credential failures show (spray evidence). Allocated on the
// IP's first credential failure: most IPs in a tenant's day never fail, and
// keeping these sets and maps inline made every IP cost ~600 bytes.
struct IpCredentials {
  std::unordered_set<std::uint64_t> users;  // hashed UPNs (capped)
  std::unordered_set<std::uint64_t> locked_users;
  Micros first = kNoTime, last = kNoTime;  // of credential failures
  CountMap codes;
  CountMap user_failures;  // credential failures per user (first kMaxUserCountsPerIp users)
};

// Per IP address: ~56 bytes plus the users past the password (bench/run_entities.sh).
struct IpFailures {
  std::uint32_t failures = 0, locked = 0, successes = 0;  // successes: any successful sign-in from the IP
  std::unique_ptr<IpCredentials> cred;                    // null until the first credential failure
  std::vector<IpAccess> access;  // distinct users past the password, earliest first (capped)
  // Hashed UPNs of every user past the password (capped), kept only once
  // `access` is full: until then `access` holds them all.
  std::unique_ptr<std::unordered_set<std::uint64_t>> more_access;

  IpCredentials& credentials() {
    if (!cred) cred = std::make_unique<IpCredentials>();
    return *cred;
  }
  std::size_t user_count() const { return cred ? cred->users.size() : 0; }
  std::size_t access_count() const { return more_access ? more_access->size() : access.size(); }
};

struct TicketSample {
  Micros time = kNoTime;
  std::string id, caller;
  TicketClass cls = TicketClass::other;
};

struct BreakglassState {
  Micros last_success = kNoTime;
  std::uint32_t signins = 0, successes = 0;
  Micros first_seen = kNoTime, last_seen = kNoTime;
};

// What one user ran into, per signal: the times (earliest kMaxTimesPerSignal).
enum class UserSignal : std::uint8_t {
  portal_service_error,  // service error on the security-info apps
  service_error,         // service error on any other app
  ca_block,              // 53003 outside the security-info apps
  registration_blocked,  // 53004/53010, 53003 on the security-info apps
  locked,                // 50053
  bad_password,          // 50126
  mfa_failure,           // MFA denied / timed out
  count_
};
inline constexpr std::size_t kUserSignalCount = static_cast<std::size_t>(UserSignal::count_);
inline constexpr std::array<std::string_view, kUserSignalCount> kUserSignalNames = {
    "portal_service_error", "service_error", "ca_block", "registration_blocked", "locked",
    "bad_password",         "mfa_failure"};
static_assert(kUserSignalNames.size() == kUserSignalCount, "every UserSignal needs a name");
constexpr std::string_view name(UserSignal s) { return kUserSignalNames[static_cast<std::size_t>(s)]; }

struct UserTrace {
  std::string display;  // display name seen in sign-ins (to match ticket callers)
  std::array<std::vector<Micros>, kUserSignalCount> times;
};

// Records whose time lies far from the rest (a stray 1970 or 2000 among a
// day): excluded from the analysed period, counted and reported.
struct TimeOutliers {
  std::uint64_t count = 0;
  Micros first = kNoTime, last = kNoTime;
};

// Whose security info an audit event is about: the first target's UPN, else
// the initiator's UPN or id.
std::string_view audit_user(const AuditEvent& e);
// The registration funnel's classes (started, completed, cancelled, failed).
bool is_registration(AuditClass c);

class TriageAggregate {
 public:
  explicit TriageAggregate(TriageOptions opts = {}) : opts_(std::move(opts)) {}

  void add_signin(const SignIn& r, const SigninClassification& c);
  void add_audit(const AuditEvent& e, const AuditClassification& c);
  void add_ticket(const Ticket& t, const TicketClassification& c);
  void add_health(const HealthIssue& h);
  void merge(const TriageAggregate& o);
  // Turns per-user registration sequences into per-minute abandonments,
  // finds the analysed period (and the time outliers), sorts samples.
  void finish();

  const TriageOptions& options() const { return opts_; }
  static std::int64_t minute_key(Micros t) {
    return t >= 0 ? t / kMinuteMicros : (t - kMinuteMicros + 1) / kMinuteMicros;
  }
  static Micros minute_start(std::int64_t key) { return key * kMinuteMicros; }

  // Results (read by correlate/).
  std::map<std::int64_t, SigninBucket> signin;   // by minute key
  std::map<std::int64_t, AuditBucket> audit;     // by minute key
  std::map<std::int64_t, TicketBucket> tickets;  // by minute key
  std::array<std::uint64_t, kSigninClassCount> signin_totals{};
  std::array<std::uint64_t, kAuditClassCount> audit_totals{};
  std::array<std::uint64_t, kTicketClassCount> ticket_totals{};
  std::uint64_t signin_duplicates = 0, audit_duplicates = 0, ticket_duplicates = 0;
  std::uint64_t signins_undated = 0, audit_undated = 0, tickets_undated = 0;
  std::uint64_t signins_dated = 0, audit_dated = 0, tickets_dated = 0;
  Micros first = kNoTime, last = kNoTime;  // every dated sign-in / audit record
  // The analysed period (set by finish()): the densest stretch of dated
  // sign-in and audit records; records outside it are time outliers.
  Micros period_first = kNoTime, period_last = kNoTime;
  TimeOutliers outliers;
  std::unordered_map<std::string, IpFailures> ip_failures;
  std::unordered_map<std::string, std::vector<Micros>> mfa_failures_by_user;
  std::unordered_map<std::string, std::vector<Micros>> mfa_success_by_user;  // only for users with failures
  std::unordered_map<std::string, std::vector<std::pair<Micros, AuditClass>>> registrations_by_user;
  std::unordered_map<std::string, UserTrace> users;  // lower-cased UPN → trace (capped at kMaxUsers)
  std::uint64_t users_untracked = 0;                 // sign-ins of users beyond the cap
  std::map<std::pair<std::string, std::int64_t>, std::uint32_t> portal_by_country_hour;  // (country, hour key)
  std::map<std::int64_t, std::uint32_t> registration_attempts_by_hour;
  std::vector<PolicyChange> policy_changes;
  std::vector<TicketSample> ticket_samples;  // identity-relevant classes, capped per class
  std::array<std::uint32_t, kTicketClassCount> ticket_samples_by_class{};
  std::uint64_t ticket_samples_dropped = 0;  // beyond the cap: counted, ids not kept
  std::vector<HealthIssueCopy> health;
  std::map<std::string, BreakglassState> breakglass;
  CountMap portal_users;  // users failing on the security-info apps

  // Caps (bounded memory on hostile input).
  static constexpr std::size_t kMaxUsersPerIp = 100000;
  static constexpr std::size_t kMaxUserCountsPerIp = 1000;
  static constexpr std::size_t kMaxAccessPerIp = 16;
  static constexpr std::size_t kMaxTimesPerUser = 20000;
  static constexpr std::size_t kMaxTimesPerSignal = 32;
  static constexpr std::size_t kMaxUsers = 200000;
  static constexpr std::size_t kMaxSamplesPerClass = 50000;
  // Records more than this far from the densest stretch are time outliers.
  static constexpr Micros kOutlierGap = kDayMicros;

 private:
  void see(Micros t);
  void trace(std::string_view user, std::string_view display, UserSignal s, Micros t);
  bool first_time(std::unordered_set<std::uint64_t>& seen, std::uint64_t key);
  void find_period();
  TriageOptions opts_;
  std::unordered_set<std::uint64_t> seen_signins_, seen_audit_, seen_tickets_;
};

}  // namespace idt
