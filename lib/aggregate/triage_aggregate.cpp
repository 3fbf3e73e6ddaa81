// Why: see triage_aggregate.h. Every container is bounded per key (caps
// below) so hostile input cannot grow one entry without limit.
#include "aggregate/triage_aggregate.h"

#include <fmt/format.h>

#include <algorithm>

#include "classify/codes.h"
#include "util/hash.h"
#include "util/text.h"

namespace idt {
namespace {

constexpr std::size_t kMaxUsersPerIp = 100000;
constexpr std::size_t kMaxTimesPerUser = 20000;
constexpr std::size_t kMaxSamplesPerClass = 200;
constexpr std::size_t kMaxSampleUsers = 5;

std::uint64_t mix(std::uint64_t h, std::string_view s) {
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  h ^= 0xff;
  h *= 1099511628211ull;
  return h;
}
std::uint64_t mix(std::uint64_t h, std::int64_t v) {
  for (int i = 0; i < 8; ++i) {
    h ^= static_cast<std::uint64_t>(v >> (8 * i)) & 0xff;
    h *= 1099511628211ull;
  }
  return h;
}

std::string_view user_of(const SignIn& r) { return !r.upn.empty() ? r.upn : r.user_id; }

bool is_credential_failure(std::int64_t code) {
  return code == 50126 || code == 50053 || code == 50055 || code == 50057 || code == 50034 || code == 50056;
}

template <class Bucket>
void merge_maps(std::map<std::int64_t, Bucket>& dst, const std::map<std::int64_t, Bucket>& src) {
  for (const auto& [k, b] : src) dst[k].merge(b);
}

}  // namespace

void SigninBucket::merge(const SigninBucket& o) {
  for (std::size_t i = 0; i < kSigninClassCount; ++i) by_class[i] += o.by_class[i];
  total += o.total;
  portal_total += o.portal_total;
  portal_fail += o.portal_fail;
  portal_ok += o.portal_ok;
  other_total += o.other_total;
  other_fail += o.other_fail;
  other_service += o.other_service;
  ca_block += o.ca_block;
  reg_blocked += o.reg_blocked;
  locked += o.locked;
  bad_password += o.bad_password;
  mfa_fail += o.mfa_fail;
  reg_required += o.reg_required;
  fail_codes.merge(o.fail_codes);
  service_apps.merge(o.service_apps);
}

void AuditBucket::merge(const AuditBucket& o) {
  reg_started += o.reg_started;
  reg_completed += o.reg_completed;
  reg_cancelled += o.reg_cancelled;
  reg_failed += o.reg_failed;
  reg_abandoned += o.reg_abandoned;
  deleted += o.deleted;
  reg_starts_completed += o.reg_starts_completed;
  admin_changes += o.admin_changes;
  ca_changes += o.ca_changes;
  method_policy_changes += o.method_policy_changes;
}

void TicketBucket::merge(const TicketBucket& o) {
  for (std::size_t i = 0; i < kTicketClassCount; ++i) by_class[i] += o.by_class[i];
}

std::int64_t TriageAggregate::bucket_key(Micros t) const {
  return t >= 0 ? t / opts_.bucket : (t - opts_.bucket + 1) / opts_.bucket;
}

void TriageAggregate::see(Micros t) {
  if (t == kNoTime) return;
  if (first == kNoTime || t < first) first = t;
  if (last == kNoTime || t > last) last = t;
}

bool TriageAggregate::first_time(std::unordered_set<std::uint64_t>& seen, std::uint64_t key) {
  return seen.insert(key).second;
}

void TriageAggregate::add_signin(const SignIn& r, const SigninClassification& c) {
  std::uint64_t key = 1469598103934665603ull;
  if (!r.id.empty())
    key = mix(key, r.id);
  else
    key = mix(mix(mix(mix(key, r.correlation_id), r.request_id), r.time), user_of(r));
  if (!first_time(seen_signins_, key)) {
    ++signin_duplicates;
    return;
  }
  auto ci = static_cast<std::size_t>(c.cls);
  ++signin_totals[ci];
  std::string_view user = user_of(r);
  // Break-glass accounts are tracked whether or not the record has a time.
  if (!opts_.breakglass.empty() && !user.empty()) {
    std::string u = ascii_lower(user);
    if (std::find(opts_.breakglass.begin(), opts_.breakglass.end(), u) != opts_.breakglass.end()) {
      BreakglassState& b = breakglass[u];
      ++b.signins;
      if (r.time != kNoTime && (b.first_seen == kNoTime || r.time < b.first_seen)) b.first_seen = r.time;
      if (c.cls == SigninClass::success) {
        ++b.successes;
        if (r.time != kNoTime && (b.last_success == kNoTime || r.time > b.last_success)) b.last_success = r.time;
      }
    }
  }
  if (r.time == kNoTime) {
    ++signins_undated;
    return;
  }
  see(r.time);
  SigninBucket& b = signin[bucket_key(r.time)];
  ++b.total;
  ++b.by_class[ci];
  bool failure = c.cls != SigninClass::success && c.cls != SigninClass::interrupt && c.cls != SigninClass::unknown;
  bool portal = is_security_info_app(r.app_id, r.app_name) || is_security_info_app(r.resource_id, r.resource_name);
  bool service = c.cls == SigninClass::service_error || c.cls == SigninClass::portal_unreachable;
  if (portal) {
    ++b.portal_total;
    if (service) {
      ++b.portal_fail;
      portal_users.add(user.empty() ? std::string_view("(none)") : user);
    }
    if (c.cls == SigninClass::success) ++b.portal_ok;
    std::string_view country = r.country.empty() ? std::string_view("??") : r.country;
    ++portal_by_country_hour[{std::string(country), r.time / (3600 * kMicrosPerSecond)}];
    ++registration_attempts_by_hour[r.time / (3600 * kMicrosPerSecond)];
  } else {
    ++b.other_total;
    if (failure) ++b.other_fail;
    if (service) {
      ++b.other_service;
      b.service_apps.add(!r.app_name.empty() ? r.app_name : !r.app_id.empty() ? r.app_id : std::string_view("(none)"));
    }
  }
  if (r.has_error_code) {
    switch (r.error_code) {
      case 53003:
        ++b.ca_block;
        break;
      case 53004:
      case 53010:
        ++b.reg_blocked;
        break;
      case 50053:
        ++b.locked;
        break;
      case 50126:
        ++b.bad_password;
        break;
      case 50072:
      case 50079:
      case 50125:
        ++b.reg_required;
        break;
      default:
        break;
    }
  }
  if (failure && r.has_error_code) { b.fail_codes.add(fmt::format_int(r.error_code).str()); }
  if (c.cls == SigninClass::mfa_failure) {
    ++b.mfa_fail;
    auto& v = mfa_failures_by_user[std::string(user)];
    if (v.size() < kMaxTimesPerUser) v.push_back(r.time);
  } else if (c.cls == SigninClass::success && !r.mfa_method.empty()) {
    auto& v = mfa_success_by_user[std::string(user)];
    if (v.size() < kMaxTimesPerUser) v.push_back(r.time);
  }
  if (c.cls == SigninClass::success && !r.ip.empty()) ++ip_failures[std::string(r.ip)].successes;
  if (r.has_error_code && is_credential_failure(r.error_code) && !r.ip.empty()) {
    IpFailures& f = ip_failures[std::string(r.ip)];
    ++f.failures;
    std::uint64_t uh = fnv1a_ci(user);
    if (f.users.size() < kMaxUsersPerIp) f.users.insert(uh);
    if (r.error_code == 50053) {
      ++f.locked;
      if (f.locked_users.size() < kMaxUsersPerIp) f.locked_users.insert(uh);
    }
    if (f.sample_users.size() < kMaxSampleUsers &&
        std::find(f.sample_users.begin(), f.sample_users.end(), user) == f.sample_users.end())
      f.sample_users.emplace_back(user);
    if (f.first == kNoTime || r.time < f.first) f.first = r.time;
    if (f.last == kNoTime || r.time > f.last) f.last = r.time;
    f.codes.add(fmt::format_int(r.error_code).str());
  }
}

void TriageAggregate::add_audit(const AuditEvent& e, const AuditClassification& c) {
  std::uint64_t key = 1469598103934665603ull;
  if (!e.id.empty())
    key = mix(key, e.id);
  else
    key = mix(mix(mix(key, e.correlation_id), e.activity), e.time);
  if (!first_time(seen_audit_, key)) {
    ++audit_duplicates;
    return;
  }
  ++audit_totals[static_cast<std::size_t>(c.cls)];
  if (e.time == kNoTime) {
    ++audit_undated;
    return;
  }
  see(e.time);
  AuditBucket& b = audit[bucket_key(e.time)];
  std::string_view user = !e.targets.empty() && !e.targets[0].upn.empty() ? e.targets[0].upn
                          : !e.initiator_upn.empty()                      ? e.initiator_upn
                                                                          : e.initiator_id;
  switch (c.cls) {
    case AuditClass::registration_started:
      ++b.reg_started;
      break;
    case AuditClass::registration_completed:
      ++b.reg_completed;
      break;
    case AuditClass::registration_cancelled:
      ++b.reg_cancelled;
      break;
    case AuditClass::registration_failed:
      ++b.reg_failed;
      break;
    case AuditClass::method_deleted:
      ++b.deleted;
      break;
    case AuditClass::method_admin_change:
      ++b.admin_changes;
      break;
    case AuditClass::ca_policy_change:
      ++b.ca_changes;
      break;
    case AuditClass::authmethod_policy_change:
      ++b.method_policy_changes;
      break;
    default:
      break;
  }
  bool registration = c.cls == AuditClass::registration_started || c.cls == AuditClass::registration_completed ||
                      c.cls == AuditClass::registration_cancelled || c.cls == AuditClass::registration_failed;
  if (registration) {
    auto& v = registrations_by_user[ascii_lower(user)];
    if (v.size() < kMaxTimesPerUser) v.emplace_back(e.time, c.cls);
    if (c.cls == AuditClass::registration_started) ++registration_attempts_by_hour[e.time / (3600 * kMicrosPerSecond)];
  }
  if (c.cls == AuditClass::ca_policy_change || c.cls == AuditClass::authmethod_policy_change) {
    PolicyChange p;
    p.time = e.time;
    p.cls = c.cls;
    p.activity = std::string(e.activity);
    if (!e.targets.empty()) p.target = std::string(e.targets[0].display_name);
    p.initiator = std::string(!e.initiator_upn.empty() ? e.initiator_upn : e.initiator_name);
    if (policy_changes.size() < 10000) policy_changes.push_back(std::move(p));
  }
}

void TriageAggregate::add_ticket(const Ticket& t, const TicketClassification& c) {
  std::uint64_t key = 1469598103934665603ull;
  key = !t.id.empty() ? mix(key, t.id) : mix(mix(key, t.title), t.opened_text);
  if (!first_time(seen_tickets_, key)) {
    ++ticket_duplicates;
    return;
  }
  auto ci = static_cast<std::size_t>(c.cls);
  ++ticket_totals[ci];
  if (t.opened == kNoTime) {
    ++tickets_undated;
    return;
  }
  ++tickets[bucket_key(t.opened)].by_class[ci];
  if (c.cls != TicketClass::other) {
    std::size_t same = 0;
    for (const auto& s : ticket_samples) same += s.cls == c.cls;
    if (same < kMaxSamplesPerClass) ticket_samples.push_back({t.opened, std::string(t.id), c.cls});
  }
}

void TriageAggregate::add_health(const HealthIssue& h) {
  for (const auto& e : health)
    if (!h.id.empty() && e.id == h.id) return;  // same issue from two exports
  health.emplace_back(h);
}

void TriageAggregate::merge(const TriageAggregate& o) {
  merge_maps(signin, o.signin);
  merge_maps(audit, o.audit);
  merge_maps(tickets, o.tickets);
  for (std::size_t i = 0; i < kSigninClassCount; ++i) signin_totals[i] += o.signin_totals[i];
  for (std::size_t i = 0; i < kAuditClassCount; ++i) audit_totals[i] += o.audit_totals[i];
  for (std::size_t i = 0; i < kTicketClassCount; ++i) ticket_totals[i] += o.ticket_totals[i];
  signin_duplicates += o.signin_duplicates;
  audit_duplicates += o.audit_duplicates;
  ticket_duplicates += o.ticket_duplicates;
  signins_undated += o.signins_undated;
  audit_undated += o.audit_undated;
  tickets_undated += o.tickets_undated;
  see(o.first);
  see(o.last);
  for (const auto& [ip, f] : o.ip_failures) {
    IpFailures& d = ip_failures[ip];
    d.failures += f.failures;
    d.locked += f.locked;
    d.successes += f.successes;
    d.users.insert(f.users.begin(), f.users.end());
    d.locked_users.insert(f.locked_users.begin(), f.locked_users.end());
    for (const auto& u : f.sample_users)
      if (d.sample_users.size() < kMaxSampleUsers) d.sample_users.push_back(u);
    if (f.first != kNoTime && (d.first == kNoTime || f.first < d.first)) d.first = f.first;
    if (f.last != kNoTime && (d.last == kNoTime || f.last > d.last)) d.last = f.last;
    d.codes.merge(f.codes);
  }
  for (const auto& [u, v] : o.mfa_failures_by_user) {
    auto& d = mfa_failures_by_user[u];
    d.insert(d.end(), v.begin(), v.end());
  }
  for (const auto& [u, v] : o.mfa_success_by_user) {
    auto& d = mfa_success_by_user[u];
    d.insert(d.end(), v.begin(), v.end());
  }
  for (const auto& [u, v] : o.registrations_by_user) {
    auto& d = registrations_by_user[u];
    d.insert(d.end(), v.begin(), v.end());
  }
  for (const auto& [k, v] : o.portal_by_country_hour) portal_by_country_hour[k] += v;
  for (const auto& [k, v] : o.registration_attempts_by_hour) registration_attempts_by_hour[k] += v;
  policy_changes.insert(policy_changes.end(), o.policy_changes.begin(), o.policy_changes.end());
  ticket_samples.insert(ticket_samples.end(), o.ticket_samples.begin(), o.ticket_samples.end());
  for (const auto& h : o.health) add_health(h.view());
  for (const auto& [u, b] : o.breakglass) {
    BreakglassState& d = breakglass[u];
    d.signins += b.signins;
    d.successes += b.successes;
    if (b.last_success != kNoTime && (d.last_success == kNoTime || b.last_success > d.last_success))
      d.last_success = b.last_success;
    if (b.first_seen != kNoTime && (d.first_seen == kNoTime || b.first_seen < d.first_seen))
      d.first_seen = b.first_seen;
  }
  portal_users.merge(o.portal_users);
  seen_signins_.insert(o.seen_signins_.begin(), o.seen_signins_.end());
  seen_audit_.insert(o.seen_audit_.begin(), o.seen_audit_.end());
  seen_tickets_.insert(o.seen_tickets_.begin(), o.seen_tickets_.end());
}

void TriageAggregate::finish() {
  // Registration funnel per user: a start with no completion (or cancel)
  // within the timeout is abandoned — the fingerprint of a portal that
  // accepts the start and then times out.
  for (auto& [user, events] : registrations_by_user) {
    std::sort(events.begin(), events.end());
    for (std::size_t i = 0; i < events.size(); ++i) {
      if (events[i].second != AuditClass::registration_started) continue;
      bool closed = false;
      for (std::size_t j = i + 1; j < events.size() && events[j].first - events[i].first <= opts_.registration_timeout;
           ++j) {
        if (events[j].second == AuditClass::registration_started) break;  // a new attempt
        if (events[j].second == AuditClass::registration_completed ||
            events[j].second == AuditClass::registration_cancelled) {
          closed = true;
          if (events[j].second == AuditClass::registration_completed)
            ++audit[bucket_key(events[i].first)].reg_starts_completed;
          break;
        }
      }
      // A start too close to the end of the data cannot be judged yet.
      if (!closed && last != kNoTime && last - events[i].first >= opts_.registration_timeout)
        ++audit[bucket_key(events[i].first)].reg_abandoned;
    }
  }
  std::sort(policy_changes.begin(), policy_changes.end(),
            [](const PolicyChange& a, const PolicyChange& b) { return a.time < b.time; });
  std::sort(ticket_samples.begin(), ticket_samples.end(), [](const TicketSample& a, const TicketSample& b) {
    return a.time != b.time ? a.time < b.time : a.id < b.id;
  });
  for (auto& [u, v] : mfa_failures_by_user) std::sort(v.begin(), v.end());
  for (auto& [u, v] : mfa_success_by_user) std::sort(v.begin(), v.end());
  std::sort(health.begin(), health.end(), [](const HealthIssueCopy& a, const HealthIssueCopy& b) {
    return a.start != b.start ? a.start < b.start : a.id < b.id;
  });
}

}  // namespace idt
