// Why: the closed set of finding kinds (docs/findings.md); their names are
// JSON identifiers, so they live in one table.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace idt {

enum class FindingKind : std::uint8_t {
  provider_portal_outage,
  provider_auth_outage,
  tenant_policy_block,
  registration_blocked,
  password_spray,
  mfa_fatigue,
  lockout_wave,
  outage_phishing,
  campaign_overload,
  breakglass_stale,
  breakglass_used,
  count_
};
inline constexpr std::size_t kFindingKindCount = static_cast<std::size_t>(FindingKind::count_);
inline constexpr std::array<std::string_view, kFindingKindCount> kFindingKindNames = {
    "provider_portal_outage", "provider_auth_outage", "tenant_policy_block", "registration_blocked",
    "password_spray",         "mfa_fatigue",          "lockout_wave",        "outage_phishing",
    "campaign_overload",      "breakglass_stale",     "breakglass_used"};
static_assert(kFindingKindNames.size() == kFindingKindCount, "every FindingKind needs a name");

constexpr std::string_view name(FindingKind k) { return kFindingKindNames[static_cast<std::size_t>(k)]; }
inline std::optional<FindingKind> parse_finding_kind(std::string_view s) {
  for (std::size_t i = 0; i < kFindingKindCount; ++i)
    if (kFindingKindNames[i] == s) return static_cast<FindingKind>(i);
  return std::nullopt;
}

enum class Cause : std::uint8_t { provider, tenant, attack, user, unknown, count_ };
inline constexpr std::array<std::string_view, 5> kCauseNames = {"provider", "tenant", "attack", "user", "unknown"};
static_assert(kCauseNames.size() == static_cast<std::size_t>(Cause::count_));
constexpr std::string_view name(Cause c) { return kCauseNames[static_cast<std::size_t>(c)]; }

enum class Severity : std::uint8_t { info, low, medium, high, critical, count_ };
inline constexpr std::array<std::string_view, 5> kSeverityNames = {"info", "low", "medium", "high", "critical"};
static_assert(kSeverityNames.size() == static_cast<std::size_t>(Severity::count_));
constexpr std::string_view name(Severity s) { return kSeverityNames[static_cast<std::size_t>(s)]; }
inline std::optional<Severity> parse_severity(std::string_view s) {
  for (std::size_t i = 0; i < kSeverityNames.size(); ++i)
    if (kSeverityNames[i] == s) return static_cast<Severity>(i);
  return std::nullopt;
}

}  // namespace idt
