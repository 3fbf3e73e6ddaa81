// Why: `idtriage stats FILE...` — counts by class, reason, code, app and
// hour. Files are read in parallel into per-file aggregates, then merged.
#include <deque>

#include "aggregate/log_stats.h"
#include "commands.h"
#include "common.h"
#include "render/stats_render.h"

namespace idt::cmd {
namespace {

InputOptions opts;
std::size_t top = 10;

class StatsSink final : public UnitSink {
 public:
  SigninStats signin;
  AuditStats audit;
  void reset() override { *this = StatsSink(); }
  void on_signin(const SignIn& r, const SigninClassification& c, const SourcePos&) override { signin.add(r, c); }
  void on_audit(const AuditEvent& e, const AuditClassification& c, const SourcePos&) override { audit.add(e, c); }
};

void setup(CLI::App& app) {
  opts.add(app, {"table", "json"});
  app.add_option("--top", top, "rows in each top-N table (text output)")->type_name("N");
}

int run() {
  RunOptions ro = opts.run_options();
  ro.parse.log_fields = counting_log_fields();  // what classification and the counts read
  OutputFormat fmt = opts.output_format();
  Output out(stdout, opts.color_on());
  std::deque<StatsSink> sinks;  // one per work unit (a big file may be read in slices)
  StatsReport report;
  report.top = top;
  report.files = run_files_parallel(opts.files, ro, [&](std::size_t) -> UnitSink& { return sinks.emplace_back(); });
  for (const auto& s : sinks) {
    report.signin.merge(s.signin);
    report.audit.merge(s.audit);
  }
  render_stats(out, report, fmt);
  return opts.finish(out, report.files, ro);
}

}  // namespace

extern const Command kStats{"stats", "count records by class, reason, error code, app and hour", setup, run};

}  // namespace idt::cmd
