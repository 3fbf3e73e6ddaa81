// Why: the one Entra sign-in error-code table (code -> class, reason, AADSTS
// name, meaning, help-desk advice), checked at compile time (sorted, unique,
// snake_case reasons) and the rule ids derived from it. Meanings follow
// Microsoft's "Microsoft Entra authentication and authorization error codes"
// and the older "Sign-in activity report error codes" reference; an empty
// name means Microsoft publishes no symbolic name for the code.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>

#include "classify/codes.h"
#include "classify/signin_classifier.h"
#include "util/text.h"

namespace idt {

namespace {

using C = SigninClass;

constexpr auto kCodes = std::to_array<CodeInfo>({
    {0, C::success, "success", "", "The sign-in succeeded and a token was issued.",
     "Nothing to fix; use it as the baseline of normal sign-ins."},
    {16000, C::interrupt, "account_selection", "InteractionRequired",
     "The user has to pick an account, or the chosen account cannot be used for this app; an expected step of the "
     "sign-in flow.",
     "No action unless the user is stuck: have them choose their work account or sign out of other accounts."},
    {16001, C::interrupt, "account_selection", "UserAccountSelectionInvalid",
     "The user picked an account tile that the session selection rejected; they can recover by picking another "
     "account.",
     "No action unless it repeats: have the user choose their work account again or sign out of other accounts."},
    {16002, C::interrupt, "session_selection_invalid", "AppSessionSelectionInvalid",
     "The session the app asked for (its SID requirement) was not met.",
     "Usually clears when the user signs in again; route persistent cases to the app owner."},
    {16003, C::auth_failure, "user_not_in_tenant", "SsoUserAccountNotFoundInResourceTenant",
     "The user has not been explicitly added to the tenant that owns the app.",
     "Invite the user as a guest if they should have access, otherwise have them use the right account."},
    {50000, C::service_error, "service_error", "TokenIssuanceError",
     "There is an issue with the Microsoft sign-in service.",
     "Provider-side: check service health before changing Conditional Access or resetting methods; tell users to retry "
     "later."},
    {50001, C::auth_failure, "resource_not_found", "InvalidResource",
     "The resource the app asked for is disabled or does not exist.",
     "Application configuration: route to the app owner; nothing to change on the user's account."},
    {50011, C::auth_failure, "app_misconfigured", "InvalidReplyTo",
     "The reply address sent by the app is missing or does not match the app's configured reply addresses.",
     "Application configuration: route to the app owner; nothing to change on the user's account."},
    {50012, C::auth_failure, "client_auth_failed", "AuthenticationFailed",
     "Authentication failed on the signing certificate or client assertion (unauthorized subject or thumbprint, "
     "invalid chain, invalid signature, or no policy).",
     "Application or certificate configuration: route to the app owner; nothing to change on a user's account."},
    {50017, C::auth_failure, "certificate_invalid", "CertificateValidationFailed",
     "Validation of the certificate used for certificate-based authentication failed (chain or revocation check).",
     "Check the certificate authority and revocation list configuration for certificate-based authentication; the user "
     "cannot fix this."},
    {50020, C::auth_failure, "user_not_in_tenant", "UserUnauthorized",
     "The account (often a personal or external account) does not exist in the tenant that owns the app.",
     "Have the user sign in with their work account, or invite them as a guest if they should have access."},
    {50027, C::auth_failure, "invalid_token", "InvalidJwtToken",
     "A presented JWT was invalid (missing claims, wrong issuer or audience, outside its valid time, or failed "
     "signature verification).",
     "Application or federation configuration: route to the app owner; retrying will not help the user."},
    {50033, C::service_error, "service_transient", "RetryableError",
     "A transient error occurred in the sign-in service.",
     "Provider-side and retryable: check service health before changing Conditional Access or resetting methods; retry "
     "later."},
    {50034, C::auth_failure, "user_not_found", "UserAccountNotFound",
     "The account does not exist in the directory: a mistyped username, or the wrong tenant.",
     "Check the username the user typed; many different unknown usernames from one IP suggest enumeration or "
     "spraying."},
    {50053, C::auth_failure, "locked", "IdsLocked",
     "The account is locked after too many failed attempts, or the sign-in came from an IP address with malicious "
     "activity.",
     "Read the failure reason: for smart lockout let it expire or unlock after verifying the user; for a blocked IP do "
     "not unlock, look for password spray."},
    {50055, C::auth_failure, "password_expired", "InvalidPasswordExpiredPassword", "The user's password has expired.",
     "Have the user change the password (self-service) or reset it after verifying identity."},
    {50056, C::auth_failure, "no_password", "",
     "No password exists in the directory for this user, or a null password was sent.",
     "Ask the user to enter the password again; if the account has no password, set one through the normal process."},
    {50057, C::auth_failure, "disabled", "UserDisabled", "The user account is disabled.",
     "Confirm with the account owner or HR why the account is disabled before re-enabling it."},
    {50058, C::interrupt, "no_session", "UserInformationNotProvided",
     "A silent sign-in found no usable session, so the app has to ask the user to sign in.",
     "Expected when the user has not signed in yet; no action."},
    {50059, C::auth_failure, "tenant_not_identified", "MissingTenantRealmAndNoUserInformationProvided",
     "No tenant-identifying information was found in the request or the credentials.",
     "Have the user sign in with their full work username; persistent cases go to the app owner."},
    {50064, C::auth_failure, "credential_validation_failed", "CredentialAuthenticationError",
     "Validation of the username or password failed.",
     "Treat like a wrong password: have the user retry carefully; check for spraying if many users are affected."},
    {50072, C::interrupt, "mfa_registration_required", "UserStrongAuthEnrollmentRequiredInterrupt",
     "The user has to register for multifactor authentication before continuing (interactive).",
     "Expected step of MFA registration; count it for the registration funnel and let the user finish setup."},
    {50074, C::interrupt, "mfa_required", "UserStrongAuthClientAuthNRequiredInterrupt",
     "Strong authentication is required and the user has not yet passed the MFA challenge.",
     "Expected step; act only if the same user fails MFA repeatedly."},
    {50076, C::interrupt, "mfa_required", "UserStrongAuthClientAuthNRequired",
     "Policy (Conditional Access, per-user MFA or a new location) requires multifactor authentication for this access.",
     "Expected step; the user completes MFA on the next prompt."},
    {50078, C::interrupt, "mfa_reauth_required", "UserStrongAuthExpired",
     "The presented multifactor authentication has expired under tenant policy and must be refreshed.",
     "Expected step; the user completes MFA again."},
    {50079, C::interrupt, "mfa_registration_required", "UserStrongAuthEnrollmentRequired",
     "The user must register security info for multifactor authentication (or a federated user needs the MFA claim "
     "from their identity provider).",
     "Expected step of MFA registration; count it for the registration funnel and let the user finish setup."},
    {50085, C::interrupt, "reauth_required", "",
     "The refresh token needs a new sign-in with the social identity provider.",
     "Expected token lifecycle: the user signs in again."},
    {50086, C::service_error, "mfa_service_error", "SasNonRetryableError",
     "A non-retryable error occurred in the strong authentication service.",
     "Provider-side: check service health before changing Conditional Access or resetting methods; do not ask users to "
     "re-register."},
    {50087, C::service_error, "mfa_service_transient", "SasRetryableError",
     "A transient error occurred during strong authentication.",
     "Provider-side and retryable: check service health before changing Conditional Access or resetting methods; tell "
     "users to retry."},
    {50088, C::mfa_failure, "mfa_throttled", "", "The limit on telecom (call or text) MFA attempts was reached.",
     "Have the user wait a few minutes or use the Authenticator app; many prompts for one user may be MFA fatigue."},
    {50089, C::auth_failure, "flow_token_expired", "",
     "The sign-in flow token expired before the user finished signing in.", "Have the user start the sign-in again."},
    {50097, C::interrupt, "device_auth_required", "DeviceAuthenticationRequired",
     "Device authentication is required for this sign-in.",
     "Usually a step before device authentication; investigate only if the device keeps failing (see 50155)."},
    {50105, C::auth_failure, "user_not_assigned", "EntitlementGrantsNotFound",
     "The user is not assigned to a role for the app.",
     "Assign the user (or their group) to the application if they should have access."},
    {50125, C::interrupt, "sspr_registration_required", "PasswordResetRegistrationRequiredInterrupt",
     "Sign-in was interrupted for a password reset or password-reset registration.",
     "Expected step of self-service password reset registration; count it for the registration funnel."},
    {50126, C::auth_failure, "bad_password", "InvalidUserNameOrPassword", "The username or password is wrong.",
     "Have the user retry and clear saved passwords; one IP failing for many users is a password spray, not a "
     "help-desk case."},
    {50127, C::interrupt, "broker_required", "BrokerAppNotInstalled",
     "The user must install a broker app (Microsoft Authenticator or Company Portal) to reach this content.",
     "Have the user install the broker app named in the prompt."},
    {50128, C::auth_failure, "invalid_domain", "",
     "The domain name is invalid: no tenant-identifying information was found in the request or credentials.",
     "Check the domain part of the username the user typed."},
    {50131, C::auth_failure, "ca_failed", "ConditionalAccessFailed",
     "A Conditional Access error occurred, such as a bad device state or a request blocked as suspicious.",
     "Check the Conditional Access tab of the sign-in; do not loosen policies before knowing which one applied."},
    {50132, C::auth_failure, "session_invalidated", "SsoArtifactInvalidOrExpired",
     "The session is no longer valid because the password expired or was changed recently.",
     "Have the user sign in again with the current password."},
    {50133, C::auth_failure, "session_invalidated", "SsoArtifactRevoked",
     "The session was revoked because the password expired or was changed recently.",
     "Have the user sign in again with the current password."},
    {50135, C::auth_failure, "password_change_required", "PasswordChangeCompromisedPassword",
     "A password change is required because of account risk.",
     "Have the user change the password through the risk remediation flow; review the risk detections first."},
    {50140, C::interrupt, "kmsi_interrupt", "KmsiInterrupt",
     "The \"Keep me signed in\" prompt interrupted the sign-in; an expected step.", "No action."},
    {50142, C::auth_failure, "password_change_required", "",
     "A password change is required by a Conditional Access policy.",
     "Have the user change the password; the policy is working as configured."},
    {50143, C::auth_failure, "session_mismatch", "",
     "The session is invalid because the user's tenant does not match the domain hint of the resource.",
     "Have the user sign out of other accounts and sign in with the right work account; open a support case if it "
     "persists."},
    {50144, C::auth_failure, "password_expired", "InvalidPasswordExpiredOnPremPassword",
     "The user's on-premises Active Directory password has expired.",
     "Have the user reset the password with self-service reset or reset it on-premises after verifying identity."},
    {50155, C::auth_failure, "device_auth_failed", "DeviceAuthenticationFailed",
     "Device authentication failed for this user.",
     "Check the device's registration state in Entra; re-register the device if needed."},
    {50158, C::mfa_failure, "external_challenge_failed", "ExternalSecurityChallenge",
     "An external security challenge (such as terms of use or a third-party MFA provider) was not satisfied.",
     "Check the authentication details to see whether the external challenge was later passed before treating it as a "
     "failure."},
    {50161, C::mfa_failure, "external_mfa_error", "InvalidExternalSecurityChallengeConfiguration",
     "The external claims provider sent insufficient claims or its authorization URL could not be validated.",
     "Route to the admin of the external MFA provider configuration; users cannot fix this."},
    {50173, C::auth_failure, "token_revoked", "FreshTokenNeeded",
     "The grant was revoked (by an admin or a password change) and a fresh sign-in is needed.",
     "Have the user sign in again; expected after a password change or token revocation."},
    {50177, C::auth_failure, "passthrough_unsupported", "ExternalChallengeNotSupportedForPassthroughUsers",
     "An external challenge (such as third-party MFA) is not supported for passthrough users.",
     "Tenant configuration: review the policy requiring the external challenge for these cross-tenant users; the user "
     "cannot fix this."},
    {50196, C::auth_failure, "client_loop", "LoopDetected",
     "The client sent the same request too often in a short time (missing token caching or a retry loop).",
     "Application behaviour: route to the app owner; a burst from one app or device is not a user account problem."},
    {50199, C::interrupt, "cmsi_interrupt", "CmsiInterrupt",
     "The user was asked to confirm the app they are signing in to; a security prompt, not a failure.", "No action."},
    {51004, C::auth_failure, "user_not_found", "UserAccountNotInDirectory",
     "The user account does not exist in the directory the app chose to sign in to.",
     "Check the tenant and username; invite the user as a guest if they should have access."},
    {51006, C::interrupt, "reauth_required", "ForceReauthDueToInsufficientAuth",
     "The session token lacks the Integrated Windows Authentication claim, so the user must sign in again.",
     "Expected step: the user signs in again (on a domain-joined device for Windows integrated authentication)."},
    {53000, C::auth_failure, "device_not_compliant", "DeviceNotCompliant",
     "Conditional Access requires a compliant device and the device is not compliant.",
     "Have the user enroll the device or fix its compliance in Intune; do not exclude the user from the policy."},
    {53001, C::auth_failure, "device_not_domain_joined", "DeviceNotDomainJoined",
     "Conditional Access requires a domain-joined device and the device is not domain joined.",
     "Have the user use a domain-joined device."},
    {53002, C::auth_failure, "app_not_approved", "ApplicationUsedIsNotAnApprovedApp",
     "The client app is not an approved app for Conditional Access.",
     "Have the user use an approved app (for example Outlook mobile instead of a native mail app)."},
    {53003, C::auth_failure, "ca_block", "BlockedByConditionalAccess",
     "Access was blocked by a Conditional Access policy.",
     "Check which policy applied and whether it changed recently in audit; a spike right after a policy change is a "
     "tenant problem."},
    {53004, C::registration_failure, "registration_blocked", "ProofUpBlockedDueToRisk",
     "Registration of security info was blocked because of risk on the sign-in or user.",
     "Remediate the user risk first (verify the user, reset or dismiss risk), then let the user register; do not "
     "bypass the block."},
    {53009, C::auth_failure, "app_protection_required", "",
     "The app must enforce Intune app protection policies to get access.",
     "Have the user use an app that supports Intune app protection, for example the Outlook mobile app."},
    {53010, C::registration_failure, "registration_untrusted_location", "ProofUpBlockedDueToSecurityInfoAcr",
     "Security info cannot be registered because the organization only allows it from specific locations or devices.",
     "Have the user register from a trusted location or device, or issue a Temporary Access Pass; do not relax the "
     "registration policy."},
    {53011, C::auth_failure, "risk_block", "", "The user is blocked because of risk in their home tenant.",
     "The user's home tenant must remediate the risk; the resource tenant cannot clear it."},
    {54005, C::auth_failure, "code_already_redeemed", "", "The OAuth2 authorization code was already redeemed.",
     "Application behaviour: route to the app owner if it persists; the user can simply sign in again."},
    {65001, C::auth_failure, "consent_required", "DelegationDoesNotExist",
     "The user or an administrator has not consented to the app's permissions.",
     "Review the app and its permissions before granting consent; do not grant tenant-wide consent just to stop the "
     "error."},
    {65004, C::auth_failure, "consent_declined", "UserDeclinedConsent",
     "The user declined to consent to the app's permissions.",
     "No action unless the user needs the app; then have them retry and consent."},
    {70000, C::auth_failure, "invalid_grant", "InvalidGrant",
     "The refresh token is not valid (for example an empty or mismatched token binding).",
     "Have the user sign in again; many of these from one app point to an app or token-binding problem for the app "
     "owner."},
    {70008, C::auth_failure, "token_expired", "ExpiredOrRevokedGrant",
     "The refresh token expired because of inactivity.", "Expected token lifecycle: the user signs in again."},
    {70011, C::auth_failure, "invalid_scope", "InvalidScope", "The scope the app requested is invalid.",
     "Application configuration: route to the app owner; nothing to change on the user's account."},
    {70012, C::service_error, "msa_server_error", "MsaServerError",
     "A server error occurred while authenticating a Microsoft (consumer) account.",
     "Provider-side: check service health before changing Conditional Access or resetting methods; retry later."},
    {70016, C::interrupt, "device_code_pending", "AuthorizationPending",
     "A device-code sign-in is still waiting for the user to finish it on another device (the app is polling).",
     "Expected while a device-code sign-in waits; device-code sign-ins nobody started deserve a phishing check."},
    {70021, C::auth_failure, "no_federated_credential_match", "",
     "Workload identity federation: no federated credential on the app matches the presented assertion's issuer, "
     "subject or audience.",
     "Route to the app owner to fix the federated credential's subject (branch or environment) or issuer; no user is "
     "involved."},
    {70043, C::auth_failure, "signin_frequency", "BadTokenDueToSignInFrequency",
     "The refresh token expired because of the Conditional Access sign-in frequency control.",
     "Expected under sign-in frequency policy: the user signs in again."},
    {70044, C::auth_failure, "signin_frequency", "",
     "The session expired or is invalid because of Conditional Access sign-in frequency checks.",
     "Expected under a sign-in frequency policy: the user signs in again."},
    {80001, C::service_error, "onprem_agent_unreachable", "OnPremiseStoreIsNotAvailable",
     "The Pass-through Authentication agent cannot connect to Active Directory.",
     "Check the on-premises authentication agents and domain controllers first, then service health; do not reset "
     "passwords or change Conditional Access."},
    {80002, C::service_error, "onprem_timeout", "OnPremisePasswordValidatorRequestTimedout",
     "The password validation request to the on-premises agent timed out.",
     "Check that Active Directory and the authentication agents respond, then service health; do not reset passwords."},
    {80005, C::service_error, "onprem_agent_error", "OnPremisePasswordValidatorUnpredictableWebException",
     "An unknown error occurred while processing the authentication agent's response.",
     "Retry; check the authentication agents and service health before changing anything for users."},
    {80014, C::service_error, "onprem_timeout", "OnPremisePasswordValidationAuthenticationAgentTimeout",
     "The authentication agent answered after the maximum allowed time.",
     "Check the authentication agents' load and connectivity, then service health; do not reset passwords."},
    {81010, C::auth_failure, "seamless_sso_failed", "DesktopSsoAuthTokenInvalid",
     "Seamless SSO failed because the user's Kerberos ticket expired or is invalid.",
     "Usually falls back to a password prompt; if widespread, check the Seamless SSO computer account and Kerberos "
     "setup."},
    {81012, C::interrupt, "sso_user_mismatch", "DesktopSsoMismatchBetweenTokenUpnAndChosenUpn",
     "The user signing in differs from the user signed in to the device; not an error condition.", "No action."},
    {90002, C::auth_failure, "tenant_not_found", "InvalidTenantName",
     "The tenant was not found (a wrong tenant id or domain, or the wrong cloud).",
     "Application configuration: route to the app owner."},
    {90006, C::service_error, "service_unavailable", "ExternalServerRetryableError",
     "The service is temporarily unavailable.",
     "Provider-side: check service health before changing Conditional Access or resetting methods; tell users to retry "
     "later."},
    {90012, C::service_error, "service_timeout", "RequestTimeout", "The request timed out.",
     "Provider-side: check service health before changing Conditional Access or resetting methods; tell users to retry "
     "later."},
    {90024, C::service_error, "service_throttled", "RequestBudgetExceededError",
     "A transient error occurred (request budget exceeded).",
     "Provider-side and retryable: check service health before changing Conditional Access or resetting methods."},
    {90033, C::service_error, "directory_unavailable", "MsodsServiceUnavailable",
     "The Microsoft Online Directory Service is not available.",
     "Provider-side: check service health before changing Conditional Access or resetting methods; tell users to retry "
     "later."},
    {90036, C::service_error, "directory_error", "MsodsServiceUnretryableFailure",
     "An unexpected, non-retryable error occurred in the directory service.",
     "Provider-side: check service health and open a support case before changing Conditional Access or resetting "
     "methods."},
    {90055, C::service_error, "tenant_throttled", "TenantThrottlingError",
     "There are too many incoming requests for the tenant.",
     "Check service health and look for a client flooding sign-ins before changing Conditional Access or resetting "
     "methods."},
    {90072, C::auth_failure, "user_not_in_tenant", "PassThroughUserMfaError",
     "The external account does not exist in the tenant signed in to, so it cannot satisfy the tenant's MFA (or a "
     "synced user's ImmutableID does not match).",
     "Add the user as an external user, or fix the sourceAnchor/ImmutableID mismatch for synced users; do not exclude "
     "them from MFA."},
    {90090, C::service_error, "graph_unavailable", "GraphRetryableError", "The service is temporarily unavailable.",
     "Provider-side: check service health before changing Conditional Access or resetting methods; tell users to retry "
     "later."},
    {90091, C::service_error, "graph_unreachable", "GraphServiceUnreachable",
     "A backing directory (Graph) service could not be reached.",
     "Provider-side: check service health before changing Conditional Access or resetting methods; tell users to retry "
     "later."},
    {90092, C::service_error, "graph_error", "GraphNonRetryableError",
     "A backing directory (Graph) service returned a non-retryable error.",
     "Provider-side: check service health before changing Conditional Access or resetting methods."},
    {90094, C::auth_failure, "admin_consent_required", "AdminConsentRequired",
     "Administrator consent is required for the permissions the app requests.",
     "Review the app and its permissions before an admin grants consent; do not grant tenant-wide consent just to stop "
     "the error."},
    {90095, C::interrupt, "admin_consent_request", "AdminConsentRequiredRequestAccess",
     "The admin consent workflow told the user to ask an administrator for consent.",
     "Expected step of the consent workflow: review the pending request in the admin consent requests list."},
    {399284, C::auth_failure, "federation_misconfigured", "InboundIdTokenIssuerInvalid",
     "The inbound ID token from the federated identity provider has an empty or wrong issuer.",
     "Identity provider configuration: route to the admin of the federation or external IdP setup; users cannot fix "
     "this."},
    {500011, C::auth_failure, "resource_not_found", "InvalidResourceServicePrincipalNotFound",
     "The resource (API) the client asked for has no service principal in the tenant, or the request went to the wrong "
     "tenant.",
     "Application configuration: route to the app owner (wrong tenant or resource, or the resource app is not "
     "installed or consented)."},
    {500014, C::auth_failure, "resource_disabled", "InvalidResourceServicePrincipalDisabled",
     "The service principal of the requested resource is disabled (by an admin, or because a subscription lapsed).",
     "Check in audit who disabled the resource's service principal before re-enabling it; re-enable only if that was a "
     "mistake."},
    {500121, C::mfa_failure, "mfa_failed", "", "Authentication failed during the strong authentication (MFA) request.",
     "Read the MFA result detail: a denial the user did not start means the password is known to someone else; reset "
     "it and do not re-register methods blindly."},
    {500133, C::auth_failure, "assertion_expired", "",
     "The assertion (on-behalf-of token) the app presented is not within its valid time range.",
     "Application behaviour: route to the app owner (it reuses an expired token as an assertion)."},
    {500212, C::auth_failure, "cross_tenant_blocked", "NotAllowedByOutboundPolicyTenant",
     "The user's home tenant's cross-tenant access policy does not allow access to the resource tenant.",
     "Review cross-tenant access settings with both tenants' admins; the user cannot fix this."},
    {500213, C::auth_failure, "cross_tenant_blocked", "NotAllowedByInboundPolicyTenant",
     "The resource tenant's cross-tenant access policy does not allow this user in.",
     "Review cross-tenant access settings with both tenants' admins; the user cannot fix this."},
    {500341, C::auth_failure, "user_deleted", "", "The user account has been deleted from the directory.",
     "Confirm with the owner or HR; restore the user from deleted users only if it was deleted by mistake."},
    {500881, C::mfa_failure, "mfa_failed", "",
     "A second-factor failure; Microsoft publishes no description for this code.",
     "Read the sign-in's authentication details for the failed step before acting."},
    {530003, C::auth_failure, "device_not_managed", "", "The device is required to be managed to access this resource.",
     "Have the user use a managed (enrolled or hybrid-joined) device."},
    {530032, C::auth_failure, "security_policy_block", "BlockedByConditionalAccessOnSecurityPolicy",
     "A tenant-level security policy blocked the request.",
     "Check the tenant's security policies that apply to the request before changing anything."},
    {530034, C::auth_failure, "risk_block", "DelegatedAdminBlockedDueToSuspiciousActivity",
     "A delegated administrator was blocked because of account risk in their home tenant.",
     "The partner's home tenant must remediate the admin's risk."},
    {530035, C::auth_failure, "security_defaults_block", "BlockedBySecurityDefaults",
     "Security defaults blocked the request (legacy authentication or an unsafe request).",
     "Move the client to modern authentication; do not disable security defaults to stop the error."},
    {700003, C::auth_failure, "device_not_found", "",
     "The device object was not found in the tenant directory (the organization deleted the device).",
     "Check audit for a 'Delete device' event, then have the user re-register or re-join the device; do not exclude "
     "them from device policies."},
    {700016, C::auth_failure, "app_not_found", "UnauthorizedClient_DoesNotMatchRequest",
     "The application was not found in the tenant.",
     "Application configuration: route to the app owner (wrong app id or tenant, or the app is not installed)."},
    {700024, C::auth_failure, "client_assertion_expired", "",
     "The client assertion presented by the workload is not within its valid time range.",
     "Workload identity: route to the pipeline or app owner (clock skew on the host, or a federated token reused after "
     "it expired)."},
    {700025, C::auth_failure, "app_misconfigured", "InvalidClientPublicClientWithCredential",
     "A public client sent a client secret or assertion, which public clients must not.",
     "Application configuration: route to the app owner."},
    {700027, C::auth_failure, "bad_client_assertion", "",
     "The client assertion failed signature validation (the certificate is not registered on the app).",
     "Route to the app owner: upload the certificate in use, or fix the rotation; no user is involved."},
    {700082, C::auth_failure, "token_expired", "ExpiredOrRevokedGrantInactiveToken",
     "The refresh token expired after a long period of inactivity.",
     "Expected token lifecycle: the user signs in again."},
    {700084, C::auth_failure, "token_expired", "", "The refresh token of a single-page app reached its fixed lifetime.",
     "Expected token lifecycle: the user signs in again."},
    {900144, C::auth_failure, "app_misconfigured", "", "The token request body lacks a required parameter.",
     "Application configuration: route to the app owner."},
    {1002016, C::auth_failure, "legacy_tls", "",
     "The client used TLS 1.0, 1.1 or 3DES, which the sign-in service no longer accepts.",
     "Update the client or operating system to TLS 1.2; it is not an account problem."},
    {7000112, C::auth_failure, "app_disabled", "UnauthorizedClientApplicationDisabled",
     "The client application is disabled.",
     "Check in audit who disabled the application before re-enabling it; repeated failures may be a retired "
     "integration still running."},
    {7000215, C::auth_failure, "bad_client_secret", "",
     "An invalid client secret was presented by the application or service principal.",
     "Route to the app owner (often the secret id was sent instead of its value, or an old secret); failures from "
     "unknown IPs may mean a leaked client id."},
    {7000218, C::auth_failure, "app_misconfigured", "",
     "The token request lacks the required client_assertion or client_secret.",
     "Application configuration: route to the app owner."},
    {7000222, C::auth_failure, "client_secret_expired", "InvalidClientSecretExpiredKeysProvided",
     "The client secret the app presented has expired.",
     "Route to the app owner to add a new secret (or move to a certificate or managed identity) and update the "
     "workload; nothing to change for users."},
    {9002341, C::interrupt, "sso_consent_required", "",
     "The user must allow single sign-on to Windows apps (the Windows SSO consent change).",
     "Expected after the Windows SSO change: the user allows single sign-on at the next prompt."},
});

constexpr bool sorted_and_unique() {
  for (std::size_t i = 1; i < kCodes.size(); ++i)
    if (kCodes[i - 1].code >= kCodes[i].code) return false;
  return true;
}
static_assert(sorted_and_unique(), "kCodes must be sorted by code with no duplicates");

constexpr bool snake_case(std::string_view s) {
  if (s.empty() || s.front() == '_' || s.back() == '_') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}
constexpr bool rows_complete() {
  for (const auto& c : kCodes)
    if (!snake_case(c.reason) || c.meaning.empty() || c.advice.empty() || c.meaning.back() != '.') return false;
  return true;
}
static_assert(rows_complete(), "every row needs a snake_case reason, a one-sentence meaning and advice");

// Rule ids ("code:<N>", "portal:<N>") generated from the table at compile
// time, so classify_signin returns views into static storage.
struct RuleText {
  std::array<char, 32> buf{};
  std::size_t len = 0;
  constexpr std::string_view view() const { return {buf.data(), len}; }
};

constexpr RuleText make_rule_text(std::string_view prefix, std::int64_t code) {
  RuleText t;
  for (char c : prefix) t.buf[t.len++] = c;
  std::uint64_t v = code < 0 ? 0 - static_cast<std::uint64_t>(code) : static_cast<std::uint64_t>(code);
  if (code < 0) t.buf[t.len++] = '-';
  char digits[20] = {};
  std::size_t n = 0;
  do {
    digits[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n > 0) t.buf[t.len++] = digits[--n];
  return t;
}

template <std::size_t N>
constexpr std::array<RuleText, N> make_rule_texts(const std::array<CodeInfo, N>& rows, std::string_view prefix) {
  std::array<RuleText, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = make_rule_text(prefix, rows[i].code);
  return out;
}

constexpr auto kCodeRuleIds = make_rule_texts(kCodes, "code:");
constexpr auto kPortalRuleIds = make_rule_texts(kCodes, "portal:");
static_assert(kCodeRuleIds[1].view() == "code:16000");
static_assert(kPortalRuleIds.back().view() == "portal:9002341");

// Index of a row of kCodes, or kCodes.size() when c is not one of them
// (std::less: a total order even for pointers into other objects).
std::size_t row_index(const CodeInfo& c) {
  const std::less<const CodeInfo*> before;
  const CodeInfo* p = &c;
  if (before(p, kCodes.data()) || !before(p, kCodes.data() + kCodes.size())) return kCodes.size();
  return static_cast<std::size_t>(p - kCodes.data());
}

// Security-info portal family: ids match case-insensitively; display names
// only when the record carries no app id.
constexpr std::array<std::string_view, 3> kSecurityInfoAppIds = {kMySigninsAppId, kMyProfileAppId, kMyAppsAppId};
constexpr std::array<std::string_view, 4> kSecurityInfoAppNames = {"My Signins", "My Sign-Ins", "My Profile",
                                                                   "My Apps"};

}  // namespace

const CodeInfo* lookup_code(std::int64_t code) {
  auto it = std::lower_bound(kCodes.begin(), kCodes.end(), code,
                             [](const CodeInfo& row, std::int64_t c) { return row.code < c; });
  return (it != kCodes.end() && it->code == code) ? &*it : nullptr;
}

std::span<const CodeInfo> all_codes() { return kCodes; }

std::string_view code_rule_id(const CodeInfo& c) {
  std::size_t i = row_index(c);
  return i < kCodes.size() ? kCodeRuleIds[i].view() : std::string_view{};
}

std::string_view portal_rule_id(const CodeInfo& c) {
  std::size_t i = row_index(c);
  return i < kCodes.size() ? kPortalRuleIds[i].view() : std::string_view{};
}

std::span<const std::string_view> security_info_app_ids() { return kSecurityInfoAppIds; }
std::span<const std::string_view> security_info_app_names() { return kSecurityInfoAppNames; }

bool is_security_info_app(std::string_view app_id, std::string_view app_name) {
  app_id = trim(app_id);
  if (!app_id.empty()) {
    for (auto id : kSecurityInfoAppIds)
      if (iequals(app_id, id)) return true;
    return false;
  }
  app_name = trim(app_name);
  for (auto name : kSecurityInfoAppNames)
    if (iequals(app_name, name)) return true;
  return false;
}

}  // namespace idt
