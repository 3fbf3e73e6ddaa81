// Why: see campaign_run.h.
#include "run/campaign_run.h"

#include <deque>
#include <unordered_set>

#include "aggregate/campaign_aggregates.h"
#include "formats/campaign_plan_csv.h"

namespace idt {
namespace {

class HourUnit final : public UnitSink {
 public:
  HourUnit(const std::unordered_map<std::string, std::size_t>& g, const std::vector<const TimeZone*>& z) : agg(g, z) {}
  void on_signin(const SignIn& s, const SigninClassification& c, const SourcePos&) override { agg.add_signin(s, c); }
  void reset() override { agg.reset(); }
  HourProfileAggregate agg;
};

class ProgressUnit final : public UnitSink {
 public:
  explicit ProgressUnit(const std::unordered_set<std::string>& users) : agg(users) {}
  void on_audit(const AuditEvent& e, const AuditClassification& c, const SourcePos&) override { agg.add_audit(e, c); }
  void on_health(const HealthIssue& h, const HealthRelevance&, const SourcePos&) override { agg.add_health(h); }
  void reset() override { agg.reset(); }
  RegistrationProgress agg;
};

}  // namespace

CampaignPlanRun run_campaign_plan(const std::string& users_file, const UserReadOptions& uo,
                                  const std::vector<std::string>& history, const RunOptions& ro,
                                  const CampaignOptions& co) {
  CampaignPlanRun run;
  run.users = read_directory(users_file, uo);
  run.input_error = run.users.fatal.has_value() || (uo.strict && run.users.rejected > 0);
  CampaignSetup setup = group_users(run.users.users, co);
  std::vector<std::array<std::uint64_t, 24>> hours;
  if (!history.empty()) {
    std::vector<const TimeZone*> zones;
    for (const auto& g : setup.groups) zones.push_back(&g.zone);
    std::deque<HourUnit> units;
    RunOptions r = ro;
    r.want = RecordKind::signin;
    run.history = run_files_parallel(
        history, r, [&](std::size_t) -> UnitSink& { return units.emplace_back(setup.group_of, zones); });
    HourProfileAggregate total(setup.group_of, zones);
    for (const auto& u : units) total.merge(u.agg);
    hours = total.hours;
    run.history_counted = total.counted;
    run.history_other_users = total.other_users;
    run.input_error |= any_input_error(run.history, ro.parse.strict);
  }
  run.plan = make_plan(std::move(setup), hours, !history.empty(), co);
  return run;
}

CampaignCheckRun run_campaign_check(const std::string& plan_file, const std::vector<std::string>& inputs,
                                    const RunOptions& ro, Micros at) {
  CampaignCheckRun run;
  run.plan = read_campaign_plan(plan_file, ro.encoding);
  run.input_error = run.plan.fatal.has_value() || (ro.parse.strict && run.plan.rejected > 0);
  std::unordered_set<std::string> users;
  for (const auto& u : run.plan.users) users.insert(u.upn);
  std::deque<ProgressUnit> units;
  run.inputs = run_files_parallel(inputs, ro, [&](std::size_t) -> UnitSink& { return units.emplace_back(users); });
  RegistrationProgress total(users);
  for (const auto& u : units) total.merge(u.agg);
  total.finish();
  run.registration_events = total.registration_events;
  run.other_users = total.other_users;
  run.input_error |= any_input_error(run.inputs, ro.parse.strict);
  if (!run.plan.fatal) run.check = check_campaign(run.plan, total.events, total.health, at);
  return run;
}

}  // namespace idt
