// Why: an MFA registration campaign enabled for everyone at once piles up in
// one region's morning (playbook campaign_overload). This plans it the way
// the playbook says: users grouped by region and time zone, staggered waves
// of capped size on business days, each in the group's local working hours
// outside its sign-in peak (from history, else a documented default), a
// pilot first, and a pause rule that `campaign check` then verifies against
// the audit log. Same input, same plan: nothing here reads a clock.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/audit.h"
#include "model/campaign.h"
#include "model/classes.h"
#include "model/directory_user.h"
#include "model/health.h"
#include "util/tz.h"

namespace idt {

// Country -> default time zone and region, for users without a time-zone
// column. `note` is set when the country spans several zones: the zone is
// the most populous one, and local hours are approximate for the others.
struct CountryDefault {
  std::string_view iso2, name, zone, region, note;
};
std::span<const CountryDefault> country_defaults();
// By ISO code ("FR") or English name ("France", "United States"); null if unknown.
const CountryDefault* find_country(std::string_view code_or_name);
// The zone of a state or province ("WA", "Washington") in a country that spans
// several zones (US, CA, AU); empty when not in the table.
std::string_view state_zone(std::string_view country_iso2, std::string_view state);

// Rules and defaults, in one place (docs/campaign-json.md lists them).
struct CampaignRules {
  static constexpr int kWorkStart = 8, kWorkEnd = 18;         // local working hours [8, 18)
  static constexpr std::array<int, 2> kDefaultPeak = {8, 9};  // start of the working day, when everyone signs in
  static constexpr std::uint64_t kMinHistory = 100;           // interactive sign-ins a group needs for its own peak
  static constexpr double kPeakRatio = 0.75;         // peak = hours at least this busy relative to the busiest hour…
  static constexpr int kMaxPeakHours = 4;            // …at most this many (the busiest)
  static constexpr std::size_t kPilotMinGroup = 50;  // smaller groups get no separate pilot wave
  static constexpr std::size_t kMinStartedToJudge = 5;  // registrations a wave needs before its rate counts
};

enum class GroupBy : std::uint8_t { automatic, region, office, city, country, timezone, count_ };
inline constexpr std::array<std::string_view, static_cast<std::size_t>(GroupBy::count_)> kGroupByNames = {
    "auto", "region", "office", "city", "country", "timezone"};
constexpr std::string_view name(GroupBy g) { return kGroupByNames[static_cast<std::size_t>(g)]; }
std::optional<GroupBy> parse_group_by(std::string_view s);

struct CampaignOptions {
  std::uint32_t wave_size = 500;
  double pilot_share = 0.05;  // of a group's users, in its first wave (0 = no pilot)
  int wave_hours = 3;
  int gap_days = 1;           // business days from one wave of a group to its next
  double pause_below = 0.80;  // completion under which the next wave must not start
  GroupBy group_by = GroupBy::automatic;
  std::vector<std::string> exclude;                    // lower-cased UPNs (break-glass accounts)
  int start_year = 0, start_month = 0, start_day = 0;  // local date of the first waves
};

// Users grouped by region label and time zone (before history is read).
struct CampaignGroup {
  std::string label, zone_name;
  TimeZone zone;
  std::vector<std::size_t> users;  // indices into CampaignSetup::users
  std::vector<std::string> notes;  // approximations (several zones in a country, no zone at all…)
  // From history (filled by make_plan):
  std::array<std::uint64_t, 24> hours{};  // interactive sign-ins per local hour
  std::uint64_t history = 0;
  std::vector<int> peak;
  bool peak_from_history = false;
  int window_start = CampaignRules::kWorkStart;
  bool window_off_peak = true;
};

struct CampaignSetup {
  std::vector<PlanUser> users;
  std::vector<CampaignGroup> groups;                         // sorted by label, then zone
  std::vector<std::pair<std::string, std::string>> skipped;  // upn, reason
  GroupBy grouped_by = GroupBy::country;
  std::vector<std::string> notes;
  // Lower-cased UPN -> group index, for the history pass.
  std::unordered_map<std::string, std::size_t> group_of;
};

CampaignSetup group_users(const std::vector<DirectoryUser>& users, const CampaignOptions& o);

struct CampaignPlan {
  CampaignSetup setup;
  std::vector<PlannedWave> waves;  // in start order, ids W01…
  CampaignOptions options;
  std::string pause_rule;  // the rule as a sentence (also in every calendar event)
  std::vector<std::string> notes;
};

// `hours[g]` is group g's interactive sign-ins per local hour (empty: no history).
CampaignPlan make_plan(CampaignSetup setup, const std::vector<std::array<std::uint64_t, 24>>& hours, bool history_given,
                       const CampaignOptions& o);

// ---------------------------------------------------------------- check

struct UserProgress {
  std::size_t user = 0;  // index into the plan's users
  std::size_t wave = 0;  // index into the plan's waves
  std::string status;    // completed, started, failed, cancelled, not_seen
  Micros last = kNoTime, completed_at = kNoTime;
};

struct WaveProgress {
  std::size_t wave = 0;
  std::size_t users = 0, completed = 0, started = 0, failed = 0, cancelled = 0, not_seen = 0;
  std::size_t rate_started = 0, rate_completed = 0;  // users who started since the wave began, and of them completed
  double rate = 0;                                   // rate_completed / rate_started
  bool judged = false;                               // rate_started >= kMinStartedToJudge
  std::string state;                                 // not_started, open, done
  std::vector<std::string> breaches;                 // the pause rule, broken when this wave started
};

struct NextStep {
  std::string region, zone, wave;  // the group's next wave ("" when all have started)
  std::string action;              // GO, PAUSE, WAIT, DONE
  std::string why;
};

struct CampaignCheck {
  Micros at = kNoTime;
  std::vector<WaveProgress> waves;
  std::vector<UserProgress> users;  // every planned user, in wave order
  std::vector<NextStep> next;       // per region and zone
  std::size_t todo = 0;             // users not completed
  std::size_t breaches = 0, pauses = 0;
  std::vector<std::string> notes;
};

// `events` maps lower-cased UPN -> that user's registration events, sorted by time.
// `health` are the identity-relevant health issues read with the audit logs.
CampaignCheck check_campaign(const CampaignPlanFile& plan,
                             const std::unordered_map<std::string, std::vector<RegistrationEvent>>& events,
                             const std::vector<HealthIssueCopy>& health, Micros at);

}  // namespace idt
