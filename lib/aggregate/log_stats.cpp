// Why: see log_stats.h.
#include "aggregate/log_stats.h"

#include <charconv>

namespace idt {

Micros hour_of(Micros t) {
  if (t == kNoTime) return kNoTime;
  constexpr Micros h = 3600 * kMicrosPerSecond;
  return t >= 0 ? t - t % h : t - ((t % h) + h) % h;
}

void SigninStats::add(const SignIn& r, const SigninClassification& c) {
  auto ci = static_cast<std::size_t>(c.cls);
  ++total;
  ++by_class[ci];
  char buf[96];
  std::string_view cls = name(c.cls);
  std::size_t n = 0;
  if (cls.size() + 1 + c.reason.size() < sizeof buf) {
    std::copy(cls.begin(), cls.end(), buf);
    buf[cls.size()] = '/';
    std::copy(c.reason.begin(), c.reason.end(), buf + cls.size() + 1);
    n = cls.size() + 1 + c.reason.size();
    by_reason.add(std::string_view(buf, n));
  }
  if (r.has_error_code) {
    auto res = std::to_chars(buf, buf + sizeof buf, r.error_code);
    by_code.add(std::string_view(buf, static_cast<std::size_t>(res.ptr - buf)));
  } else {
    by_code.add("none");
  }
  by_app.add(!r.app_name.empty() ? r.app_name : !r.app_id.empty() ? r.app_id : std::string_view("(none)"));
  if (c.cls != SigninClass::success && c.cls != SigninClass::interrupt)
    by_user_failures.add(!r.upn.empty()       ? r.upn
                         : !r.user_id.empty() ? r.user_id
                         : !r.sp_name.empty() ? r.sp_name  // the service principal is the actor
                         : !r.sp_id.empty()   ? r.sp_id
                                              : std::string_view("(none)"));
  ++by_hour[hour_of(r.time)][ci];
}

void SigninStats::merge(const SigninStats& o) {
  total += o.total;
  for (std::size_t i = 0; i < kSigninClassCount; ++i) by_class[i] += o.by_class[i];
  by_reason.merge(o.by_reason);
  by_code.merge(o.by_code);
  by_app.merge(o.by_app);
  by_user_failures.merge(o.by_user_failures);
  for (const auto& [h, arr] : o.by_hour) {
    auto& dst = by_hour[h];
    for (std::size_t i = 0; i < kSigninClassCount; ++i) dst[i] += arr[i];
  }
}

void AuditStats::add(const AuditEvent& e, const AuditClassification& c) {
  auto ci = static_cast<std::size_t>(c.cls);
  ++total;
  ++by_class[ci];
  by_activity.add(e.activity.empty() ? std::string_view("(none)") : e.activity);
  by_service.add(e.service.empty() ? std::string_view("(none)") : e.service);
  by_result.add(e.result.empty() ? std::string_view("(none)") : e.result);
  ++by_hour[hour_of(e.time)][ci];
}

void AuditStats::merge(const AuditStats& o) {
  total += o.total;
  for (std::size_t i = 0; i < kAuditClassCount; ++i) by_class[i] += o.by_class[i];
  by_activity.merge(o.by_activity);
  by_service.merge(o.by_service);
  by_result.merge(o.by_result);
  for (const auto& [h, arr] : o.by_hour) {
    auto& dst = by_hour[h];
    for (std::size_t i = 0; i < kAuditClassCount; ++i) dst[i] += arr[i];
  }
}

}  // namespace idt
