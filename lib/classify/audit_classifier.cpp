// Why: see audit_classifier.h. Activity names come from Microsoft's "Microsoft
// Entra audit log activity reference" (Authentication Methods, Conditional
// Access, Core Directory, Self-service password management, Microsoft Entra
// Management UX); samples keep the spelling seen in exports (Graph and the
// portal use "Add Conditional Access policy", Log Analytics queries
// "Add conditional access policy").
#include "classify/audit_classifier.h"

#include <array>

#include "util/text.h"

namespace idt {

namespace {

using A = AuditClass;
using R = AuditResultMatch;

constexpr std::string_view kAuthMethods = "Authentication Methods";
constexpr std::string_view kCondAccess = "Conditional Access";
constexpr std::string_view kCoreDir = "Core Directory";
constexpr std::string_view kSspr = "Self-service Password Management";
constexpr std::string_view kPolicy = "Policy";  // audit category

constexpr auto kAuditRules = std::to_array<AuditRule>({
    // Registration funnel: a failed registration activity is registration_failed.
    {kAuthMethods, "", "User started security info registration", R::failure, A::registration_failed,
     "authm:started:failure", "User started security info registration"},
    {kAuthMethods, "", "User registered security info", R::failure, A::registration_failed, "authm:registered:failure",
     "User registered security info"},
    {kAuthMethods, "", "User registered all required security info", R::failure, A::registration_failed,
     "authm:registered_all:failure", "User registered all required security info"},
    {kAuthMethods, "", "User changed default security info", R::failure, A::registration_failed,
     "authm:changed_default:failure", "User changed default security info"},
    {kAuthMethods, "", "User updated security info", R::failure, A::registration_failed, "authm:updated:failure",
     "User updated security info"},
    {kAuthMethods, "", "User canceled security info registration", R::failure, A::registration_failed,
     "authm:canceled:failure", "User canceled security info registration"},
    {kAuthMethods, "", "User cancelled security info registration", R::failure, A::registration_failed,
     "authm:cancelled:failure", "User cancelled security info registration"},
    {kSspr, "", "Security info saved for self-service password reset", R::failure, A::registration_failed,
     "sspr:security_info_saved:failure", "Security info saved for self-service password reset"},

    {kAuthMethods, "", "User started security info registration", R::any, A::registration_started, "authm:started",
     "User started security info registration"},
    {kAuthMethods, "", "User registered security info", R::any, A::registration_completed, "authm:registered",
     "User registered security info"},
    {kAuthMethods, "", "User registered all required security info", R::any, A::registration_completed,
     "authm:registered_all", "User registered all required security info"},
    {kAuthMethods, "", "User changed default security info", R::any, A::registration_completed, "authm:changed_default",
     "User changed default security info"},
    {kAuthMethods, "", "User updated security info", R::any, A::registration_completed, "authm:updated",
     "User updated security info"},
    {kSspr, "", "Security info saved for self-service password reset", R::any, A::registration_completed,
     "sspr:security_info_saved", "Security info saved for self-service password reset"},
    {kAuthMethods, "", "User canceled security info registration", R::any, A::registration_cancelled, "authm:canceled",
     "User canceled security info registration"},
    {kAuthMethods, "", "User cancelled security info registration", R::any, A::registration_cancelled,
     "authm:cancelled", "User cancelled security info registration"},

    // Methods removed, or changed by an admin on a user's behalf.
    {kAuthMethods, "", "User deleted security info", R::any, A::method_deleted, "authm:user_deleted",
     "User deleted security info"},
    {kAuthMethods, "", "Admin deleted security info", R::any, A::method_deleted, "authm:admin_deleted",
     "Admin deleted security info"},
    {kAuthMethods, "", "Admin registered security info", R::any, A::method_admin_change, "authm:admin_registered",
     "Admin registered security info"},
    {kAuthMethods, "", "Admin updated security info", R::any, A::method_admin_change, "authm:admin_updated",
     "Admin updated security info"},
    {kCoreDir, "", "Enable Strong Authentication", R::any, A::method_admin_change, "core:enable_strong_auth",
     "Enable Strong Authentication"},
    {kCoreDir, "", "Disable Strong Authentication", R::any, A::method_admin_change, "core:disable_strong_auth",
     "Disable Strong Authentication"},
    {"", "UserManagement", "Update per-user multifactor authentication state", R::any, A::method_admin_change,
     "usermgmt:per_user_mfa", "Update per-user multifactor authentication state"},

    // Password changes and resets: a wave of them leaves stale passwords on
    // devices, the usual cause of a lockout wave.
    {kAuthMethods, "", "Admin started password reset", R::any, A::password_change, "authm:admin_password_reset",
     "Admin started password reset"},
    {kSspr, "", "Reset password (by admin)", R::any, A::password_change, "sspr:admin_reset",
     "Reset password (by admin)"},
    {kSspr, "", "Reset password (self-service)", R::any, A::password_change, "sspr:self_reset",
     "Reset password (self-service)"},
    {kSspr, "", "Change password (self-service)", R::any, A::password_change, "sspr:self_change",
     "Change password (self-service)"},
    {kCoreDir, "", "Reset password", R::any, A::password_change, "core:reset_password", "Reset password"},
    {kCoreDir, "", "Reset user password", R::any, A::password_change, "core:reset_user_password",
     "Reset user password"},
    {kCoreDir, "", "Change user password", R::any, A::password_change, "core:change_user_password",
     "Change user password"},
    {kCoreDir, "", "Change password", R::any, A::password_change, "core:change_password", "Change password"},

    // Conditional Access policy and the objects CA policies depend on.
    {kCondAccess, "", "Add Conditional Access policy", R::any, A::ca_policy_change, "ca:add_policy",
     "Add conditional access policy"},
    {kCondAccess, "", "Update Conditional Access policy", R::any, A::ca_policy_change, "ca:update_policy",
     "Update conditional access policy"},
    {kCondAccess, "", "Delete Conditional Access policy", R::any, A::ca_policy_change, "ca:delete_policy",
     "Delete conditional access policy"},
    {"", kPolicy, "Add Conditional Access policy", R::any, A::ca_policy_change, "policy:add_ca_policy",
     "Add Conditional Access policy"},
    {"", kPolicy, "Update Conditional Access policy", R::any, A::ca_policy_change, "policy:update_ca_policy",
     "Update Conditional Access policy"},
    {"", kPolicy, "Delete Conditional Access policy", R::any, A::ca_policy_change, "policy:delete_ca_policy",
     "Delete Conditional Access policy"},
    {kCondAccess, "", "Add named location", R::any, A::ca_policy_change, "ca:add_named_location", "Add named location"},
    {kCondAccess, "", "Update named location", R::any, A::ca_policy_change, "ca:update_named_location",
     "Update named location"},
    {kCondAccess, "", "Delete named location", R::any, A::ca_policy_change, "ca:delete_named_location",
     "Delete named location"},
    {kCondAccess, "", "Update continuous access evaluation", R::any, A::ca_policy_change, "ca:update_cae",
     "Update continuous access evaluation"},
    {kCondAccess, "", "Add AuthenticationContextClassReference", R::any, A::ca_policy_change, "ca:add_auth_context",
     "Add AuthenticationContextClassReference"},
    {kCondAccess, "", "Update AuthenticationContextClassReference", R::any, A::ca_policy_change,
     "ca:update_auth_context", "Update AuthenticationContextClassReference"},
    {kCondAccess, "", "Delete AuthenticationContextClassReference", R::any, A::ca_policy_change,
     "ca:delete_auth_context", "Delete AuthenticationContextClassReference"},

    // Authentication methods policy (incl. registration campaign), strengths,
    // security defaults, MFA registration policy.
    {kAuthMethods, "", "Authentication Methods Policy Update", R::any, A::authmethod_policy_change,
     "authm:policy_update", "Authentication Methods Policy Update"},
    {kAuthMethods, "", "Authentication Methods Policy Reset", R::any, A::authmethod_policy_change, "authm:policy_reset",
     "Authentication Methods Policy Reset"},
    {kAuthMethods, "", "Authentication Strength Policy Create", R::any, A::authmethod_policy_change,
     "authm:strength_create", "Authentication Strength Policy Create"},
    {kAuthMethods, "", "Authentication Strength Policy Update", R::any, A::authmethod_policy_change,
     "authm:strength_update", "Authentication Strength Policy Update"},
    {kAuthMethods, "", "Authentication Strength Policy Delete", R::any, A::authmethod_policy_change,
     "authm:strength_delete", "Authentication Strength Policy Delete"},
    {kCondAccess, "", "Update security defaults", R::any, A::authmethod_policy_change, "ca:security_defaults",
     "Update security defaults"},
    {"", kPolicy, "Update security defaults", R::any, A::authmethod_policy_change, "policy:security_defaults",
     "Update security defaults"},
    {"", kPolicy, "Update User Risk and MFA Registration Policy", R::any, A::authmethod_policy_change,
     "policy:mfa_registration_policy", "Update User Risk and MFA Registration Policy"},
    {"", "", "Set MFA registration policy", R::any, A::authmethod_policy_change, "any:set_mfa_registration_policy",
     "Set MFA registration policy"},
});

constexpr bool rule_ids_unique() {
  for (std::size_t i = 0; i < kAuditRules.size(); ++i)
    for (std::size_t j = i + 1; j < kAuditRules.size(); ++j)
      if (kAuditRules[i].rule_id == kAuditRules[j].rule_id) return false;
  return true;
}
static_assert(rule_ids_unique(), "audit rule ids must be unique");

constexpr bool rules_complete() {
  for (const auto& r : kAuditRules)
    if (r.activity.empty() || r.rule_id.empty() || r.sample.empty() || r.rule_id == kNoAuditRule ||
        r.cls == AuditClass::other)
      return false;
  return true;
}
static_assert(rules_complete(), "every rule needs an activity, an id, a sample and a non-other class");

bool is_failure(std::string_view result) {
  result = trim(result);
  for (auto f : kAuditFailureResults)
    if (iequals(result, f)) return true;
  return false;
}

bool field_matches(std::string_view want, std::string_view have, bool missing_matches) {
  if (want.empty()) return true;
  have = trim(have);
  if (have.empty()) return missing_matches;
  return iequals(have, want);
}

bool rule_matches(const AuditRule& r, std::string_view activity, const AuditEvent& e) {
  if (!iequals(activity, r.activity)) return false;
  if (!field_matches(r.service, e.service, /*missing_matches=*/true)) return false;
  if (!field_matches(r.category, e.category, /*missing_matches=*/false)) return false;
  return r.result == AuditResultMatch::any || is_failure(e.result);
}

}  // namespace

std::span<const AuditRule> audit_rules() { return kAuditRules; }

AuditClassification classify_audit(const AuditEvent& e) {
  const std::string_view activity = trim(e.activity);
  for (const auto& r : kAuditRules)
    if (rule_matches(r, activity, e)) return {r.cls, r.rule_id};
  return {AuditClass::other, kNoAuditRule};
}

}  // namespace idt
