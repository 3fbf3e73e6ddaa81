// Why: the two passes over logs a registration campaign needs, as mergeable
// aggregates for parallel reads: the local hours at which each planned
// group signs in interactively (to plan waves outside its peak), and the
// registration events of planned users plus the identity health issues (to
// check waves against their pause rule).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/audit.h"
#include "model/campaign.h"
#include "model/classes.h"
#include "model/health.h"
#include "model/signin.h"
#include "util/tz.h"

namespace idt {

class HourProfileAggregate {
 public:
  // group_of: lower-cased UPN -> group; zones: one per group (must outlive this).
  HourProfileAggregate(const std::unordered_map<std::string, std::size_t>& group_of,
                       const std::vector<const TimeZone*>& zones);
  void add_signin(const SignIn& s, const SigninClassification& c);
  void merge(const HourProfileAggregate& o);
  void reset();

  std::vector<std::array<std::uint64_t, 24>> hours;  // per group, per local hour
  std::uint64_t counted = 0, other_users = 0, not_interactive = 0, undated = 0;

 private:
  const std::unordered_map<std::string, std::size_t>& group_of_;
  const std::vector<const TimeZone*>& zones_;
};

class RegistrationProgress {
 public:
  // users: the planned users' lower-cased UPNs (must outlive this).
  explicit RegistrationProgress(const std::unordered_set<std::string>& users) : users_(users) {}
  void add_audit(const AuditEvent& e, const AuditClassification& c);
  void add_health(const HealthIssue& h);
  void merge(const RegistrationProgress& o);
  void reset();
  void finish();  // sorts each user's events by time, drops exact repeats

  std::unordered_map<std::string, std::vector<RegistrationEvent>> events;  // by lower-cased UPN
  std::vector<HealthIssueCopy> health;
  std::uint64_t registration_events = 0, other_users = 0, undated = 0;

 private:
  const std::unordered_set<std::string>& users_;
};

}  // namespace idt
