// Why: the one normalised provider-health record (Graph serviceHealthIssue,
// retired O365 ServiceComms message, Azure Service Health alert, Azure
// Resource Health event). Views are valid only during the sink callback.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "util/time.h"

namespace idt {

// Where the record came from (the shape, not the file format name).
enum class HealthSource : std::uint8_t {
  graph_issue,           // Graph admin/serviceAnnouncement/issues (also nested in healthOverviews)
  servicecomms_message,  // retired manage.office.com ServiceComms /Messages
  azure_activity_alert,  // legacy activity-log alert webhook (schemaId Microsoft.Insights/activityLogs)
  azure_common_alert,    // common alert schema (full payload or alertContext only)
  resource_health_rest,  // Microsoft.ResourceHealth/events REST: value[].properties{…}
  resource_health_sdk,   // Azure SDK's flattened event (no "properties" wrapper)
  count_
};
inline constexpr std::size_t kHealthSourceCount = static_cast<std::size_t>(HealthSource::count_);
inline constexpr std::array<std::string_view, kHealthSourceCount> kHealthSourceNames = {
    "graph-issue",        "servicecomms-message", "azure-activity-alert",
    "azure-common-alert", "resource-health-rest", "resource-health-sdk"};
static_assert(kHealthSourceNames.size() == kHealthSourceCount, "every HealthSource needs a name");
constexpr std::string_view name(HealthSource s) { return kHealthSourceNames[static_cast<std::size_t>(s)]; }

struct HealthIssue {
  std::string_view id;             // MO1329260, EX226792, Azure trackingId 0NIH-U2O, event name GCC46-OUT
  std::string_view service;        // "Microsoft 365 suite"; several impacted Azure services joined by ", "
  std::string_view feature;        // Graph feature / ServiceComms Feature
  std::string_view feature_group;  // Graph featureGroup / ServiceComms FeatureDisplayName
  std::string_view title;
  std::string_view classification;  // lower-case: incident, advisory, maintenance, informational, security, …
  std::string_view
      status;  // camelCase as Graph v1.0: serviceRestored, investigating, … (Azure: active, resolved, planned, …)
  std::string_view region;  // Azure impacted regions joined by ", " (empty for M365)
  Micros start = kNoTime;
  Micros end = kNoTime;  // kNoTime while the issue is open
  Micros last_update = kNoTime;
  std::string_view impact;  // impact description / summary, HTML stripped, entities decoded, spaces collapsed
  std::string_view text;    // every post / update, stripped the same way, deduplicated, joined by '\n' (capped)
  std::uint32_t posts = 0;  // posts / updates / messages seen
  bool synthetic = false;   // Azure test notification (IsSynthetic) — a drill, not an outage
  bool identity_relevant = false;
  std::string_view relevance_reason;  // static text, e.g. "title mentions MFA"
  std::string_view relevance_rule;    // static rule id, e.g. "title.mfa"
  HealthSource source = HealthSource::graph_issue;

  void clear() { *this = HealthIssue{}; }
};

// An owning copy, for sinks that keep issues past the callback (health
// listing, triage's health matching). view() points into the copy.
struct HealthIssueCopy {
  std::string id, service, feature, feature_group, title, classification, status, region, impact, text;
  Micros start = kNoTime, end = kNoTime, last_update = kNoTime;
  std::uint32_t posts = 0;
  bool synthetic = false, identity_relevant = false;
  std::string_view relevance_reason, relevance_rule;  // static text
  HealthSource source = HealthSource::graph_issue;

  HealthIssueCopy() = default;
  explicit HealthIssueCopy(const HealthIssue& h);
  HealthIssue view() const;
};

// Open issues (end == kNoTime) are active from start on; an issue without a
// start is active only if it is open and the time is not before last_update.
bool health_active_at(const HealthIssue& h, Micros t);
// Whether [from, to) overlaps the issue's active window.
bool health_overlaps(const HealthIssue& h, Micros from, Micros to);

// Canonical vocabularies. Each returns a static string, or empty when the raw
// value is unknown (callers keep a lower-camel copy of the raw text then).
// Matching ignores case, spaces, '-' and '_': "ServiceRestored",
// "serviceRestored", "Service restored" and "service_restored" are one value.
std::string_view canonical_health_status(std::string_view raw);
std::string_view canonical_health_classification(std::string_view raw);
// True for statuses that mean the provider considers the issue over.
bool health_status_is_closed(std::string_view canonical_status);

}  // namespace idt
