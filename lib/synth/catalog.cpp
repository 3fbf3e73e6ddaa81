// Why: see catalog.h. Ids of first-party apps are the real ones; texts follow
// the wording Entra writes into sign-in and audit logs.
#include "synth/catalog.h"

#include <array>

namespace idt::synth {
namespace {

constexpr std::string_view kGraphName = "Microsoft Graph", kGraphId = "00000003-0000-0000-c000-000000000000";
constexpr std::string_view kExoName = "Office 365 Exchange Online", kExoId = "00000002-0000-0ff1-ce00-000000000000";
constexpr std::string_view kSpoName = "Office 365 SharePoint Online", kSpoId = "00000003-0000-0ff1-ce00-000000000000";
constexpr std::string_view kAadName = "Windows Azure Active Directory", kAadId = "00000002-0000-0000-c000-000000000000";
constexpr std::string_view kArmName = "Windows Azure Service Management API",
                           kArmId = "797f4846-ba00-4fd7-ba43-dac1f8f63013";

constexpr AppEntry kApps[] = {
    {"office", "4765445b-32c6-49b0-83e6-1d93765276ca", "OfficeHome", "OfficeHome",
     "4765445b-32c6-49b0-83e6-1d93765276ca", 90, 10, false},
    {"office365", "72782ba9-4490-4f03-8d82-562370ea3566", "Office 365", kGraphName, kGraphId, 40, 20, false},
    {"exchange", kExoId, kExoName, kExoName, kExoId, 120, 110, false},
    {"teams", "1fec8e78-bce4-4aaf-ab1b-5451cc387264", "Microsoft Teams", "Microsoft Teams Services",
     "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe", 150, 260, false},
    {"sharepoint", kSpoId, kSpoName, kSpoName, kSpoId, 90, 80, false},
    {"msoffice", "d3590ed6-52b3-4102-aeff-aad2292ab01c", "Microsoft Office", kGraphName, kGraphId, 100, 120, false},
    {"outlook_mobile", "27922004-5251-4030-b22d-91ecd9a37ea4", "Outlook Mobile", kExoName, kExoId, 50, 80, false},
    {"onedrive", "ab9b8c07-8f02-4f72-87fa-80105867a763", "OneDrive SyncEngine", kSpoName, kSpoId, 15, 90, false},
    {"broker", "29d9ed98-a469-4536-ade2-f981bc1d605e", "Microsoft Authentication Broker", kAadName, kAadId, 40, 150,
     false},
    {"windows", "38aa3b87-a06d-4817-b275-7a316988d93b", "Windows Sign In", kAadName, kAadId, 60, 30, false},
    {"azure_portal", "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "Azure Portal", kArmName, kArmId, 30, 8, false},
    {"mysignins", "19db86c3-b2b9-44cc-b339-36da233a3be2", "My Signins",
     "Azure Credential Configuration Endpoint Service", "ea890292-c8c8-4433-b5ea-b09d0668e1a6", 25, 3, true},
    {"myprofile", "8c59ead7-d703-4a27-9e55-c96a0054c8d2", "My Profile", kGraphName, kGraphId, 12, 2, true},
    {"myapps", "2793995e-0a7d-40d7-bd35-6968ba142197", "My Apps", kGraphName, kGraphId, 20, 3, true},
};

constexpr CityEntry kCities[] = {
    {"Redmond", "Washington", "US", "47.6740036010742", "-122.121200561523", -420, "NA", 40, 7922},
    {"New York", "New York", "US", "40.7127838134766", "-74.005973815918", -240, "NA", 20, 701},
    {"Chicago", "Illinois", "US", "41.8781127929688", "-87.6297988891602", -300, "NA", 12, 7922},
    {"Austin", "Texas", "US", "30.2671527862549", "-97.7430572509766", -300, "NA", 8, 7018},
    {"Toronto", "Ontario", "CA", "43.6532249450684", "-79.383186340332", -240, "NA", 6, 577},
    {"London", "London", "GB", "51.5073509216309", "-0.12775830924511", 60, "EU", 30, 2856},
    {"Manchester", "Manchester", "GB", "53.4807586669922", "-2.24263095855713", 60, "EU", 6, 5089},
    {"Dublin", "Dublin", "IE", "53.3498039245605", "-6.26030969619751", 60, "EU", 6, 5466},
    {"Paris", "Paris", "FR", "48.8566131591797", "2.35222005844116", 120, "EU", 25, 3215},
    {"Champs-Sur-Marne", "Seine-Et-Marne", "FR", "48.8528900146484", "2.60267996788025", 120, "EU", 6, 3215},
    {"Lyon", "Auvergne-Rhône-Alpes", "FR", "45.7640419006348", "4.83565902709961", 120, "EU", 5, 3215},
    {"München", "Bayern", "DE", "48.135124206543", "11.5819797515869", 120, "EU", 12, 3320},
    {"Frankfurt am Main", "Hessen", "DE", "50.1109199523926", "8.68209171295166", 120, "EU", 6, 3320},
    {"Zürich", "Zurich", "CH", "47.3768882751465", "8.54169368743896", 120, "EU", 4, 3303},
    {"Amsterdam", "Noord-Holland", "NL", "52.3675727844238", "4.90413618087769", 120, "EU", 6, 1136},
    {"Madrid", "Madrid", "ES", "40.4167747497559", "-3.70379018783569", 120, "EU", 5, 3352},
    {"Milano", "Lombardia", "IT", "45.4642028808594", "9.18998146057129", 120, "EU", 4, 3269},
    {"Stockholm", "Stockholms Län", "SE", "59.3293228149414", "18.0685806274414", 120, "EU", 3, 3301},
    {"Kraków", "Małopolskie", "PL", "50.0646476745605", "19.9449806213379", 120, "EU", 3, 5617},
    {"São Paulo", "Sao Paulo", "BR", "-23.5505199432373", "-46.6333084106445", -180, "LATAM", 4, 28573},
    {"Ciudad de México", "Ciudad de Mexico", "MX", "19.4326076507568", "-99.1332092285156", -360, "LATAM", 2, 8151},
    {"Bengaluru", "Karnataka", "IN", "12.9715986251831", "77.5945663452148", 330, "IN", 4, 9498},
    {"Nizampet", "Telangana", "IN", "17.5164794921875", "78.3766326904297", 330, "IN", 5, 9498},
    {"Singapore", "Singapore", "SG", "1.35208094120026", "103.819839477539", 480, "APAC", 3, 7473},
    {"Tokyo", "Tokyo", "JP", "35.6761932373047", "139.650314331055", 540, "APAC", 2, 4713},
    {"Sydney", "New South Wales", "AU", "-33.8688201904297", "151.209289550781", 600, "APAC", 2, 1221},
    // Attack sources only (home_weight 0).
    {"Moscow", "Moscow", "RU", "55.755825042724609", "37.617298126220703", 180, "ATTACK", 0, 12389},
    {"Lagos", "Lagos", "NG", "6.52437877655029", "3.37920594215393", 60, "ATTACK", 0, 37148},
    {"Ho Chi Minh City", "Ho Chi Minh", "VN", "10.8230991363525", "106.629661560059", 420, "ATTACK", 0, 45899},
};

constexpr DeviceEntry kDevices[] = {
    {"Windows 11", "Edge 124.0.0",
     "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 "
     "Safari/537.36 Edg/124.0.0.0",
     "Browser", true, 30},
    {"Windows 10", "Chrome 124.0.0",
     "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 "
     "Safari/537.36",
     "Browser", true, 12},
    {"Windows10", "Rich Client 4.61.0.0", "Windows-AzureAD-Authentication-Provider/1.0",
     "Mobile Apps and Desktop clients", true, 18},
    {"MacOs", "Safari 17.4",
     "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 "
     "Safari/605.1.15",
     "Browser", false, 6},
    {"MacOs", "Chrome 124.0.0",
     "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 "
     "Safari/537.36",
     "Browser", true, 4},
    {"Ios", "Mobile Safari",
     "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
     "(KHTML, like Gecko) Mobile/15E148",
     "Mobile Apps and Desktop clients", false, 10},
    {"Android", "Chrome Mobile 124.0.0",
     "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile "
     "Safari/537.36",
     "Mobile Apps and Desktop clients", false, 6},
    {"Windows 10", "Firefox 125.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
     "Browser", false, 8},
    {"Linux", "Firefox 125.0", "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0", "Browser",
     false, 2},
};

constexpr OtherClient kOtherClients[] = {
    {"python", "", "", "python-requests/2.31.0", "Mobile Apps and Desktop clients"},
    {"linux_chrome", "Linux", "Chrome 123.0.0",
     "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36",
     "Browser"},
    {"legacy_imap", "", "", "", "IMAP4"},
    {"activesync", "Ios", "", "iOS/17.4.1 (21E236) dataaccessd/1.0", "Exchange ActiveSync"},
};

constexpr PersonName kFirst[] = {
    {"Adele", "adele"},   {"Alex", "alex"},     {"Allan", "allan"},     {"Amara", "amara"},
    {"Ana", "ana"},       {"André", "andre"},   {"Bianca", "bianca"},   {"Carlos", "carlos"},
    {"Chen", "chen"},     {"Chloé", "chloe"},   {"Daniel", "daniel"},   {"Diego", "diego"},
    {"Elena", "elena"},   {"Emily", "emily"},   {"Fatima", "fatima"},   {"François", "francois"},
    {"Grace", "grace"},   {"Hannah", "hannah"}, {"Hiroshi", "hiroshi"}, {"Isabel", "isabel"},
    {"Ivan", "ivan"},     {"James", "james"},   {"Jörg", "joerg"},      {"José", "jose"},
    {"Julia", "julia"},   {"Kenji", "kenji"},   {"Laura", "laura"},     {"Lee", "lee"},
    {"Lukas", "lukas"},   {"Maria", "maria"},   {"Megan", "megan"},     {"Miriam", "miriam"},
    {"Nestor", "nestor"}, {"Noah", "noah"},     {"Olga", "olga"},       {"Omar", "omar"},
    {"Patti", "patti"},   {"Priya", "priya"},   {"Rahul", "rahul"},     {"Sakura", "sakura"},
    {"Sofia", "sofia"},   {"Søren", "soeren"},  {"Thomas", "thomas"},   {"Wei", "wei"},
    {"Yasmin", "yasmin"}, {"Zoë", "zoe"},       {"Lidia", "lidia"},     {"Pradeep", "pradeep"},
};

constexpr PersonName kLast[] = {
    {"Vance", "vance"},         {"Wilber", "wilber"},       {"Deyoung", "deyoung"},     {"Okafor", "okafor"},
    {"Holloway", "holloway"},   {"Müller", "mueller"},      {"García", "garcia"},       {"Smith", "smith"},
    {"Nguyen", "nguyen"},       {"Dubois", "dubois"},       {"Rossi", "rossi"},         {"Kowalski", "kowalski"},
    {"Johansson", "johansson"}, {"Tanaka", "tanaka"},       {"Patel", "patel"},         {"Sharma", "sharma"},
    {"O'Brien", "obrien"},      {"Fernández", "fernandez"}, {"Schneider", "schneider"}, {"Martin", "martin"},
    {"Brown", "brown"},         {"Lopez", "lopez"},         {"Wang", "wang"},           {"Kim", "kim"},
    {"Silva", "silva"},         {"Santos", "santos"},       {"Novak", "novak"},         {"Jensen", "jensen"},
    {"Bernard", "bernard"},     {"Moreau", "moreau"},       {"Fischer", "fischer"},     {"Weber", "weber"},
    {"Bianchi", "bianchi"},     {"Romano", "romano"},       {"Hughes", "hughes"},       {"Murphy", "murphy"},
    {"Clarke", "clarke"},       {"Singh", "singh"},         {"Iyer", "iyer"},           {"Sato", "sato"},
    {"Suzuki", "suzuki"},       {"Lindqvist", "lindqvist"}, {"Nowak", "nowak"},         {"Østergaard", "oestergaard"},
    {"Adams", "adams"},         {"Baker", "baker"},         {"Reyes", "reyes"},         {"Cohen", "cohen"},
};

constexpr CodeText kCodeTexts[] = {
    {16000,
     "Either multiple user identities are available for the current request or selected account is not supported "
     "for the scenario.",
     ""},
    {50000, "There was an error issuing a token or an issue with our sign-in service.",
     "This is a transient error on the Microsoft side. Retry the request."},
    {50033, "Indicates a transient error not related to the database operations.", ""},
    {50053, "The account is locked, you've tried to sign in too many times with an incorrect user ID or password.",
     "The account is locked because of too many incorrect sign-in attempts."},
    {50055, "The password is expired.",
     "The user's password is expired, and therefore their login or session was ended."},
    {50057, "The user account is disabled.",
     "The user object in Active Directory backing this account has been disabled."},
    {50072, "User needs to enroll for second factor authentication (interactive).", "MFA registration required"},
    {50074, "Strong Authentication is required.", "MFA required in Azure AD"},
    {50076,
     "Due to a configuration change made by your administrator, or because you moved to a new location, you must "
     "use multi-factor authentication to access the resource.",
     "MFA required in Azure AD"},
    {50079, "User needs to enroll for second factor authentication.", "MFA registration required"},
    {50126, "Error validating credentials due to invalid username or password.",
     "The user didn't enter the right credentials. It's expected to see some number of these errors in your logs "
     "due to users making mistakes."},
    {50133, "Session is invalid due to expiration or recent password change.", ""},
    {50140, "This error occurred due to 'Keep me signed in' interrupt when the user was signing-in.",
     "MFA requirement satisfied by claim in the token"},
    {50158,
     "External security challenge not satisfied. User will be redirected to another page or authentication "
     "provider to satisfy additional authentication challenges.",
     ""},
    {50173,
     "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have "
     "changed or reset their password.",
     ""},
    {53003, "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.",
     "If this is unexpected, see the conditional access policies that applied to this request in the Azure Portal."},
    {53004,
     "Proof up is blocked due to suspicious activity. User needs to complete multi-factor authentication "
     "registration process before accessing this content.",
     ""},
    {53010,
     "Cannot configure multi-factor authentication methods because the organization requires this information to "
     "be set from specific locations or devices.",
     "Security info registration is only allowed from trusted locations or compliant devices."},
    {70043, "The refresh token has expired or is invalid due to sign-in frequency checks by conditional access.", ""},
    {90006, "The service is temporarily unavailable. Please try again.", ""},
    {90012, "The request has timed out.", "This is a transient error on the Microsoft side. Retry the request."},
    {90033, "A transient error has occurred. Please try again.", ""},
    {500121, "Authentication failed during strong authentication request.",
     "The user didn't complete the MFA prompt. They may have decided not to authenticate, timed out while doing "
     "other work, or has an issue with their authentication setup."},
    {7000215, "Invalid client secret is provided.", ""},
    {7000222, "The provided client secret keys are expired.", ""},
};

constexpr std::string_view kMfaDenials[] = {
    "MFA denied; user declined the authentication",
    "MFA denied; user didn't respond to mobile app notification",
};

constexpr CaPolicyEntry kCaPolicies[] = {
    {"mfa_all", "2f4b6a1e-8c3d-4e5f-9a7b-1c2d3e4f5a61", "Require MFA for all users", "[\"Mfa\"]"},
    {"legacy", "a3c5e7f9-1b2d-4f6a-8c0e-2d4f6a8c0e12", "Block legacy authentication", "[\"Block\"]"},
    {"compliant_all", "5e8d1c2b-7a6f-4e3d-b1c0-9f8e7d6c5b43", "Require compliant device for all users",
     "[\"RequireCompliantDevice\"]"},
    {"untrusted_countries", "9b1a2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c54", "Block access from untrusted countries",
     "[\"Block\"]"},
    {"registration_trusted", "c7d8e9f0-1a2b-4c3d-9e4f-5a6b7c8d9e65",
     "Require trusted location for security info registration", "[\"Block\"]"},
};

constexpr std::string_view kMethods[] = {
    "Microsoft Authenticator App", "Microsoft Authenticator App", "Microsoft Authenticator App", "Mobile Phone",
    "Passwordless phone sign-in",  "FIDO2 security key",
};

constexpr AuditActivity kBackgroundAudit[] = {
    {"Update user", "Core Directory", "UserManagement", "Update", "", "User", 'a', "", 30},
    {"Update StsRefreshTokenValidFrom Timestamp", "Core Directory", "UserManagement", "Update", "", "User", 'p',
     "Microsoft Substrate Management", 20},
    {"Add member to group", "Core Directory", "GroupManagement", "Add", "", "Group", 'a', "", 12},
    {"Remove member from group", "Core Directory", "GroupManagement", "Remove", "", "Group", 'a', "", 5},
    {"Update device", "Core Directory", "Device", "Update", "", "Device", 'p', "Device Registration Service", 15},
    {"Add registered owner to device", "Core Directory", "Device", "Assign", "", "Device", 'p',
     "Device Registration Service", 4},
    {"Change password (self-service)", "Self-service Password Management", "UserManagement", "Update",
     "User successfully changed password", "User", 's', "", 4},
    {"Reset password (self-service)", "Self-service Password Management", "UserManagement", "Update",
     "User successfully reset password", "User", 's', "", 3},
    {"Add app role assignment grant to user", "Core Directory", "ApplicationManagement", "Assign", "",
     "ServicePrincipal", 'a', "", 3},
    {"Consent to application", "Core Directory", "ApplicationManagement", "Assign", "", "ServicePrincipal", 's', "", 1},
};

constexpr AdminEntry kAdmins[] = {
    {"Dana Whitfield", "adm.dana.whitfield@contoso.com", "0c1f6a2e-5b3d-4c8e-9a1f-7d2e6b3c4a11"},
    {"Priya Raman", "adm.priya.raman@contoso.com", "7e9d2c4b-1a3f-4e6d-8b5c-2f1a9e8d7c22"},
};

constexpr std::string_view kTicketStates[] = {"New", "In Progress", "On Hold", "Resolved", "Closed"};

constexpr std::string_view kSpA[] = {"svc", "app", "sync", "etl", "bot", "api"};
constexpr std::string_view kSpB[] = {"hr", "crm", "billing", "backup", "sso", "intranet", "reports"};
constexpr SpResource kSpResources[] = {
    {kGraphName, kGraphId},
    {kArmName, kArmId},
    {"Azure Key Vault", "cfa8b339-82a2-471a-a3c9-0fc0be7a4093"},
    {"Azure Storage", "e406a681-f3d4-42a8-90b6-c2b029497af1"},
    {kExoName, kExoId},
};

constexpr int kHostingAsns[] = {14061, 9009, 16276, 24940, 20473};

constexpr std::array<int, 24> kInteractiveHours = {2,  1,  1,  1,  1,  2,  5, 12, 20, 22, 20, 17,
                                                   14, 17, 19, 18, 15, 11, 8, 6,  5,  4,  3,  2};
constexpr std::array<int, 24> kNonInteractiveHours = {6,  5,  5,  5,  5,  6,  8,  12, 16, 17, 17, 16,
                                                      15, 16, 17, 17, 15, 13, 11, 10, 9,  8,  7,  7};

constexpr std::array<int, 24> kWorkHours = {0, 0, 0, 0, 0, 0, 0, 2, 8, 10, 10, 9, 6, 8, 9, 9, 8, 6, 3, 1, 0, 0, 0, 0};

constexpr bool codes_sorted() {
  for (std::size_t i = 1; i < std::size(kCodeTexts); ++i)
    if (kCodeTexts[i - 1].code >= kCodeTexts[i].code) return false;
  return true;
}
static_assert(codes_sorted(), "kCodeTexts must be sorted by code");

template <class T>
int index_by_key(std::span<const T> items, std::string_view key) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].key == key) return static_cast<int>(i);
  return -1;
}

}  // namespace

std::span<const AppEntry> apps() { return kApps; }
int app_index(std::string_view key) { return index_by_key<AppEntry>(kApps, key); }
std::span<const CityEntry> cities() { return kCities; }
int city_index(std::string_view city) {
  for (std::size_t i = 0; i < std::size(kCities); ++i)
    if (kCities[i].city == city) return static_cast<int>(i);
  return -1;
}
std::span<const DeviceEntry> devices() { return kDevices; }
std::span<const OtherClient> other_clients() { return kOtherClients; }
int other_client_index(std::string_view key) { return index_by_key<OtherClient>(kOtherClients, key); }
std::span<const PersonName> first_names() { return kFirst; }
std::span<const PersonName> last_names() { return kLast; }

const CodeText* code_text(std::int64_t code) {
  std::size_t lo = 0, hi = std::size(kCodeTexts);
  while (lo < hi) {
    std::size_t mid = (lo + hi) / 2;
    if (kCodeTexts[mid].code < code)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < std::size(kCodeTexts) && kCodeTexts[lo].code == code ? &kCodeTexts[lo] : nullptr;
}
std::span<const CodeText> code_texts() { return kCodeTexts; }
std::span<const std::string_view> mfa_denial_details() { return kMfaDenials; }
std::span<const CaPolicyEntry> ca_policies() { return kCaPolicies; }
int ca_policy_index(std::string_view key) { return index_by_key<CaPolicyEntry>(kCaPolicies, key); }
std::span<const std::string_view> registration_methods() { return kMethods; }
std::span<const AuditActivity> background_audit() { return kBackgroundAudit; }
std::span<const AdminEntry> admins() { return kAdmins; }
std::span<const std::string_view> ticket_states() { return kTicketStates; }
std::span<const std::string_view> sp_name_parts_a() { return kSpA; }
std::span<const std::string_view> sp_name_parts_b() { return kSpB; }
std::span<const SpResource> sp_resources() { return kSpResources; }
std::span<const int> hosting_asns() { return kHostingAsns; }
std::span<const int> interactive_hours() { return kInteractiveHours; }
std::span<const int> noninteractive_hours() { return kNonInteractiveHours; }
std::span<const int> work_hours() { return kWorkHours; }

}  // namespace idt::synth
