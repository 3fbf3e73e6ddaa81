// Why: everything `triage` needs to know about the inputs, as mergeable
// counters: per time bucket (sign-in classes, security-info-app outcomes,
// registration funnel, tickets), per IP (spray), per user (MFA fatigue,
// registration abandonment), break-glass accounts, policy changes and the
// health issues. Correlation reads only this, never records.
#pragma once
#include <array>
#include <cstdint>
#include <map>
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

struct TriageOptions {
  Micros bucket = 15 * 60 * kMicrosPerSecond;
  Micros registration_timeout = 30 * 60 * kMicrosPerSecond;  // started, not completed within → abandoned
  std::vector<std::string> breakglass;                       // lower-cased UPNs
  Micros breakglass_max_age = 30LL * 86400 * kMicrosPerSecond;
};

struct SigninBucket {
  std::array<std::uint32_t, kSigninClassCount> by_class{};
  std::uint32_t total = 0;
  std::uint32_t portal_total = 0, portal_fail = 0, portal_ok = 0;    // security-info apps
  std::uint32_t other_total = 0, other_fail = 0, other_service = 0;  // every other app
  std::uint32_t ca_block = 0, reg_blocked = 0, locked = 0, bad_password = 0, mfa_fail = 0, reg_required = 0;
  CountMap fail_codes;    // non-success, non-interrupt codes
  CountMap service_apps;  // apps with service errors
  void merge(const SigninBucket& o);
};

struct AuditBucket {
  std::uint32_t reg_started = 0, reg_completed = 0, reg_cancelled = 0, reg_failed = 0, reg_abandoned = 0;
  std::uint32_t reg_starts_completed = 0;  // starts followed by a completion within the timeout (set by finish())
  std::uint32_t deleted = 0, admin_changes = 0, ca_changes = 0, method_policy_changes = 0;
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

struct IpFailures {
  std::uint32_t failures = 0, locked = 0, successes = 0;  // successes: any successful sign-in from the IP
  std::unordered_set<std::uint64_t> users;                // hashed UPNs (capped)
  std::unordered_set<std::uint64_t> locked_users;
  Micros first = kNoTime, last = kNoTime;
  CountMap codes;
  std::vector<std::string> sample_users;  // first few, for evidence
};

struct TicketSample {
  Micros time = kNoTime;
  std::string id;
  TicketClass cls = TicketClass::other;
};

struct BreakglassState {
  Micros last_success = kNoTime;
  std::uint32_t signins = 0, successes = 0;
  Micros first_seen = kNoTime;
};

// The identity of a sign-in across overlapping exports: its id, else
// correlation id + request id + time + user. Copies share the key.
std::uint64_t signin_key(const SignIn& r);
// The same for audit events: id, else correlation id + activity + time.
std::uint64_t audit_key(const AuditEvent& e);
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
  // Turns per-user registration sequences into per-bucket abandonments.
  void finish();

  const TriageOptions& options() const { return opts_; }
  Micros bucket_start(std::int64_t key) const { return key * opts_.bucket; }
  std::int64_t bucket_key(Micros t) const;

  // Results (read by correlate/).
  std::map<std::int64_t, SigninBucket> signin;
  std::map<std::int64_t, AuditBucket> audit;
  std::map<std::int64_t, TicketBucket> tickets;
  std::array<std::uint64_t, kSigninClassCount> signin_totals{};
  std::array<std::uint64_t, kAuditClassCount> audit_totals{};
  std::array<std::uint64_t, kTicketClassCount> ticket_totals{};
  std::uint64_t signin_duplicates = 0, audit_duplicates = 0, ticket_duplicates = 0;
  std::uint64_t signins_undated = 0, audit_undated = 0, tickets_undated = 0;
  Micros first = kNoTime, last = kNoTime;
  std::unordered_map<std::string, IpFailures> ip_failures;
  std::unordered_map<std::string, std::vector<Micros>> mfa_failures_by_user;
  std::unordered_map<std::string, std::vector<Micros>> mfa_success_by_user;  // only for users with failures
  std::unordered_map<std::string, std::vector<std::pair<Micros, AuditClass>>> registrations_by_user;
  std::map<std::pair<std::string, std::int64_t>, std::uint32_t> portal_by_country_hour;  // (country, hour key)
  std::map<std::int64_t, std::uint32_t> registration_attempts_by_hour;
  std::vector<PolicyChange> policy_changes;
  std::vector<TicketSample> ticket_samples;  // identity-relevant classes, capped per class
  std::vector<HealthIssueCopy> health;
  std::map<std::string, BreakglassState> breakglass;
  CountMap portal_users;  // users failing on the security-info apps

 private:
  void see(Micros t);
  bool first_time(std::unordered_set<std::uint64_t>& seen, std::uint64_t key);
  TriageOptions opts_;
  std::unordered_set<std::uint64_t> seen_signins_, seen_audit_, seen_tickets_;
};

}  // namespace idt
