// Why: the closed set of record classes (sign-in, audit, ticket) and the
// classification every sink receives with a record; names are part of the
// JSON/CSV contract, so they live in one table checked at compile time.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace idt {

enum class SigninClass : std::uint8_t {
  success,
  interrupt,
  auth_failure,
  mfa_failure,
  registration_failure,
  service_error,
  portal_unreachable,
  unknown,
  count_
};
inline constexpr std::size_t kSigninClassCount = static_cast<std::size_t>(SigninClass::count_);
inline constexpr std::array<std::string_view, kSigninClassCount> kSigninClassNames = {
    "success",       "interrupt",          "auth_failure", "mfa_failure", "registration_failure",
    "service_error", "portal_unreachable", "unknown"};
static_assert(kSigninClassNames.size() == kSigninClassCount, "every SigninClass needs a name");
static_assert(kSigninClassNames.back() == "unknown");

constexpr std::string_view name(SigninClass c) { return kSigninClassNames[static_cast<std::size_t>(c)]; }
std::optional<SigninClass> parse_signin_class(std::string_view s);

// Audit events as the registration funnel and change detection see them.
enum class AuditClass : std::uint8_t {
  registration_started,
  registration_completed,  // one method registered, or all required registered
  registration_cancelled,
  registration_failed,       // a registration activity whose result is failure
  method_deleted,            // user or admin deleted security info
  method_admin_change,       // admin registered/updated/reset methods for a user
  ca_policy_change,          // Conditional Access policy added/updated/deleted
  authmethod_policy_change,  // authentication methods / registration policy changed
  password_change,           // a user's password changed or reset (self-service or by an admin)
  other,
  count_
};
inline constexpr std::size_t kAuditClassCount = static_cast<std::size_t>(AuditClass::count_);
inline constexpr std::array<std::string_view, kAuditClassCount> kAuditClassNames = {
    "registration_started",   "registration_completed",
    "registration_cancelled", "registration_failed",
    "method_deleted",         "method_admin_change",
    "ca_policy_change",       "authmethod_policy_change",
    "password_change",        "other"};
static_assert(kAuditClassNames.size() == kAuditClassCount, "every AuditClass needs a name");
static_assert(kAuditClassNames.back() == "other");

constexpr std::string_view name(AuditClass c) { return kAuditClassNames[static_cast<std::size_t>(c)]; }
std::optional<AuditClass> parse_audit_class(std::string_view s);

struct SigninClassification {
  SigninClass cls = SigninClass::unknown;
  std::string_view reason;   // finer reason: bad_password, locked, ca_block, …
  std::string_view rule_id;  // "code:50126", "app:mysignins+service_error", "no_code"
};

struct AuditClassification {
  AuditClass cls = AuditClass::other;
  std::string_view rule_id;
};

// Help-desk tickets as users describe their problem.
enum class TicketClass : std::uint8_t {
  mfa_setup,           // cannot set up / register MFA or security info
  portal_unreachable,  // security-info portal (mysignins…) down, 504, timeouts
  signin_failure,      // cannot sign in, wrong password, code not received
  lockout,             // account locked / blocked / disabled
  mfa_prompts,         // unexpected or too many MFA prompts (fatigue)
  phishing_report,     // suspicious e-mail / message reported
  other,
  count_
};
inline constexpr std::size_t kTicketClassCount = static_cast<std::size_t>(TicketClass::count_);
inline constexpr std::array<std::string_view, kTicketClassCount> kTicketClassNames = {
    "mfa_setup", "portal_unreachable", "signin_failure", "lockout", "mfa_prompts", "phishing_report", "other"};
static_assert(kTicketClassNames.size() == kTicketClassCount, "every TicketClass needs a name");
static_assert(kTicketClassNames.back() == "other");

constexpr std::string_view name(TicketClass c) { return kTicketClassNames[static_cast<std::size_t>(c)]; }

// rule_id when no rule matched (class other).
inline constexpr std::string_view kNoTicketRule = "none";

struct TicketClassification {
  TicketClass cls = TicketClass::other;
  std::string_view rule_id = kNoTicketRule;  // valid while the TicketRules object is unchanged
};

// Whether a provider health issue concerns identity, and by which rule.
struct HealthRelevance {
  bool relevant = false;
  std::string_view reason;  // static text from the rule
  std::string_view rule_id;
};

}  // namespace idt
