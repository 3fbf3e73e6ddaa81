// Why: `idtriage rules` — the classification rules as data: a listing, the
// idtriage.rules/1 JSON document, or KQL (datatables, stored functions and the
// ready triage aggregate query) for Log Analytics / Azure Data Explorer.
#include <cstdio>

#include "classify/ticket_classifier.h"
#include "commands.h"
#include "common.h"
#include "render/kql_text.h"
#include "render/output.h"
#include "render/rules_render.h"

namespace idt::cmd {
namespace {

std::string format = "table";
bool kql = false;
std::string flavor = "la";
std::string prefix = "Idt";
std::vector<std::string> rules_files;

void setup(CLI::App& app) {
  add_choice(app, "--format,-f", format, Choices({"table", "json", "kql"}),
             "output format (json: the idtriage.rules/1 document, docs/output.md)", "FMT");
  app.add_flag("--kql", kql, "same as --format kql: datatables, functions and the ready aggregate query");
  add_choice(app, "--flavor", flavor, Choices({std::string(kKqlFlavorNames[0]), std::string(kKqlFlavorNames[1])}),
             "KQL flavour (la: Log Analytics / Sentinel, one query to paste; adx: Azure Data Explorer, "
             ".create-or-alter function commands)",
             "NAME");
  app.add_option("--table-prefix", prefix, "prefix of every table and function the KQL defines (default Idt)")
      ->type_name("PREFIX");
  app.add_option("--rules", rules_files, "extra ticket rules file; same ids replace built-in rules (repeatable)")
      ->type_name("FILE");
}

int run() {
  if (kql) format = "kql";
  if (!is_kql_identifier(prefix))
    throw UsageError("--table-prefix: '" + prefix + "' is not a KQL name (letters, digits, '_'; not a digit first)");
  const TicketRules rules = load_ticket_rules(rules_files);
  Output out(stdout, false);
  if (format == "kql") {
    KqlOptions o;
    o.flavor = *parse_kql_flavor(flavor);
    o.prefix = prefix;
    out.write(rules_kql(rules, o));
    return kExitOk;
  }
  OutputFormat fmt = OutputFormat::table;
  parse_output_format(format, fmt);
  render_rules(out, rules, fmt);
  return kExitOk;
}

}  // namespace

extern const Command kRules{"rules", "the classification rules as a listing, JSON, or KQL for Log Analytics / ADX",
                            setup, run};

}  // namespace idt::cmd
