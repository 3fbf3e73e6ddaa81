// Why: status and classification spellings differ per source (PascalCase in
// docs, camelCase in captures, display text in ServiceComms, Azure stages);
// one alias table per vocabulary maps them to the Graph v1.0 spelling.
#include "model/health.h"

#include <array>

namespace idt {
namespace {

// Lower-case ASCII and drop separators: "Post-incident report published" ->
// "postincidentreportpublished". Bounded: longer raw values never match.
bool squash(std::string_view raw, std::array<char, 64>& buf, std::string_view& out) {
  std::size_t n = 0;
  for (char c : raw) {
    if (c == ' ' || c == '-' || c == '_' || c == '.' || c == '\t' || c == '(' || c == ')') continue;
    if (n == buf.size()) return false;
    buf[n++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  out = {buf.data(), n};
  return n > 0;
}

struct Alias {
  std::string_view key;  // squashed spelling
  std::string_view canonical;
};

// Graph v1.0 serviceHealthStatus plus retired ServiceComms display names
// and Azure Service Health / Resource Health stages.
constexpr Alias kStatusAliases[] = {
    {"serviceoperational", "serviceOperational"},
    {"normalservice", "serviceOperational"},
    {"investigating", "investigating"},
    {"restoringservice", "restoringService"},
    {"verifyingservice", "verifyingService"},
    {"servicerestored", "serviceRestored"},
    {"postincidentreviewpublished", "postIncidentReviewPublished"},
    {"postincidentreportpublished", "postIncidentReviewPublished"},
    {"pirpublished", "postIncidentReviewPublished"},
    {"rca", "postIncidentReviewPublished"},
    {"servicedegradation", "serviceDegradation"},
    {"degradation", "serviceDegradation"},
    {"serviceinterruption", "serviceInterruption"},
    {"interruption", "serviceInterruption"},
    {"extendedrecovery", "extendedRecovery"},
    {"falsepositive", "falsePositive"},
    {"investigationsuspended", "investigationSuspended"},
    {"resolved", "resolved"},
    {"mitigatedexternal", "mitigatedExternal"},
    {"mitigated", "mitigated"},
    {"resolvedexternal", "resolvedExternal"},
    {"confirmed", "confirmed"},
    {"reported", "reported"},
    {"informationavailable", "informationAvailable"},
    {"unknownfuturevalue", "unknownFutureValue"},
    // Azure stages / alert states.
    {"active", "active"},
    {"activated", "active"},
    {"fired", "active"},
    {"planned", "planned"},
    {"inprogress", "inProgress"},
    {"completed", "completed"},
    {"complete", "completed"},
    {"canceled", "canceled"},
    {"cancelled", "canceled"},
    {"rescheduled", "rescheduled"},
};

constexpr std::string_view kClosedStatuses[] = {
    "serviceOperational", "serviceRestored",   "postIncidentReviewPublished",
    "falsePositive",      "resolved",          "resolvedExternal",
    "mitigated",          "mitigatedExternal", "investigationSuspended",
    "completed",          "canceled"};

constexpr Alias kClassAliases[] = {
    {"incident", "incident"},
    {"serviceissue", "incident"},
    {"advisory", "advisory"},
    {"healthadvisory", "advisory"},
    {"maintenance", "maintenance"},
    {"plannedmaintenance", "maintenance"},
    {"informational", "informational"},
    {"information", "informational"},
    {"security", "security"},
    {"securityadvisory", "security"},
    {"actionrequired", "action_required"},
    {"emergingissue", "emerging_issue"},
    {"emergingissues", "emerging_issue"},
    {"unknownfuturevalue", "unknown"},
};

template <std::size_t N>
std::string_view lookup(const Alias (&table)[N], std::string_view raw) {
  std::array<char, 64> buf;
  std::string_view key;
  if (!squash(raw, buf, key)) return {};
  for (const Alias& a : table)
    if (a.key == key) return a.canonical;
  return {};
}

}  // namespace

std::string_view canonical_health_status(std::string_view raw) { return lookup(kStatusAliases, raw); }
std::string_view canonical_health_classification(std::string_view raw) { return lookup(kClassAliases, raw); }

bool health_status_is_closed(std::string_view s) {
  for (std::string_view c : kClosedStatuses)
    if (c == s) return true;
  return false;
}

HealthIssueCopy::HealthIssueCopy(const HealthIssue& h)
    : id(h.id),
      service(h.service),
      feature(h.feature),
      feature_group(h.feature_group),
      title(h.title),
      classification(h.classification),
      status(h.status),
      region(h.region),
      impact(h.impact),
      text(h.text),
      start(h.start),
      end(h.end),
      last_update(h.last_update),
      posts(h.posts),
      synthetic(h.synthetic),
      identity_relevant(h.identity_relevant),
      relevance_reason(h.relevance_reason),
      relevance_rule(h.relevance_rule),
      source(h.source) {}

HealthIssue HealthIssueCopy::view() const {
  HealthIssue h;
  h.id = id;
  h.service = service;
  h.feature = feature;
  h.feature_group = feature_group;
  h.title = title;
  h.classification = classification;
  h.status = status;
  h.region = region;
  h.impact = impact;
  h.text = text;
  h.start = start;
  h.end = end;
  h.last_update = last_update;
  h.posts = posts;
  h.synthetic = synthetic;
  h.identity_relevant = identity_relevant;
  h.relevance_reason = relevance_reason;
  h.relevance_rule = relevance_rule;
  h.source = source;
  return h;
}

bool health_active_at(const HealthIssue& h, Micros t) {
  if (h.start == kNoTime) return h.end == kNoTime && h.last_update != kNoTime && t >= h.last_update;
  if (t < h.start) return false;
  return h.end == kNoTime || t < h.end;
}

bool health_overlaps(const HealthIssue& h, Micros from, Micros to) {
  Micros s = h.start != kNoTime ? h.start : h.last_update;
  if (s == kNoTime) return false;
  if (h.end != kNoTime && h.end <= from) return false;
  return s < to;
}

}  // namespace idt
