// Why: status vocabularies and active windows decide what `health
// --active-at` and triage's health matching show.
#include <catch2/catch.hpp>

#include "model/health.h"

using namespace idt;

TEST_CASE("status spellings from every source map to the Graph v1.0 value", "[model][health]") {
  CHECK(canonical_health_status("ServiceRestored") == "serviceRestored");
  CHECK(canonical_health_status("serviceRestored") == "serviceRestored");
  CHECK(canonical_health_status("Service restored") == "serviceRestored");
  CHECK(canonical_health_status("Normal service") == "serviceOperational");
  CHECK(canonical_health_status("Post-incident report published") == "postIncidentReviewPublished");
  CHECK(canonical_health_status("PostIncidentReviewPublished") == "postIncidentReviewPublished");
  CHECK(canonical_health_status("Extended recovery") == "extendedRecovery");
  CHECK(canonical_health_status("False positive") == "falsePositive");
  CHECK(canonical_health_status("InformationAvailable") == "informationAvailable");
  CHECK(canonical_health_status("Activated") == "active");
  CHECK(canonical_health_status("RCA") == "postIncidentReviewPublished");
  CHECK(canonical_health_status("Cancelled") == "canceled");
  CHECK(canonical_health_status("no such status").empty());
  CHECK(canonical_health_status("").empty());
  CHECK(canonical_health_status(std::string(500, 'a')).empty());
}

TEST_CASE("classification spellings normalise to lower case", "[model][health]") {
  CHECK(canonical_health_classification("Incident") == "incident");
  CHECK(canonical_health_classification("ServiceIssue") == "incident");
  CHECK(canonical_health_classification("HealthAdvisory") == "advisory");
  CHECK(canonical_health_classification("PlannedMaintenance") == "maintenance");
  CHECK(canonical_health_classification("SecurityAdvisory") == "security");
  CHECK(canonical_health_classification("ActionRequired") == "action_required");
  CHECK(canonical_health_classification("StayInformed").empty());
}

TEST_CASE("closed statuses", "[model][health]") {
  CHECK(health_status_is_closed("serviceRestored"));
  CHECK(health_status_is_closed("resolved"));
  CHECK_FALSE(health_status_is_closed("investigating"));
  CHECK_FALSE(health_status_is_closed("active"));
}

TEST_CASE("active windows: closed, open and start-less issues", "[model][health]") {
  constexpr Micros H = 3600 * kMicrosPerSecond;
  HealthIssue h;
  h.start = 10 * H;
  h.end = 14 * H;
  CHECK_FALSE(health_active_at(h, 9 * H));
  CHECK(health_active_at(h, 10 * H));
  CHECK(health_active_at(h, 13 * H));
  CHECK_FALSE(health_active_at(h, 14 * H));  // end is exclusive
  CHECK(health_overlaps(h, 13 * H, 20 * H));
  CHECK_FALSE(health_overlaps(h, 14 * H, 20 * H));
  CHECK_FALSE(health_overlaps(h, 0, 10 * H));
  h.end = kNoTime;  // open
  CHECK(health_active_at(h, 1000 * H));
  CHECK(health_overlaps(h, 100 * H, 101 * H));
  HealthIssue s;  // no start: known from its last update on, while open
  s.last_update = 5 * H;
  CHECK_FALSE(health_active_at(s, 4 * H));
  CHECK(health_active_at(s, 6 * H));
  HealthIssue none;
  CHECK_FALSE(health_active_at(none, 6 * H));
  CHECK_FALSE(health_overlaps(none, 0, 100 * H));
}

TEST_CASE("every source shape has a name", "[model][health]") {
  for (std::size_t i = 0; i < kHealthSourceCount; ++i) CHECK_FALSE(kHealthSourceNames[i].empty());
  CHECK(name(HealthSource::resource_health_sdk) == "resource-health-sdk");
}
