// Why: whether a provider health issue concerns identity (sign-in, MFA,
// security info, SSPR, Conditional Access) is decided by one ordered table
// of rules over service, feature, title and post text — identity incidents
// are often filed under "Microsoft 365 suite" (MO1329260 was).
#pragma once
#include <cstdint>
#include <span>
#include <string_view>

#include "model/classes.h"
#include "model/health.h"

namespace idt {

enum class HealthField : std::uint8_t { service, feature, feature_group, title, text };
std::string_view name(HealthField f);

enum class NeedleKind : std::uint8_t { substring, regex };

struct HealthRelevanceRule {
  std::string_view id;  // stable, e.g. "title.mfa"
  HealthField field;    // text = impact description + every post
  NeedleKind kind;
  std::string_view needle;   // case-insensitive substring, or RE2 pattern (compiled case-insensitive)
  std::string_view reason;   // shown to people: "title mentions MFA"
  std::string_view sample;   // a value of `field` the rule must match (checked in tests)
  std::string_view counter;  // a value it must not match (empty = none)
};

// The table, in evaluation order (first match wins).
std::span<const HealthRelevanceRule> health_relevance_rules();
// Whether one rule matches one value (used by the sample checks).
bool health_rule_matches(const HealthRelevanceRule& rule, std::string_view value);
// Evaluates the table over the issue's fields.
HealthRelevance classify_health(const HealthIssue& issue);
// Fills issue.identity_relevant / relevance_reason / relevance_rule and
// returns the same judgement.
HealthRelevance apply_health_relevance(HealthIssue& issue);

}  // namespace idt
