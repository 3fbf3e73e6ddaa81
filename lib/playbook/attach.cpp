// Why: see attach.h.
#include "playbook/attach.h"

#include "playbook/playbook.h"

namespace idt {

void attach_playbooks(TriageReport& report) {
  for (Finding& f : report.findings) {
    const Playbook* p = find_playbook(f.kind);
    if (!p) continue;
    f.playbook = p->id;
    f.actions.clear();
    for (const auto& s : p->admin) f.actions.push_back("admin: " + s);
    for (const auto& s : p->helpdesk) f.actions.push_back("help desk: " + s);
    for (const auto& s : p->comms) f.actions.push_back("comms: " + s);
    f.do_not = p->do_not;
  }
}

}  // namespace idt
