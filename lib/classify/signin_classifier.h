// Why: one sign-in record -> {class, reason, rule_id}. Pure lookups in data
// tables: the error-code table (code_table.cpp), MFA result-detail
// refinements and the security-info portal override (signin_classifier.cpp).
#pragma once
#include <span>
#include <string_view>

#include "model/classes.h"
#include "classify/codes.h"
#include "model/signin.h"

namespace idt {

// No error code -> unknown/"no_code"; code in the table -> its class/reason,
// rule "code:<N>"; code not in the table -> unknown/"unrecognised_code".
// Then: an mfa_failure whose result detail names a known cause gets that
// reason (rule "mfa_detail:<cause>"); a service_error on a security-info app
// (app or resource) becomes portal_unreachable (rule "portal:<N>").
// All returned views have static storage.
SigninClassification classify_signin(const SignIn& r);
inline constexpr std::string_view kNoCodeReason = "no_code";                      // reason and rule id
inline constexpr std::string_view kUnrecognisedCodeReason = "unrecognised_code";  // reason and rule id

// Rule ids of a code-table row, generated at compile time next to the table
// in code_table.cpp: "code:<N>" and "portal:<N>". Empty for a CodeInfo that
// does not come from all_codes().
std::string_view code_rule_id(const CodeInfo& c);
std::string_view portal_rule_id(const CodeInfo& c);

// Finer reason for an mfa_failure, from the MFA result detail text
// (status.additionalDetails, mfaDetail.authDetail or an authentication
// step's result detail), e.g. "MFA denied; user declined the authentication".
// Sources are tried in order (status additional details, MFA detail, then the
// first kMaxAuthSteps authentication steps a record keeps); the first source
// with any match decides, and within it the first rule.
inline constexpr std::size_t kMaxAuthSteps = decltype(SignIn::auth_steps)::capacity;
struct MfaDetailRule {
  std::string_view needle;   // case-insensitive substring of the detail
  std::string_view reason;   // replaces the code table's reason
  std::string_view rule_id;  // "mfa_detail:<cause>"
  std::string_view sample;   // a detail string that must land on this rule
};
std::span<const MfaDetailRule> mfa_detail_rules();

// Class changes for records on the security-info portal apps
// (is_security_info_app on app or resource).
struct PortalOverride {
  SigninClass from;
  SigninClass to;
};
std::span<const PortalOverride> portal_overrides();

}  // namespace idt
