// Why: one name table maps Graph, Event Hub, Log Analytics and portal CSV
// spellings to one field; messy headers (case, spaces, _dynamic/_string,
// [UTC]) must land on the same field, and the table must stay consistent.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "formats/log_fields.h"
#include "util/text.h"

using namespace idt;
using F = LogField;

namespace {
constexpr RecordKind S = RecordKind::signin;
constexpr RecordKind A = RecordKind::audit;
}  // namespace

TEST_CASE("log fields: every spelling of the same field", "[formats][fields]") {
  CHECK(lookup_log_field("createdDateTime", S) == F::time_primary);
  CHECK(lookup_log_field("CreatedDateTime [UTC]", S) == F::time_primary);
  CHECK(lookup_log_field("Date (UTC)", S) == F::time_primary);
  CHECK(lookup_log_field("Date (UTC)", A) == F::time_primary);
  CHECK(lookup_log_field("TimeGenerated [UTC]", S) == F::time_fallback);
  CHECK(lookup_log_field("time", S) == F::time_fallback);
  CHECK(lookup_log_field("activityDateTime", A) == F::activity_time);
  CHECK(lookup_log_field("userPrincipalName", S) == F::upn);
  CHECK(lookup_log_field("Username", S) == F::upn);
  CHECK(lookup_log_field("appId", S) == F::app_id);
  CHECK(lookup_log_field("Application ID", S) == F::app_id);
  CHECK(lookup_log_field("Sign-in error code", S) == F::error_code);
  CHECK(lookup_log_field("ResultType", S) == F::error_code_fallback);
  CHECK(lookup_log_field("Correlation ID", S) == F::correlation_id);
  CHECK(lookup_log_field("CorrelationId", A) == F::correlation_id);
}

TEST_CASE("log fields: messy headers normalise", "[formats][fields]") {
  CHECK(lookup_log_field("IP address ", S) == F::ip);    // trailing space
  CHECK(lookup_log_field("  IP  address", S) == F::ip);  // doubled / leading space
  CHECK(lookup_log_field("ip\taddress", S) == F::ip);
  CHECK(lookup_log_field("FAILURE REASON", S) == F::failure_reason);
  CHECK(lookup_log_field("ConditionalAccessPolicies_dynamic", S) == F::ca_policies);
  CHECK(lookup_log_field("ConditionalAccessPolicies_string", S) == F::ca_policies);
  CHECK(lookup_log_field("Status_dynamic", S) == F::status_obj);
  CHECK(lookup_log_field("LocationDetails_string", S) == F::location_obj);
  CHECK(lookup_log_field("MfaDetail_dynamic", S) == F::mfa_obj);
  CHECK(lookup_log_field("Autonomous system  number", S) == F::none);
  CHECK(lookup_log_field("", S) == F::none);
  CHECK(lookup_log_field("_dynamic", S) == F::none);
  CHECK(lookup_log_field("no such column", A) == F::none);
}

TEST_CASE("log fields: ambiguous names take the kind's meaning", "[formats][fields]") {
  CHECK(lookup_log_field("Category", S) == F::category);
  CHECK(lookup_log_field("Category", A) == F::audit_category);
  CHECK(lookup_log_field("IPAddress", S) == F::ip);
  CHECK(lookup_log_field("IPAddress", A) == F::actor_ip);
  CHECK(lookup_log_field("ResultDescription", S) == F::failure_reason_fallback);
  CHECK(lookup_log_field("ResultDescription", A) == F::result_description);
  CHECK(lookup_log_field("Activity", S) == F::none);
  CHECK(lookup_log_field("Activity", A) == F::activity);
  CHECK(lookup_log_field("Application", A) == F::none);
  CHECK(lookup_log_field("userAgent", A) == F::user_agent);
  CHECK(lookup_log_field("properties", A) == F::properties);
}

TEST_CASE("log fields: the table is normalised and consistent", "[formats][fields]") {
  std::map<std::pair<std::string, int>, LogField> seen;
  for (const LogFieldName& n : all_log_field_names()) {
    INFO(n.name);
    CHECK(normalize_name(n.name) == n.name);  // stored already normalised
    CHECK(n.field != F::none);
    CHECK(n.field != F::count_);
    for (RecordKind k : {S, A}) {
      if (n.kind != RecordKind::unknown && n.kind != k) continue;
      auto key = std::make_pair(std::string(n.name), static_cast<int>(k));
      auto [it, fresh] = seen.emplace(key, n.field);
      CHECK((fresh || it->second == n.field));  // one meaning per name and kind
      CHECK(lookup_log_field(n.name, k) == n.field);
    }
  }
  CHECK(seen.size() > 80);
}
