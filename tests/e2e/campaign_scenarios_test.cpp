// Why: the campaign commands end to end, the way a user runs them: synth
// writes a tenant's user list, sign-ins and audit log; run_campaign_plan
// (the CLI's call) must give the same plan however the history is split
// across threads, every enabled user exactly once; and run_campaign_check
// must call "completed" exactly the planned users whose registration the
// audit log shows completed.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>

#include "aggregate/triage_aggregate.h"
#include "formats/users_csv.h"
#include "render/campaign_render.h"
#include "run/campaign_run.h"
#include "synth/synth.h"
#include "util/text.h"

using namespace idt;
namespace fs = std::filesystem;

namespace {

struct Tenant {
  fs::path dir;
  std::string users, signins, audit, health;
  explicit Tenant(const std::string& scenario) {
    synth::SynthOptions o;
    o.scenario = scenario;
    o.users = 400;
    auto out = synth::generate(o);
    REQUIRE(out.ok());
    dir = fs::temp_directory_path() / ("idtriage-campaign-" + scenario + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    REQUIRE(synth::write_output(out.value(), dir.string()).ok());
    for (const auto& f : out->files) {
      std::string p = (dir / f.name).string();
      if (f.kind == "users") users = p;
      if (f.kind == "signin") signins = p;
      if (f.kind == "audit") audit = p;
      if (f.kind == "health") health = p;
    }
  }
  ~Tenant() { fs::remove_all(dir); }
};

CampaignOptions options() {
  CampaignOptions o;
  o.start_year = 2026;
  o.start_month = 6;
  o.start_day = 1;
  o.wave_size = 50;
  o.exclude = {"bg1@contoso.com", "bg2@contoso.com"};
  return o;
}

struct Completed final : public Sink {
  std::set<std::string> users;
  void on_audit(const AuditEvent& e, const AuditClassification& c, const SourcePos&) override {
    if (c.cls != AuditClass::registration_completed) return;
    std::string u(audit_user(e));
    for (char& ch : u) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    users.insert(u);
  }
};

}  // namespace

TEST_CASE("campaign plan: the same plan from one thread or many slices, every enabled user once", "[e2e][campaign]") {
  Tenant t("campaign_peak");
  RunOptions one;
  one.threads = 1;
  RunOptions split;
  split.threads = 3;
  split.split_min = 1;
  split.slice_min = 256 * 1024;
  CampaignPlanRun a = run_campaign_plan(t.users, {}, {t.signins}, one, options());
  CampaignPlanRun b = run_campaign_plan(t.users, {}, {t.signins}, split, options());
  REQUIRE_FALSE(a.input_error);
  REQUIRE_FALSE(b.input_error);
  CHECK(a.history_counted > 1000);
  CHECK(a.history_counted == b.history_counted);
  REQUIRE(a.plan.waves.size() == b.plan.waves.size());
  for (std::size_t i = 0; i < a.plan.waves.size(); ++i) {
    CHECK(a.plan.waves[i].start == b.plan.waves[i].start);
    CHECK(a.plan.waves[i].users == b.plan.waves[i].users);
  }
  std::size_t peaks_from_history = 0;
  for (const auto& g : a.plan.setup.groups) peaks_from_history += g.peak_from_history;
  CHECK(peaks_from_history > 0);
  DirectoryFile d = read_directory(t.users);
  std::size_t enabled = 0;
  for (const auto& u : d.users) enabled += u.enabled != Tri::no && u.upn.rfind("bg", 0) != 0;
  std::set<std::string> planned;
  for (const auto& w : a.plan.waves)
    for (std::size_t u : w.users) CHECK(planned.insert(a.plan.setup.users[u].upn).second);
  CHECK(planned.size() == enabled);
  CHECK(d.users.size() == 402);  // 400 users and two break-glass accounts
  CHECK(a.plan.setup.skipped.size() == d.users.size() - enabled);
}

TEST_CASE("campaign check: completed exactly when the audit log says so", "[e2e][campaign]") {
  Tenant t("campaign_peak");
  CampaignPlanRun p = run_campaign_plan(t.users, {}, {}, RunOptions{}, options());
  CampaignPlanView v;
  v.plan = &p.plan;
  Output out(nullptr);
  render_campaign_plan(out, v, OutputFormat::csv);
  std::string plan_path = (t.dir / "plan.csv").string();
  {
    FILE* f = std::fopen(plan_path.c_str(), "wb");
    REQUIRE(f);
    std::fwrite(out.buf().data(), 1, out.buf().size(), f);
    std::fclose(f);
  }
  out.buf().clear();
  Micros at = from_civil(2026, 6, 2, 0, 0, 0, 0);
  CampaignCheckRun c = run_campaign_check(plan_path, {t.audit, t.health}, RunOptions{}, at);
  REQUIRE_FALSE(c.input_error);
  Completed oracle;
  run_files({t.audit}, RunOptions{}, oracle);
  REQUIRE(oracle.users.size() > 20);
  std::size_t completed = 0;
  for (const auto& u : c.check.users) {
    bool done = u.status == "completed";
    INFO(c.plan.users[u.user].upn);
    CHECK(done == (oracle.users.count(c.plan.users[u.user].upn) == 1));
    completed += done;
  }
  CHECK(completed > 20);
  CHECK(c.check.todo == c.plan.users.size() - completed);
}
