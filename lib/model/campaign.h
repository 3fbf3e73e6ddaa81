// Why: a registration campaign plan — users in staggered waves per region,
// each with its UTC window and pause rule — is written by `campaign plan`
// (CSV, JSON, .ics) and read back by `campaign check`. This is the plan as
// both sides see it, so the CSV is a contract (docs/campaign-json.md).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/classes.h"
#include "model/source.h"
#include "util/time.h"

namespace idt {

// The plan CSV's columns, in the order `campaign plan` writes them (one row per user).
inline constexpr std::string_view kPlanColumns[] = {
    "wave",         "region", "time_zone",           "group_wave", "start_utc",    "end_utc",    "local_date",
    "local_window", "pilot",  "pause_below_percent", "upn",        "display_name", "department", "country"};

struct PlanUser {
  std::string upn;  // lower-cased
  std::string display, department, country;
};

struct PlannedWave {
  std::string id;      // W01, W02… in start order
  std::string region;  // the group's label: region, office, city or country
  std::string zone;    // IANA name or UTC±hh:mm
  int group_wave = 1;  // 1-based position within its region and zone
  Micros start = kNoTime, end = kNoTime;
  std::string local_date, local_window;  // "2026-06-02", "10:00-13:00" in the zone
  bool pilot = false;
  double pause_below = 0.8;        // completion ratio under which the next wave must not start
  std::vector<std::size_t> users;  // indices into the plan's users
};

// One registration event of a planned user (from the audit log).
struct RegistrationEvent {
  Micros time = kNoTime;
  AuditClass cls = AuditClass::other;
};

// A plan as read back from its CSV.
struct CampaignPlanFile {
  std::string path;
  std::vector<PlanUser> users;
  std::vector<PlannedWave> waves;  // in start order
  std::uint64_t rows = 0, rejected = 0;
  std::vector<Rejection> rejections;  // first 100
  std::vector<std::string> notes;
  std::optional<std::string> fatal;
};

}  // namespace idt
