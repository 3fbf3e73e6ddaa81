// Why: `idtriage stats FILE...` — counts by class, reason, code, app and
// hour. Files are read in parallel into per-file aggregates, then merged;
// records repeated by overlapping exports are counted once (RecordIndex).
#include <deque>

#include "aggregate/dedupe.h"
#include "aggregate/log_stats.h"
#include "commands.h"
#include "common.h"
#include "render/stats_render.h"

namespace idt::cmd {
namespace {

InputOptions opts;
std::size_t top = 10;

// Counts each record once across overlapping exports, as triage does.
class StatsSink final : public UnitSink {
 public:
  StatsSink(RecordIndex& index, std::size_t file) : index_(&index), file_(static_cast<std::uint32_t>(file)) {}
  SigninStats signin;
  AuditStats audit;
  void reset() override {
    signin = SigninStats();
    audit = AuditStats();
    keyed = 0;
    index_->forget_file(file_);
  }
  void on_signin(const SignIn& r, const SigninClassification& c, const SourcePos& p) override {
    if (first(record_key(r), p)) signin.add(r, c);
  }
  void on_audit(const AuditEvent& e, const AuditClassification& c, const SourcePos& p) override {
    if (first(record_key(e), p)) audit.add(e, c);
  }
  std::uint32_t file() const { return file_; }
  std::uint64_t keyed = 0;  // records with an identity (RecordIndex::add_seen)

 private:
  bool first(std::uint64_t key, const SourcePos& p) {
    keyed += key != 0;
    return index_->first(key, p.file_index, p.offset);
  }
  RecordIndex* index_;
  std::uint32_t file_;
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
  RecordIndex index(opts.files.size());
  StatsReport report;
  report.top = top;
  report.files =
      run_files_parallel(opts.files, ro, [&](std::size_t file) -> UnitSink& { return sinks.emplace_back(index, file); });
  for (const auto& s : sinks) index.add_seen(s.file(), s.keyed);
  report.duplicates = index.duplicates_per_file();
  refuse_other_kinds(report.files, "stats");
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
