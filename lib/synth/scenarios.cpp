// Why: the scenario table. Each scenario = the baseline day + parts made of
// episodes (time windows in minutes of the UTC day, apps, codes, users, IPs,
// audit changes, tickets, health issues) + what a triage must find. Adding a
// scenario is adding rows here; plan.cpp interprets them all the same way.
#include <array>

#include "synth/scenario.h"

namespace idt::synth {
namespace {

// ------------------------------------------------------------------ codes
// Rates per 10,000 records. Baseline failures (auth/MFA/service) are about
// 3% of all sign-ins; interrupts (50140, 50074…) are normal flow steps.
constexpr CodeWeight kInteractiveCodes[] = {{0, 8690},    {50140, 450}, {50074, 300}, {50126, 280}, {16000, 60},
                                            {500121, 90}, {50076, 40},  {53003, 25},  {50053, 25},  {50158, 10},
                                            {50055, 10},  {50057, 8},   {50072, 4},   {50000, 4},   {90033, 4}};
constexpr CodeWeight kNonInteractiveCodes[] = {{0, 9650},   {50074, 60}, {50076, 30}, {50173, 100}, {50133, 50},
                                               {70043, 60}, {500121, 5}, {50000, 8},  {90033, 12},  {50126, 25}};
// The security-info apps see no service errors on a normal day.
constexpr CodeWeight kPortalCodes[] = {{0, 9300}, {50140, 400}, {50074, 200}, {50126, 60}, {500121, 40}};
constexpr CodeWeight kSpCodes[] = {{0, 9970}, {7000215, 20}, {7000222, 10}};

constexpr CodeWeight kPortalOutageCodes[] = {{50000, 45}, {90033, 35}, {90012, 20}};
constexpr CodeWeight kAuthOutageCodes[] = {{50000, 35}, {90033, 30}, {90012, 15}, {50033, 10}, {90006, 10}};
constexpr CodeWeight kCaBlock[] = {{53003, 100}};
constexpr CodeWeight kRegistrationBlock[] = {{53010, 70}, {53004, 30}};
constexpr CodeWeight kSprayCodes[] = {{50126, 86}, {50053, 10}, {50076, 4}};
constexpr CodeWeight kMfaDenied[] = {{500121, 100}};

constexpr std::string_view kSecurityInfoApps[] = {"mysignins", "myprofile"};
constexpr std::string_view kSprayApps[] = {"exchange", "office365"};
constexpr std::string_view kFatigueApps[] = {"office"};

// ------------------------------------------------------------------ tickets
constexpr TicketTemplate kEverydayTickets[] = {
    {"other", "Printer on 3rd floor jams constantly",
     "The HP printer next to the kitchen jams on every print job.\nAlready restarted it twice, same result.",
     "Hardware", "Desktop Support"},
    {"other", "Request: second monitor", "Could I get a second monitor for my desk (B-214)?\nThanks!", "Hardware",
     "Desktop Support"},
    {"other", "VPN drops every hour",
     "VPN disconnects roughly every 60 minutes since last week, both at home and in the hotel.\nClient version "
     "5.1.",
     "Network", "Network Operations"},
    {"other", "Excel crashes when opening large workbook",
     "Excel closes without any message when I open the Q2 forecast workbook (48 MB).\nOther files open fine.",
     "Software", "Service Desk"},
    {"other", "Need access to Finance SharePoint site",
     "Please add me to the Finance Readers group, approved by my manager (see e-mail below).", "Inquiry / Help",
     "Service Desk"},
    {"other", "Teams camera not detected",
     "Teams shows 'no camera found' since this morning's Windows update.\nThe camera works in the Camera app.",
     "Software", "Service Desk"},
    {"signin_failure", "Can't sign in to Outlook after password change",
     "I changed my password yesterday and now Outlook on my laptop keeps saying the password is incorrect.\nWeb "
     "mail works.",
     "Inquiry / Help", "Service Desk"},
    {"signin_failure", "Unable to log in to Teams on new phone",
     "Trying to log in to Teams on my new phone, it says sign-in failed, please try again.", "Inquiry / Help",
     "Service Desk"},
};

constexpr TicketTemplate kPortalOutageTickets[] = {
    {"mfa_setup", "Can't set up MFA",
     "I was asked to set up MFA today. I'm unable to add the Authenticator app, it fails every time.\nTried three "
     "times this morning.",
     "Inquiry / Help", "Identity & Access"},
    {"portal_unreachable", "mysignins page 504 gateway timeout",
     "https://mysignins.microsoft.com/security-info shows \"504 Gateway Time-out\".\nTried Edge and Chrome, same "
     "result.",
     "Software", "Identity & Access"},
    {"portal_unreachable", "Security info page won't load",
     "The security info page won't load, it just spins and then shows an error.\nI need to register my new phone.",
     "Software", "Identity & Access"},
    {"mfa_setup", "New starter cannot register MFA",
     "Our new hire started today and can't complete MFA registration, so she can't get into anything.\nCan you "
     "help?",
     "Inquiry / Help", "Identity & Access"},
    {"portal_unreachable", "aka.ms/mfasetup error",
     "aka.ms/mfasetup gives an error (HTTP 504) when I try to add a sign-in method.", "Software", "Identity & Access"},
};

constexpr TicketTemplate kPhishingTickets[] = {
    {"phishing_report", "Suspicious email: \"Your MFA is broken, re-register here\"",
     "Received an email saying \"Your MFA is broken, re-register here\" with a link to "
     "mysignins-verify.account-help.com.\nForwarded it to security. Is this legit?",
     "Security", "Security Operations"},
    {"phishing_report", "Reporting a phishing email about MFA",
     "Email claims Microsoft had an outage this morning and that I must re-enter my password and re-register MFA "
     "within 24 hours, otherwise my account will be closed.",
     "Security", "Security Operations"},
    {"phishing_report", "Fake Microsoft sign-in page",
     "A Teams message from an external account asked me to re-verify my security info after \"today's outage\".\nThe "
     "page looked like Microsoft but the address was wrong.",
     "Security", "Security Operations"},
};

constexpr TicketTemplate kAuthOutageTickets[] = {
    {"signin_failure", "Can't sign in to Outlook - AADSTS90033",
     "Outlook and Teams keep asking me to sign in and then say \"Something went wrong\" (AADSTS90033).\nStarted "
     "around 14:30.",
     "Inquiry / Help", "Service Desk"},
    {"signin_failure", "Teams sign-in error",
     "Teams: \"We couldn't sign you in. Please try again later.\" Several colleagues have the same problem.",
     "Software", "Service Desk"},
    {"signin_failure", "SharePoint login failed",
     "SharePoint login failed with error code: 50000 when opening the project site.", "Software", "Service Desk"},
};

constexpr TicketTemplate kCaBreakTickets[] = {
    {"signin_failure", "Can't sign in to Outlook on my laptop",
     "Since about 1pm I can't sign in to Outlook on the web from my own laptop.\nThe page says \"You can't get there "
     "from here\" and mentions a managed device.",
     "Inquiry / Help", "Service Desk"},
    {"signin_failure", "Teams: access error 53003 on phone",
     "Teams on my phone now shows error code: 53003 and won't let me in. Worked this morning.", "Inquiry / Help",
     "Service Desk"},
};

constexpr TicketTemplate kRegistrationBlockedTickets[] = {
    {"mfa_setup", "Can't set up MFA from home",
     "I'm unable to set up the Authenticator app for MFA: it says my organisation requires this to be done from "
     "specific locations or devices.\nI'm working from home today.",
     "Inquiry / Help", "Identity & Access"},
    {"mfa_setup", "MFA registration error for new hire",
     "New joiner gets an error when trying to register security info, see screenshot.", "Inquiry / Help",
     "Identity & Access"},
};

constexpr TicketTemplate kCampaignTickets[] = {
    {"mfa_setup", "Stuck setting up Authenticator",
     "I got the prompt to set up Microsoft Authenticator this morning. I can't complete the MFA registration: the "
     "approval never arrived.",
     "Inquiry / Help", "Identity & Access"},
    {"mfa_setup", "Trouble adding authenticator",
     "Having trouble adding the authenticator app, the QR step keeps failing.", "Inquiry / Help", "Identity & Access"},
};

constexpr TicketTemplate kFatigueTickets[] = {
    {"mfa_prompts", "Getting MFA prompts I didn't request",
     "Last night my phone kept buzzing with approval requests I did not initiate, dozens of them.\nI think I may "
     "have approved one at the end by accident.",
     "Security", "Security Operations"},
};

// ------------------------------------------------------------------ health
constexpr HealthPost kExchangePosts[] = {
    {-100,
     "Title: Some users may experience delays when receiving email messages from external senders\n\nUser Impact: "
     "Users may experience delays when receiving email messages from external senders.\n\nCurrent status: We're "
     "analyzing message trace logs to understand why inbound messages are queued.\n\nNext update by: {DAY}, at 6:00 "
     "AM UTC"},
    {300,
     "Title: Some users may experience delays when receiving email messages from external senders\n\nUser Impact: "
     "Users may experience delays when receiving email messages from external senders.\n\nCurrent status: We've "
     "rebalanced inbound traffic and queues are draining.\n\nNext update by: {DAY}, at 12:00 PM UTC"},
    {700,
     "Title: Some users may experience delays when receiving email messages from external senders\n\nUser Impact: "
     "Users may have experienced delays when receiving email messages from external senders.\n\nFinal status: The "
     "queues have drained and mail flow is healthy.\n\nEnd time: {DAY}, at {END} UTC"},
};

constexpr HealthSpec kExchangeAdvisory[] = {
    {"EX1328877", "Exchange Online", "Mail Flow", "E-Mail and calendar access",
     "Some users may experience delays when receiving email messages from external senders",
     "Users may experience delays when receiving email messages from external senders.", "advisory", "serviceRestored",
     -150, 690, 705, kExchangePosts},
};

constexpr HealthPost kPortalOutagePosts[] = {
    {410,
     "Title: Some users may have been unable to setup Multi-Factor Authentication (MFA) or access the "
     "mysignins.microsoft.com website\n\nUser Impact: Users may be unable to set up MFA or access the "
     "mysignins.microsoft.com website.\n\nCurrent status: We're investigating reports that users receive HTTP 504 "
     "errors when accessing mysignins.microsoft.com. We're reviewing service telemetry to determine next "
     "troubleshooting steps.\n\nScope of impact: Some users attempting to set up MFA or access the "
     "mysignins.microsoft.com website may be impacted.\n\nNext update by: {DAY}, at 8:00 AM UTC"},
    {475,
     "Title: Some users may have been unable to setup Multi-Factor Authentication (MFA) or access the "
     "mysignins.microsoft.com website\n\nUser Impact: Users may be unable to set up MFA or access the "
     "mysignins.microsoft.com website.\n\nCurrent status: We've identified that a recent caching configuration change "
     "causes requests to mysignins.microsoft.com to time out, and that failover traffic is placing additional load "
     "on the remaining infrastructure. We're reverting the change.\n\nNext update by: {DAY}, at 10:00 AM UTC"},
    {610,
     "Title: Some users may have been unable to setup Multi-Factor Authentication (MFA) or access the "
     "mysignins.microsoft.com website\n\nUser Impact: Users may have been unable to set up MFA or access the "
     "mysignins.microsoft.com website.\n\nFinal status: We've confirmed that reverting the caching configuration "
     "change resolved the impact.\n\nScope of impact: Some users attempting to set up MFA or access the "
     "mysignins.microsoft.com website were impacted.\n\nStart time: {DAY}, at {START} UTC\n\nEnd time: {DAY}, at "
     "{END} UTC\n\nRoot cause: A caching configuration change caused requests to the mysignins.microsoft.com website "
     "to return HTTP 504 errors; failover to alternate infrastructure added load that prolonged the impact.\n\nNext "
     "steps: We're reviewing our validation procedures for caching configuration changes."},
};

constexpr HealthSpec kPortalOutageHealth[] = {
    {"MO1329260", "Microsoft 365 suite", "Portal", "Portal",
     "Some users may have been unable to setup Multi-Factor Authentication (MFA) or access the "
     "mysignins.microsoft.com website",
     "Users may have been unable to set up MFA or access the mysignins.microsoft.com website.", "incident",
     "serviceRestored", 350, 590, 612, kPortalOutagePosts},
};

constexpr HealthPost kAuthOutagePosts[] = {
    {895,
     "Title: Users may be unable to sign in to multiple Microsoft 365 services\n\nUser Impact: Users may be unable "
     "to sign in to Microsoft 365 services, including Exchange Online, Microsoft Teams and SharePoint Online.\n\n"
     "Current status: We're investigating elevated authentication failures in the token issuance service.\n\nNext "
     "update by: {DAY}, at 3:30 PM UTC"},
    {930,
     "Title: Users may be unable to sign in to multiple Microsoft 365 services\n\nUser Impact: Users may be unable "
     "to sign in to Microsoft 365 services.\n\nCurrent status: We've rerouted authentication traffic to healthy "
     "infrastructure and are monitoring the recovery.\n\nNext update by: {DAY}, at 4:30 PM UTC"},
    {985,
     "Title: Users may be unable to sign in to multiple Microsoft 365 services\n\nUser Impact: Users may have been "
     "unable to sign in to Microsoft 365 services.\n\nFinal status: Authentication success rates have returned to "
     "normal.\n\nStart time: {DAY}, at {START} UTC\n\nEnd time: {DAY}, at {END} UTC\n\nRoot cause: A degraded "
     "dependency of the token issuance service returned errors for a subset of sign-in requests."},
};

constexpr HealthSpec kAuthOutageHealth[] = {
    {"MO1330118", "Microsoft Entra", "Sign-in", "Authentication",
     "Users may be unable to sign in to multiple Microsoft 365 services",
     "Users may be unable to sign in to Microsoft 365 services.", "incident", "serviceRestored", 860, 965, 987,
     kAuthOutagePosts},
};

// ------------------------------------------------------------------ audit changes
constexpr AuditChange kCaBreakChanges[] = {
    {"CA policy switched from report-only to on", 792, "Update conditional access policy", "Conditional Access",
     "Policy", "Update", "Require compliant device for all users", "Policy", "5e8d1c2b-7a6f-4e3d-b1c0-9f8e7d6c5b43",
     "ConditionalAccessPolicy",
     "{\"id\":\"5e8d1c2b-7a6f-4e3d-b1c0-9f8e7d6c5b43\",\"displayName\":\"Require compliant device for all users\","
     "\"state\":\"enabledForReportingButNotEnforced\",\"conditions\":{\"users\":{\"includeUsers\":[\"All\"]},"
     "\"applications\":{\"includeApplications\":[\"All\"]}},\"grantControls\":{\"operator\":\"OR\","
     "\"builtInControls\":[\"compliantDevice\"]}}",
     "{\"id\":\"5e8d1c2b-7a6f-4e3d-b1c0-9f8e7d6c5b43\",\"displayName\":\"Require compliant device for all users\","
     "\"state\":\"enabled\",\"conditions\":{\"users\":{\"includeUsers\":[\"All\"]},\"applications\":"
     "{\"includeApplications\":[\"All\"]}},\"grantControls\":{\"operator\":\"OR\",\"builtInControls\":"
     "[\"compliantDevice\"]}}",
     0},
    {"CA policy reverted to report-only", 878, "Update conditional access policy", "Conditional Access", "Policy",
     "Update", "Require compliant device for all users", "Policy", "5e8d1c2b-7a6f-4e3d-b1c0-9f8e7d6c5b43",
     "ConditionalAccessPolicy",
     "{\"id\":\"5e8d1c2b-7a6f-4e3d-b1c0-9f8e7d6c5b43\",\"displayName\":\"Require compliant device for all users\","
     "\"state\":\"enabled\"}",
     "{\"id\":\"5e8d1c2b-7a6f-4e3d-b1c0-9f8e7d6c5b43\",\"displayName\":\"Require compliant device for all users\","
     "\"state\":\"enabledForReportingButNotEnforced\"}",
     1},
};
constexpr CaPolicyState kCaBreakStates[] = {{"compliant_all", {792, 878}}};

constexpr AuditChange kRegistrationPolicyChanges[] = {
    {"authentication methods policy restricts registration", 602, "Authentication Methods Policy Update",
     "Authentication Methods", "ApplicationManagement", "Update", "Authentication Methods Policy", "Policy",
     "authenticationMethodsPolicy", "AuthenticationMethodsPolicy",
     "{\"registrationEnforcement\":{\"authenticationMethodsRegistrationCampaign\":{\"state\":\"default\"}},"
     "\"policyMigrationState\":\"migrationComplete\",\"securityInfoRegistration\":{\"allowedLocations\":\"all\"}}",
     "{\"registrationEnforcement\":{\"authenticationMethodsRegistrationCampaign\":{\"state\":\"default\"}},"
     "\"policyMigrationState\":\"migrationComplete\",\"securityInfoRegistration\":{\"allowedLocations\":"
     "\"trustedNamedLocationsOnly\",\"requireCompliantDevice\":true}}",
     1},
};

// ------------------------------------------------------------------ parts
// Baseline 53003s: legacy-protocol (IMAP) clients hitting "Block legacy authentication".
constexpr Traffic kTraffic[] = {
    {20, 24, 70, kInteractiveCodes, kNonInteractiveCodes, kPortalCodes, kSpCodes, "legacy", "legacy_imap", 1500}};

constexpr RegistrationWave kEverydayRegistrations[] = {{
    .label = "everyday security-info registrations",
    .window = {0, 1440},
    .per_10k_users = 200,
    .min_attempts = 3,
    .completed = 88,
    .cancelled = 5,
    .abandoned = 7,
    .mfa_fail_pct = 5,
    .baseline = true,
}};

constexpr TicketWave kEverydayTicketWaves[] = {{
    .label = "everyday help-desk tickets",
    .window = {0, 1440},
    .templates = kEverydayTickets,
    .per_10k_users = 40,
    .min_tickets = 3,
    .business_hours = true,
}};

constexpr Part kBaseline{
    .name = "baseline",
    .traffic = kTraffic,
    .registrations = kEverydayRegistrations,
    .tickets = kEverydayTicketWaves,
    .health = kExchangeAdvisory,
};

// MO1329260: 05:50–09:50 UTC the My Sign-Ins portal returns 504s.
constexpr SigninOverride kPortalOutageOverrides[] = {{
    .label = "security-info portal returns service errors",
    .window = {350, 590},
    .apps = kSecurityInfoApps,
    .percent = 85,
    .codes = kPortalOutageCodes,
    .category = Cat::both,
}};
constexpr RegistrationWave kPortalOutageRegistrations[] = {{
    .label = "registrations started, never completed",
    .window = {350, 590},
    .per_10k_users = 220,
    .min_attempts = 25,
    .cancelled = 12,
    .abandoned = 88,
    .portal_errors = kPortalOutageCodes,
    .max_errors_per_attempt = 3,
    .retry_later_pct = 60,
    .retry_window = {600, 900},
    .replaces_baseline = true,
}};
constexpr TicketWave kPortalOutageTicketWaves[] = {{
    .label = "users report MFA setup / portal failures",
    .window = {365, 640},
    .templates = kPortalOutageTickets,
    .per_10k_users = 120,
    .min_tickets = 8,
}};
constexpr Part kPortalOutage{
    .name = "portal_outage",
    .overrides = kPortalOutageOverrides,
    .registrations = kPortalOutageRegistrations,
    .tickets = kPortalOutageTicketWaves,
    .health = kPortalOutageHealth,
};

constexpr TicketWave kPhishingTicketWaves[] = {{
    .label = "outage-themed phishing reports",
    .window = {480, 900},
    .templates = kPhishingTickets,
    .per_10k_users = 30,
    .min_tickets = 6,
}};
constexpr Part kPhishing{.name = "phishing", .tickets = kPhishingTicketWaves};

constexpr SigninOverride kAuthOutageOverrides[] = {{
    .label = "token service errors across apps",
    .window = {860, 965},
    .percent = 30,
    .codes = kAuthOutageCodes,
    .category = Cat::both,
}};
constexpr TicketWave kAuthOutageTicketWaves[] = {{
    .label = "users cannot sign in",
    .window = {870, 1000},
    .templates = kAuthOutageTickets,
    .per_10k_users = 50,
    .min_tickets = 6,
}};
constexpr Part kAuthOutage{
    .name = "signin_outage",
    .overrides = kAuthOutageOverrides,
    .tickets = kAuthOutageTicketWaves,
    .health = kAuthOutageHealth,
};

constexpr SigninOverride kCaBreakOverrides[] = {{
    .label = "compliant-device policy blocks unmanaged devices",
    .window = {793, 878},
    .percent = 92,
    .codes = kCaBlock,
    .category = Cat::both,
    .devices = Devices::unmanaged,
    .ca_policy = "compliant_all",
}};
constexpr TicketWave kCaBreakTicketWaves[] = {{
    .label = "users blocked after the policy change",
    .window = {800, 900},
    .templates = kCaBreakTickets,
    .per_10k_users = 40,
    .min_tickets = 5,
}};
constexpr Part kCaBreak{
    .name = "ca_policy_break",
    .overrides = kCaBreakOverrides,
    .changes = kCaBreakChanges,
    .ca_states = kCaBreakStates,
    .tickets = kCaBreakTicketWaves,
};

constexpr RegistrationWave kBlockedRegistrations[] = {{
    .label = "registrations blocked by tenant policy",
    .window = {603, 840},
    .per_10k_users = 600,
    .min_attempts = 80,
    .completed = 8,
    .cancelled = 4,
    .blocked = 88,
    .max_errors_per_attempt = 4,
    .block_codes = kRegistrationBlock,
    .replaces_baseline = true,
}};
constexpr TicketWave kBlockedTicketWaves[] = {{
    .label = "users cannot register security info",
    .window = {620, 860},
    .templates = kRegistrationBlockedTickets,
    .per_10k_users = 40,
    .min_tickets = 6,
}};
constexpr Part kRegistrationBlocked{
    .name = "registration_blocked",
    .registrations = kBlockedRegistrations,
    .changes = kRegistrationPolicyChanges,
    .tickets = kBlockedTicketWaves,
};

constexpr SigninBurst kSprayBursts[] = {{
    .label = "password spray from hosting IPs",
    .window = {130, 185},
    .apps = kSprayApps,
    .codes = kSprayCodes,
    .who = Who::distinct_users,
    .users_per_10k = 1200,
    .min_users = 60,
    .from = From::attacker,
    .category = Cat::interactive,
    .attacker_ips = 3,
    .attacker_city = "Amsterdam",
    .attack_client = "python",
}};
constexpr Part kSpray{.name = "password_spray", .bursts = kSprayBursts};

constexpr SigninBurst kFatigueBursts[] = {{
    .label = "MFA push bombing of one user",
    .window = {80, 110},
    .apps = kFatigueApps,
    .codes = kMfaDenied,
    .min_records = 36,
    .who = Who::victim,
    .from = From::attacker,
    .category = Cat::interactive,
    .attacker_ips = 1,
    .attacker_city = "Moscow",
    .attack_client = "linux_chrome",
    .final_code = 0,
}};
constexpr TicketWave kFatigueTicketWaves[] = {{
    .label = "victim reports unexpected prompts",
    .window = {420, 480},
    .templates = kFatigueTickets,
    .min_tickets = 1,
    .max_tickets = 1,
    .who = TicketWho::victim,
}};
constexpr Part kFatigue{.name = "mfa_fatigue", .bursts = kFatigueBursts, .tickets = kFatigueTicketWaves};

constexpr RegistrationWave kCampaignRegistrations[] = {{
    .label = "registration campaign, all of EU at 09:00 local",
    .window = {410, 490},
    .per_10k_users = 3000,
    .min_attempts = 40,
    .region = "EU",
    .completed = 65,
    .cancelled = 15,
    .abandoned = 20,
    .interrupt_code = 50072,
    .mfa_fail_pct = 15,
}};
constexpr TicketWave kCampaignTicketWaves[] = {{
    .label = "users stuck in the campaign",
    .window = {420, 560},
    .templates = kCampaignTickets,
    .per_10k_users = 20,
    .min_tickets = 4,
}};
constexpr AuditChange kCampaignChanges[] = {
    {"registration campaign enabled for all users", 400, "Authentication Methods Policy Update",
     "Authentication Methods", "ApplicationManagement", "Update", "Authentication Methods Policy", "Policy",
     "authenticationMethodsPolicy", "AuthenticationMethodsPolicy",
     "{\"registrationEnforcement\":{\"authenticationMethodsRegistrationCampaign\":{\"state\":\"disabled\","
     "\"snoozeDurationInDays\":1,\"includeTargets\":[]}}}",
     "{\"registrationEnforcement\":{\"authenticationMethodsRegistrationCampaign\":{\"state\":\"enabled\","
     "\"snoozeDurationInDays\":1,\"includeTargets\":[{\"id\":\"all_users\",\"targetType\":\"group\","
     "\"targetedAuthenticationMethod\":\"microsoftAuthenticator\"}]}}}",
     0},
};
constexpr Part kCampaign{.name = "campaign_peak",
                         .registrations = kCampaignRegistrations,
                         .changes = kCampaignChanges,
                         .tickets = kCampaignTicketWaves};

// Lockout wave: a password-expiry wave in the morning, then phones keep
// retrying the old password over Exchange ActiveSync and lock their users out.
constexpr AuditWave kPasswordChangeWave[] = {{
    .label = "password expiry: many users change their password",
    .window = {420, 480},
    .activity = "Change password (self-service)",
    .per_10k_users = 2500,
    .min_events = 40,
}};
constexpr CodeWeight kStaleDeviceCodes[] = {{50053, 70}, {50126, 30}};
constexpr std::string_view kMailApps[] = {"exchange"};
constexpr SigninBurst kStaleDeviceBursts[] = {{
    .label = "phones retry the old password over Exchange ActiveSync",
    .window = {490, 640},
    .apps = kMailApps,
    .codes = kStaleDeviceCodes,
    .who = Who::distinct_users,
    .users_per_10k = 2000,
    .min_users = 30,
    .from = From::usual,
    .category = Cat::interactive,
    .attack_client = "activesync",
    .records_per_user = 3,
}};
constexpr TicketTemplate kLockoutTickets[] = {
    {"lockout", "Account locked out",
     "My account keeps getting locked since this morning. I changed my password yesterday as the expiry mail asked.",
     "Inquiry / Help", "Service Desk"},
    {"lockout", "Locked out again after password change",
     "I'm locked out of my account again, can you unlock it? My phone keeps asking for the password.", "Inquiry / Help",
     "Service Desk"},
};
constexpr TicketWave kLockoutTicketWaves[] = {{
    .label = "users report lockouts",
    .window = {500, 700},
    .templates = kLockoutTickets,
    .per_10k_users = 60,
    .min_tickets = 5,
}};
constexpr Part kLockoutWave{.name = "lockout_wave",
                            .bursts = kStaleDeviceBursts,
                            .audit_waves = kPasswordChangeWave,
                            .tickets = kLockoutTicketWaves};

// Break-glass: bg-01 is used at night, bg-02 never signs in.
constexpr std::string_view kBreakglassAccounts[] = {"bg-01@contoso.onmicrosoft.com", "bg-02@contoso.onmicrosoft.com"};
constexpr CodeWeight kSuccess[] = {{0, 100}};
constexpr std::string_view kAzurePortal[] = {"azure_portal"};
constexpr SigninBurst kBreakglassUse[] = {{
    .label = "emergency account bg-01 signs in to the Azure portal",
    .window = {190, 215},
    .apps = kAzurePortal,
    .codes = kSuccess,
    .min_records = 3,
    .who = Who::account,
    .from = From::usual,
    .category = Cat::interactive,
    .account = 0,
}};
constexpr Part kBreakglass{.name = "breakglass", .bursts = kBreakglassUse};

// The MO1329260 pattern on the second of three days.
constexpr SigninOverride kPortalOutageDay2Overrides[] = {{
    .label = "security-info portal returns service errors (day 2)",
    .window = {1440 + 350, 1440 + 590},
    .apps = kSecurityInfoApps,
    .percent = 85,
    .codes = kPortalOutageCodes,
    .category = Cat::both,
}};
constexpr RegistrationWave kPortalOutageDay2Registrations[] = {{
    .label = "registrations started, never completed (day 2)",
    .window = {1440 + 350, 1440 + 590},
    .per_10k_users = 220,
    .min_attempts = 25,
    .cancelled = 12,
    .abandoned = 88,
    .portal_errors = kPortalOutageCodes,
    .max_errors_per_attempt = 3,
    .retry_later_pct = 60,
    .retry_window = {1440 + 600, 1440 + 900},
    .replaces_baseline = true,
}};
constexpr TicketWave kPortalOutageDay2Tickets[] = {{
    .label = "users report MFA setup / portal failures (day 2)",
    .window = {1440 + 365, 1440 + 640},
    .templates = kPortalOutageTickets,
    .per_10k_users = 120,
    .min_tickets = 8,
}};
constexpr HealthPost kDay2Posts[] = {
    {1440 + 410,
     "Title: Users may be unable to set up MFA or access mysignins.microsoft.com\n\nUser Impact: Users may be unable "
     "to set up MFA or access the mysignins.microsoft.com website.\n\nCurrent status: We're investigating HTTP 504 "
     "errors.\n\nNext update by: {DAY}, at 8:00 AM UTC"},
    {1440 + 610,
     "Title: Users may be unable to set up MFA or access mysignins.microsoft.com\n\nUser Impact: Users may have been "
     "unable to set up MFA or access the mysignins.microsoft.com website.\n\nFinal status: A configuration change was "
     "reverted and the impact is resolved."},
};
constexpr HealthSpec kDay2Health[] = {
    {"MO1331402", "Microsoft 365 suite", "Portal", "Portal",
     "Users may be unable to set up MFA or access mysignins.microsoft.com",
     "Users may be unable to set up MFA or access the mysignins.microsoft.com website.", "incident", "serviceRestored",
     1440 + 350, 1440 + 590, 1440 + 612, kDay2Posts},
};
constexpr Part kPortalOutageDay2{
    .name = "portal_outage_day2",
    .overrides = kPortalOutageDay2Overrides,
    .registrations = kPortalOutageDay2Registrations,
    .tickets = kPortalOutageDay2Tickets,
    .health = kDay2Health,
};

// A spray that runs while the portal is down (two incidents at once).
constexpr SigninBurst kSprayDuringOutageBursts[] = {{
    .label = "password spray during the portal outage",
    .window = {420, 470},
    .apps = kSprayApps,
    .codes = kSprayCodes,
    .who = Who::distinct_users,
    .users_per_10k = 1200,
    .min_users = 60,
    .from = From::attacker,
    .category = Cat::interactive,
    .attacker_ips = 2,
    .attacker_city = "Amsterdam",
    .attack_client = "python",
}};
constexpr Part kSprayDuringOutage{.name = "password_spray", .bursts = kSprayDuringOutageBursts};

// A provider sign-in outage at night, when traffic is low.
constexpr SigninOverride kNightOutageOverrides[] = {{
    .label = "token service errors across apps at night",
    .window = {60, 210},
    .percent = 60,
    .codes = kAuthOutageCodes,
    .category = Cat::both,
}};
constexpr HealthPost kNightOutagePosts[] = {
    {95,
     "Title: Users may be unable to sign in to Microsoft 365 services\n\nUser Impact: Users may be unable to sign in "
     "to "
     "Microsoft 365 services.\n\nCurrent status: We're investigating elevated authentication failures.\n\nNext "
     "update by: {DAY}, at 3:00 AM UTC"},
    {230,
     "Title: Users may be unable to sign in to Microsoft 365 services\n\nUser Impact: Users may have been unable to "
     "sign in.\n\nFinal status: Authentication success rates have returned to normal."},
};
constexpr HealthSpec kNightOutageHealth[] = {
    {"MO1331688", "Microsoft Entra", "Sign-in", "Authentication",
     "Users may be unable to sign in to Microsoft 365 services",
     "Users may be unable to sign in to Microsoft 365 services.", "incident", "serviceRestored", 60, 210, 232,
     kNightOutagePosts},
};
constexpr TicketWave kNightOutageTickets[] = {{
    .label = "night-shift users cannot sign in",
    .window = {70, 240},
    .templates = kAuthOutageTickets,
    .min_tickets = 2,
    .max_tickets = 4,
}};
constexpr Part kNightOutage{.name = "night_outage",
                            .overrides = kNightOutageOverrides,
                            .tickets = kNightOutageTickets,
                            .health = kNightOutageHealth};

// A partial portal outage: a quarter of the security-info requests fail.
constexpr SigninOverride kPartialOverrides[] = {{
    .label = "a quarter of security-info portal requests fail",
    .window = {600, 840},
    .apps = kSecurityInfoApps,
    .percent = 25,
    .codes = kPortalOutageCodes,
    .category = Cat::both,
}};
constexpr RegistrationWave kPartialRegistrations[] = {{
    .label = "registration drive: a quarter of the attempts abandoned after portal errors",
    .window = {600, 840},
    .per_10k_users = 1500,
    .min_attempts = 120,
    .completed = 70,
    .cancelled = 5,
    .abandoned = 25,
    .portal_errors = kPortalOutageCodes,
    .max_errors_per_attempt = 3,
    .replaces_baseline = true,
}};
constexpr TicketWave kPartialTickets[] = {{
    .label = "some users report MFA setup failures",
    .window = {620, 860},
    .templates = kPortalOutageTickets,
    .per_10k_users = 40,
    .min_tickets = 3,
}};
constexpr CodeWeight kQuarterFailing[] = {{0, 75}, {50000, 12}, {90033, 8}, {90012, 5}};
constexpr SigninBurst kPartialPortalVisits[] = {{
    .label = "users visit the security-info pages during the drive; a quarter of the requests fail",
    .window = {600, 840},
    .apps = kSecurityInfoApps,
    .codes = kQuarterFailing,
    .per_10k_users = 3000,
    .min_records = 120,
    .from = From::usual,
    .category = Cat::interactive,
}};
constexpr Part kPartialOutage{.name = "partial_outage",
                              .bursts = kPartialPortalVisits,
                              .overrides = kPartialOverrides,
                              .registrations = kPartialRegistrations,
                              .tickets = kPartialTickets};

// The portal outage with a notice posted 90 minutes after it began.
constexpr HealthPost kLatePosts[] = {
    {440,
     "Title: Some users may be unable to set up MFA or access mysignins.microsoft.com\n\nUser Impact: Users may be "
     "unable to set up MFA or access the mysignins.microsoft.com website.\n\nCurrent status: We're investigating "
     "reports of HTTP 504 errors.\n\nNext update by: {DAY}, at 9:00 AM UTC"},
    {540,
     "Title: Some users may be unable to set up MFA or access mysignins.microsoft.com\n\nUser Impact: Users may be "
     "unable to set up MFA or access the mysignins.microsoft.com website.\n\nCurrent status: We're reverting a "
     "configuration change.\n\nNext update by: {DAY}, at 10:30 AM UTC"},
    {610,
     "Title: Some users may be unable to set up MFA or access mysignins.microsoft.com\n\nUser Impact: Users may have "
     "been unable to set up MFA.\n\nFinal status: The change was reverted and the impact is resolved."},
};
constexpr HealthSpec kLateHealth[] = {
    {"MO1331577", "Microsoft Entra", "Multi-factor authentication", "Multi-factor authentication",
     "Some users may be unable to set up MFA or access mysignins.microsoft.com",
     "Users may be unable to set up MFA or access the mysignins.microsoft.com website.", "incident", "serviceRestored",
     440, 590, 612, kLatePosts},
};
constexpr Part kLateNotice{
    .name = "portal_outage_late_notice",
    .overrides = kPortalOutageOverrides,
    .registrations = kPortalOutageRegistrations,
    .tickets = kPortalOutageTicketWaves,
    .health = kLateHealth,
};
constexpr Part kBaselineNoHealth{
    .name = "baseline",
    .traffic = kTraffic,
    .registrations = kEverydayRegistrations,
    .tickets = kEverydayTicketWaves,
};

// A quiet week (Monday to the next Monday): less traffic at weekends, and
// on Monday morning more wrong passwords after the weekend.
constexpr Traffic kWeekTraffic[] = {
    {6, 24, 70, kInteractiveCodes, kNonInteractiveCodes, kPortalCodes, kSpCodes, "legacy", "legacy_imap", 1500, 35}};
constexpr Part kWeekBaseline{
    .name = "baseline",
    .traffic = kWeekTraffic,
    .registrations = kEverydayRegistrations,
    .tickets = kEverydayTicketWaves,
    .health = kExchangeAdvisory,
};
constexpr CodeWeight kMondayCodes[] = {{50126, 95}, {50053, 5}};
constexpr SigninBurst kMondayBursts[] = {{
    .label = "Monday morning: more wrong passwords after the weekend",
    .window = {7 * 1440 + 360, 7 * 1440 + 600},
    .codes = kMondayCodes,
    .per_10k_users = 1500,
    .min_records = 20,
    .from = From::usual,
    .category = Cat::interactive,
}};
constexpr Part kMondayRise{.name = "monday_rise", .bursts = kMondayBursts};

// A quiet day where non-interactive and service-principal sign-ins are ten
// times the interactive volume.
constexpr Traffic kMachineTraffic[] = {
    {44, 9, 70, kInteractiveCodes, kNonInteractiveCodes, kPortalCodes, kSpCodes, "legacy", "legacy_imap", 1500}};
constexpr Part kMachineBaseline{
    .name = "baseline",
    .traffic = kMachineTraffic,
    .registrations = kEverydayRegistrations,
    .tickets = kEverydayTicketWaves,
    .health = kExchangeAdvisory,
};

// ------------------------------------------------------------------ expectations
constexpr std::string_view kMo1329260[] = {"MO1329260"};
constexpr std::string_view kMo1330118[] = {"MO1330118"};

constexpr ExpectedFinding kExpectPortal[] = {{"provider_portal_outage", "provider", "high", {350, 590}, kMo1329260}};
constexpr ExpectedFinding kExpectAuthOutage[] = {{"provider_auth_outage", "provider", "high", {860, 965}, kMo1330118}};
constexpr ExpectedFinding kExpectCaBreak[] = {{"tenant_policy_block", "tenant", "high", {793, 878}, {}}};
constexpr ExpectedFinding kExpectBlocked[] = {{"registration_blocked", "tenant", "medium", {603, 840}, {}}};
constexpr ExpectedFinding kExpectSpray[] = {{"password_spray", "attack", "high", {130, 185}, {}}};
constexpr ExpectedFinding kExpectFatigue[] = {{"mfa_fatigue", "attack", "high", {80, 110}, {}}};
constexpr ExpectedFinding kExpectPhishing[] = {{"provider_portal_outage", "provider", "high", {350, 590}, kMo1329260},
                                               {"outage_phishing", "attack", "medium", {480, 900}, {}}};
constexpr ExpectedFinding kExpectCampaign[] = {{"campaign_overload", "tenant", "medium", {410, 490}, {}}};

constexpr std::string_view kMo1331402[] = {"MO1331402"};
constexpr std::string_view kMo1331688[] = {"MO1331688"};
constexpr std::string_view kMo1331577[] = {"MO1331577"};
constexpr ExpectedFinding kExpectLockout[] = {
    {"lockout_wave", "user", "medium", {490, 640}, {}, "Exchange ActiveSync"}};
constexpr ExpectedFinding kExpectBreakglass[] = {{"breakglass_used", "tenant", "high", {190, 215}, {}},
                                                 {"breakglass_stale", "tenant", "low", {0, 0}, {}}};
constexpr ExpectedFinding kExpectDay2[] = {
    {"provider_portal_outage", "provider", "high", {1440 + 350, 1440 + 590}, kMo1331402}};
constexpr ExpectedFinding kExpectOutageAndSpray[] = {
    {"provider_portal_outage", "provider", "high", {350, 590}, kMo1329260},
    {"password_spray", "attack", "high", {420, 470}, {}}};
constexpr ExpectedFinding kExpectNight[] = {{"provider_auth_outage", "provider", "high", {60, 210}, kMo1331688}};
constexpr ExpectedFinding kExpectPartial[] = {{"provider_portal_outage", "provider", "medium", {600, 840}, {}}};
constexpr ExpectedFinding kExpectLate[] = {{"provider_portal_outage", "provider", "high", {350, 590}, kMo1331577}};
constexpr std::string_view kNotLockoutOrAttack[] = {"password_spray", "provider_portal_outage", "provider_auth_outage",
                                                    "tenant_policy_block", "mfa_fatigue"};
constexpr std::string_view kNotTenantKinds[] = {"tenant_policy_block", "registration_blocked"};
constexpr std::string_view kQuietNot[] = {"lockout_wave",         "password_spray",      "provider_portal_outage",
                                          "provider_auth_outage", "tenant_policy_block", "registration_blocked"};
constexpr std::string_view kNotProviderOrAttack[] = {"provider_portal_outage", "provider_auth_outage", "password_spray",
                                                     "mfa_fatigue"};
constexpr std::string_view kNotTenantOrAttack[] = {"tenant_policy_block", "registration_blocked", "password_spray",
                                                   "mfa_fatigue", "provider_auth_outage"};
constexpr std::string_view kNotTenant[] = {"tenant_policy_block", "registration_blocked", "password_spray",
                                           "mfa_fatigue"};
constexpr std::string_view kNotProvider[] = {"provider_portal_outage", "provider_auth_outage", "tenant_policy_block",
                                             "registration_blocked"};
constexpr std::string_view kNotSprayOrProvider[] = {"password_spray", "provider_portal_outage", "provider_auth_outage",
                                                    "tenant_policy_block"};
constexpr std::string_view kNotOutage[] = {"provider_portal_outage", "provider_auth_outage", "registration_blocked",
                                           "tenant_policy_block"};

constexpr const Part* kQuietParts[] = {&kBaseline};
constexpr const Part* kPortalParts[] = {&kBaseline, &kPortalOutage};
constexpr const Part* kAuthOutageParts[] = {&kBaseline, &kAuthOutage};
constexpr const Part* kCaBreakParts[] = {&kBaseline, &kCaBreak};
constexpr const Part* kBlockedParts[] = {&kBaseline, &kRegistrationBlocked};
constexpr const Part* kSprayParts[] = {&kBaseline, &kSpray};
constexpr const Part* kFatigueParts[] = {&kBaseline, &kFatigue};
constexpr const Part* kPhishingParts[] = {&kBaseline, &kPortalOutage, &kPhishing};
constexpr const Part* kCampaignParts[] = {&kBaseline, &kCampaign};

constexpr const Part* kLockoutParts[] = {&kBaseline, &kLockoutWave};
constexpr const Part* kBreakglassParts[] = {&kBaseline, &kBreakglass};
constexpr const Part* kDay2Parts[] = {&kBaseline, &kPortalOutageDay2};
constexpr const Part* kOutageAndSprayParts[] = {&kBaseline, &kPortalOutage, &kSprayDuringOutage};
constexpr const Part* kNightParts[] = {&kBaseline, &kNightOutage};
constexpr const Part* kPartialParts[] = {&kBaseline, &kPartialOutage};
constexpr const Part* kLateParts[] = {&kBaselineNoHealth, &kLateNotice};
constexpr const Part* kWeekParts[] = {&kWeekBaseline, &kMondayRise};
constexpr const Part* kMachineParts[] = {&kMachineBaseline};

constexpr Scenario kScenarios[] = {
    {"quiet",
     "a normal day: ~3% scattered failures, everyday registrations and tickets, one unrelated Exchange "
     "advisory",
     kQuietParts,
     {},
     {},
     "low",
     ""},
    {"portal_outage",
     "MO1329260-like: 05:50-09:50 UTC My Signins returns service errors, registrations start but "
     "never complete, health issue under \"Microsoft 365 suite\"",
     kPortalParts, kExpectPortal, kNotTenantOrAttack, "", ""},
    {"signin_outage", "provider sign-in outage 14:20-16:05 UTC: service errors across apps, Entra health incident",
     kAuthOutageParts, kExpectAuthOutage, kNotTenant, "", ""},
    {"ca_policy_break",
     "13:12 UTC a CA policy goes from report-only to on; 53003 for unmanaged devices until the "
     "14:38 revert; no health issue",
     kCaBreakParts, kExpectCaBreak, kNotProviderOrAttack, "", ""},
    {"registration_blocked",
     "10:02 UTC an authentication-methods policy change; 53010/53004 registration "
     "failures without provider evidence",
     kBlockedParts, kExpectBlocked, kNotProviderOrAttack, "", ""},
    {"password_spray", "02:10-03:05 UTC three hosting IPs try 50126/50053 against many users", kSprayParts,
     kExpectSpray, kNotProvider, "", ""},
    {"mfa_fatigue", "01:20-01:50 UTC one user gets dozens of MFA denials from a foreign IP, then a success",
     kFatigueParts, kExpectFatigue, kNotSprayOrProvider, "", "EU"},
    {"outage_phishing", "portal_outage plus phishing-report tickets (\"your MFA is broken, re-register here\")",
     kPhishingParts, kExpectPhishing, kNotTenant, "", ""},
    {"campaign_peak",
     "06:40 UTC a registration campaign is enabled; EU users hit it at the 09:00 local peak "
     "(06:50-08:10 UTC), with failures and abandonment",
     kCampaignParts, kExpectCampaign, kNotOutage, "", ""},
    {.name = "lockout_wave",
     .summary = "07:00-08:00 UTC a password-expiry wave; from 08:10 phones retry the old password over Exchange "
                "ActiveSync and lock their users out until 10:40",
     .parts = kLockoutParts,
     .expect = kExpectLockout,
     .must_not = kNotLockoutOrAttack},
    {.name = "breakglass",
     .summary = "emergency account bg-01 signs in at 03:10 UTC; bg-02 has no sign-in at all (run with --breakglass)",
     .parts = kBreakglassParts,
     .expect = kExpectBreakglass,
     .must_not = kNotProvider,
     .breakglass = kBreakglassAccounts},
    {.name = "several_days",
     .summary = "three days; on the second, the MO1329260 pattern 05:50-09:50 UTC (MO1331402)",
     .parts = kDay2Parts,
     .expect = kExpectDay2,
     .must_not = kNotTenantOrAttack,
     .days = 3},
    {.name = "outage_and_spray",
     .summary = "the portal outage 05:50-09:50 UTC and, during it, a password spray from two hosting IPs 07:00-07:50",
     .parts = kOutageAndSprayParts,
     .expect = kExpectOutageAndSpray,
     .must_not = kNotTenantKinds},
    {.name = "night_outage",
     .summary = "provider sign-in outage 01:00-03:30 UTC at night-time traffic: 60% of sign-ins fail with service "
                "errors (MO1331688)",
     .parts = kNightParts,
     .expect = kExpectNight,
     .must_not = kNotTenant},
    {.name = "partial_outage",
     .summary = "10:00-14:00 UTC, during a registration drive, a quarter of the security-info portal requests fail; no "
                "health notice",
     .parts = kPartialParts,
     .expect = kExpectPartial,
     .must_not = kNotTenantOrAttack},
    {.name = "late_notice",
     .summary = "the portal outage 05:50-09:50 UTC; the provider notice (ServiceComms shape) starts 90 minutes late",
     .parts = kLateParts,
     .expect = kExpectLate,
     .must_not = kNotTenantOrAttack,
     .health_shape = HealthShape::servicecomms},
    {.name = "late_notice_azure",
     .summary = "late_notice with the notice as Azure Service Health alerts (common alert schema, one per update)",
     .parts = kLateParts,
     .expect = kExpectLate,
     .must_not = kNotTenantOrAttack,
     .health_shape = HealthShape::azure_alert},
    {.name = "quiet_week",
     .summary = "a quiet week, Monday to Monday: a third of the traffic at weekends, more wrong passwords on the "
                "second Monday morning",
     .parts = kWeekParts,
     .must_not = kQuietNot,
     .max_severity = "low",
     .days = 8},
    {.name = "quiet_machines",
     .summary = "a quiet day where non-interactive and service-principal sign-ins are ten times the interactive "
                "volume",
     .parts = kMachineParts,
     .must_not = kQuietNot,
     .max_severity = "low"},
};

}  // namespace

std::span<const Scenario> all_scenarios() { return kScenarios; }

const Scenario* find_scenario(std::string_view name) {
  for (const auto& s : kScenarios)
    if (s.name == name) return &s;
  return nullptr;
}

}  // namespace idt::synth
