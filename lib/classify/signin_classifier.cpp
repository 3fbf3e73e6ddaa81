// Why: see signin_classifier.h. Decisions live in the tables below and in
// code_table.cpp; classify_signin only looks them up.
#include "classify/signin_classifier.h"

#include <array>

#include "util/text.h"

namespace idt {

namespace {

// Phrases from the MFA result details Microsoft documents for the sign-in
// log's Authentication Details ("If MFA was denied, ... the reason for
// denial"); logs prefix them with "MFA denied; ". First match wins.
constexpr std::array<MfaDetailRule, 10> kMfaDetailRules{{
    {"user declined the authentication", "mfa_denied", "mfa_detail:user_declined",
     "MFA denied; user declined the authentication"},
    {"respond to mobile app notification", "mfa_timeout", "mfa_detail:no_response",
     "MFA denied; user didn't respond to mobile app notification"},
    {"never entered the verification code", "mfa_timeout", "mfa_detail:code_never_entered",
     "MFA denied; user never entered the verification code"},
    {"entered incorrect code", "mfa_wrong_code", "mfa_detail:incorrect_code",
     "MFA denied; user entered incorrect code"},
    {"invalid mobile app verification code", "mfa_wrong_code", "mfa_detail:invalid_app_code",
     "MFA denied; invalid mobile app verification code"},
    {"phone call went to voicemail", "mfa_unreachable", "mfa_detail:voicemail",
     "MFA denied; phone call went to voicemail"},
    {"unable to reach the user's phone", "mfa_unreachable", "mfa_detail:phone_unreachable",
     "MFA denied; unable to reach the user's phone"},
    {"unable to send the mobile app notification", "mfa_unreachable", "mfa_detail:push_not_sent",
     "MFA denied; unable to send the mobile app notification to the device"},
    {"any verification methods registered", "mfa_no_methods", "mfa_detail:no_methods",
     "MFA denied; user doesn't have any verification methods registered"},
    {"service error", "mfa_service_error", "mfa_detail:service_error", "MFA denied; service error"},
}};

constexpr std::array<PortalOverride, 1> kPortalOverrides{{
    {SigninClass::service_error, SigninClass::portal_unreachable},
}};

const MfaDetailRule* match_mfa_detail(std::string_view text) {
  if (text.empty()) return nullptr;
  for (const auto& rule : kMfaDetailRules)
    if (icontains(text, rule.needle)) return &rule;
  return nullptr;
}

const MfaDetailRule* find_mfa_detail(const SignIn& r) {
  if (const auto* m = match_mfa_detail(r.additional_details)) return m;
  if (const auto* m = match_mfa_detail(r.mfa_detail)) return m;
  for (const auto& step : r.auth_steps)
    if (const auto* m = match_mfa_detail(step.detail)) return m;
  return nullptr;
}

bool on_security_info_app(const SignIn& r) {
  return is_security_info_app(r.app_id, r.app_name) || is_security_info_app(r.resource_id, r.resource_name);
}

}  // namespace

std::span<const MfaDetailRule> mfa_detail_rules() { return kMfaDetailRules; }
std::span<const PortalOverride> portal_overrides() { return kPortalOverrides; }

SigninClassification classify_signin(const SignIn& r) {
  if (!r.has_error_code) return {SigninClass::unknown, kNoCodeReason, kNoCodeReason};
  const CodeInfo* info = lookup_code(r.error_code);
  if (info == nullptr) return {SigninClass::unknown, kUnrecognisedCodeReason, kUnrecognisedCodeReason};

  SigninClassification out{info->cls, info->reason, code_rule_id(*info)};
  if (out.cls == SigninClass::mfa_failure) {
    if (const auto* m = find_mfa_detail(r)) {
      out.reason = m->reason;
      out.rule_id = m->rule_id;
    }
  }
  for (const auto& o : kPortalOverrides) {
    if (out.cls == o.from && on_security_info_app(r)) {
      out.cls = o.to;
      out.rule_id = portal_rule_id(*info);
      break;
    }
  }
  return out;
}

}  // namespace idt
