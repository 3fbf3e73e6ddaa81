// Why: the field-name table (data) behind lookup_log_field; see log_fields.h.
#include "formats/log_fields.h"

#include <string>
#include <unordered_map>

#include "util/hash.h"
#include "util/text.h"

namespace idt {
namespace {

constexpr RecordKind S = RecordKind::signin;
constexpr RecordKind A = RecordKind::audit;
constexpr RecordKind B = RecordKind::unknown;  // both kinds
using F = LogField;

// Every name is stored normalised: lower case, single spaces, no _dynamic/_string.
constexpr LogFieldName kNames[] = {
    // ---- times
    {"createddatetime", F::time_primary, S},
    {"createddatetime [utc]", F::time_primary, S},
    {"date (utc)", F::time_primary, B},
    {"date", F::time_primary, B},
    {"time", F::time_fallback, B},
    {"timegenerated", F::time_fallback, B},
    {"timegenerated [utc]", F::time_fallback, B},
    {"activitydatetime", F::activity_time, A},
    {"activitydatetime [utc]", F::activity_time, A},
    // ---- ids
    {"id", F::id, B},
    {"request id", F::id, S},
    {"originalrequestid", F::request_id, S},
    {"correlationid", F::correlation_id, B},
    {"correlation id", F::correlation_id, B},
    // ---- sign-in: user, app, resource, network, device
    {"userid", F::user_id, S},
    {"user id", F::user_id, S},
    {"userprincipalname", F::upn, S},
    {"username", F::upn, S},
    {"userdisplayname", F::user_display, S},
    {"user", F::user_display, S},
    {"serviceprincipalid", F::sp_id, S},
    {"service principal id", F::sp_id, S},
    {"serviceprincipalname", F::sp_name, S},
    {"service principal name", F::sp_name, S},
    {"appid", F::app_id, S},
    {"application id", F::app_id, S},
    {"appdisplayname", F::app_name, S},
    {"application", F::app_name, S},
    {"resourceid", F::resource_id, S},
    {"resourceidentity", F::resource_id, S},
    {"resource id", F::resource_id, S},
    {"resourcedisplayname", F::resource_name, S},
    {"resource", F::resource_name, S},
    {"ipaddress", F::ip, S},
    {"ip address", F::ip, S},
    {"calleripaddress", F::ip_fallback, B},
    {"location", F::location_obj, S},
    {"locationdetails", F::location_obj, S},
    {"clientappused", F::client_app, S},
    {"client app", F::client_app, S},
    {"useragent", F::user_agent, B},
    {"user agent", F::user_agent, S},
    {"browser", F::browser, S},
    {"operating system", F::os, S},
    {"devicedetail", F::device_obj, S},
    {"category", F::category, S},
    {"signineventtypes", F::event_types, S},
    {"isinteractive", F::interactive, S},
    // ---- sign-in: outcome
    {"status", F::status_obj, S},
    {"errorcode", F::error_code, S},
    {"sign-in error code", F::error_code, S},
    {"resulttype", F::error_code_fallback, S},
    {"failurereason", F::failure_reason, S},
    {"failure reason", F::failure_reason, S},
    {"resultdescription", F::failure_reason_fallback, S},
    {"additionaldetails", F::additional_details, S},
    {"conditionalaccessstatus", F::ca_status, S},
    {"conditional access", F::ca_status, S},
    {"appliedconditionalaccesspolicies", F::ca_policies, S},
    {"conditionalaccesspolicies", F::ca_policies, S},
    {"authenticationrequirement", F::auth_requirement, S},
    {"authentication requirement", F::auth_requirement, S},
    {"mfadetail", F::mfa_obj, S},
    {"multifactor authentication auth method", F::mfa_method, S},
    {"multifactor authentication auth detail", F::mfa_detail, S},
    {"multifactor authentication result", F::mfa_result, S},
    {"authenticationdetails", F::auth_details, S},
    {"risklevelduringsignin", F::risk_level, S},
    {"usertype", F::user_type, S},
    {"user type", F::user_type, S},
    {"properties", F::properties, B},
    {"type", F::type_column, B},
    // ---- audit
    {"activitydisplayname", F::activity, A},
    {"activity", F::activity, A},
    {"operationname", F::operation_name, B},
    {"operationtype", F::operation_type, A},
    {"aadoperationtype", F::operation_type, A},
    {"loggedbyservice", F::service, A},
    {"service", F::service, A},
    {"category", F::audit_category, A},
    {"result", F::result, A},
    {"resultreason", F::result_reason, A},
    {"resultdescription", F::result_description, A},
    {"initiatedby", F::initiated_by, A},
    {"targetresources", F::target_resources, A},
    {"actoruserprincipalname", F::actor_upn, A},
    {"initiatinguserorapp", F::actor_upn, A},
    {"actordisplayname", F::actor_name, A},
    {"actorobjectid", F::actor_id, A},
    {"ipaddress", F::actor_ip, A},
    {"initiatingipaddress", F::actor_ip, A},
};

std::string normalise(std::string_view name) {
  std::string n = normalize_name(name);
  auto strip = [&](std::string_view suffix) {
    if (n.size() > suffix.size() && n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0)
      n.resize(n.size() - suffix.size());
  };
  strip("_dynamic");
  strip("_string");
  return n;
}

struct Index {
  std::unordered_map<std::string, LogField> signin, audit;
  Index() {
    auto add = [&](const LogFieldName& e) {
      if (e.kind != A) signin.emplace(std::string(e.name), e.field);
      if (e.kind != S) audit.emplace(std::string(e.name), e.field);
    };
    for (const auto& e : kNames) add(e);
  }
};

const Index& index() {
  static const Index idx;
  return idx;
}

}  // namespace

LogField lookup_log_field(std::string_view name, RecordKind kind) {
  const auto& map = kind == RecordKind::audit ? index().audit : index().signin;
  std::string n = normalise(name);
  auto it = map.find(n);
  return it == map.end() ? F::none : it->second;
}

std::span<const LogFieldName> all_log_field_names() { return kNames; }

LogFieldSet all_log_fields() { return LogFieldSet().set(); }

LogFieldSet counting_log_fields() {
  LogFieldSet s = all_log_fields();
  for (LogField f : {LogField::location_obj,
                     LogField::location_text,
                     LogField::country,
                     LogField::state,
                     LogField::city,
                     LogField::client_app,
                     LogField::user_agent,
                     LogField::browser,
                     LogField::os,
                     LogField::device_obj,
                     LogField::ip,
                     LogField::ip_fallback,
                     LogField::ca_status,
                     LogField::ca_policies,
                     LogField::user_display,
                     LogField::risk_level,
                     LogField::user_type,
                     LogField::auth_requirement,
                     LogField::mfa_method,
                     LogField::mfa_result,
                     LogField::interactive})
    s.reset(static_cast<std::size_t>(f));
  return s;
}

}  // namespace idt
