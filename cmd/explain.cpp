// Why: `idtriage explain CODE` — what an Entra error code means for a help
// desk: class, reason, meaning, what to do (and not do).
#include "classify/codes.h"
#include "commands.h"
#include "common.h"
#include "render/explain_render.h"
#include "render/output.h"
#include "util/text.h"

namespace idt::cmd {
namespace {

std::vector<std::string> codes;
std::string format = "table";
std::string color = "auto";
bool list = false;

void setup(CLI::App& app) {
  app.add_option("codes", codes, "error codes (50126, AADSTS50126, …)")->type_name("CODE");
  add_format_option(app, format, {"table", "json"}, false);
  add_color_option(app, color);
  app.add_flag("--list", list, "list every code in the table");
}

int run() {
  const OutputFormat fmt = to_output_format(format);
  Output out(stdout, fmt == OutputFormat::table && color_on(color));
  if (list) {
    render_code_list(out, fmt);
    return kExitOk;
  }
  if (codes.empty()) throw UsageError("give at least one error code, or --list");
  for (const auto& c : codes) {
    std::string_view s = trim(c);
    if (istarts_with(s, "AADSTS")) s.remove_prefix(6);
    long long code;
    if (!parse_int(s, code)) throw UsageError("'" + c + "' is not an error code (expected digits, e.g. 50126)");
    render_explain(out, code, lookup_code(code), fmt);
  }
  return kExitOk;
}

}  // namespace

extern const Command kExplain{"explain", "explain an Entra sign-in error code: class, meaning, what to do", setup, run};

}  // namespace idt::cmd
