// Why: one directory-audit record -> AuditClass (registration funnel, method
// changes, CA / authentication-method policy changes), decided by a data
// table of rules; everything unmatched is "other".
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "model/classes.h"
#include "model/audit.h"

namespace idt {

enum class AuditResultMatch : std::uint8_t {
  any,
  failure,  // a result in kAuditFailureResults (case-insensitive, trimmed)
};
inline constexpr std::array<std::string_view, 2> kAuditFailureResults = {"failure", "timeout"};

// First matching rule wins, so failure variants precede their "any" twins.
// service / category: empty = any; compared case-insensitively after trim.
// A record with no service at all is not rejected by a rule's service (the
// activity names matched here are specific to their service).
// activity: compared case-insensitively after trimming the record's value.
struct AuditRule {
  std::string_view service;   // loggedByService, e.g. "Authentication Methods"
  std::string_view category;  // e.g. "Policy"
  std::string_view activity;  // activityDisplayName / OperationName
  AuditResultMatch result;
  AuditClass cls;
  std::string_view rule_id;  // stable, e.g. "authm:registered"
  std::string_view sample;   // an activity string as logged that must land on this rule
};

// Returns {other, kNoAuditRule} when no rule matches. rule_id has static storage.
AuditClassification classify_audit(const AuditEvent& e);
inline constexpr std::string_view kNoAuditRule = "other";

std::span<const AuditRule> audit_rules();

}  // namespace idt
