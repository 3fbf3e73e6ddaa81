// Why: the one normalised sign-in record every sign-in shape is parsed into.
// All views point into the input buffer or the parser's per-record arena and
// are valid only during the sink callback: a sink that keeps data copies it.
#pragma once
#include <cstdint>
#include <string_view>

#include "util/small_vec.h"
#include "util/time.h"

namespace idt {

enum class Tri : std::uint8_t { unknown, no, yes };

struct CaPolicy {
  std::string_view name;    // displayName
  std::string_view result;  // success, failure, notApplied, notEnabled, reportOnly…
};

struct AuthStep {
  std::string_view method;       // "Password", "Mobile app notification"…
  std::string_view detail;       // authenticationStepResultDetail
  std::string_view requirement;  // "Primary authentication"…
  Tri succeeded = Tri::unknown;
};

struct SignIn {
  Micros time = kNoTime;        // createdDateTime (UTC)
  std::string_view id;          // sign-in id
  std::string_view request_id;  // originalRequestId
  std::string_view correlation_id;
  std::string_view user_id, upn, user_display;
  // Service-principal and managed-identity sign-ins have no user: the actor
  // is the service principal (servicePrincipalName / servicePrincipalId).
  std::string_view sp_id, sp_name;
  std::string_view app_id, app_name;
  std::string_view resource_id, resource_name;
  std::string_view ip, country, state, city;
  std::string_view client_app, user_agent, browser, os;
  std::string_view category;  // SignInLogs, NonInteractiveUserSignInLogs, …
  Tri interactive = Tri::unknown;
  bool has_error_code = false;
  std::int64_t error_code = 0;
  std::string_view failure_reason, additional_details;
  std::string_view ca_status;  // success / failure / notApplied
  SmallVec<CaPolicy, 12> ca_policies;
  std::string_view auth_requirement;        // singleFactorAuthentication / multiFactorAuthentication
  std::string_view mfa_method, mfa_detail;  // mfaDetail.authMethod / authDetail
  SmallVec<AuthStep, 6> auth_steps;
  std::string_view risk_level;  // riskLevelDuringSignIn
  std::string_view user_type;   // userType: Member / Guest (Graph beta, Event Hub, Log Analytics, portal CSV)

  void clear() { *this = SignIn{}; }
  // Who signed in: the user, else the service principal (for outputs; user
  // counts and per-user analysis keep to upn / user_id).
  std::string_view actor() const {
    return !upn.empty()            ? upn
           : !user_display.empty() ? user_display
           : !user_id.empty()      ? user_id
           : !sp_name.empty()      ? sp_name
                                   : sp_id;
  }
};

}  // namespace idt
