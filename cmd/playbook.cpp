// Why: `idtriage playbook [ID]` — list the built-in playbooks, or print one:
// who acts, help-desk / admin / comms steps, what not to do, user message.
#include <fmt/format.h>

#include "commands.h"
#include "common.h"
#include "playbook/playbook.h"
#include "render/output.h"
#include "render/playbook_render.h"
#include "util/text.h"

namespace idt::cmd {
namespace {

std::string id;
std::string format = "table";
std::string color = "auto";
std::vector<std::string> sets;

void setup(CLI::App& app) {
  Choices ids;
  for (const Playbook& pb : builtin_playbooks()) ids.values.push_back(pb.id);
  ids.list_in_help = false;
  declare_values(
      app.add_option("id", id, "playbook to print: a finding kind (e.g. provider_portal_outage) or a general playbook")
          ->type_name("ID"),
      std::move(ids));
  add_format_option(app, format, {"table", "md", "json"}, false);
  add_set_option(app, sets);
  add_color_option(app, color);
}

int run() {
  const OutputFormat fmt = to_output_format(format);
  TemplateValues values = parse_set_options(sets);
  if (!builtin_playbook_errors().empty()) {
    // A built-in that does not parse is a bug; say so but still serve the rest.
    for (const Error& e : builtin_playbook_errors())
      fmt::print(stderr, "idtriage: internal error in built-in playbook: {}\n", e.message);
  }
  Output out(stdout, fmt == OutputFormat::table && color_on(color));
  if (id.empty()) {
    if (!values.empty()) throw UsageError("--set needs a playbook ID");
    render_playbook_list(out, builtin_playbooks(), fmt);
    return builtin_playbook_errors().empty() ? kExitOk : kExitInternal;
  }
  const Playbook* pb = find_playbook(id);
  if (!pb) {
    std::string msg = "unknown playbook '" + id + "'";
    std::vector<std::string_view> near = suggest_playbooks(id);
    if (!near.empty()) {
      msg += " (did you mean";
      for (std::size_t i = 0; i < near.size(); ++i)
        msg += std::string(i ? ", " : " ") + "'" + std::string(near[i]) + "'";
      msg += "?)";
    }
    msg += "\nRun 'idtriage playbook' for the list.";
    throw UsageError(msg);
  }
  render_playbook(out, *pb, fmt, values);
  return kExitOk;
}

}  // namespace

extern const Command kPlaybook{
    "playbook", "list the incident playbooks, or print one (steps, do-not list, user message)", setup, run};

}  // namespace idt::cmd
