// Why: `idtriage detect FILE...` — what is this file: kind, format, records,
// time range, notes (columns used, layout, encoding).
#include "commands.h"
#include "common.h"
#include "formats/format.h"
#include "render/detect_render.h"

namespace idt::cmd {
namespace {

InputOptions opts;
bool list = false;

void setup(CLI::App& app) {
  opts.files_required = false;
  opts.add(app, {"table", "json", "jsonl", "csv", "tsv"}, false);
  app.add_flag("--list", list, "list the formats idtriage can read");
}

int run() {
  Output out(stdout, opts.color_on());
  if (list) {
    for (const Format* f : all_formats())
      out.buf() += std::string(f->name()) + "\t" + std::string(f->description()) + "\n";
    return kExitOk;
  }
  RunOptions ro = opts.run_options();
  ro.parse.log_fields = counting_log_fields();  // counts and times only
  OutputFormat fmt = opts.output_format();
  struct Discard final : UnitSink {  // detect only needs each file's summary
    void reset() override {}
  } discard;
  auto results = run_files_parallel(opts.files, ro, [&](std::size_t) -> UnitSink& { return discard; });
  opts.begin_output(out, fmt);
  render_detect(out, results, fmt);
  opts.quiet = true;  // the report counts rejections; stderr names only file errors
  return opts.finish(out, results, ro);
}

}  // namespace

extern const Command kDetect{"detect", "say what each file is: kind, format, records, first/last time", setup, run};

}  // namespace idt::cmd
