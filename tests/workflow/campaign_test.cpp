// Why: a campaign plan is followed by people on given days and hours; it
// must be the same for the same input, put every user in exactly one wave
// under the cap, keep waves off the peak and on business days in the users'
// own time zone (daylight saving included), and `campaign check` must flag
// exactly the waves that broke the pause rule. Each rule is pinned here.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "workflow/campaign.h"

using namespace idt;

namespace {

DirectoryUser user(std::string upn, std::string country, std::string dept = "Sales", std::string tz = {},
                   std::string state = {}) {
  DirectoryUser u;
  u.upn = std::move(upn);
  u.usage_location = std::move(country);
  u.department = std::move(dept);
  u.timezone = std::move(tz);
  u.state = std::move(state);
  u.enabled = Tri::yes;
  return u;
}

std::vector<DirectoryUser> many(const std::string& prefix, const std::string& country, std::size_t n) {
  std::vector<DirectoryUser> v;
  for (std::size_t i = 0; i < n; ++i)
    v.push_back(user(prefix + std::to_string(1000 + i) + "@contoso.com", country, i % 3 ? "Sales" : "Finance"));
  return v;
}

CampaignOptions opts(int y, int m, int d) {
  CampaignOptions o;
  o.start_year = y;
  o.start_month = m;
  o.start_day = d;
  return o;
}

CampaignPlan plan_for(const std::vector<DirectoryUser>& users, const CampaignOptions& o,
                      std::vector<std::array<std::uint64_t, 24>> hours = {}) {
  CampaignSetup s = group_users(users, o);
  return make_plan(std::move(s), hours, !hours.empty(), o);
}

Micros utc(int y, int mo, int d, int h, int mi = 0) { return from_civil(y, mo, d, h, mi, 0, 0); }

}  // namespace

TEST_CASE("users are grouped by country and time zone, exclusions and approximations are said",
          "[workflow][campaign]") {
  std::vector<DirectoryUser> us = {user("a@contoso.com", "FR"),
                                   user("b@contoso.com", "US", "Sales", "", "Washington"),
                                   user("c@contoso.com", "US", "Sales", "", "TX"),
                                   user("d@contoso.com", "US"),  // no state: US Eastern, approximate
                                   user("e@contoso.com", "", "IT", "Asia/Kolkata"),
                                   user("f@contoso.com", "DE", "IT", "+05:30"),
                                   user("g@contoso.com", "Atlantis"),
                                   user("h@contoso.com", "FR", "Sales", "Mars/Base")};
  us.push_back(user("bg1@contoso.com", "US"));
  DirectoryUser off = user("off@contoso.com", "FR");
  off.enabled = Tri::no;
  us.push_back(off);
  CampaignOptions o = opts(2026, 6, 1);
  o.exclude = {"bg1@contoso.com"};
  CampaignSetup s = group_users(us, o);
  CHECK(s.grouped_by == GroupBy::country);
  CHECK(s.users.size() == 8);
  REQUIRE(s.skipped.size() == 2);
  CHECK(s.skipped[0].first == "bg1@contoso.com");
  CHECK(s.skipped[1].second == "account disabled");
  std::set<std::pair<std::string, std::string>> groups;
  for (const auto& g : s.groups) groups.insert({g.label, g.zone_name});
  CHECK(groups.count({"FR", "Europe/Paris"}));  // a and h (whose own zone is unusable)
  CHECK(groups.count({"US", "America/Los_Angeles"}));
  CHECK(groups.count({"US", "America/Chicago"}));
  CHECK(groups.count({"US", "America/New_York"}));
  CHECK(groups.count({"DE", "UTC+05:30"}));  // the user's own column wins over the country
  CHECK(groups.count({"(no country)", "Asia/Kolkata"}));
  CHECK(groups.count({"Atlantis", "UTC+00:00"}));
  std::string notes;
  for (const auto& n : s.notes) notes += n + "\n";
  CHECK(notes.find("1 users in US without a time zone") != std::string::npos);
  CHECK(notes.find("'Mars/Base'") != std::string::npos);
  CHECK(notes.find("neither a time zone nor a known country: planned in UTC") != std::string::npos);
  // Sorted by label then zone, whatever the input order.
  for (std::size_t i = 1; i < s.groups.size(); ++i)
    CHECK(std::tie(s.groups[i - 1].label, s.groups[i - 1].zone_name) <=
          std::tie(s.groups[i].label, s.groups[i].zone_name));
  // A region column held by most users is used instead of the country.
  std::vector<DirectoryUser> r = {user("x@contoso.com", "FR"), user("y@contoso.com", "DE")};
  r[0].region = r[1].region = "EMEA";
  CampaignSetup rs = group_users(r, o);
  CHECK(rs.grouped_by == GroupBy::region);
  REQUIRE(rs.groups.size() == 2);  // one region, two zones
  CHECK(rs.groups[0].label == "EMEA");
  CHECK(rs.groups[1].label == "EMEA");
}

TEST_CASE("waves: every user once, capped and balanced, pilot first, deterministic", "[workflow][campaign]") {
  std::vector<DirectoryUser> us = many("fr", "FR", 1050);
  auto more = many("jp", "JP", 30);
  us.insert(us.end(), more.begin(), more.end());
  CampaignOptions o = opts(2026, 6, 1);
  o.wave_size = 400;
  CampaignPlan p = plan_for(us, o);
  std::set<std::string> seen;
  std::size_t total = 0;
  for (const auto& w : p.waves) {
    CHECK(w.users.size() <= 400);
    for (std::size_t u : w.users) CHECK(seen.insert(p.setup.users[u].upn).second);
    total += w.users.size();
  }
  CHECK(total == 1080);
  std::vector<std::size_t> fr;
  for (const auto& w : p.waves)
    if (w.region == "FR") fr.push_back(w.users.size());
  REQUIRE(fr.size() == 4);
  CHECK(fr[0] == 53);  // pilot: ceil(5% of 1050)
  CHECK(fr[1] + fr[2] + fr[3] == 997);
  CHECK(*std::max_element(fr.begin() + 1, fr.end()) - *std::min_element(fr.begin() + 1, fr.end()) <= 1);
  for (const auto& w : p.waves)
    if (w.region == "JP") CHECK_FALSE(w.pilot);  // 30 users: too few for a separate pilot
  // Same input in another order: the same plan.
  std::reverse(us.begin(), us.end());
  CampaignPlan q = plan_for(us, o);
  REQUIRE(q.waves.size() == p.waves.size());
  for (std::size_t i = 0; i < p.waves.size(); ++i) {
    CHECK(q.waves[i].id == p.waves[i].id);
    CHECK(q.waves[i].start == p.waves[i].start);
    REQUIRE(q.waves[i].users.size() == p.waves[i].users.size());
    for (std::size_t k = 0; k < p.waves[i].users.size(); ++k)
      CHECK(q.setup.users[q.waves[i].users[k]].upn == p.setup.users[p.waves[i].users[k]].upn);
  }
  // Teams stay together: within a wave, departments come in order.
  for (const auto& w : p.waves)
    for (std::size_t k = 1; k < w.users.size(); ++k)
      CHECK(p.setup.users[w.users[k - 1]].department <= p.setup.users[w.users[k]].department);
  CHECK(p.pause_rule.find("below 80%") != std::string::npos);
  CHECK(p.waves.front().id == "W01");
}

TEST_CASE("waves fall on business days, in local working hours, daylight saving included", "[workflow][campaign]") {
  std::vector<DirectoryUser> us = many("fr", "FR", 100);
  us.push_back(user("ny@contoso.com", "US", "Sales", "America/New_York"));
  us.push_back(user("in@contoso.com", "IN"));
  CampaignOptions o = opts(2026, 3, 27);  // a Friday; Paris changes to summer time on Sunday the 29th
  o.wave_size = 40;
  CampaignPlan p = plan_for(us, o);
  std::vector<const PlannedWave*> fr;
  for (const auto& w : p.waves)
    if (w.region == "FR") fr.push_back(&w);
  REQUIRE(fr.size() == 4);  // pilot 5, then 3 waves for 95
  CHECK(fr[0]->local_date == "2026-03-27");
  CHECK(fr[1]->local_date == "2026-03-30");  // the weekend is skipped
  CHECK(fr[2]->local_date == "2026-03-31");
  CHECK(fr[0]->local_window == "10:00-13:00");  // default peak 08-10: first window after it
  CHECK(fr[0]->start == utc(2026, 3, 27, 9));   // 10:00 CET
  CHECK(fr[1]->start == utc(2026, 3, 30, 8));   // 10:00 CEST
  CHECK(fr[1]->end - fr[1]->start == 3 * 3600LL * kMicrosPerSecond);
  for (const auto& w : p.waves) {
    if (w.region == "US") CHECK(w.start == utc(2026, 3, 27, 14));
    if (w.region == "IN") CHECK(w.start == utc(2026, 3, 27, 4, 30));
  }
  CampaignOptions sat = opts(2026, 3, 28);  // a Saturday: the first waves move to Monday
  CampaignPlan ps = plan_for(many("de", "DE", 3), sat);
  REQUIRE(ps.waves.size() == 1);
  CHECK(ps.waves[0].local_date == "2026-03-30");
  CampaignOptions gap = opts(2026, 6, 1);
  gap.gap_days = 2;
  gap.wave_size = 10;
  gap.pilot_share = 0;
  CampaignPlan pg = plan_for(many("de", "DE", 25), gap);
  REQUIRE(pg.waves.size() == 3);
  CHECK(pg.waves[1].local_date == "2026-06-03");
  CHECK(pg.waves[2].local_date == "2026-06-05");
}

TEST_CASE("peak hours from history move the window, too little history keeps the default", "[workflow][campaign]") {
  std::vector<DirectoryUser> us = many("fr", "FR", 10);
  CampaignOptions o = opts(2026, 6, 1);
  std::array<std::uint64_t, 24> h{};
  for (int k = 8; k < 18; ++k) h[static_cast<std::size_t>(k)] = 10;
  h[10] = h[11] = h[12] = 60;  // a late-morning peak
  CampaignPlan p = plan_for(us, o, {h});
  REQUIRE(p.setup.groups.size() == 1);
  const CampaignGroup& g = p.setup.groups[0];
  CHECK(g.peak_from_history);
  CHECK(g.peak == std::vector<int>{10, 11, 12});
  CHECK(g.window_start == 13);
  CHECK(p.waves[0].local_window == "13:00-16:00");
  CHECK(p.waves[0].start == utc(2026, 6, 1, 11));
  std::array<std::uint64_t, 24> few{};
  few[14] = CampaignRules::kMinHistory - 1;
  CampaignPlan d = plan_for(us, o, {few});
  CHECK_FALSE(d.setup.groups[0].peak_from_history);
  CHECK(d.setup.groups[0].peak == std::vector<int>{8, 9});
  CHECK(d.setup.groups[0].window_start == 10);
  REQUIRE_FALSE(d.notes.empty());
  CHECK(d.notes.back().find("1 of 1 groups use the default peak hours") != std::string::npos);
  // No peak-free window of 10 hours inside 08-18: the least busy one, said so.
  o.wave_hours = 10;
  CampaignPlan w = plan_for(us, o, {h});
  CHECK_FALSE(w.setup.groups[0].window_off_peak);
  CHECK_FALSE(w.setup.groups[0].notes.empty());
}

TEST_CASE("check: completion per wave, pause-rule breaches, next step", "[workflow][campaign]") {
  CampaignPlanFile plan;
  plan.path = "plan.csv";
  for (int i = 0; i < 30; ++i) plan.users.push_back({"u" + std::to_string(i) + "@contoso.com", "", "", "FR"});
  PlannedWave w1, w2, w3;
  w1.id = "W01";
  w2.id = "W02";
  w3.id = "W03";
  for (auto* w : {&w1, &w2, &w3}) {
    w->region = "FR";
    w->zone = "Europe/Paris";
  }
  w1.group_wave = 1;
  w2.group_wave = 2;
  w3.group_wave = 3;
  w1.start = utc(2026, 6, 1, 8);
  w2.start = utc(2026, 6, 2, 8);
  w3.start = utc(2026, 6, 3, 8);
  for (auto* w : {&w1, &w2, &w3}) w->end = w->start + 3 * 3600LL * kMicrosPerSecond;
  for (std::size_t i = 0; i < 10; ++i) w1.users.push_back(i);
  for (std::size_t i = 10; i < 20; ++i) w2.users.push_back(i);
  for (std::size_t i = 20; i < 30; ++i) w3.users.push_back(i);
  plan.waves = {w1, w2, w3};
  std::unordered_map<std::string, std::vector<RegistrationEvent>> ev;
  auto add = [&](int u, Micros t, AuditClass c) { ev[plan.users[static_cast<std::size_t>(u)].upn].push_back({t, c}); };
  // W01: 10 started, 6 completed before W02 began (60% < 80%).
  for (int u = 0; u < 10; ++u) add(u, utc(2026, 6, 1, 9), AuditClass::registration_started);
  for (int u = 0; u < 6; ++u) add(u, utc(2026, 6, 1, 9, 10), AuditClass::registration_completed);
  add(6, utc(2026, 6, 1, 9, 20), AuditClass::registration_failed);
  add(7, utc(2026, 6, 1, 9, 20), AuditClass::registration_cancelled);
  add(8, utc(2026, 6, 3, 9), AuditClass::registration_completed);    // after the check time below
  add(25, utc(2026, 5, 20, 9), AuditClass::registration_completed);  // registered before the campaign
  for (auto& [u, v] : ev) std::sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.time < b.time; });

  SECTION("before W02: PAUSE") {
    CampaignCheck c = check_campaign(plan, ev, {}, utc(2026, 6, 1, 20));
    REQUIRE(c.waves.size() == 3);
    CHECK(c.waves[0].state == "open");
    CHECK(c.waves[0].completed == 6);
    CHECK(c.waves[0].failed == 1);
    CHECK(c.waves[0].cancelled == 1);
    CHECK(c.waves[0].started == 2);
    CHECK(c.waves[0].rate == Approx(0.6));
    CHECK(c.waves[0].judged);
    CHECK(c.waves[1].state == "not_started");
    CHECK(c.breaches == 0);
    REQUIRE(c.next.size() == 1);
    CHECK(c.next[0].action == "PAUSE");
    CHECK(c.next[0].wave == "W02");
    CHECK(c.pauses == 1);
    CHECK(c.todo == 23);  // 30 - 6 completed - u25 (done before the campaign)
    CHECK(c.waves[2].completed == 1);
  }
  SECTION("W02 started anyway: breach") {
    CampaignCheck c = check_campaign(plan, ev, {}, utc(2026, 6, 2, 12));
    CHECK(c.waves[1].breaches.size() == 1);
    CHECK(c.waves[1].breaches[0].find("W01's completion was 60%") != std::string::npos);
    CHECK(c.breaches == 1);
    CHECK(c.next[0].action == "WAIT");  // W02 has no registrations yet: too few to judge W03
  }
  SECTION("enough completions: GO") {
    for (int u = 6; u < 9; ++u) add(u, utc(2026, 6, 1, 10), AuditClass::registration_completed);
    for (auto& [u, v] : ev) std::sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.time < b.time; });
    CampaignCheck c = check_campaign(plan, ev, {}, utc(2026, 6, 1, 20));
    CHECK(c.waves[0].rate == Approx(0.9));
    CHECK(c.next[0].action == "GO");
    CHECK(c.pauses == 0);
  }
  SECTION("an identity incident: breach at the wave's start, PAUSE while open") {
    HealthIssue h;
    h.id = "MO1329260";
    h.service = "Microsoft 365 suite";
    h.classification = "incident";
    h.status = "investigating";
    h.start = utc(2026, 6, 2, 7);
    h.identity_relevant = true;
    std::vector<HealthIssueCopy> health = {HealthIssueCopy(h)};
    for (int u = 6; u < 9; ++u) add(u, utc(2026, 6, 1, 10), AuditClass::registration_completed);
    for (auto& [u, v] : ev) std::sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.time < b.time; });
    CampaignCheck c = check_campaign(plan, ev, health, utc(2026, 6, 2, 12));
    REQUIRE(c.waves[1].breaches.size() == 1);
    CHECK(c.waves[1].breaches[0] == "started during identity incident MO1329260 (Microsoft 365 suite)");
    CHECK(c.next[0].action == "PAUSE");
    CHECK(c.next[0].why.find("MO1329260") != std::string::npos);
  }
}

TEST_CASE("country and state tables resolve", "[workflow][campaign]") {
  for (const auto& c : country_defaults()) {
    INFO(c.iso2);
    CHECK(find_country(c.iso2) == &c);
    CHECK(find_country(c.name) == &c);
    CHECK(TimeZone::load(c.zone).ok());  // every default zone exists in tzdata
  }
  CHECK(find_country("usa")->iso2 == "US");
  CHECK(find_country("United States of America")->iso2 == "US");
  CHECK(find_country("Narnia") == nullptr);
  CHECK(state_zone("US", "WA") == "America/Los_Angeles");
  CHECK(state_zone("US", "texas") == "America/Chicago");
  CHECK(state_zone("AU", "WA") == "Australia/Perth");  // same code, other country
  CHECK(state_zone("FR", "WA").empty());
  CHECK(parse_group_by("Office") == GroupBy::office);
  CHECK_FALSE(parse_group_by("planet"));
}
