// Why: `idtriage health FILE...` — the provider's service-health issues from
// any supported export, with identity relevance and its reason; check this
// before changing Conditional Access or resetting methods.
#include <cstdint>
#include <deque>

#include "commands.h"
#include "common.h"
#include "render/health_render.h"
#include "util/time.h"

namespace idt::cmd {
namespace {

InputOptions opts;
bool identity_only = false;
std::string active_at;

// Keeps every issue (with its identity relevance, judged by the pipeline).
class HealthCollector final : public UnitSink {
 public:
  explicit HealthCollector(std::uint32_t file) : file_(file) {}
  void reset() override { issues.clear(); }
  void on_health(const HealthIssue& h, const HealthRelevance&, const SourcePos& p) override {
    issues.push_back(HealthListed{HealthIssueCopy(h), file_, p.line});
  }
  std::vector<HealthListed> issues;

 private:
  std::uint32_t file_;
};

void setup(CLI::App& app) {
  opts.with_kind = false;  // it reads one kind of input (triage labels inputs instead)
  opts.add(app, {"table", "jsonl", "json"});
  app.add_flag("--identity-only", identity_only,
               "only issues about sign-in, MFA, security info, SSPR, Conditional Access, Entra");
  app.add_option("--active-at", active_at, "only issues active at TIME (RFC 3339, date, now, or -2h)")
      ->type_name("TIME");
}

int run() {
  RunOptions ro = opts.run_options();
  ro.want = RecordKind::health;
  OutputFormat fmt = opts.output_format();
  HealthReport report;
  report.identity_only = identity_only;
  report.since = ro.since;
  report.until = ro.until;
  if (!active_at.empty()) {
    auto t = parse_time_arg(active_at, now_micros());
    if (!t)
      throw UsageError("--active-at: cannot read '" + active_at + "' as a time (RFC 3339, YYYY-MM-DD, now, or -2h)");
    report.active_at = *t;
  }
  std::deque<HealthCollector> sinks;
  for (std::size_t i = 0; i < opts.files.size(); ++i) sinks.emplace_back(static_cast<std::uint32_t>(i));
  report.files = run_files_parallel(opts.files, ro, [&](std::size_t i) -> UnitSink& { return sinks[i]; });
  for (auto& s : sinks) select_health(std::move(s.issues), report, report);
  Output out(stdout, opts.color_on());
  render_health(out, report, fmt);
  return opts.finish(out, report.files, ro);
}

}  // namespace

extern const Command kHealth{"health", "list provider service-health issues with their identity relevance", setup, run};

}  // namespace idt::cmd
