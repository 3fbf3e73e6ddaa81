// Why: precheck's "what share of recent sign-ins would this policy have
// blocked" — per policy, how many user sign-ins it applies to, does not
// apply to, or cannot be decided for (by reason), who and what it hits, and
// whether the sign-in log shows the policy already ran in report-only.
// Mergeable like every aggregate, so sign-ins can be read in parallel.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include "aggregate/count_map.h"
#include "classify/ca_evaluate.h"
#include "model/classes.h"
#include "model/signin.h"

namespace idt {

struct PolicyImpact {
  std::uint64_t considered = 0;  // user sign-ins evaluated
  std::uint64_t applies = 0, not_applies = 0, unknown = 0;
  std::array<std::uint64_t, kCaUnknownCount> unknown_by{};
  std::uint64_t applies_succeeded = 0;      // of `applies`: sign-ins that succeeded as things are
  std::uint64_t applies_single_factor = 0;  // of `applies`: completed with single-factor authentication
  std::uint64_t breakglass_applies = 0;     // of `applies`: by a break-glass account
  CountMap users, apps;                     // of `applies` (distinct users = users.size())
  CountMap unknown_users;                   // of `unknown`
  // The sign-in log's own view of this policy (matched by display name).
  std::uint64_t report_only_seen = 0;      // results reportOnly*
  std::uint64_t report_only_failure = 0;   // reportOnlyFailure / reportOnlyInterrupted
  std::uint64_t enforced_seen = 0;         // success / failure (the policy was already on)
  Micros first = kNoTime, last = kNoTime;  // time span of the sign-ins considered
  void merge(const PolicyImpact& o);
};

// Shared across the parallel units of one run: sign-ins already counted
// (by record_key, aggregate/dedupe.h), so overlapping exports count each sign-in once.
class SeenKeys {
 public:
  bool insert(std::uint64_t key);
  void erase(std::uint64_t key);

 private:
  static constexpr std::size_t kShards = 16;
  struct Shard {
    std::mutex m;
    std::unordered_set<std::uint64_t> keys;
  };
  std::array<Shard, kShards> shards_;
};

// One unit's counters for every policy.
class PolicyImpactAggregate {
 public:
  // `evals` and `seen` are shared by every unit and must outlive it;
  // `breakglass` are lower-cased UPNs or object ids.
  PolicyImpactAggregate(const std::vector<CaPolicyEval>& evals, const std::vector<std::string>& breakglass,
                        SeenKeys& seen);

  void add_signin(const SignIn& s, const SigninClassification& c);
  void merge(const PolicyImpactAggregate& o);
  void reset();  // forgets everything, including its keys in `seen`

  std::vector<PolicyImpact> impact;    // parallel to evals
  std::uint64_t skipped_workload = 0;  // service principal / managed identity sign-ins (not user policies)
  std::uint64_t duplicates = 0;
  // Break-glass accounts as seen in sign-ins: lower-cased UPN -> object id.
  std::map<std::string, std::string> breakglass_ids;

 private:
  const std::vector<CaPolicyEval>& evals_;
  const std::vector<std::string>& breakglass_;
  SeenKeys& seen_;
  std::vector<std::uint64_t> my_keys_;
};

}  // namespace idt
