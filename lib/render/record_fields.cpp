// Why: see record_fields.h. Getters are tiny lambdas over the normalised
// records; the table order is the documented order.
#include "render/record_fields.h"

#include <charconv>

#include "util/text.h"
#include "util/time.h"

namespace idt {
namespace {

bool put(std::string& o, std::string_view v) {
  if (v.empty()) return false;
  o.append(v);
  return true;
}
template <class F>
bool put_signin(const RecordRow& r, std::string& o, F f) {
  return r.signin ? put(o, f(*r.signin)) : false;
}
template <class F>
bool put_audit(const RecordRow& r, std::string& o, F f) {
  return r.audit ? put(o, f(*r.audit)) : false;
}
bool put_int(std::string& o, long long v) {
  char b[24];
  auto res = std::to_chars(b, b + sizeof b, v);
  o.append(b, static_cast<std::size_t>(res.ptr - b));
  return true;
}

bool get_kind(const RecordRow& r, std::string& o) { return put(o, r.signin ? "signin" : "audit"); }
bool get_time(const RecordRow& r, std::string& o) {
  Micros t = r.signin ? r.signin->time : r.audit ? r.audit->time : kNoTime;
  if (t == kNoTime) return false;
  o += format_rfc3339(t);
  return true;
}
bool get_user(const RecordRow& r, std::string& o) {
  if (r.signin) {
    return put(o, r.signin->actor());
  }
  if (r.audit) {
    const AuditEvent& a = *r.audit;
    return put(o, !a.initiator_upn.empty()    ? a.initiator_upn
                  : !a.initiator_name.empty() ? a.initiator_name
                                              : a.initiator_id);
  }
  return false;
}
bool get_code(const RecordRow& r, std::string& o) {
  if (!r.signin || !r.signin->has_error_code) return false;
  return put_int(o, r.signin->error_code);
}
bool get_class(const RecordRow& r, std::string& o) {
  if (r.signin_class) return put(o, name(r.signin_class->cls));
  if (r.audit_class) return put(o, name(r.audit_class->cls));
  return false;
}
bool get_reason(const RecordRow& r, std::string& o) { return r.signin_class ? put(o, r.signin_class->reason) : false; }
bool get_rule(const RecordRow& r, std::string& o) {
  if (r.signin_class) return put(o, r.signin_class->rule_id);
  if (r.audit_class) return put(o, r.audit_class->rule_id);
  return false;
}
bool get_interactive(const RecordRow& r, std::string& o) {
  if (!r.signin || r.signin->interactive == Tri::unknown) return false;
  o += r.signin->interactive == Tri::yes ? "true" : "false";
  return true;
}
bool get_ca_policies(const RecordRow& r, std::string& o) {
  if (!r.signin || r.signin->ca_policies.empty()) return false;
  bool first = true;
  for (const CaPolicy& p : r.signin->ca_policies) {
    if (!first) o += "; ";
    first = false;
    o.append(p.name);
    o += '=';
    o.append(p.result);
  }
  return true;
}
bool get_auth_steps(const RecordRow& r, std::string& o) {
  if (!r.signin || r.signin->auth_steps.empty()) return false;
  bool first = true;
  for (const AuthStep& s : r.signin->auth_steps) {
    if (!first) o += "; ";
    first = false;
    o.append(s.method);
    o += s.succeeded == Tri::yes ? "=ok" : s.succeeded == Tri::no ? "=failed" : "";
  }
  return true;
}
bool get_targets(const RecordRow& r, std::string& o) {
  if (!r.audit || r.audit->targets.empty()) return false;
  bool first = true;
  for (const AuditTarget& t : r.audit->targets) {
    if (!first) o += "; ";
    first = false;
    o.append(!t.upn.empty() ? t.upn : !t.display_name.empty() ? t.display_name : t.id);
  }
  return true;
}
bool get_line(const RecordRow& r, std::string& o) {
  if (!r.pos || r.pos->line == 0) return false;
  return put_int(o, static_cast<long long>(r.pos->line));
}

#define S_FIELD(member) \
  [](const RecordRow& r, std::string& o) { return put_signin(r, o, [](const SignIn& s) { return s.member; }); }
#define A_FIELD(member) \
  [](const RecordRow& r, std::string& o) { return put_audit(r, o, [](const AuditEvent& a) { return a.member; }); }

constexpr FieldType T = FieldType::text;
constexpr FieldType I = FieldType::integer;
constexpr FieldType Bo = FieldType::boolean;

const RecordField kFields[] = {
    {"kind", "record kind: signin or audit", true, true, 7, T, get_kind},
    {"time", "event time, RFC 3339 UTC", true, true, 20, T, get_time},
    {"user", "UPN, else the service principal (sign-in); initiator (audit)", true, true, 30, T, get_user},
    {"app", "application display name", true, false, 24, T, S_FIELD(app_name)},
    {"code", "sign-in error code (0 = success)", true, false, 7, I, get_code},
    {"class", "classification (see `idtriage explain --classes`)", true, true, 20, T, get_class},
    {"reason", "finer reason within the class", true, false, 0, T, get_reason},
    {"rule", "id of the rule that decided the class", true, true, 18, T, get_rule},
    {"service", "audit: logged by service", false, true, 22, T, A_FIELD(service)},
    {"activity", "audit: activity display name", false, true, 40, T, A_FIELD(activity)},
    {"result", "audit: success / failure", false, true, 8, T, A_FIELD(result)},
    {"result_reason", "audit: result reason", false, true, 0, T, A_FIELD(result_reason)},
    {"audit_category", "audit: category", false, true, 20, T, A_FIELD(category)},
    {"targets", "audit: target resources", false, true, 30, T, get_targets},
    {"user_id", "user object id", true, false, 36, T, S_FIELD(user_id)},
    {"user_name", "user display name", true, false, 24, T, S_FIELD(user_display)},
    {"service_principal", "service principal name (service-principal and managed-identity sign-ins)", true, false, 24,
     T, S_FIELD(sp_name)},
    {"service_principal_id", "service principal object id", true, false, 36, T, S_FIELD(sp_id)},
    {"app_id", "application id", true, false, 36, T, S_FIELD(app_id)},
    {"resource", "resource display name", true, false, 24, T, S_FIELD(resource_name)},
    {"resource_id", "resource id", true, false, 36, T, S_FIELD(resource_id)},
    {"ip", "client IP address", true, true, 16, T,
     [](const RecordRow& r, std::string& o) {
       return r.signin ? put(o, r.signin->ip) : r.audit ? put(o, r.audit->initiator_ip) : false;
     }},
    {"country", "country or region", true, false, 4, T, S_FIELD(country)},
    {"state", "state", true, false, 16, T, S_FIELD(state)},
    {"city", "city", true, false, 16, T, S_FIELD(city)},
    {"client_app", "client app used", true, false, 16, T, S_FIELD(client_app)},
    {"user_agent", "user agent", true, false, 30, T, S_FIELD(user_agent)},
    {"browser", "browser", true, false, 16, T, S_FIELD(browser)},
    {"os", "operating system", true, false, 12, T, S_FIELD(os)},
    {"category", "sign-in log category (SignInLogs, NonInteractiveUserSignInLogs, …)", true, false, 22, T,
     S_FIELD(category)},
    {"interactive", "interactive sign-in (true/false)", true, false, 5, Bo, get_interactive},
    {"failure_reason", "failure reason text", true, false, 0, T, S_FIELD(failure_reason)},
    {"additional_details", "additional details text", true, false, 0, T, S_FIELD(additional_details)},
    {"ca_status", "Conditional Access status", true, false, 10, T, S_FIELD(ca_status)},
    {"ca_policies", "applied Conditional Access policies (name=result; …)", true, false, 30, T, get_ca_policies},
    {"auth_requirement", "single- or multi-factor requirement", true, false, 26, T, S_FIELD(auth_requirement)},
    {"mfa_method", "MFA method", true, false, 20, T, S_FIELD(mfa_method)},
    {"mfa_detail", "MFA result detail", true, false, 30, T, S_FIELD(mfa_detail)},
    {"auth_steps", "authentication steps (method=ok|failed; …)", true, false, 30, T, get_auth_steps},
    {"risk_level", "risk level during sign-in", true, false, 8, T, S_FIELD(risk_level)},
    {"correlation_id", "correlation id", true, true, 36, T,
     [](const RecordRow& r, std::string& o) {
       return r.signin ? put(o, r.signin->correlation_id) : r.audit ? put(o, r.audit->correlation_id) : false;
     }},
    {"request_id", "original request id", true, false, 36, T, S_FIELD(request_id)},
    {"id", "record id", true, true, 36, T,
     [](const RecordRow& r, std::string& o) {
       return r.signin ? put(o, r.signin->id) : r.audit ? put(o, r.audit->id) : false;
     }},
    {"file", "input file", true, true, 20, T, [](const RecordRow& r, std::string& o) { return put(o, r.file); }},
    {"line", "line in the input file where the record starts", true, true, 6, I, get_line},
};

#undef S_FIELD
#undef A_FIELD

}  // namespace

std::span<const RecordField> all_record_fields() { return kFields; }

const RecordField* find_record_field(std::string_view name) {
  for (const auto& f : kFields)
    if (f.name == name) return &f;
  return nullptr;
}

std::vector<const RecordField*> default_fields(RecordKind kind) {
  const char* names[8] = {};
  if (kind == RecordKind::audit) {
    static const char* a[] = {"time", "user", "service", "activity", "result", "class", nullptr};
    std::copy(std::begin(a), std::end(a), names);
  } else {
    static const char* s[] = {"time", "user", "app", "code", "class", "reason", nullptr};
    std::copy(std::begin(s), std::end(s), names);
  }
  std::vector<const RecordField*> out;
  for (const char** n = names; *n; ++n) out.push_back(find_record_field(*n));
  return out;
}

bool parse_field_list(std::string_view list, std::vector<const RecordField*>& out, std::string& error) {
  out.clear();
  while (!list.empty()) {
    std::size_t c = list.find(',');
    std::string_view name = trim(list.substr(0, c));
    list = c == std::string_view::npos ? std::string_view{} : list.substr(c + 1);
    if (name.empty()) continue;
    const RecordField* f = find_record_field(name);
    if (!f) {
      std::vector<std::string_view> names;
      for (const auto& k : kFields) names.push_back(k.name);
      error = "unknown field '" + std::string(name) + "'" + did_you_mean(name, names) +
              "; see `idtriage classify --list-fields`";
      return false;
    }
    out.push_back(f);
  }
  if (out.empty()) {
    error = "empty field list";
    return false;
  }
  return true;
}

}  // namespace idt
