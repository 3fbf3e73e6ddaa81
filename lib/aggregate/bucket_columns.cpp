// Why: see bucket_columns.h. The table below mirrors what
// TriageAggregate::add_signin / add_audit / finish count; the code sets are
// the ones those functions switch on (tests/aggregate/bucket_columns_test.cpp
// feeds both the same records and compares every counting column).
#include "aggregate/bucket_columns.h"

#include <algorithm>

namespace idt {
namespace {

using C = SigninClass;
using K = ColumnKind;
using S = BucketSection;

// Sign-in classes that count as failures (not success, interrupt or unknown).
constexpr std::array kFailureClasses = {C::auth_failure, C::mfa_failure, C::registration_failure, C::service_error,
                                        C::portal_unreachable};
constexpr std::array kServiceClasses = {C::service_error, C::portal_unreachable};
constexpr std::array kSuccess = {C::success};
// Credential failures (password spray / lockout evidence per IP).
constexpr std::array<std::int64_t, 6> kCredentialFailureCodes = {50126, 50053, 50055, 50057, 50034, 50056};
constexpr std::array<std::int64_t, 1> kCaBlock = {53003};
constexpr std::array<std::int64_t, 2> kRegistrationBlocked = {53004, 53010};
constexpr std::array<std::int64_t, 1> kLocked = {50053};
constexpr std::array<std::int64_t, 1> kBadPassword = {50126};
constexpr std::array<std::int64_t, 3> kRegistrationRequired = {50072, 50079, 50125};

template <C c>
constexpr std::array<C, 1> kOne = {c};
template <C c>
std::uint32_t* by_class(SigninBucket& b) {
  return &b.by_class[static_cast<std::size_t>(c)];
}
template <C c>
constexpr BucketColumn class_column(std::string_view name, std::string_view meaning) {
  return {.section = S::signin,
          .name = name,
          .kind = K::count,
          .when = {.classes = kOne<c>},
          .signin_field = &by_class<c>,
          .meaning = meaning};
}
constexpr BucketColumn audit_column(std::string_view name, AuditClass a, std::uint32_t* (*field)(AuditBucket&),
                                    std::string_view meaning) {
  return {.section = S::audit, .name = name, .kind = K::count, .audit = a, .audit_field = field, .meaning = meaning};
}

constexpr std::array kCredentialWhen = {SigninWhen{.codes = kCredentialFailureCodes, .needs_ip = true}};
constexpr std::array kIpWhen = {SigninWhen{.codes = kCredentialFailureCodes, .needs_ip = true},
                                SigninWhen{.classes = kSuccess, .needs_ip = true}};
constexpr std::array kFailureWhen = {SigninWhen{.classes = kFailureClasses}};
constexpr std::array kServiceAppWhen = {SigninWhen{.classes = kServiceClasses, .portal = PortalMatch::no}};

constexpr std::array<BucketSectionInfo, kBucketSectionCount> kSections = {{
    {S::signin, RecordKind::signin, {}, "", "sign-ins per time bucket"},
    {S::signin_code, RecordKind::signin, kFailureWhen, "", "failed sign-ins per bucket and error code"},
    {S::signin_app, RecordKind::signin, kServiceAppWhen, "",
     "service errors per bucket and app, outside the security-info apps"},
    {S::audit, RecordKind::audit, {}, "", "audit events per bucket: registration funnel and changes"},
    {S::ip, RecordKind::signin, kIpWhen, "IpFailures",
     "credential failures per IP address over the whole window (IPs with at least one)"},
    {S::ip_code, RecordKind::signin, kCredentialWhen, "", "credential failures per IP address and error code"},
}};

constexpr auto kColumns = std::to_array<BucketColumn>({
    {.section = S::signin, .name = "Bucket", .kind = K::key_bucket, .meaning = "start of the time bucket"},
    {.section = S::signin,
     .name = "Signins",
     .kind = K::count,
     .signin_field = [](SigninBucket& b) { return &b.total; },
     .meaning = "sign-ins"},
    class_column<C::success>("Success", "sign-ins of class success"),
    class_column<C::interrupt>("Interrupt", "sign-ins of class interrupt"),
    class_column<C::auth_failure>("AuthFailure", "sign-ins of class auth_failure"),
    class_column<C::mfa_failure>("MfaFailure", "sign-ins of class mfa_failure"),
    class_column<C::registration_failure>("RegistrationFailure", "sign-ins of class registration_failure"),
    class_column<C::service_error>("ServiceError", "sign-ins of class service_error"),
    class_column<C::portal_unreachable>("PortalUnreachable", "sign-ins of class portal_unreachable"),
    class_column<C::unknown>("Unknown", "sign-ins of class unknown"),
    {.section = S::signin,
     .name = "PortalTotal",
     .kind = K::count,
     .when = {.portal = PortalMatch::yes},
     .signin_field = [](SigninBucket& b) { return &b.portal_total; },
     .meaning = "sign-ins to the security-info apps"},
    {.section = S::signin,
     .name = "PortalFail",
     .kind = K::count,
     .when = {.classes = kServiceClasses, .portal = PortalMatch::yes},
     .signin_field = [](SigninBucket& b) { return &b.portal_fail; },
     .meaning = "service errors on the security-info apps"},
    {.section = S::signin,
     .name = "PortalOk",
     .kind = K::count,
     .when = {.classes = kSuccess, .portal = PortalMatch::yes},
     .signin_field = [](SigninBucket& b) { return &b.portal_ok; },
     .meaning = "successful sign-ins to the security-info apps"},
    {.section = S::signin,
     .name = "OtherTotal",
     .kind = K::count,
     .when = {.portal = PortalMatch::no},
     .signin_field = [](SigninBucket& b) { return &b.other_total; },
     .meaning = "sign-ins to every other app"},
    {.section = S::signin,
     .name = "OtherFail",
     .kind = K::count,
     .when = {.classes = kFailureClasses, .portal = PortalMatch::no},
     .signin_field = [](SigninBucket& b) { return &b.other_fail; },
     .meaning = "failed sign-ins to every other app"},
    {.section = S::signin,
     .name = "OtherService",
     .kind = K::count,
     .when = {.classes = kServiceClasses, .portal = PortalMatch::no},
     .signin_field = [](SigninBucket& b) { return &b.other_service; },
     .meaning = "service errors on every other app"},
    {.section = S::signin,
     .name = "CaBlock",
     .kind = K::count,
     .when = {.codes = kCaBlock, .portal = PortalMatch::no},
     .signin_field = [](SigninBucket& b) { return &b.ca_block; },
     .meaning = "blocked by Conditional Access (53003) outside the security-info apps"},
    {.section = S::signin,
     .name = "RegBlocked",
     .kind = K::count,
     .when = {.codes = kRegistrationBlocked},
     .signin_field = [](SigninBucket& b) { return &b.reg_blocked; },
     .meaning = "security-info registration blocked (53004, 53010)"},
    {.section = S::signin,
     .name = "PortalCaBlock",
     .kind = K::count,
     .when = {.codes = kCaBlock, .portal = PortalMatch::yes},
     .signin_field = [](SigninBucket& b) { return &b.portal_ca_block; },
     .meaning = "blocked by Conditional Access (53003) on the security-info apps: registration blocked"},
    {.section = S::signin,
     .name = "Locked",
     .kind = K::count,
     .when = {.codes = kLocked},
     .signin_field = [](SigninBucket& b) { return &b.locked; },
     .meaning = "account locked (50053)"},
    {.section = S::signin,
     .name = "BadPassword",
     .kind = K::count,
     .when = {.codes = kBadPassword},
     .signin_field = [](SigninBucket& b) { return &b.bad_password; },
     .meaning = "wrong user name or password (50126)"},
    {.section = S::signin,
     .name = "RegRequired",
     .kind = K::count,
     .when = {.codes = kRegistrationRequired},
     .signin_field = [](SigninBucket& b) { return &b.reg_required; },
     .meaning = "interrupted to register MFA / password reset (50072, 50079, 50125)"},

    {.section = S::signin_code, .name = "Bucket", .kind = K::key_bucket, .meaning = "start of the time bucket"},
    {.section = S::signin_code, .name = "Code", .kind = K::key_code, .meaning = "error code"},
    {.section = S::signin_code,
     .name = "Failures",
     .kind = K::count,
     .when = {.classes = kFailureClasses},
     .meaning = "failed sign-ins with this code"},

    {.section = S::signin_app, .name = "Bucket", .kind = K::key_bucket, .meaning = "start of the time bucket"},
    {.section = S::signin_app,
     .name = "App",
     .kind = K::key_app,
     .meaning = "app display name, else app id, else (none)"},
    {.section = S::signin_app,
     .name = "ServiceErrors",
     .kind = K::count,
     .when = {.classes = kServiceClasses, .portal = PortalMatch::no},
     .meaning = "service errors on this app"},

    {.section = S::audit, .name = "Bucket", .kind = K::key_bucket, .meaning = "start of the time bucket"},
    audit_column(
        "RegStarted", AuditClass::registration_started, [](AuditBucket& b) { return &b.reg_started; },
        "security-info registrations started"),
    audit_column(
        "RegCompleted", AuditClass::registration_completed, [](AuditBucket& b) { return &b.reg_completed; },
        "security-info registrations completed"),
    audit_column(
        "RegCancelled", AuditClass::registration_cancelled, [](AuditBucket& b) { return &b.reg_cancelled; },
        "security-info registrations cancelled"),
    audit_column(
        "RegFailed", AuditClass::registration_failed, [](AuditBucket& b) { return &b.reg_failed; },
        "registration activities that failed"),
    audit_column(
        "MethodDeleted", AuditClass::method_deleted, [](AuditBucket& b) { return &b.deleted; },
        "security info deleted by a user or an admin"),
    audit_column(
        "AdminChanges", AuditClass::method_admin_change, [](AuditBucket& b) { return &b.admin_changes; },
        "methods registered, updated or reset by an admin"),
    audit_column(
        "CaChanges", AuditClass::ca_policy_change, [](AuditBucket& b) { return &b.ca_changes; },
        "Conditional Access policy or named-location changes"),
    audit_column(
        "MethodPolicyChanges", AuditClass::authmethod_policy_change,
        [](AuditBucket& b) { return &b.method_policy_changes; },
        "authentication-methods or registration policy changes"),
    audit_column(
        "PasswordChanges", AuditClass::password_change, [](AuditBucket& b) { return &b.password_changes; },
        "passwords changed or reset (self-service or by an admin)"),
    {.section = S::audit,
     .name = "RegStartsCompleted",
     .kind = K::reg_starts_completed,
     .audit_field = [](AuditBucket& b) { return &b.reg_starts_completed; },
     .meaning = "registrations started in this bucket and completed within the timeout"},
    {.section = S::audit,
     .name = "RegAbandoned",
     .kind = K::reg_abandoned,
     .audit_field = [](AuditBucket& b) { return &b.reg_abandoned; },
     .meaning = "registrations started in this bucket, neither completed nor cancelled within the timeout"},

    {.section = S::ip, .name = "IPAddress", .kind = K::key_ip, .meaning = "IP address"},
    {.section = S::ip,
     .name = "IpFailures",
     .kind = K::count,
     .when = kCredentialWhen[0],
     .ip_field = [](IpFailures& f) { return &f.failures; },
     .meaning = "credential failures from this IP"},
    {.section = S::ip,
     .name = "IpLocked",
     .kind = K::count,
     .when = {.codes = kLocked, .needs_ip = true},
     .ip_field = [](IpFailures& f) { return &f.locked; },
     .meaning = "lockouts (50053) from this IP"},
    {.section = S::ip,
     .name = "IpSuccesses",
     .kind = K::count,
     .when = {.classes = kSuccess, .needs_ip = true},
     .ip_field = [](IpFailures& f) { return &f.successes; },
     .meaning = "successful sign-ins from this IP"},
    {.section = S::ip,
     .name = "IpUsers",
     .kind = K::distinct_users,
     .when = kCredentialWhen[0],
     .meaning = "distinct users with credential failures from this IP"},
    {.section = S::ip,
     .name = "IpLockedUsers",
     .kind = K::distinct_users,
     .when = {.codes = kLocked, .needs_ip = true},
     .meaning = "distinct users locked out from this IP"},
    {.section = S::ip,
     .name = "IpFirst",
     .kind = K::first_time,
     .when = kCredentialWhen[0],
     .meaning = "first credential failure from this IP"},
    {.section = S::ip,
     .name = "IpLast",
     .kind = K::last_time,
     .when = kCredentialWhen[0],
     .meaning = "last credential failure from this IP"},
    {.section = S::ip,
     .name = "IpSampleUsers",
     .kind = K::sample_users,
     .when = kCredentialWhen[0],
     .meaning = "a few of those users, for evidence"},

    {.section = S::ip_code, .name = "IPAddress", .kind = K::key_ip, .meaning = "IP address"},
    {.section = S::ip_code, .name = "Code", .kind = K::key_code, .meaning = "error code"},
    {.section = S::ip_code,
     .name = "IpCodeFailures",
     .kind = K::count,
     .when = kCredentialWhen[0],
     .meaning = "credential failures from this IP with this code"},
});

constexpr bool key_kind(ColumnKind k) {
  return k == K::key_bucket || k == K::key_code || k == K::key_app || k == K::key_ip;
}

constexpr bool sections_in_order() {
  for (std::size_t i = 0; i < kSections.size(); ++i)
    if (static_cast<std::size_t>(kSections[i].section) != i) return false;
  for (std::size_t i = 1; i < kColumns.size(); ++i)
    if (kColumns[i].section < kColumns[i - 1].section) return false;
  return true;
}
static_assert(sections_in_order(), "one section entry per BucketSection in enum order; columns grouped by section");

// Keys first in each section; value names unique across the whole result
// (keys of the same kind share one name); every section has a value column.
constexpr bool columns_well_formed() {
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    const auto& c = kColumns[i];
    if (c.name.empty() || c.meaning.empty()) return false;
    if (i > 0 && kColumns[i - 1].section == c.section && key_kind(c.kind) && !key_kind(kColumns[i - 1].kind))
      return false;
    for (std::size_t j = 0; j < kColumns.size(); ++j) {
      if (i == j || kColumns[j].name != c.name) continue;
      if (!key_kind(c.kind) || kColumns[j].kind != c.kind) return false;
      if (kColumns[j].section == c.section) return false;
    }
    if (c.section == S::audit && c.kind == K::count && c.audit == AuditClass::other) return false;
    bool audit_kind = c.kind == K::reg_starts_completed || c.kind == K::reg_abandoned;
    if (audit_kind && c.section != S::audit) return false;
  }
  for (std::size_t s = 0; s < kBucketSectionCount; ++s) {
    bool has_value = false;
    for (const auto& c : kColumns)
      has_value = has_value || (static_cast<std::size_t>(c.section) == s && !key_kind(c.kind));
    if (!has_value) return false;
  }
  return true;
}
static_assert(columns_well_formed(), "bucket columns: keys first, unique value names, a value per section");

// Every sign-in class and every audit class but `other` has its count column.
constexpr bool classes_complete() {
  for (std::size_t i = 0; i < kSigninClassCount; ++i) {
    int n = 0;
    for (const auto& c : kColumns)
      n += c.section == S::signin && c.kind == K::count && c.when.classes.size() == 1 &&
           static_cast<std::size_t>(c.when.classes[0]) == i && c.when.codes.empty() &&
           c.when.portal == PortalMatch::any;
    if (n != 1) return false;
  }
  for (std::size_t i = 0; i + 1 < kAuditClassCount; ++i) {
    int n = 0;
    for (const auto& c : kColumns)
      n += c.section == S::audit && c.kind == K::count && static_cast<std::size_t>(c.audit) == i;
    if (n != 1) return false;
  }
  return true;
}
static_assert(classes_complete(), "one count column per sign-in class and per audit class (other excepted)");

}  // namespace

bool matches(const SigninWhen& w, SigninClass cls, std::optional<std::int64_t> code, bool portal, bool has_ip) {
  if (!w.classes.empty() && std::find(w.classes.begin(), w.classes.end(), cls) == w.classes.end()) return false;
  if (!w.codes.empty() && (!code || std::find(w.codes.begin(), w.codes.end(), *code) == w.codes.end())) return false;
  if ((w.portal == PortalMatch::yes && !portal) || (w.portal == PortalMatch::no && portal)) return false;
  return !w.needs_ip || has_ip;
}

std::span<const BucketColumn> bucket_columns() { return kColumns; }
std::span<const BucketSectionInfo> bucket_sections() { return kSections; }
const BucketSectionInfo& section_info(BucketSection s) { return kSections[static_cast<std::size_t>(s)]; }
bool is_key(ColumnKind k) { return key_kind(k); }

}  // namespace idt
