// Why: `idtriage classify FILE...` — one line per record with its class,
// streamed in input order (table on a tty, JSON lines in a pipe).
#include "commands.h"
#include "common.h"
#include "model/classes.h"
#include "render/classify_writer.h"
#include "util/text.h"

namespace idt::cmd {
namespace {

InputOptions opts;
std::string only, fields;
bool list_fields = false, no_header = false;

void setup(CLI::App& app) {
  opts.files_required = false;
  opts.add(app, {"table", "jsonl", "csv", "tsv"});
  Choices classes{{kSigninClassNames.begin(), kSigninClassNames.end()}};
  classes.values.insert(classes.values.end(), kAuditClassNames.begin(), kAuditClassNames.end());
  classes.list_in_help = false;
  add_choice(app, "--only", only, std::move(classes),
             "only records of this class (e.g. auth_failure, portal_unreachable, registration_started)", "CLASS");
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
  if (!only.empty()) only_class = only;  // validated by --only's choices
  std::vector<std::string> names;
  for (const auto& f : opts.files) names.push_back(f == "-" ? "<stdin>" : f);
  opts.begin_output(out, fmt);
  ClassifyWriter writer(out, fmt, cols, names, only_class, !no_header);
  auto results = run_files(opts.files, ro, writer);
  refuse_other_kinds(results, "classify");
  return opts.finish(out, results, ro, fmt == OutputFormat::table);
}

}  // namespace

extern const Command kClassify{"classify", "print every record with its class, reason and rule", setup, run};

}  // namespace idt::cmd
