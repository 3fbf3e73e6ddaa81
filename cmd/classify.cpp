// Why: `idtriage classify FILE...` — one line per record with its class,
// streamed in input order (table on a tty, JSON lines in a pipe).
#include "model/classes.h"
#include "commands.h"
#include "common.h"
#include "render/classify_writer.h"
#include "render/reports.h"
#include "util/text.h"

namespace idt::cmd {
namespace {

InputOptions opts;
std::string only, fields;
bool list_fields = false, no_header = false;

void setup(CLI::App& app) {
  opts.files_required = false;
  opts.add(app, {"table", "jsonl", "csv", "tsv"});
  app.add_option("--only", only,
                 "only records of this class (e.g. auth_failure, portal_unreachable, registration_started)")
      ->type_name("CLASS");
  app.add_option("--fields", fields, "comma-separated columns (see --list-fields)")->type_name("LIST");
  app.add_flag("--list-fields", list_fields, "list the available columns and exit");
  app.add_flag("--no-header", no_header, "omit the header line (table, csv, tsv)");
}

int run() {
  Output out(stdout, opts.color_on());
  if (list_fields) {
    for (const auto& f : all_record_fields()) {
      std::string kinds = f.signin && f.audit ? "signin,audit" : f.signin ? "signin" : "audit";
      out.buf() += std::string(f.name) + "\t" + kinds + "\t" + std::string(f.help) + "\n";
    }
    return kExitOk;
  }
  if (opts.files.empty()) throw UsageError("no input files given (use '-' for stdin)");
  RunOptions ro = opts.run_options();
  OutputFormat fmt = opts.output_format();
  std::vector<const RecordField*> cols;
  if (!fields.empty()) {
    std::string err;
    if (!parse_field_list(fields, cols, err)) throw UsageError("--fields: " + err);
  }
  std::optional<std::string> only_class;
  if (!only.empty()) {
    if (!parse_signin_class(only) && !parse_audit_class(only)) {
      std::string best;
      std::size_t bd = 99;
      for (auto n : kSigninClassNames)
        if (auto d = edit_distance(only, n); d < bd) {
          bd = d;
          best = n;
        }
      for (auto n : kAuditClassNames)
        if (auto d = edit_distance(only, n); d < bd) {
          bd = d;
          best = n;
        }
      throw UsageError("--only: unknown class '" + only + "'" + (bd <= 4 ? " (did you mean '" + best + "'?)" : ""));
    }
    only_class = only;
  }
  std::vector<std::string> names;
  for (const auto& f : opts.files) names.push_back(f == "-" ? "<stdin>" : f);
  ClassifyWriter writer(out, fmt, cols, names, only_class, !no_header);
  auto results = run_files(opts.files, ro, writer);
  refuse_other_kinds(results, "classify");
  out.flush();
  report_problems(stderr, results, opts.quiet);
  if (fmt == OutputFormat::table && is_tty(stdout)) report_footer(stderr, results);
  return any_input_error(results, ro.parse.strict) ? kExitInput : kExitOk;
}

}  // namespace

extern const Command kClassify{"classify", "print every record with its class, reason and rule", setup, run};

}  // namespace idt::cmd
