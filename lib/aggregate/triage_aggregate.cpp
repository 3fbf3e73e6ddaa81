// Why: see triage_aggregate.h. Every container is bounded per key (caps in
// the header) so hostile input cannot grow one entry without limit; capped
// lists keep their earliest entries, so a sliced read equals a one-thread read.
#include "aggregate/triage_aggregate.h"

#include <fmt/format.h>

#include <algorithm>

#include "aggregate/dedupe.h"
#include "classify/codes.h"
#include "util/hash.h"
#include "util/text.h"

namespace idt {
namespace {

using Agg = TriageAggregate;

std::string_view user_of(const SignIn& r) { return !r.upn.empty() ? r.upn : r.user_id; }

bool is_credential_failure(std::int64_t code) {
  return code == 50126 || code == 50053 || code == 50055 || code == 50057 || code == 50034 || code == 50056;
}

// The password was right: signed in, or stopped at the MFA step.
bool past_password(const SigninClassification& c) {
  return c.cls == SigninClass::success || c.cls == SigninClass::mfa_failure || c.reason == "mfa_required" ||
         c.reason == "mfa_registration_required";
}

// Adds t to a capped list that keeps the earliest times.
void add_capped(std::vector<Micros>& v, Micros t, std::size_t cap) {
  if (v.size() < cap) {
    v.push_back(t);
    return;
  }
  auto it = std::max_element(v.begin(), v.end());
  if (t < *it) *it = t;
}

void merge_capped(std::vector<Micros>& dst, const std::vector<Micros>& src, std::size_t cap) {
  dst.insert(dst.end(), src.begin(), src.end());
  if (dst.size() > cap) {
    std::nth_element(dst.begin(), dst.begin() + static_cast<std::ptrdiff_t>(cap), dst.end());
    dst.resize(cap);
  }
}

// The hashes of every user past the password, started from the kept names
// when `access` first overflows (until then `access` holds them all).
std::unordered_set<std::uint64_t>& more_access(IpFailures& f) {
  if (!f.more_access) {
    f.more_access = std::make_unique<std::unordered_set<std::uint64_t>>();
    for (const auto& a : f.access) f.more_access->insert(fnv1a_ci(a.user));
  }
  return *f.more_access;
}

void add_access(IpFailures& f, std::string_view user, Micros t, std::int64_t code) {
  if (f.more_access) {
    if (f.more_access->size() < Agg::kMaxUsersPerIp) f.more_access->insert(fnv1a_ci(user));
  }
  for (auto& a : f.access)
    if (a.user == user) {
      if (t < a.time) {
        a.time = t;
        a.code = code;
      }
      return;
    }
  if (f.access.size() < Agg::kMaxAccessPerIp) {
    f.access.push_back({std::string(user), t, code});
    return;
  }
  // A new user beyond the kept ones: from now on the hashes count them all.
  if (!f.more_access) more_access(f).insert(fnv1a_ci(user));
  auto it = std::max_element(f.access.begin(), f.access.end(),
                             [](const IpAccess& a, const IpAccess& b) { return a.time < b.time; });
  if (t < it->time) *it = {std::string(user), t, code};
}

template <class Bucket>
void merge_maps(std::map<std::int64_t, Bucket>& dst, const std::map<std::int64_t, Bucket>& src) {
  for (const auto& [k, b] : src) dst[k].merge(b);
}

}  // namespace

void SigninBucket::merge(const SigninBucket& o) {
  for (std::size_t i = 0; i < kSigninClassCount; ++i) by_class[i] += o.by_class[i];
  total += o.total;
  interactive += o.interactive;
  portal_total += o.portal_total;
  portal_fail += o.portal_fail;
  portal_ok += o.portal_ok;
  other_total += o.other_total;
  other_fail += o.other_fail;
  other_service += o.other_service;
  ca_block += o.ca_block;
  reg_blocked += o.reg_blocked;
  portal_ca_block += o.portal_ca_block;
  locked += o.locked;
  bad_password += o.bad_password;
  mfa_fail += o.mfa_fail;
  reg_required += o.reg_required;
  fail_codes.merge(o.fail_codes);
  service_apps.merge(o.service_apps);
  locked_clients.merge(o.locked_clients);
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
  password_changes += o.password_changes;
  events += o.events;
}

void TicketBucket::merge(const TicketBucket& o) {
  for (std::size_t i = 0; i < kTicketClassCount; ++i) by_class[i] += o.by_class[i];
}

void TriageAggregate::see(Micros t) {
  if (t == kNoTime) return;
  if (first == kNoTime || t < first) first = t;
  if (last == kNoTime || t > last) last = t;
}

std::string_view audit_user(const AuditEvent& e) {
  if (!e.targets.empty() && !e.targets[0].upn.empty()) return e.targets[0].upn;
  return !e.initiator_upn.empty() ? e.initiator_upn : e.initiator_id;
}

bool is_registration(AuditClass c) {
  return c == AuditClass::registration_started || c == AuditClass::registration_completed ||
         c == AuditClass::registration_cancelled || c == AuditClass::registration_failed;
}

bool TriageAggregate::first_time(std::unordered_set<std::uint64_t>& seen, std::uint64_t key) {
  return seen.insert(key).second;
}

void TriageAggregate::trace(std::string_view user, std::string_view display, UserSignal s, Micros t) {
  if (user.empty()) return;
  std::string key = ascii_lower(user);
  auto it = users.find(key);
  if (it == users.end()) {
    if (users.size() >= kMaxUsers) {
      ++users_untracked;
      return;
    }
    it = users.emplace(std::move(key), UserTrace{}).first;
  }
  if (it->second.display.empty() && !display.empty()) it->second.display = std::string(display);
  add_capped(it->second.times[static_cast<std::size_t>(s)], t, kMaxTimesPerSignal);
}

void TriageAggregate::add_signin(const SignIn& r, const SigninClassification& c) {
  const std::uint64_t key = record_key(r);  // 0: nothing to tell copies apart by
  if (key != 0 && !first_time(seen_signins_, key)) {
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
      if (r.time != kNoTime && (b.last_seen == kNoTime || r.time > b.last_seen)) b.last_seen = r.time;
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
  ++signins_dated;
  SigninBucket& b = signin[minute_key(r.time)];
  ++b.total;
  // Users typing: not a token refresh, not a service principal.
  if (r.interactive != Tri::no && r.sp_id.empty() && r.sp_name.empty()) ++b.interactive;
  ++b.by_class[ci];
  bool failure = c.cls != SigninClass::success && c.cls != SigninClass::interrupt && c.cls != SigninClass::unknown;
  bool portal = is_security_info_app(r.app_id, r.app_name) || is_security_info_app(r.resource_id, r.resource_name);
  bool service = c.cls == SigninClass::service_error || c.cls == SigninClass::portal_unreachable;
  if (portal) {
    ++b.portal_total;
    if (service) {
      ++b.portal_fail;
      portal_users.add(user.empty() ? std::string_view("(none)") : user);
      trace(user, r.user_display, UserSignal::portal_service_error, r.time);
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
      trace(user, r.user_display, UserSignal::service_error, r.time);
    }
  }
  if (r.has_error_code) {
    switch (r.error_code) {
      case 53003:
        // Conditional Access on the security-info apps blocks registration.
        if (portal) {
          ++b.portal_ca_block;
          trace(user, r.user_display, UserSignal::registration_blocked, r.time);
        } else {
          ++b.ca_block;
          trace(user, r.user_display, UserSignal::ca_block, r.time);
        }
        break;
      case 53004:
      case 53010:
        ++b.reg_blocked;
        trace(user, r.user_display, UserSignal::registration_blocked, r.time);
        break;
      case 50053:
        ++b.locked;
        b.locked_clients.add(r.client_app.empty() ? std::string_view("(unknown client)") : r.client_app);
        trace(user, r.user_display, UserSignal::locked, r.time);
        break;
      case 50126:
        ++b.bad_password;
        trace(user, r.user_display, UserSignal::bad_password, r.time);
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
    trace(user, r.user_display, UserSignal::mfa_failure, r.time);
  } else if (c.cls == SigninClass::success && !r.mfa_method.empty()) {
    auto& v = mfa_success_by_user[std::string(user)];
    if (v.size() < kMaxTimesPerUser) v.push_back(r.time);
  }
  if (!r.ip.empty() && past_password(c)) {
    IpFailures& f = ip_failures[std::string(r.ip)];
    if (c.cls == SigninClass::success) ++f.successes;
    if (!user.empty()) add_access(f, user, r.time, c.cls == SigninClass::success ? 0 : r.error_code);
  }
  if (r.has_error_code && is_credential_failure(r.error_code) && !r.ip.empty()) {
    IpFailures& ipf = ip_failures[std::string(r.ip)];
    ++ipf.failures;
    IpCredentials& f = ipf.credentials();
    std::uint64_t uh = fnv1a_ci(user);
    if (f.users.size() < kMaxUsersPerIp) f.users.insert(uh);
    if (r.error_code == 50053) {
      ++ipf.locked;
      if (f.locked_users.size() < kMaxUsersPerIp) f.locked_users.insert(uh);
    }
    if (!user.empty() && (f.user_failures.size() < kMaxUserCountsPerIp || f.user_failures.get(user) > 0))
      f.user_failures.add(user);
    if (f.first == kNoTime || r.time < f.first) f.first = r.time;
    if (f.last == kNoTime || r.time > f.last) f.last = r.time;
    f.codes.add(fmt::format_int(r.error_code).str());
  }
}

void TriageAggregate::add_audit(const AuditEvent& e, const AuditClassification& c) {
  const std::uint64_t key = record_key(e);
  if (key != 0 && !first_time(seen_audit_, key)) {
    ++audit_duplicates;
    return;
  }
  ++audit_totals[static_cast<std::size_t>(c.cls)];
  if (e.time == kNoTime) {
    ++audit_undated;
    return;
  }
  see(e.time);
  ++audit_dated;
  AuditBucket& b = audit[minute_key(e.time)];
  ++b.events;
  std::string_view user = audit_user(e);
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
    case AuditClass::password_change:
      ++b.password_changes;
      break;
    default:
      break;
  }
  if (is_registration(c.cls)) {
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
  std::uint64_t key = kFnvBasis;
  key = !t.id.empty() ? fnv_mix(key, t.id) : fnv_mix(fnv_mix(key, t.title), t.opened_text);
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
  ++tickets_dated;
  ++tickets[minute_key(t.opened)].by_class[ci];
  if (c.cls != TicketClass::other) {
    if (ticket_samples_by_class[ci] < kMaxSamplesPerClass) {
      ++ticket_samples_by_class[ci];
      ticket_samples.push_back({t.opened, std::string(t.id), std::string(t.caller), c.cls});
    } else {
      ++ticket_samples_dropped;
    }
  }
}

void TriageAggregate::add_health(const HealthIssue& h) {
  // The same issue from two exports, or two updates of it (alerts fire per
  // update): the latest state wins.
  for (auto& e : health)
    if (!h.id.empty() && e.id == h.id) {
      const bool newer = h.last_update != kNoTime && (e.last_update == kNoTime || h.last_update > e.last_update);
      const bool closes = e.end == kNoTime && h.end != kNoTime;
      if (newer || closes) e = HealthIssueCopy(h);
      return;
    }
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
  signins_dated += o.signins_dated;
  audit_dated += o.audit_dated;
  tickets_dated += o.tickets_dated;
  see(o.first);
  see(o.last);
  for (const auto& [ip, f] : o.ip_failures) {
    IpFailures& dip = ip_failures[ip];
    dip.failures += f.failures;
    dip.locked += f.locked;
    dip.successes += f.successes;
    for (const auto& a : f.access) add_access(dip, a.user, a.time, a.code);
    if (f.more_access) {
      auto& d = more_access(dip);
      for (std::uint64_t h : *f.more_access)
        if (d.size() < kMaxUsersPerIp) d.insert(h);
    }
    if (!f.cred) continue;
    const IpCredentials& fc = *f.cred;
    IpCredentials& d = dip.credentials();
    d.users.insert(fc.users.begin(), fc.users.end());
    d.locked_users.insert(fc.locked_users.begin(), fc.locked_users.end());
    for (const auto& [u, n] : fc.user_failures.top())
      if (d.user_failures.size() < kMaxUserCountsPerIp || d.user_failures.get(u) > 0) d.user_failures.add(u, n);
    if (fc.first != kNoTime && (d.first == kNoTime || fc.first < d.first)) d.first = fc.first;
    if (fc.last != kNoTime && (d.last == kNoTime || fc.last > d.last)) d.last = fc.last;
    d.codes.merge(fc.codes);
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
  for (const auto& [u, t] : o.users) {
    auto it = users.find(u);
    if (it == users.end()) {
      if (users.size() >= kMaxUsers) {
        ++users_untracked;
        continue;
      }
      users.emplace(u, t);
      continue;
    }
    if (it->second.display.empty()) it->second.display = t.display;
    for (std::size_t i = 0; i < kUserSignalCount; ++i)
      merge_capped(it->second.times[i], t.times[i], kMaxTimesPerSignal);
  }
  users_untracked += o.users_untracked;
  for (const auto& [k, v] : o.portal_by_country_hour) portal_by_country_hour[k] += v;
  for (const auto& [k, v] : o.registration_attempts_by_hour) registration_attempts_by_hour[k] += v;
  policy_changes.insert(policy_changes.end(), o.policy_changes.begin(), o.policy_changes.end());
  for (const auto& t : o.ticket_samples) {
    auto ci = static_cast<std::size_t>(t.cls);
    if (ticket_samples_by_class[ci] < kMaxSamplesPerClass) {
      ++ticket_samples_by_class[ci];
      ticket_samples.push_back(t);
    } else {
      ++ticket_samples_dropped;
    }
  }
  ticket_samples_dropped += o.ticket_samples_dropped;
  for (const auto& h : o.health) add_health(h.view());
  for (const auto& [u, b] : o.breakglass) {
    BreakglassState& d = breakglass[u];
    d.signins += b.signins;
    d.successes += b.successes;
    if (b.last_success != kNoTime && (d.last_success == kNoTime || b.last_success > d.last_success))
      d.last_success = b.last_success;
    if (b.first_seen != kNoTime && (d.first_seen == kNoTime || b.first_seen < d.first_seen))
      d.first_seen = b.first_seen;
    if (b.last_seen != kNoTime && (d.last_seen == kNoTime || b.last_seen > d.last_seen)) d.last_seen = b.last_seen;
  }
  portal_users.merge(o.portal_users);
  seen_signins_.insert(o.seen_signins_.begin(), o.seen_signins_.end());
  seen_audit_.insert(o.seen_audit_.begin(), o.seen_audit_.end());
  seen_tickets_.insert(o.seen_tickets_.begin(), o.seen_tickets_.end());
}

void TriageAggregate::find_period() {
  // Records per minute (sign-ins and audit), in time order.
  std::vector<std::pair<std::int64_t, std::uint64_t>> minutes;
  auto si = signin.begin();
  auto ai = audit.begin();
  while (si != signin.end() || ai != audit.end()) {
    if (ai == audit.end() || (si != signin.end() && si->first < ai->first)) {
      minutes.emplace_back(si->first, si->second.total);
      ++si;
    } else if (si == signin.end() || ai->first < si->first) {
      minutes.emplace_back(ai->first, ai->second.events);
      ++ai;
    } else {
      minutes.emplace_back(si->first, si->second.total + ai->second.events);
      ++si;
      ++ai;
    }
  }
  period_first = period_last = kNoTime;
  outliers = {};
  if (minutes.empty()) return;
  // Stretches separated by more than kOutlierGap without a record; the one
  // with the most records is the analysed period.
  const std::int64_t gap = kOutlierGap / kMinuteMicros;
  std::size_t best_b = 0, best_e = 0, b = 0;
  std::uint64_t best_n = 0, n = 0, all = 0;
  for (std::size_t i = 0; i <= minutes.size(); ++i) {
    if (i == minutes.size() || (i > b && minutes[i].first - minutes[i - 1].first > gap)) {
      if (n > best_n) {
        best_n = n;
        best_b = b;
        best_e = i;
      }
      if (i == minutes.size()) break;
      b = i;
      n = 0;
    }
    n += minutes[i].second;
    all += minutes[i].second;
  }
  const std::int64_t k0 = minutes[best_b].first, k1 = minutes[best_e - 1].first;
  period_first = k0 == minute_key(first) ? first : minute_start(k0);
  period_last = k1 == minute_key(last) ? last : minute_start(k1) + kMinuteMicros - 1;
  outliers.count = all - best_n;
  for (std::size_t i = 0; i < minutes.size(); ++i) {
    if (i >= best_b && i < best_e) continue;
    Micros lo = minutes[i].first == minute_key(first) ? first : minute_start(minutes[i].first);
    Micros hi = minutes[i].first == minute_key(last) ? last : minute_start(minutes[i].first);
    if (outliers.first == kNoTime || lo < outliers.first) outliers.first = lo;
    if (outliers.last == kNoTime || hi > outliers.last) outliers.last = hi;
  }
}

void TriageAggregate::finish() {
  find_period();
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
            ++audit[minute_key(events[i].first)].reg_starts_completed;
          break;
        }
      }
      // A start too close to the end of the data cannot be judged yet.
      if (!closed && period_last != kNoTime && period_last - events[i].first >= opts_.registration_timeout)
        ++audit[minute_key(events[i].first)].reg_abandoned;
    }
  }
  std::sort(policy_changes.begin(), policy_changes.end(),
            [](const PolicyChange& a, const PolicyChange& b) { return a.time < b.time; });
  std::sort(ticket_samples.begin(), ticket_samples.end(), [](const TicketSample& a, const TicketSample& b) {
    return a.time != b.time ? a.time < b.time : a.id < b.id;
  });
  for (auto& [ip, f] : ip_failures)
    std::sort(f.access.begin(), f.access.end(), [](const IpAccess& a, const IpAccess& b) {
      return a.time != b.time ? a.time < b.time : a.user < b.user;
    });
  for (auto& [u, t] : users)
    for (auto& v : t.times) std::sort(v.begin(), v.end());
  for (auto& [u, v] : mfa_failures_by_user) std::sort(v.begin(), v.end());
  for (auto& [u, v] : mfa_success_by_user) std::sort(v.begin(), v.end());
  std::sort(health.begin(), health.end(), [](const HealthIssueCopy& a, const HealthIssueCopy& b) {
    return a.start != b.start ? a.start < b.start : a.id < b.id;
  });
}

}  // namespace idt
