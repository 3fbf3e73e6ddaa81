// Why: `campaign check` trusts the plan CSV it reads back, possibly after a
// spreadsheet touched it. The CSV `campaign plan` writes must read back to
// the same waves and users, and damaged rows must be rejected with their
// line, never silently moved to another wave.
#include <catch2/catch.hpp>

#include "formats/campaign_plan_csv.h"
#include "render/campaign_render.h"
#include "workflow/campaign.h"

using namespace idt;

TEST_CASE("the plan CSV reads back to the same waves and users", "[formats][campaign]") {
  std::vector<DirectoryUser> us;
  for (int i = 0; i < 130; ++i) {
    DirectoryUser u;
    u.upn = "u" + std::to_string(100 + i) + "@contoso.com";
    u.usage_location = i % 2 ? "FR" : "US";
    u.state = "WA";
    u.display = i == 3 ? "=HYPERLINK(\"x\")" : "User, " + std::to_string(i);  // formula and comma survive
    u.department = i % 5 ? "Sales" : "-Ops";
    u.enabled = Tri::yes;
    us.push_back(u);
  }
  CampaignOptions o;
  o.start_year = 2026;
  o.start_month = 6;
  o.start_day = 1;
  o.wave_size = 30;
  CampaignPlan plan = make_plan(group_users(us, o), {}, false, o);
  CampaignPlanView v;
  v.plan = &plan;
  Output out(nullptr);
  render_campaign_plan(out, v, OutputFormat::csv);
  std::string csv = out.buf();
  out.buf().clear();
  CampaignPlanFile back = parse_campaign_plan(csv, "plan.csv");
  REQUIRE_FALSE(back.fatal);
  CHECK(back.rejected == 0);
  REQUIRE(back.waves.size() == plan.waves.size());
  CHECK(back.users.size() == plan.setup.users.size());
  for (std::size_t i = 0; i < plan.waves.size(); ++i) {
    const PlannedWave &a = plan.waves[i], &b = back.waves[i];
    INFO(a.id);
    CHECK(a.id == b.id);
    CHECK(a.region == b.region);
    CHECK(a.zone == b.zone);
    CHECK(a.group_wave == b.group_wave);
    CHECK(a.start == b.start);
    CHECK(a.end == b.end);
    CHECK(a.pilot == b.pilot);
    CHECK(a.local_window == b.local_window);
    CHECK(b.pause_below == Approx(0.8));
    REQUIRE(a.users.size() == b.users.size());
    for (std::size_t k = 0; k < a.users.size(); ++k) {
      CHECK(plan.setup.users[a.users[k]].upn == back.users[b.users[k]].upn);
      CHECK(plan.setup.users[a.users[k]].department == back.users[b.users[k]].department);
      CHECK(plan.setup.users[a.users[k]].display == back.users[b.users[k]].display);
    }
  }
  CHECK(csv.find("'=HYPERLINK") != std::string::npos);  // defused for spreadsheets on the way out
}

TEST_CASE("damaged plan rows are rejected with their line", "[formats][campaign]") {
  std::string head = "wave,region,time_zone,group_wave,start_utc,end_utc,pause_below_percent,upn\n";
  std::string csv =
      head +
      "W01,FR,Europe/Paris,1,2026-06-01T08:00:00Z,2026-06-01T11:00:00Z,80,a@contoso.com\n"
      "W01,FR,Europe/Paris,1,2026-06-01T09:00:00Z,2026-06-01T11:00:00Z,80,b@contoso.com\n"  // other window
      "W02,FR,Europe/Paris,2,yesterday,2026-06-02T11:00:00Z,80,c@contoso.com\n"
      "W02,FR,Europe/Paris,x,2026-06-02T08:00:00Z,2026-06-02T11:00:00Z,80,d@contoso.com\n"
      "W02,FR,Europe/Paris,2,2026-06-02T08:00:00Z,2026-06-02T11:00:00Z,180,e@contoso.com\n"
      "W02,FR,Europe/Paris,2,2026-06-02T08:00:00Z,2026-06-02T11:00:00Z,'70,A@contoso.com\n"
      "W03,FR,Europe/Paris,3,2026-06-03T08:00:00Z,2026-06-03T11:00:00Z,,f@contoso.com\n"
      ",FR,Europe/Paris,3,2026-06-03T08:00:00Z,2026-06-03T11:00:00Z,,g@contoso.com\n";
  CampaignPlanFile f = parse_campaign_plan(csv, "p.csv");
  REQUIRE_FALSE(f.fatal);
  CHECK(f.rows == 8);
  CHECK(f.rejected == 6);
  REQUIRE(f.rejections.size() == 6);
  CHECK(f.rejections[0].pos.line == 3);
  CHECK(f.rejections[0].message.find("differ from the wave's first row") != std::string::npos);
  CHECK(f.rejections[1].message.find("not an RFC 3339 window") != std::string::npos);
  CHECK(f.rejections[2].message.find("group_wave 'x'") != std::string::npos);
  CHECK(f.rejections[3].message.find("'180' is not 0-100") != std::string::npos);
  CHECK(f.rejections[4].message == "user a@contoso.com is already planned in another row");  // case-insensitive
  CHECK(f.rejections[5].message == "no wave or no upn");
  REQUIRE(f.waves.size() == 2);  // W02 never got a good row
  CHECK(f.waves[1].id == "W03");
  CHECK(f.waves[1].pause_below == Approx(0.8));  // empty cell: the default
  f = parse_campaign_plan("wave,upn\nW01,a@contoso.com\n", "q.csv");
  REQUIRE(f.fatal);
  CHECK(f.fatal->find("not a campaign plan (missing columns: region, time_zone, group_wave, start_utc, end_utc)") !=
        std::string::npos);
  f = parse_campaign_plan("", "e.csv");
  REQUIRE(f.fatal);
  f = parse_campaign_plan(head, "h.csv");
  REQUIRE(f.fatal);
  CHECK(*f.fatal == "no planned users");
}
