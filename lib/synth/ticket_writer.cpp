// Why: renders planned tickets as a ServiceNow incident export (CSV with the
// field-name header, "yyyy-MM-dd HH:mm:ss" times, CRLF rows, descriptions
// with quoted newlines and commas) — the shape help desks hand over.
#include "synth/catalog.h"
#include "synth/text_out.h"
#include "synth/writers.h"
#include "util/safe_text.h"
#include "util/text.h"

namespace idt::synth {

std::string ticket_number(std::size_t i) {
  std::string n = std::to_string(10001 + i);
  return "INC" + std::string(n.size() < 7 ? 7 - n.size() : 0, '0') + n;
}

void write_tickets(std::string& out, const Plan& plan, const World& world) {
  out += "number,opened_at,short_description,description,caller_id,state,category,assignment_group\r\n";
  std::string when;
  for (std::size_t i = 0; i < plan.tickets.size(); ++i) {
    const TicketEv& t = plan.tickets[i];
    out += ticket_number(i);
    out += ',';
    when.clear();
    append_time_servicenow(when, t.t);
    out += when;
    out += ',';
    append_csv_field(out, t.tpl->title);
    out += ',';
    append_csv_field(out, t.tpl->description);
    out += ',';
    append_csv_field(out, world.users[t.user].display);
    out += ',';
    append_csv_field(out, ticket_states()[t.state]);
    out += ',';
    append_csv_field(out, t.tpl->category);
    out += ',';
    append_csv_field(out, t.tpl->group);
    out += "\r\n";
  }
}

}  // namespace idt::synth
