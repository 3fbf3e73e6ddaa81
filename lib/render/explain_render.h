// Why: `idtriage explain` output — what an Entra error code means for a
// help desk (class, reason, meaning, advice), and the whole code table.
#pragma once
#include <cstdint>

#include "classify/codes.h"
#include "render/output.h"

namespace idt {

// code == nullptr: unknown code (still rendered, saying so).
void render_explain(Output& out, std::int64_t code, const CodeInfo* info, OutputFormat fmt);
void render_code_list(Output& out, OutputFormat fmt);

}  // namespace idt
