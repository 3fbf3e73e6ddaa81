// Why: the numbers triage reads per time bucket (and per IP address), as one
// table of columns: name, what each one counts and where TriageAggregate
// keeps it. `idtriage rules --kql` builds its ready aggregate query from this
// table, so Log Analytics / Azure Data Explorer compute the same numbers where
// the logs live (docs/scale.md); a test checks every counting column against
// TriageAggregate fed the same records. A new number = one row here.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "aggregate/triage_aggregate.h"
#include "model/classes.h"
#include "model/source.h"

namespace idt {

// The query result is one table; its Section column says which of these a row
// belongs to (each section has its own key and value columns, the others are
// empty).
enum class BucketSection : std::uint8_t {
  signin,       // per time bucket: sign-in counts (SigninBucket)
  signin_code,  // per bucket and error code: failures (SigninBucket::fail_codes)
  signin_app,   // per bucket and app: service errors outside the security-info apps (SigninBucket::service_apps)
  audit,        // per bucket: audit classes and the registration funnel (AuditBucket)
  ip,           // per IP address over the whole window: credential failures (IpFailures)
  ip_code,      // per IP address and error code: credential failures (IpFailures::codes)
  count_
};
inline constexpr std::size_t kBucketSectionCount = static_cast<std::size_t>(BucketSection::count_);
inline constexpr std::array<std::string_view, kBucketSectionCount> kBucketSectionNames = {
    "signin", "signin_code", "signin_app", "audit", "ip", "ip_code"};
static_assert(kBucketSectionNames.back() == "ip_code", "every BucketSection needs a name");
constexpr std::string_view name(BucketSection s) { return kBucketSectionNames[static_cast<std::size_t>(s)]; }

enum class PortalMatch : std::uint8_t { any, yes, no };

// A set of classified sign-ins: every part that is set must hold.
struct SigninWhen {
  std::span<const SigninClass> classes{};  // empty = any class
  std::span<const std::int64_t> codes{};   // empty = any; else the record's error code is one of these
  PortalMatch portal = PortalMatch::any;   // on a security-info app (is_security_info_app on app or resource)
  bool needs_ip = false;                   // the record carries an IP address
};
bool matches(const SigninWhen& w, SigninClass cls, std::optional<std::int64_t> code, bool portal, bool has_ip);

enum class ColumnKind : std::uint8_t {
  key_bucket,            // start of the time bucket (datetime; buckets are aligned to the epoch)
  key_code,              // error code (long)
  key_app,               // app display name, else app id, else "(none)" (string)
  key_ip,                // IP address (string)
  count,                 // sign-ins in `when`, or audit events of class `audit` (long)
  distinct_users,        // distinct users (UPN, else user id; case-insensitive) in `when` (long)
  first_time,            // earliest record time in `when` (datetime)
  last_time,             // latest record time in `when` (datetime)
  sample_users,          // up to kSampleUsers users in `when`, sorted (dynamic array of strings)
  reg_starts_completed,  // registration starts followed by a completion within the timeout (long)
  reg_abandoned,         // starts not completed or cancelled within the timeout, and at least a timeout
                         // before the end of the data (long); see TriageAggregate::finish
};
inline constexpr std::size_t kSampleUsers = 5;
// The app key of records without app name or id (TriageAggregate uses the same).
inline constexpr std::string_view kNoAppKey = "(none)";

struct BucketColumn {
  BucketSection section = BucketSection::signin;
  std::string_view name{};  // column name in the result (PascalCase; value columns are unique)
  ColumnKind kind = ColumnKind::count;
  SigninWhen when{};                     // sign-in value columns
  AuditClass audit = AuditClass::other;  // audit count columns
  // Where TriageAggregate keeps the number (nullptr: a key, a map or a set).
  std::uint32_t* (*signin_field)(SigninBucket&) = nullptr;
  std::uint32_t* (*audit_field)(AuditBucket&) = nullptr;
  std::uint32_t* (*ip_field)(IpFailures&) = nullptr;
  std::string_view meaning{};
};

struct BucketSectionInfo {
  BucketSection section = BucketSection::signin;
  RecordKind source = RecordKind::signin;  // signin or audit
  std::span<const SigninWhen> rows{};      // sign-ins that enter the section (any of; empty = all)
  std::string_view keep_if_positive{};     // result rows where this column is 0 are dropped ("" = keep all)
  std::string_view meaning{};
};

// In result order: sections in enum order, columns as listed.
std::span<const BucketColumn> bucket_columns();
std::span<const BucketSectionInfo> bucket_sections();  // one per BucketSection, in enum order
const BucketSectionInfo& section_info(BucketSection s);
bool is_key(ColumnKind k);

}  // namespace idt
