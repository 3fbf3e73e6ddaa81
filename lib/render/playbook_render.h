// Why: `playbook` output — one playbook as terminal text, Markdown or JSON,
// and the list of playbooks. The user message is filled here (fill_template)
// so every format shows the same text.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "playbook/playbook.h"
#include "render/output.h"

namespace idt {

// table | md | json (anything else renders as table).
void render_playbook_list(Output& out, const std::vector<Playbook>& playbooks, OutputFormat fmt);
// table | md | json. `values` fill the user-message placeholders; the rest
// stay visible as {name}.
void render_playbook(Output& out, const Playbook& pb, OutputFormat fmt, const TemplateValues& values = {});

}  // namespace idt
