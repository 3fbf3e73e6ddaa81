// Why: see precheck_run.h.
#include "run/precheck_run.h"

#include <deque>
#include <memory>

#include "formats/ca_policy_json.h"
#include "io/input.h"

namespace idt {
namespace {

class ImpactUnit final : public UnitSink {
 public:
  ImpactUnit(const std::vector<CaPolicyEval>& evals, const std::vector<std::string>& bg, SeenKeys& seen)
      : agg(evals, bg, seen) {}
  void on_signin(const SignIn& s, const SigninClassification& c, const SourcePos&) override { agg.add_signin(s, c); }
  void reset() override { agg.reset(); }
  PolicyImpactAggregate agg;
};

CaExportKind sniff_file(const std::string& path, Encoding enc) {
  if (path == "-") return CaExportKind::none;  // stdin can be read once only
  auto in = open_input(path, enc);
  if (!in.ok()) return CaExportKind::none;
  return sniff_ca_export(in->text());
}

}  // namespace

PrecheckRun run_precheck(const PrecheckInputs& in_given, const RunOptions& ro, const TriageOptions& to,
                         const TicketRules& rules, const PrecheckOptions& po) {
  PrecheckRun run;
  PrecheckInputs in = in_given;
  // Unlabelled policy and named-location exports are used as --policy / --locations.
  std::vector<std::string> logs;
  for (const auto& f : in.triage.detect) {
    CaExportKind k = sniff_file(f, ro.encoding);
    if (k == CaExportKind::policy)
      in.policies.push_back(f);
    else if (k == CaExportKind::named_location)
      in.locations.push_back(f);
    else
      logs.push_back(f);
  }
  in.triage.detect = logs;

  auto read_config = [&](const std::vector<std::string>& files, bool want_policies) {
    for (const auto& f : files) {
      std::size_t before = want_policies ? run.set.policies.size() : run.set.locations.size();
      auto r = read_ca_export(f, run.set, ro.encoding);
      run.config_files.push_back(f);
      if (!r.ok()) {
        run.unreadable.push_back(r.error().message);
        continue;
      }
      for (auto& w : r->warnings) run.warnings.push_back(std::move(w));
      std::size_t after = want_policies ? run.set.policies.size() : run.set.locations.size();
      if (after == before)
        run.warnings.push_back(f + (want_policies ? ": holds no Conditional Access policy (given as --policy)"
                                                  : ": holds no named location (given as --locations)"));
    }
  };
  read_config(in.policies, true);
  read_config(in.locations, false);
  for (const auto& [group, file] : in.groups) {
    UserReadOptions uo;
    uo.encoding = ro.encoding;
    DirectoryFile d = read_directory(file, uo);
    run.config_files.push_back(file);
    if (d.fatal) {
      run.unreadable.push_back(d.path + ": " + *d.fatal);
      continue;
    }
    GroupMembers g{group, {}, d.path};
    for (const auto& u : d.users) {
      g.members.push_back(u.upn);
      if (!u.id.empty()) g.members.push_back(u.id);
    }
    run.groups.push_back(std::move(g));
  }

  run.triage = run_triage(in.triage, ro, to, rules);
  for (const auto& rep : run.triage.inputs)
    if (rep.file.summary.fatal) run.unreadable.push_back(rep.file.summary.path + ": " + *rep.file.summary.fatal);

  run.evals.reserve(run.set.policies.size());
  for (const auto& p : run.set.policies) run.evals.emplace_back(p, run.set.locations, run.groups);

  // Second read: every sign-in file the triage read, each policy evaluated per record.
  std::vector<std::string> signin_files;
  for (const auto& rep : run.triage.inputs) {
    const FileSummary& s = rep.file.summary;
    if (s.fatal || s.kind != RecordKind::signin) continue;
    if (s.path == "<stdin>") {
      if (!run.evals.empty())
        run.warnings.push_back(
            "<stdin>: sign-ins read from stdin cannot be read a second time to measure the "
            "policy; give them as a file");
      continue;
    }
    signin_files.push_back(s.path);
  }
  if (!run.evals.empty() && !signin_files.empty()) {
    SeenKeys seen;
    std::deque<ImpactUnit> units;
    RunOptions r = ro;
    r.want = RecordKind::signin;
    run_files_parallel(signin_files, r,
                       [&](std::size_t) -> UnitSink& { return units.emplace_back(run.evals, po.breakglass, seen); });
    PolicyImpactAggregate total(run.evals, po.breakglass, seen);
    for (const auto& u : units) total.merge(u.agg);
    run.impact = std::move(total.impact);
    run.breakglass_ids = std::move(total.breakglass_ids);
    run.impact_duplicates = total.duplicates;
    run.impact_workload = total.skipped_workload;
  }

  PrecheckEvidence ev;
  ev.report = &run.triage.report;
  ev.agg = run.triage.agg.get();
  for (const auto& rep : run.triage.inputs) mark_input(ev.inputs, rep.file.summary);
  ev.unreadable = run.unreadable;
  for (std::size_t i = 0; i < run.evals.size(); ++i)
    ev.policies.push_back({&run.evals[i], i < run.impact.size() ? &run.impact[i] : nullptr});
  ev.breakglass_ids = &run.breakglass_ids;
  run.report = decide_precheck(ev, po);
  run.input_error = run.triage.input_error || !run.unreadable.empty();
  return run;
}

}  // namespace idt
