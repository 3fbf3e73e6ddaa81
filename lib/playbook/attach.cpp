// Why: see attach.h.
#include "playbook/attach.h"

#include "playbook/playbook.h"

namespace idt {

namespace {

void add_filled(std::vector<std::string>& out, std::string_view prefix, const std::vector<std::string>& steps,
                const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& s : steps)
    if (auto line = fill_line(s, values)) out.push_back(std::string(prefix) + *line);
}

std::string value_of(const Finding& f, std::string_view key) {
  for (const auto& [k, v] : f.fill)
    if (k == key) return v;
  return {};
}

}  // namespace

void attach_playbooks(TriageReport& report, const std::vector<std::pair<std::string, std::string>>& settings) {
  for (Finding& f : report.findings) {
    const Playbook* p = find_playbook(f.kind);
    if (!p) continue;
    // The finding's own values win over --set (the incident id it matched…),
    // except where --set gives one the finding lacks.
    std::vector<std::pair<std::string, std::string>> values = settings;
    values.insert(values.end(), f.fill.begin(), f.fill.end());
    f.playbook = p->id;
    f.actions.clear();
    add_filled(f.actions, "admin: ", p->admin, values);
    add_filled(f.actions, "help desk: ", p->helpdesk, values);
    add_filled(f.actions, "comms: ", p->comms, values);
    f.do_not.clear();
    add_filled(f.do_not, "", p->do_not, values);
    f.message_subject = p->message_subject.empty() ? "" : fill_line(p->message_subject, values).value_or("");
    f.message = fill_message(p->message_body, values);
  }
  if (report.state != VerdictState::findings || report.findings.empty()) return;
  const Finding& main = report.findings.front();
  const Playbook* p = find_playbook(main.kind);
  if (!p || p->verdict.empty()) return;
  const std::string match =
      main.evidence.health_incidents.empty() ? "" : "matches " + main.evidence.health_incidents.front() + ", ";
  const std::vector<std::pair<std::string, std::string>> v = {
      {"when", value_of(main, "when")},
      {"status", main.ongoing ? "in progress" : "over"},
      {"suspected", main.suspected ? " (suspected)" : ""},
      {"match", match},
      {"cause", main.root_cause},
  };
  report.verdict = fill_template(p->verdict, v);
  report.verdict_detail = fill_template(p->verdict_detail, v);
}

}  // namespace idt
