// Why: see campaign.h. The tables at the top are the rules as data.
#include "workflow/campaign.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "util/hash.h"
#include "util/text.h"

namespace idt {
namespace {

// Default time zone per country: the capital's or most populous zone. A note
// marks countries with several zones, whose other zones are approximate.
constexpr CountryDefault kCountries[] = {
    {"US", "United States", "America/New_York", "NA", "spans several time zones; US Eastern assumed"},
    {"CA", "Canada", "America/Toronto", "NA", "spans several time zones; Eastern assumed"},
    {"MX", "Mexico", "America/Mexico_City", "LATAM", "spans several time zones; Central assumed"},
    {"BR", "Brazil", "America/Sao_Paulo", "LATAM", "spans several time zones; Brasília assumed"},
    {"AR", "Argentina", "America/Argentina/Buenos_Aires", "LATAM", ""},
    {"CL", "Chile", "America/Santiago", "LATAM", ""},
    {"CO", "Colombia", "America/Bogota", "LATAM", ""},
    {"PE", "Peru", "America/Lima", "LATAM", ""},
    {"GB", "United Kingdom", "Europe/London", "EU", ""},
    {"IE", "Ireland", "Europe/Dublin", "EU", ""},
    {"FR", "France", "Europe/Paris", "EU", ""},
    {"DE", "Germany", "Europe/Berlin", "EU", ""},
    {"NL", "Netherlands", "Europe/Amsterdam", "EU", ""},
    {"BE", "Belgium", "Europe/Brussels", "EU", ""},
    {"LU", "Luxembourg", "Europe/Luxembourg", "EU", ""},
    {"CH", "Switzerland", "Europe/Zurich", "EU", ""},
    {"AT", "Austria", "Europe/Vienna", "EU", ""},
    {"ES", "Spain", "Europe/Madrid", "EU", "the Canary Islands are one hour behind; Madrid assumed"},
    {"PT", "Portugal", "Europe/Lisbon", "EU", "the Azores are one hour behind; Lisbon assumed"},
    {"IT", "Italy", "Europe/Rome", "EU", ""},
    {"SE", "Sweden", "Europe/Stockholm", "EU", ""},
    {"NO", "Norway", "Europe/Oslo", "EU", ""},
    {"DK", "Denmark", "Europe/Copenhagen", "EU", ""},
    {"FI", "Finland", "Europe/Helsinki", "EU", ""},
    {"PL", "Poland", "Europe/Warsaw", "EU", ""},
    {"CZ", "Czechia", "Europe/Prague", "EU", ""},
    {"HU", "Hungary", "Europe/Budapest", "EU", ""},
    {"RO", "Romania", "Europe/Bucharest", "EU", ""},
    {"GR", "Greece", "Europe/Athens", "EU", ""},
    {"UA", "Ukraine", "Europe/Kyiv", "EU", ""},
    {"RU", "Russia", "Europe/Moscow", "EU", "spans eleven time zones; Moscow assumed"},
    {"TR", "Türkiye", "Europe/Istanbul", "MEA", ""},
    {"IL", "Israel", "Asia/Jerusalem", "MEA", ""},
    {"AE", "United Arab Emirates", "Asia/Dubai", "MEA", ""},
    {"SA", "Saudi Arabia", "Asia/Riyadh", "MEA", ""},
    {"EG", "Egypt", "Africa/Cairo", "MEA", ""},
    {"MA", "Morocco", "Africa/Casablanca", "MEA", ""},
    {"NG", "Nigeria", "Africa/Lagos", "MEA", ""},
    {"KE", "Kenya", "Africa/Nairobi", "MEA", ""},
    {"ZA", "South Africa", "Africa/Johannesburg", "MEA", ""},
    {"IN", "India", "Asia/Kolkata", "IN", ""},
    {"SG", "Singapore", "Asia/Singapore", "APAC", ""},
    {"MY", "Malaysia", "Asia/Kuala_Lumpur", "APAC", ""},
    {"PH", "Philippines", "Asia/Manila", "APAC", ""},
    {"ID", "Indonesia", "Asia/Jakarta", "APAC", "spans three time zones; Western Indonesia assumed"},
    {"TH", "Thailand", "Asia/Bangkok", "APAC", ""},
    {"VN", "Vietnam", "Asia/Ho_Chi_Minh", "APAC", ""},
    {"CN", "China", "Asia/Shanghai", "APAC", ""},
    {"HK", "Hong Kong", "Asia/Hong_Kong", "APAC", ""},
    {"TW", "Taiwan", "Asia/Taipei", "APAC", ""},
    {"JP", "Japan", "Asia/Tokyo", "APAC", ""},
    {"KR", "South Korea", "Asia/Seoul", "APAC", ""},
    {"AU", "Australia", "Australia/Sydney", "APAC", "spans several time zones; Sydney assumed"},
    {"NZ", "New Zealand", "Pacific/Auckland", "APAC", ""},
};

// Where a country spans several zones, its states and provinces (by name or
// postal code, as directory exports write the `state` column) give the
// zone. States split between two zones take the zone of most of their
// people (Indiana, Michigan, Kentucky: Eastern; Tennessee, Texas: Central;
// Oregon: Pacific; Idaho: Mountain).
struct StateZone {
  std::string_view country, code, name, zone;
};
constexpr StateZone kStates[] = {
    {"US", "AL", "Alabama", "America/Chicago"},
    {"US", "AK", "Alaska", "America/Anchorage"},
    {"US", "AZ", "Arizona", "America/Phoenix"},
    {"US", "AR", "Arkansas", "America/Chicago"},
    {"US", "CA", "California", "America/Los_Angeles"},
    {"US", "CO", "Colorado", "America/Denver"},
    {"US", "CT", "Connecticut", "America/New_York"},
    {"US", "DE", "Delaware", "America/New_York"},
    {"US", "DC", "District of Columbia", "America/New_York"},
    {"US", "FL", "Florida", "America/New_York"},
    {"US", "GA", "Georgia", "America/New_York"},
    {"US", "HI", "Hawaii", "Pacific/Honolulu"},
    {"US", "ID", "Idaho", "America/Boise"},
    {"US", "IL", "Illinois", "America/Chicago"},
    {"US", "IN", "Indiana", "America/Indiana/Indianapolis"},
    {"US", "IA", "Iowa", "America/Chicago"},
    {"US", "KS", "Kansas", "America/Chicago"},
    {"US", "KY", "Kentucky", "America/New_York"},
    {"US", "LA", "Louisiana", "America/Chicago"},
    {"US", "ME", "Maine", "America/New_York"},
    {"US", "MD", "Maryland", "America/New_York"},
    {"US", "MA", "Massachusetts", "America/New_York"},
    {"US", "MI", "Michigan", "America/Detroit"},
    {"US", "MN", "Minnesota", "America/Chicago"},
    {"US", "MS", "Mississippi", "America/Chicago"},
    {"US", "MO", "Missouri", "America/Chicago"},
    {"US", "MT", "Montana", "America/Denver"},
    {"US", "NE", "Nebraska", "America/Chicago"},
    {"US", "NV", "Nevada", "America/Los_Angeles"},
    {"US", "NH", "New Hampshire", "America/New_York"},
    {"US", "NJ", "New Jersey", "America/New_York"},
    {"US", "NM", "New Mexico", "America/Denver"},
    {"US", "NY", "New York", "America/New_York"},
    {"US", "NC", "North Carolina", "America/New_York"},
    {"US", "ND", "North Dakota", "America/Chicago"},
    {"US", "OH", "Ohio", "America/New_York"},
    {"US", "OK", "Oklahoma", "America/Chicago"},
    {"US", "OR", "Oregon", "America/Los_Angeles"},
    {"US", "PA", "Pennsylvania", "America/New_York"},
    {"US", "RI", "Rhode Island", "America/New_York"},
    {"US", "SC", "South Carolina", "America/New_York"},
    {"US", "SD", "South Dakota", "America/Chicago"},
    {"US", "TN", "Tennessee", "America/Chicago"},
    {"US", "TX", "Texas", "America/Chicago"},
    {"US", "UT", "Utah", "America/Denver"},
    {"US", "VT", "Vermont", "America/New_York"},
    {"US", "VA", "Virginia", "America/New_York"},
    {"US", "WA", "Washington", "America/Los_Angeles"},
    {"US", "WV", "West Virginia", "America/New_York"},
    {"US", "WI", "Wisconsin", "America/Chicago"},
    {"US", "WY", "Wyoming", "America/Denver"},
    {"CA", "ON", "Ontario", "America/Toronto"},
    {"CA", "QC", "Quebec", "America/Toronto"},
    {"CA", "QC", "Québec", "America/Toronto"},
    {"CA", "BC", "British Columbia", "America/Vancouver"},
    {"CA", "AB", "Alberta", "America/Edmonton"},
    {"CA", "MB", "Manitoba", "America/Winnipeg"},
    {"CA", "SK", "Saskatchewan", "America/Regina"},
    {"CA", "NS", "Nova Scotia", "America/Halifax"},
    {"CA", "NB", "New Brunswick", "America/Moncton"},
    {"CA", "NL", "Newfoundland and Labrador", "America/St_Johns"},
    {"CA", "PE", "Prince Edward Island", "America/Halifax"},
    {"AU", "NSW", "New South Wales", "Australia/Sydney"},
    {"AU", "VIC", "Victoria", "Australia/Melbourne"},
    {"AU", "QLD", "Queensland", "Australia/Brisbane"},
    {"AU", "WA", "Western Australia", "Australia/Perth"},
    {"AU", "SA", "South Australia", "Australia/Adelaide"},
    {"AU", "TAS", "Tasmania", "Australia/Hobart"},
    {"AU", "ACT", "Australian Capital Territory", "Australia/Sydney"},
    {"AU", "NT", "Northern Territory", "Australia/Darwin"},
};

// Other spellings of country names seen in directory exports.
struct CountryAlias {
  std::string_view alias, iso2;
};
constexpr CountryAlias kCountryAliases[] = {
    {"USA", "US"},
    {"United States of America", "US"},
    {"UK", "GB"},
    {"Great Britain", "GB"},
    {"England", "GB"},
    {"Scotland", "GB"},
    {"Wales", "GB"},
    {"Holland", "NL"},
    {"The Netherlands", "NL"},
    {"Czech Republic", "CZ"},
    {"Korea", "KR"},
    {"Republic of Korea", "KR"},
    {"UAE", "AE"},
    {"Turkey", "TR"},
    {"Deutschland", "DE"},
    {"España", "ES"},
    {"Brasil", "BR"},
    {"México", "MX"},
    {"Viet Nam", "VN"},
    {"Russian Federation", "RU"},
};

bool is_business_day(std::int64_t days) {
  int wd = static_cast<int>(((days % 7) + 11) % 7);  // 0 Sunday … 6 Saturday (1970-01-01 was a Thursday)
  return wd != 0 && wd != 6;
}

std::string two(int v) { return fmt::format("{:02d}", v); }

// Users' value for a grouping role.
std::string_view role_value(const DirectoryUser& u, GroupBy g) {
  switch (g) {
    case GroupBy::region:
      return trim(u.region);
      break;
    case GroupBy::office:
      return trim(u.office);
    case GroupBy::city:
      return trim(u.city);
    default:
      return {};
  }
}

const CountryDefault* user_country(const DirectoryUser& u) {
  if (const CountryDefault* c = find_country(u.usage_location)) return c;
  return find_country(u.country);
}

struct ZoneCache {
  std::map<std::string, TimeZone> zones;
  std::map<std::string, std::string> failures;
  const TimeZone* get(const std::string& text) {
    auto it = zones.find(text);
    if (it != zones.end()) return &it->second;
    if (failures.count(text)) return nullptr;
    auto z = TimeZone::parse(text);
    if (!z.ok()) {
      failures[text] = z.error().message;
      return nullptr;
    }
    return &zones.emplace(text, *z).first->second;
  }
};

}  // namespace

std::span<const CountryDefault> country_defaults() { return kCountries; }

std::string_view state_zone(std::string_view country_iso2, std::string_view state) {
  state = trim(state);
  if (state.empty()) return {};
  for (const auto& st : kStates)
    if (st.country == country_iso2 && (iequals(st.code, state) || iequals(st.name, state))) return st.zone;
  return {};
}

const CountryDefault* find_country(std::string_view s) {
  s = trim(s);
  if (s.empty()) return nullptr;
  for (const auto& c : kCountries)
    if (iequals(c.iso2, s) || iequals(c.name, s)) return &c;
  for (const auto& a : kCountryAliases)
    if (iequals(a.alias, s))
      for (const auto& c : kCountries)
        if (c.iso2 == a.iso2) return &c;
  return nullptr;
}

std::optional<GroupBy> parse_group_by(std::string_view s) {
  for (std::size_t i = 0; i < kGroupByNames.size(); ++i)
    if (iequals(s, kGroupByNames[i])) return static_cast<GroupBy>(i);
  return std::nullopt;
}

CampaignSetup group_users(const std::vector<DirectoryUser>& users, const CampaignOptions& o) {
  CampaignSetup s;
  std::vector<const DirectoryUser*> in;
  for (const auto& u : users) {
    if (std::find(o.exclude.begin(), o.exclude.end(), u.upn) != o.exclude.end()) {
      s.skipped.emplace_back(u.upn, "break-glass account (never nudged: it keeps its own methods)");
      continue;
    }
    if (u.enabled == Tri::no) {
      s.skipped.emplace_back(u.upn, "account disabled");
      continue;
    }
    in.push_back(&u);
  }
  // Grouping: a region column when at least half the users have one, else
  // the country. Either way groups split by time zone, so each group shares
  // its local hours; offices and cities only when asked (--group-by).
  GroupBy by = o.group_by;
  if (by == GroupBy::automatic) {
    std::size_t n = 0;
    for (const auto* u : in) n += !role_value(*u, GroupBy::region).empty();
    by = !in.empty() && 2 * n >= in.size() ? GroupBy::region : GroupBy::country;
  }
  s.grouped_by = by;

  ZoneCache zones;
  std::map<std::pair<std::string, std::string>, std::size_t> index;  // (label, zone) -> group
  std::map<std::string, std::size_t> approximate, bad_zone, no_zone;
  for (const auto* u : in) {
    const CountryDefault* country = user_country(*u);
    // Time zone: the user's own column, else the country's default, else UTC.
    std::string zone_text;
    std::string note;
    if (!trim(u->timezone).empty()) {
      zone_text = std::string(trim(u->timezone));
      if (!zones.get(zone_text)) {
        ++bad_zone[zone_text];
        zone_text.clear();
      }
    }
    if (zone_text.empty() && country) {
      std::string_view by_state = state_zone(country->iso2, u->state);
      zone_text = std::string(by_state.empty() ? country->zone : by_state);
      if (by_state.empty() && !country->note.empty()) ++approximate[std::string(country->iso2)];
    }
    if (zone_text.empty()) {
      zone_text = "UTC";
      ++no_zone["UTC"];
    }
    const TimeZone* z = zones.get(zone_text);
    if (!z) {  // the default zone's file is missing: planned in UTC, said below
      ++bad_zone[zone_text];
      zone_text = "UTC";
      z = zones.get(zone_text);
    }
    std::string label;
    switch (by) {
      case GroupBy::timezone:
        label = z->name();
        break;
      case GroupBy::country:
        label = country ? std::string(country->iso2)
                        : std::string(trim(u->country).empty() ? trim(u->usage_location) : trim(u->country));
        break;
      case GroupBy::region:
        label = std::string(role_value(*u, GroupBy::region));
        if (label.empty() && country) label = std::string(country->region);
        break;
      default:
        label = std::string(role_value(*u, by));
    }
    if (label.empty()) label = "(no " + std::string(name(by)) + ")";
    auto key = std::make_pair(label, z->name());
    auto it = index.find(key);
    if (it == index.end()) {
      it = index.emplace(key, index.size()).first;
      CampaignGroup g;
      g.label = label;
      g.zone_name = z->name();
      g.zone = *z;
      s.groups.push_back(std::move(g));
    }
    PlanUser p;
    p.upn = u->upn;
    p.display = u->display;
    p.department = u->department;
    p.country = country ? std::string(country->iso2) : (u->country.empty() ? u->usage_location : u->country);
    s.groups[it->second].users.push_back(s.users.size());
    s.users.push_back(std::move(p));
  }
  // Deterministic order: by label, then zone.
  std::vector<std::size_t> order(s.groups.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(s.groups[a].label, s.groups[a].zone_name) < std::tie(s.groups[b].label, s.groups[b].zone_name);
  });
  std::vector<CampaignGroup> sorted;
  for (std::size_t i : order) sorted.push_back(std::move(s.groups[i]));
  s.groups = std::move(sorted);
  for (std::size_t g = 0; g < s.groups.size(); ++g)
    for (std::size_t u : s.groups[g].users) s.group_of[s.users[u].upn] = g;

  for (const auto& [iso, n] : approximate) {
    const CountryDefault* c = find_country(iso);
    s.notes.push_back(fmt::format("{} users in {} without a time zone: {} (add a timezone column for exact hours)", n,
                                  iso, c ? c->note : ""));
  }
  for (const auto& [zone, n] : bad_zone)
    s.notes.push_back(fmt::format("{} users with time zone '{}' that cannot be used ({}): planned by country or UTC", n,
                                  zone, zones.failures.count(zone) ? zones.failures[zone] : "unknown"));
  if (!no_zone.empty())
    s.notes.push_back(
        fmt::format("{} users with neither a time zone nor a known country: planned in UTC", no_zone["UTC"]));
  return s;
}

CampaignPlan make_plan(CampaignSetup setup, const std::vector<std::array<std::uint64_t, 24>>& hours, bool history_given,
                       const CampaignOptions& o) {
  CampaignPlan plan;
  plan.options = o;
  plan.setup = std::move(setup);
  const int wave_hours = std::clamp(o.wave_hours, 1, CampaignRules::kWorkEnd - CampaignRules::kWorkStart);
  const std::uint32_t cap = std::max<std::uint32_t>(1, o.wave_size);
  std::size_t default_peak = 0;
  const std::int64_t start_day =
      days_from_civil(o.start_year, static_cast<unsigned>(o.start_month), static_cast<unsigned>(o.start_day));
  for (std::size_t gi = 0; gi < plan.setup.groups.size(); ++gi) {
    CampaignGroup& g = plan.setup.groups[gi];
    if (gi < hours.size()) g.hours = hours[gi];
    g.history = 0;
    for (auto h : g.hours) g.history += h;
    // Peak hours: the hours at least kPeakRatio as busy as the busiest one (at most kMaxPeakHours, busiest first).
    g.peak.clear();
    if (g.history >= CampaignRules::kMinHistory) {
      std::vector<int> by_count(24);
      for (int h = 0; h < 24; ++h) by_count[static_cast<std::size_t>(h)] = h;
      std::stable_sort(by_count.begin(), by_count.end(), [&](int a, int b) {
        return g.hours[static_cast<std::size_t>(a)] > g.hours[static_cast<std::size_t>(b)];
      });
      const double busiest = static_cast<double>(g.hours[static_cast<std::size_t>(by_count.front())]);
      for (int h : by_count) {
        if (static_cast<int>(g.peak.size()) >= CampaignRules::kMaxPeakHours) break;
        if (static_cast<double>(g.hours[static_cast<std::size_t>(h)]) < CampaignRules::kPeakRatio * busiest) break;
        g.peak.push_back(h);
      }
      std::sort(g.peak.begin(), g.peak.end());
      g.peak_from_history = true;
    } else {
      g.peak.assign(CampaignRules::kDefaultPeak.begin(), CampaignRules::kDefaultPeak.end());
      g.peak_from_history = false;
      ++default_peak;
    }
    // Window: the earliest stretch of working hours without a peak hour.
    int best = CampaignRules::kWorkStart, best_hits = 99;
    for (int h = CampaignRules::kWorkStart; h + wave_hours <= CampaignRules::kWorkEnd; ++h) {
      int hits = 0;
      for (int p : g.peak) hits += p >= h && p < h + wave_hours;
      if (hits < best_hits) {
        best_hits = hits;
        best = h;
      }
      if (hits == 0) break;
    }
    g.window_start = best;
    g.window_off_peak = best_hits == 0;
    if (!g.window_off_peak)
      g.notes.push_back(
          fmt::format("no {}-hour window in working hours avoids every peak hour: least busy one used", wave_hours));

    // Waves: teams together (department, then UPN), a pilot first, then balanced chunks under the cap.
    std::vector<std::size_t> us = g.users;
    std::sort(us.begin(), us.end(), [&](std::size_t a, std::size_t b) {
      const PlanUser &x = plan.setup.users[a], &y = plan.setup.users[b];
      std::string dx = ascii_lower(trim(x.department)), dy = ascii_lower(trim(y.department));
      return std::tie(dx, x.upn) < std::tie(dy, y.upn);
    });
    std::vector<std::size_t> sizes;
    std::size_t rest = us.size();
    if (o.pilot_share > 0 && us.size() >= CampaignRules::kPilotMinGroup) {
      std::size_t p = static_cast<std::size_t>(std::ceil(o.pilot_share * static_cast<double>(us.size())));
      p = std::clamp<std::size_t>(p, 1, cap);
      sizes.push_back(p);
      rest -= p;
    }
    if (rest > 0) {
      std::size_t chunks = (rest + cap - 1) / cap;
      for (std::size_t k = 0; k < chunks; ++k) sizes.push_back(rest / chunks + (k < rest % chunks ? 1 : 0));
    }
    std::size_t pos = 0;
    std::int64_t day = start_day;
    while (!is_business_day(day)) ++day;
    for (std::size_t k = 0; k < sizes.size(); ++k) {
      if (k > 0)
        for (int step = 0; step < std::max(1, o.gap_days); ++step) {
          ++day;
          while (!is_business_day(day)) ++day;
        }
      CivilTime d = to_civil(day * 86400LL * kMicrosPerSecond);
      PlannedWave w;
      w.region = g.label;
      w.zone = g.zone_name;
      w.group_wave = static_cast<int>(k + 1);
      w.pilot = k == 0 && sizes.size() > 1 && o.pilot_share > 0 && us.size() >= CampaignRules::kPilotMinGroup;
      w.start = g.zone.to_utc(d.year, d.month, d.day, g.window_start, 0);
      w.end = g.zone.to_utc(d.year, d.month, d.day, g.window_start + wave_hours, 0);
      w.local_date = fmt::format("{:04d}-{:02d}-{:02d}", d.year, d.month, d.day);
      w.local_window = two(g.window_start) + ":00-" + two(g.window_start + wave_hours) + ":00";
      w.pause_below = o.pause_below;
      w.users.assign(us.begin() + static_cast<std::ptrdiff_t>(pos),
                     us.begin() + static_cast<std::ptrdiff_t>(pos + sizes[k]));
      pos += sizes[k];
      plan.waves.push_back(std::move(w));
    }
  }
  std::stable_sort(plan.waves.begin(), plan.waves.end(), [](const PlannedWave& a, const PlannedWave& b) {
    return std::tie(a.start, a.region, a.zone) < std::tie(b.start, b.region, b.zone);
  });
  int width = plan.waves.size() >= 100 ? 3 : 2;
  for (std::size_t i = 0; i < plan.waves.size(); ++i) plan.waves[i].id = fmt::format("W{:0{}d}", i + 1, width);
  plan.pause_rule = fmt::format(
      "Do not start a region's next wave while the previous wave's registration completion (users who completed "
      "registration / users who started it) is below {:.0f}%, or while an identity incident is open at the provider "
      "(check with: idtriage precheck --action campaign).",
      100.0 * o.pause_below);
  plan.notes = plan.setup.notes;
  if (default_peak)
    plan.notes.push_back(fmt::format(
        "{} of {} groups use the default peak hours ({:02d}:00-{:02d}:00 local, the start of the working day): {}",
        default_peak, plan.setup.groups.size(), CampaignRules::kDefaultPeak.front(),
        CampaignRules::kDefaultPeak.back() + 1,
        history_given
            ? fmt::format("fewer than {} interactive sign-ins of theirs in the history", CampaignRules::kMinHistory)
            : std::string("no --history given")));
  return plan;
}

// ---------------------------------------------------------------- check

CampaignCheck check_campaign(const CampaignPlanFile& plan,
                             const std::unordered_map<std::string, std::vector<RegistrationEvent>>& events,
                             const std::vector<HealthIssueCopy>& health, Micros at) {
  CampaignCheck c;
  c.at = at;
  static const std::vector<RegistrationEvent> kNone;
  auto events_of = [&](std::size_t user) -> const std::vector<RegistrationEvent>& {
    auto it = events.find(plan.users[user].upn);
    return it == events.end() ? kNone : it->second;
  };
  // Completion of wave w as of time t: of its users who started registering
  // after the wave began, the share who completed (both before t).
  auto rate_at = [&](const PlannedWave& w, Micros t, std::size_t& started, std::size_t& completed) {
    started = completed = 0;
    for (std::size_t u : w.users) {
      bool s = false, done = false;
      for (const auto& e : events_of(u)) {
        if (e.time < w.start || e.time >= t) continue;
        s = true;
        done |= e.cls == AuditClass::registration_completed;
      }
      started += s;
      completed += done;
    }
    return started ? double(completed) / double(started) : 0.0;
  };
  auto incident_at = [&](Micros t) -> const HealthIssueCopy* {
    for (const auto& h : health) {
      if (!h.identity_relevant || h.synthetic) continue;
      if (!h.classification.empty() && h.classification != "incident") continue;
      Micros end = h.end;
      if (end == kNoTime && health_status_is_closed(canonical_health_status(h.status))) end = h.last_update;
      if (h.start != kNoTime && h.start <= t && (end == kNoTime || t < end)) return &h;
    }
    return nullptr;
  };
  // The previous wave of the same region and zone.
  auto previous = [&](std::size_t wi) -> const PlannedWave* {
    const PlannedWave& w = plan.waves[wi];
    const PlannedWave* best = nullptr;
    for (const auto& p : plan.waves)
      if (p.region == w.region && p.zone == w.zone && p.group_wave == w.group_wave - 1) best = &p;
    return best;
  };
  for (std::size_t wi = 0; wi < plan.waves.size(); ++wi) {
    const PlannedWave& w = plan.waves[wi];
    WaveProgress p;
    p.wave = wi;
    p.users = w.users.size();
    for (std::size_t u : w.users) {
      UserProgress up;
      up.user = u;
      up.wave = wi;
      up.status = "not_seen";
      for (const auto& e : events_of(u)) {
        if (e.time >= at) break;
        up.last = e.time;
        switch (e.cls) {
          case AuditClass::registration_completed:
            up.status = "completed";
            if (up.completed_at == kNoTime) up.completed_at = e.time;
            break;
          case AuditClass::registration_started:
            if (up.status != "completed") up.status = "started";
            break;
          case AuditClass::registration_failed:
            if (up.status != "completed") up.status = "failed";
            break;
          case AuditClass::registration_cancelled:
            if (up.status != "completed") up.status = "cancelled";
            break;
          default:
            break;
        }
      }
      p.completed += up.status == "completed";
      p.started += up.status == "started";
      p.failed += up.status == "failed";
      p.cancelled += up.status == "cancelled";
      p.not_seen += up.status == "not_seen";
      c.todo += up.status != "completed";
      c.users.push_back(std::move(up));
    }
    p.rate = rate_at(w, at, p.rate_started, p.rate_completed);
    p.judged = p.rate_started >= CampaignRules::kMinStartedToJudge;
    p.state = w.start > at ? "not_started" : p.completed == p.users ? "done" : "open";
    // The pause rule, as it stood when this wave started.
    if (w.start <= at) {
      if (const PlannedWave* prev = previous(wi)) {
        std::size_t st = 0, co = 0;
        double r = rate_at(*prev, w.start, st, co);
        if (st >= CampaignRules::kMinStartedToJudge && r < w.pause_below)
          p.breaches.push_back(
              fmt::format("started while {}'s completion was {:.0f}% ({} of {} who started), below "
                          "{:.0f}%",
                          prev->id, 100.0 * r, co, st, 100.0 * w.pause_below));
      }
      if (const HealthIssueCopy* h = incident_at(w.start))
        p.breaches.push_back("started during identity incident " + h->id + " (" + h->service + ")");
    }
    c.breaches += !p.breaches.empty();
    c.waves.push_back(std::move(p));
  }
  // Next step per region and zone.
  std::set<std::pair<std::string, std::string>> groups;
  for (const auto& w : plan.waves) groups.insert({w.region, w.zone});
  for (const auto& [region, zone] : groups) {
    NextStep n;
    n.region = region;
    n.zone = zone;
    std::size_t next = plan.waves.size();
    for (std::size_t wi = 0; wi < plan.waves.size(); ++wi)
      if (plan.waves[wi].region == region && plan.waves[wi].zone == zone && plan.waves[wi].start > at &&
          (next == plan.waves.size() || plan.waves[wi].group_wave < plan.waves[next].group_wave))
        next = wi;
    if (next == plan.waves.size()) {
      n.action = "DONE";
      n.why = "every wave has started";
      c.next.push_back(n);
      continue;
    }
    const PlannedWave& w = plan.waves[next];
    n.wave = w.id;
    std::string when = format_day_minute(w.start) + " UTC (" + w.local_date + " " + w.local_window + " local)";
    const PlannedWave* prev = previous(next);
    std::size_t st = 0, co = 0;
    double r = prev ? rate_at(*prev, at, st, co) : 0;
    if (const HealthIssueCopy* h = incident_at(at)) {
      n.action = "PAUSE";
      n.why = "identity incident " + h->id + " is open: do not start " + w.id;
    } else if (prev && st >= CampaignRules::kMinStartedToJudge && r < w.pause_below) {
      n.action = "PAUSE";
      n.why = fmt::format("{}'s completion is {:.0f}% ({} of {} who started), below {:.0f}%: do not start {} ({})",
                          prev->id, 100.0 * r, co, st, 100.0 * w.pause_below, w.id, when);
    } else if (prev && st < CampaignRules::kMinStartedToJudge && prev->start <= at) {
      n.action = "WAIT";
      n.why = fmt::format(
          "only {} of {}'s users started registering after it began (fewer than {}): too few to judge its "
          "completion before {} ({})",
          st, prev->id, CampaignRules::kMinStartedToJudge, w.id, when);
    } else {
      n.action = "GO";
      n.why = prev && prev->start <= at ? fmt::format("{}'s completion is {:.0f}% ({} of {}): start {} as planned, {}",
                                                      prev->id, 100.0 * r, co, st, w.id, when)
                                        : "start " + w.id + " as planned, " + when;
    }
    c.pauses += n.action == "PAUSE";
    c.next.push_back(n);
  }
  c.notes.push_back(
      "users shown as not_seen have no registration event in the audit logs given; users who registered before "
      "the logs begin look the same: check Entra ID > Authentication methods > User registration details for them");
  return c;
}

}  // namespace idt
