// Why: everything a synthetic tenant is made of — apps, cities, devices,
// names, error texts, CA policies, audit activities — is data in one file
// (catalog.cpp), so scenarios refer to it by key and writers render it.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>

namespace idt::synth {

inline constexpr std::string_view kTenantId = "4bbb79f7-5724-4c9e-95f3-de075f6ec090";
inline constexpr std::string_view kDomain = "contoso.com";

// User-facing first-party apps (ids as Entra logs them).
struct AppEntry {
  std::string_view key;       // scenario tables refer to apps by this
  std::string_view id, name;  // appId, appDisplayName
  std::string_view resource_name, resource_id;
  int w_interactive, w_noninteractive;  // share of baseline traffic
  bool security_info;                   // My Signins / My Profile / My Apps
};
std::span<const AppEntry> apps();
int app_index(std::string_view key);  // -1 if unknown

struct CityEntry {
  std::string_view city, state, country;
  std::string_view lat, lon;  // as logged (text keeps output byte-stable)
  int tz_minutes;             // UTC offset in June
  std::string_view region;    // NA, EU, LATAM, APAC, IN, ATTACK
  int home_weight;            // share of users living there (0: attack sources only)
  int asn;                    // broadband / office ASN
};
std::span<const CityEntry> cities();
int city_index(std::string_view city);  // -1 if unknown

struct DeviceEntry {
  std::string_view os, browser, user_agent, client_app;
  bool managed;
  int weight;
};
std::span<const DeviceEntry> devices();

// Clients other than the user's own device: attack tooling (password
// spray, MFA fatigue) and legacy-protocol mail clients.
struct OtherClient {
  std::string_view key, os, browser, user_agent, client_app;
};
std::span<const OtherClient> other_clients();
int other_client_index(std::string_view key);

struct PersonName {
  std::string_view display;  // UTF-8 as shown
  std::string_view ascii;    // for the UPN
};
std::span<const PersonName> first_names();
std::span<const PersonName> last_names();

// failureReason / additionalDetails as Entra writes them for each code used.
struct CodeText {
  std::int64_t code;
  std::string_view failure_reason;
  std::string_view additional_details;  // empty = field omitted
};
const CodeText* code_text(std::int64_t code);
std::span<const CodeText> code_texts();

// MFA result details for 500121 (index = SigninEv::mfa_detail).
std::span<const std::string_view> mfa_denial_details();

struct CaPolicyEntry {
  std::string_view key, id, name;
  std::string_view grant;  // enforcedGrantControls JSON array text when enforced
};
std::span<const CaPolicyEntry> ca_policies();
int ca_policy_index(std::string_view key);

// Methods users register (additionalDetails "Method" of registration audit).
std::span<const std::string_view> registration_methods();

// Background directory activity of a normal day.
struct AuditActivity {
  std::string_view activity, service, category, operation_type, result_reason, target_type;
  char initiator;        // 's' the user themself, 'a' an admin, 'p' a first-party app
  std::string_view app;  // initiator app name when 'p'
  int weight;
};
std::span<const AuditActivity> background_audit();

// Admin accounts that make tenant changes.
struct AdminEntry {
  std::string_view display, upn, id;
};
std::span<const AdminEntry> admins();

// Help-desk fields.
std::span<const std::string_view> ticket_states();

// Service principals / managed identities of a tenant (names are built from these).
std::span<const std::string_view> sp_name_parts_a();
std::span<const std::string_view> sp_name_parts_b();
struct SpResource {
  std::string_view name, id;
};
std::span<const SpResource> sp_resources();

// Hosting ASNs that attack traffic comes from.
std::span<const int> hosting_asns();

// Diurnal weights per local hour (0..23).
std::span<const int> interactive_hours();
std::span<const int> noninteractive_hours();
std::span<const int> work_hours();  // when people open help-desk tickets

}  // namespace idt::synth
