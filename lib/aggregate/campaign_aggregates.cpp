// Why: see campaign_aggregates.h.
#include "aggregate/campaign_aggregates.h"

#include <algorithm>

#include "aggregate/triage_aggregate.h"
#include "util/text.h"

namespace idt {
namespace {

constexpr std::size_t kMaxEventsPerUser = 2000;  // hostile input bound

// Interactive user sign-ins: the flag when the export has it, else the category.
bool interactive(const SignIn& s) {
  if (s.interactive != Tri::unknown) return s.interactive == Tri::yes;
  return !icontains(s.category, "noninteractive") && !icontains(s.category, "serviceprincipal") &&
         !icontains(s.category, "managedidentity");
}

}  // namespace

HourProfileAggregate::HourProfileAggregate(const std::unordered_map<std::string, std::size_t>& group_of,
                                           const std::vector<const TimeZone*>& zones)
    : hours(zones.size()), group_of_(group_of), zones_(zones) {}

void HourProfileAggregate::add_signin(const SignIn& s, const SigninClassification&) {
  if (!interactive(s)) {
    ++not_interactive;
    return;
  }
  auto it = group_of_.find(ascii_lower(trim(s.upn)));
  if (it == group_of_.end()) {
    ++other_users;
    return;
  }
  if (s.time == kNoTime) {
    ++undated;
    return;
  }
  CivilTime local = zones_[it->second]->to_local(s.time);
  ++hours[it->second][static_cast<std::size_t>(local.hour)];
  ++counted;
}

void HourProfileAggregate::merge(const HourProfileAggregate& o) {
  for (std::size_t g = 0; g < hours.size() && g < o.hours.size(); ++g)
    for (std::size_t h = 0; h < 24; ++h) hours[g][h] += o.hours[g][h];
  counted += o.counted;
  other_users += o.other_users;
  not_interactive += o.not_interactive;
  undated += o.undated;
}

void HourProfileAggregate::reset() {
  hours.assign(zones_.size(), {});
  counted = other_users = not_interactive = undated = 0;
}

void RegistrationProgress::add_audit(const AuditEvent& e, const AuditClassification& c) {
  if (!is_registration(c.cls)) return;
  std::string user = ascii_lower(trim(audit_user(e)));
  if (!users_.count(user)) {
    ++other_users;
    return;
  }
  if (e.time == kNoTime) {
    ++undated;
    return;
  }
  auto& v = events[user];
  if (v.size() < kMaxEventsPerUser) v.push_back({e.time, c.cls});
  ++registration_events;
}

void RegistrationProgress::add_health(const HealthIssue& h) {
  for (const auto& x : health)
    if (!h.id.empty() && x.id == h.id) return;
  health.emplace_back(h);
}

void RegistrationProgress::merge(const RegistrationProgress& o) {
  for (const auto& [u, v] : o.events) {
    auto& d = events[u];
    d.insert(d.end(), v.begin(), v.end());
  }
  for (const auto& h : o.health) add_health(h.view());
  registration_events += o.registration_events;
  other_users += o.other_users;
  undated += o.undated;
}

void RegistrationProgress::reset() {
  events.clear();
  health.clear();
  registration_events = other_users = undated = 0;
}

void RegistrationProgress::finish() {
  for (auto& [u, v] : events) {
    std::sort(v.begin(), v.end(), [](const RegistrationEvent& a, const RegistrationEvent& b) {
      return a.time != b.time ? a.time < b.time : a.cls < b.cls;
    });
    v.erase(std::unique(v.begin(), v.end(),
                        [](const RegistrationEvent& a, const RegistrationEvent& b) {
                          return a.time == b.time && a.cls == b.cls;
                        }),
            v.end());
  }
}

}  // namespace idt
