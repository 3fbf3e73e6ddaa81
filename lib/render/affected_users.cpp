// Why: see affected_users.h.
#include "render/affected_users.h"

#include "util/safe_text.h"
#include "util/text.h"
#include "util/time.h"

namespace idt {

namespace {

std::string time_or_empty(Micros t) { return t == kNoTime ? std::string() : format_rfc3339(t); }

std::string join(const std::vector<std::string>& v, char sep) {
  std::string o;
  for (const auto& s : v) {
    if (!o.empty()) o += sep;
    o += s;
  }
  return o;
}

}  // namespace

void render_affected_users_csv(std::string& out, const TriageReport& report) {
  out += "finding,kind,upn,first,last,classes,ticket_ids\n";
  for (const Finding& f : report.findings)
    for (const AffectedUser& u : f.evidence.affected) {
      append_row(out, {f.id, name(f.kind), u.user, time_or_empty(u.first), time_or_empty(u.last), join(u.classes, ';'),
                       join(u.ticket_ids, ' ')});
    }
}

}  // namespace idt
