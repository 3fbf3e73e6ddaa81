// Why: the one normalised directory-audit record (Graph directoryAudits,
// Event Hub AuditLogs, Log Analytics AuditLogs, portal audit CSV).
// Views are valid only during the sink callback.
#pragma once
#include <string_view>

#include "util/small_vec.h"
#include "util/time.h"

namespace idt {

struct AuditTarget {
  std::string_view id, display_name, type, upn;
};

struct AuditEvent {
  Micros time = kNoTime;  // activityDateTime (UTC)
  std::string_view id;
  std::string_view correlation_id;
  std::string_view service;   // loggedByService: "Authentication Methods", "Conditional Access", …
  std::string_view category;  // UserManagement, Policy, ApplicationManagement, …
  std::string_view activity;  // activityDisplayName (trimmed)
  std::string_view operation_type;
  std::string_view result;  // success / failure / timeout / unknownFutureValue
  std::string_view result_reason;
  std::string_view initiator_upn, initiator_name, initiator_id, initiator_ip;
  SmallVec<AuditTarget, 6> targets;

  void clear() { *this = AuditEvent{}; }
};

}  // namespace idt
