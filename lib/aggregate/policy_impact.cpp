// Why: see policy_impact.h.
#include "aggregate/policy_impact.h"

#include <algorithm>

#include "aggregate/dedupe.h"
#include "aggregate/triage_aggregate.h"
#include "util/text.h"

namespace idt {
namespace {

constexpr std::size_t kMaxTracked = 200000;  // distinct users/apps kept per policy (hostile input bound)

bool workload(const SignIn& s) {
  return icontains(s.category, "serviceprincipal") || icontains(s.category, "managedidentity");
}

void bounded_add(CountMap& m, std::string_view key) {
  if (key.empty()) return;
  if (m.size() < kMaxTracked || m.get(key)) m.add(key);
}

}  // namespace

void PolicyImpact::merge(const PolicyImpact& o) {
  considered += o.considered;
  applies += o.applies;
  not_applies += o.not_applies;
  unknown += o.unknown;
  for (std::size_t i = 0; i < kCaUnknownCount; ++i) unknown_by[i] += o.unknown_by[i];
  applies_succeeded += o.applies_succeeded;
  applies_single_factor += o.applies_single_factor;
  breakglass_applies += o.breakglass_applies;
  users.merge(o.users);
  apps.merge(o.apps);
  unknown_users.merge(o.unknown_users);
  report_only_seen += o.report_only_seen;
  report_only_failure += o.report_only_failure;
  enforced_seen += o.enforced_seen;
  if (o.first != kNoTime && (first == kNoTime || o.first < first)) first = o.first;
  if (o.last != kNoTime && (last == kNoTime || o.last > last)) last = o.last;
}

bool SeenKeys::insert(std::uint64_t key) {
  Shard& s = shards_[key % kShards];
  std::lock_guard lock(s.m);
  return s.keys.insert(key).second;
}

void SeenKeys::erase(std::uint64_t key) {
  Shard& s = shards_[key % kShards];
  std::lock_guard lock(s.m);
  s.keys.erase(key);
}

PolicyImpactAggregate::PolicyImpactAggregate(const std::vector<CaPolicyEval>& evals,
                                             const std::vector<std::string>& breakglass, SeenKeys& seen)
    : impact(evals.size()), evals_(evals), breakglass_(breakglass), seen_(seen) {}

void PolicyImpactAggregate::add_signin(const SignIn& s, const SigninClassification& c) {
  if (workload(s) || (s.upn.empty() && s.user_id.empty())) {
    ++skipped_workload;
    return;
  }
  // The record identity triage and stats use; 0 = nothing to tell copies
  // apart by, so the sign-in is counted.
  const std::uint64_t key = record_key(s);
  if (key != 0) {
    if (!seen_.insert(key)) {
      ++duplicates;
      return;
    }
    my_keys_.push_back(key);
  }
  std::string upn = ascii_lower(trim(s.upn)), id = ascii_lower(trim(s.user_id));
  bool bg = false;
  for (const auto& b : breakglass_)
    if ((!upn.empty() && b == upn) || (!id.empty() && b == id)) {
      bg = true;
      if (!upn.empty() && !id.empty()) breakglass_ids[upn] = id;
    }
  std::string_view user = !upn.empty() ? std::string_view(upn) : std::string_view(id);
  for (std::size_t i = 0; i < evals_.size(); ++i) {
    PolicyImpact& p = impact[i];
    ++p.considered;
    if (s.time != kNoTime) {
      if (p.first == kNoTime || s.time < p.first) p.first = s.time;
      if (p.last == kNoTime || s.time > p.last) p.last = s.time;
    }
    const std::string& policy_name = evals_[i].policy().display_name;
    if (!policy_name.empty())
      for (const CaPolicy& applied : s.ca_policies)
        if (iequals(trim(applied.name), policy_name)) {
          if (istarts_with(applied.result, "reportOnly")) {
            ++p.report_only_seen;
            p.report_only_failure +=
                iequals(applied.result, "reportOnlyFailure") || iequals(applied.result, "reportOnlyInterrupted");
          } else if (iequals(applied.result, "success") || iequals(applied.result, "failure")) {
            ++p.enforced_seen;
          }
        }
    CaDecision d = evals_[i].evaluate(s);
    switch (d.match) {
      case CaMatch::no:
        ++p.not_applies;
        break;
      case CaMatch::unknown:
        ++p.unknown;
        ++p.unknown_by[static_cast<std::size_t>(d.why)];
        bounded_add(p.unknown_users, user);
        break;
      case CaMatch::yes:
        ++p.applies;
        p.applies_succeeded += c.cls == SigninClass::success;
        p.applies_single_factor += iequals(trim(s.auth_requirement), "singleFactorAuthentication");
        p.breakglass_applies += bg;
        bounded_add(p.users, user);
        bounded_add(p.apps, !s.app_name.empty() ? s.app_name : s.app_id);
        break;
    }
  }
}

void PolicyImpactAggregate::merge(const PolicyImpactAggregate& o) {
  for (std::size_t i = 0; i < impact.size() && i < o.impact.size(); ++i) impact[i].merge(o.impact[i]);
  skipped_workload += o.skipped_workload;
  duplicates += o.duplicates;
  for (const auto& [u, id] : o.breakglass_ids) breakglass_ids.emplace(u, id);
}

void PolicyImpactAggregate::reset() {
  for (std::uint64_t k : my_keys_) seen_.erase(k);
  my_keys_.clear();
  impact.assign(evals_.size(), PolicyImpact{});
  skipped_workload = duplicates = 0;
  breakglass_ids.clear();
}

}  // namespace idt
