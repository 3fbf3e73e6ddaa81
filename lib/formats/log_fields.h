// Why: one table maps every spelling of a sign-in or audit field — Graph
// camelCase, Event Hub, Log Analytics PascalCase (incl. _dynamic/_string
// pairs), portal CSV headers — to one field id, so JSON and CSV readers fill
// records through the same setters and cannot disagree.
#pragma once
#include <bitset>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "model/source.h"

namespace idt {

enum class LogField : std::uint8_t {
  none,
  // sign-in
  time_primary,   // createdDateTime, CreatedDateTime [UTC], Date (UTC)
  time_fallback,  // time, TimeGenerated
  id,
  request_id,
  correlation_id,
  user_id,
  upn,
  user_display,
  sp_id,    // servicePrincipalId, "Service principal ID"
  sp_name,  // servicePrincipalName, "Service principal name"
  app_id,
  app_name,
  resource_id,
  resource_name,
  ip,
  ip_fallback,    // ipAddress / callerIpAddress
  location_obj,   // location (object), LocationDetails
  location_text,  // portal "Location": "Redmond, Washington, US"
  country,
  state,
  city,
  client_app,
  user_agent,
  browser,
  os,
  device_obj,
  category,
  event_types,
  interactive,
  status_obj,
  error_code,
  error_code_fallback,  // status.errorCode / ResultType
  failure_reason,
  failure_reason_fallback,
  additional_details,
  ca_status,
  ca_policies,
  auth_requirement,
  mfa_obj,
  mfa_method,
  mfa_detail,
  mfa_result,
  auth_details,
  risk_level,
  user_type,  // userType: Member / Guest
  properties,  // Event Hub nested record
  // audit
  activity_time,  // activityDateTime, ActivityDateTime
  activity,
  operation_name,
  operation_type,
  service,
  audit_category,
  result,
  result_reason,
  result_description,
  initiated_by,
  target_resources,
  actor_upn,
  actor_name,
  actor_id,
  actor_ip,
  type_column,  // Log Analytics "Type" (SigninLogs / AuditLogs)
  count_
};

inline constexpr std::size_t kLogFieldCount = static_cast<std::size_t>(LogField::count_);
// Which fields a consumer reads. Readers skip the others (simdjson never
// parses a skipped value), so a count over 1 GB need not build location,
// device or Conditional Access details it never looks at.
using LogFieldSet = std::bitset<kLogFieldCount>;
LogFieldSet all_log_fields();
// What classification, `stats` and `detect` read: everything except
// descriptive sign-in details (location, device, user agent, IP, client app,
// CA policies and status, request/correlation ids, display name, risk, user type,
// authentication requirement, MFA method/result, interactive flag). Ids tell
// copies from overlapping exports apart (aggregate/dedupe.h).
LogFieldSet counting_log_fields();

// Lookup of a JSON key or CSV header (case-insensitive; trailing "_dynamic",
// "_string" and " [UTC]" stripped; whitespace collapsed). `audit` selects
// the audit meaning of ambiguous names (Category, Result, …).
LogField lookup_log_field(std::string_view name, RecordKind kind);

// For tests and docs: every name the table knows, per kind.
struct LogFieldName {
  std::string_view name;
  LogField field;
  RecordKind kind;  // signin, audit, or unknown (= both)
};
std::span<const LogFieldName> all_log_field_names();

}  // namespace idt
