// Why: see health_relevance.h. The table below is the only place that says
// what "identity-relevant" means for a provider health issue.
#include "classify/health_relevance.h"

#include <re2/re2.h>

#include <array>
#include <memory>
#include <vector>

#include "util/text.h"

namespace idt {
namespace {

using F = HealthField;
using K = NeedleKind;

// Shared vocabularies (RE2, compiled case-insensitive).
constexpr std::string_view kMfa = R"(\bmfa\b|multi-?factor|two-?factor|\b2fa\b)";
constexpr std::string_view kMySignins = R"(mysignins|\bmy sign-?ins\b)";
constexpr std::string_view kSecurityInfo = R"(\bsecurity info\b|setupsecurityinfo|\bproof-?up\b)";
constexpr std::string_view kPasswordReset =
    R"(\bsspr\b|password reset|reset (their |user |users' )?passwords?|self-service password)";
constexpr std::string_view kAuthenticator = R"(\bauthenticator\b)";
constexpr std::string_view kEntra = R"(\bentra\b|azure (ad|active directory)\b|\baad\b)";
constexpr std::string_view kSignin =
    R"(\bsign(ing|ed)?[- ]?(in|on)s?\b|\bsignins?\b|\blog(ging|ged)?[- ]?(in|on)\b|\blogins?\b)";
constexpr std::string_view kAuthentication = R"(authenticat|passwordless|\bpasskeys?\b|\bfido2?\b)";
// In long post text only failing sign-ins count, not every "sign in" or
// "authentication" ("Authentications were not impacted").
constexpr std::string_view kSigninFailure =
    R"((unable|fail(ed|ing|s)?|cannot|can.?t|can ?not|couldn.?t|could not|not able) to (sign|log) ?(in|on)\b|)"
    R"(\bsign-?in (failures|errors|issues|problems|requests)\b|\b(sign-?in|login) (page|prompts?)\b)";
constexpr std::string_view kFeatureAuth =
    R"(authenticat|multi-?factor|\bmfa\b|conditional access|security info|password reset|\bsspr\b|mysignins|my sign-?ins)";

constexpr HealthRelevanceRule kRules[] = {
    // Service: the identity provider itself.
    {"service.entra", F::service, K::substring, "Microsoft Entra", "service: Microsoft Entra", "Microsoft Entra ID",
     "Microsoft Intune"},
    {"service.aad", F::service, K::regex, R"(\bazure (ad|active directory)\b)", "service: Azure Active Directory",
     "Azure Active Directory B2C", "Azure Advisor"},
    {"service.identity", F::service, K::substring, "Identity Service", "service: Identity Service", "Identity Service",
     "Microsoft 365 suite"},
    {"service.orglive", F::service, K::substring, "OrgLiveID", "service: OrgLiveID (Identity Service)", "OrgLiveID",
     "OSDPPlatform"},
    {"service.mfa", F::service, K::regex, kMfa, "service: Multi-Factor Authentication", "Multi-Factor Authentication",
     "Microsoft Forms"},
    // Feature / feature group.
    {"feature_group.signin", F::feature_group, K::regex, kSignin, "feature group: Sign-in", "Sign-in",
     "Management and Provisioning"},
    {"feature_group.auth", F::feature_group, K::regex, kFeatureAuth, "feature group: authentication",
     "Multi-factor authentication", "E-Mail timely delivery"},
    {"feature.signin", F::feature, K::regex, kSignin, "feature: Sign-in", "Sign In", "Mailflow"},
    {"feature.auth", F::feature, K::regex, kFeatureAuth, "feature: authentication", "Conditional Access",
     "Mailflow - delayed delivery from Internet"},
    // Title: the provider's own one-line summary.
    {"title.mfa", F::title, K::regex, kMfa, "title mentions MFA",
     "Some users may have been unable to setup Multi-Factor Authentication (MFA)",
     "Delays in the MFAQ reporting pipeline"},
    {"title.mysignins", F::title, K::regex, kMySignins, "title mentions My Sign-Ins",
     "Users unable to access mysignins.microsoft.com", "Users unable to access My Apps"},
    {"title.security_info", F::title, K::regex, kSecurityInfo, "title mentions security info",
     "Users can't register security info", "Security information and event management exports delayed"},
    {"title.password_reset", F::title, K::regex, kPasswordReset, "title mentions password reset (SSPR)",
     "Users unable to complete self-service password reset (SSPR)", "Admins unable to reset mailbox permissions"},
    {"title.conditional_access", F::title, K::substring, "conditional access", "title mentions Conditional Access",
     "Conditional Access policies not applied", "Access reviews delayed"},
    {"title.authenticator", F::title, K::regex, kAuthenticator, "title mentions Authenticator",
     "Microsoft Authenticator notifications delayed", "Users see authentication prompts"},
    {"title.entra", F::title, K::regex, kEntra, "title mentions Entra ID",
     "Post Incident Review (PIR) – Entra ID Application – Permissions management issues", "Central US region capacity"},
    {"title.signin", F::title, K::regex, kSignin, "title mentions sign-in",
     "Users may be unable to sign in to Microsoft Teams", "Design in Forms is slow to load"},
    {"title.authentication", F::title, K::regex, kAuthentication, "title mentions authentication",
     "Authentication requests failing in Europe", "Authorization header dropped by proxy"},
    // Text: impact description and every post / update.
    {"text.mysignins", F::text, K::regex, kMySignins, "post mentions mysignins.microsoft.com",
     "Users could not access the mysignins.microsoft.com website", "Users could not access My Apps"},
    {"text.mfa", F::text, K::regex, kMfa, "post mentions MFA",
     "Users were unable to complete multi-factor authentication", "The MFAQ pipeline is delayed"},
    {"text.security_info", F::text, K::regex, kSecurityInfo, "post mentions security info",
     "Users may be unable to register security info at aka.ms/setupsecurityinfo",
     "Security information and event management exports"},
    {"text.password_reset", F::text, K::regex, kPasswordReset, "post mentions password reset (SSPR)",
     "Users may be unable to use SSPR", "Admins could not reset mailbox permissions"},
    {"text.conditional_access", F::text, K::substring, "conditional access", "post mentions Conditional Access",
     "Conditional Access policies may not be evaluated", "Access to archives was slow"},
    {"text.authenticator", F::text, K::regex, kAuthenticator, "post mentions Authenticator",
     "Notifications to the Authenticator app were delayed", "Authentications were not impacted"},
    {"text.entra", F::text, K::regex, kEntra, "post mentions Entra ID", "a subset of Entra ID application customers",
     "the central entrance of the datacenter"},
    {"text.signin_failure", F::text, K::regex, kSigninFailure, "post mentions failing sign-ins",
     "Users may be unable to sign in to Outlook on the web", "Title: Exchange Online service has login issue"},
};

constexpr std::array<std::string_view, 5> kFieldNames = {"service", "feature", "feature_group", "title", "text"};
static_assert(kFieldNames.size() == static_cast<std::size_t>(HealthField::text) + 1, "every HealthField needs a name");

// One compiled RE2 per regex rule, built once (thread-safe static init).
const std::vector<std::unique_ptr<RE2>>& compiled() {
  static const std::vector<std::unique_ptr<RE2>> res = [] {
    std::vector<std::unique_ptr<RE2>> v;
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_log_errors(false);
    for (const auto& r : kRules) {
      if (r.kind == K::regex)
        v.push_back(std::make_unique<RE2>(re2::StringPiece(r.needle.data(), r.needle.size()), o));
      else
        v.push_back(nullptr);
    }
    return v;
  }();
  return res;
}

bool matches_at(std::size_t i, std::string_view value) {
  if (value.empty()) return false;
  const auto& r = kRules[i];
  if (r.kind == K::substring) return icontains(value, r.needle);
  const RE2* re = compiled()[i].get();
  return re && re->ok() && RE2::PartialMatch(re2::StringPiece(value.data(), value.size()), *re);
}

}  // namespace

std::string_view name(HealthField f) { return kFieldNames[static_cast<std::size_t>(f)]; }

std::span<const HealthRelevanceRule> health_relevance_rules() { return kRules; }

bool health_rule_matches(const HealthRelevanceRule& rule, std::string_view value) {
  for (std::size_t i = 0; i < std::size(kRules); ++i)
    if (&kRules[i] == &rule) return matches_at(i, value);
  // A rule from elsewhere (e.g. a test-made rule): evaluate it directly.
  if (value.empty()) return false;
  if (rule.kind == K::substring) return icontains(value, rule.needle);
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  RE2 re(re2::StringPiece(rule.needle.data(), rule.needle.size()), o);
  return re.ok() && RE2::PartialMatch(re2::StringPiece(value.data(), value.size()), re);
}

HealthRelevance classify_health(const HealthIssue& h) {
  for (std::size_t i = 0; i < std::size(kRules); ++i) {
    const auto& r = kRules[i];
    bool hit = false;
    switch (r.field) {
      case F::service:
        hit = matches_at(i, h.service);
        break;
      case F::feature:
        hit = matches_at(i, h.feature);
        break;
      case F::feature_group:
        hit = matches_at(i, h.feature_group);
        break;
      case F::title:
        hit = matches_at(i, h.title);
        break;
      case F::text:
        hit = matches_at(i, h.impact) || matches_at(i, h.text);
        break;
    }
    if (hit) return {true, r.reason, r.id};
  }
  return {};
}

HealthRelevance apply_health_relevance(HealthIssue& issue) {
  HealthRelevance r = classify_health(issue);
  issue.identity_relevant = r.relevant;
  issue.relevance_reason = r.reason;
  issue.relevance_rule = r.rule_id;
  return r;
}

}  // namespace idt
