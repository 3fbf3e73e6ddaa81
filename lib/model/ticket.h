// Why: the one normalised help-desk ticket (ServiceNow, Jira, GLPI, Freshdesk,
// Freshservice, Zendesk, osTicket, generic CSV). Views point into the input or the reader's per-row arena and are valid
// only during the sink callback: a sink that keeps data copies it.
#pragma once
#include <string_view>

#include "util/time.h"

namespace idt {

struct Ticket {
  std::string_view id;                // "INC0000045", "TES-25", "1234"; empty if the file has no id column
  Micros opened = kNoTime;            // UTC; kNoTime if absent or unparseable
  std::string_view opened_text;       // the opened value as written
  std::string_view title;             // short_description / Summary / Título …
  std::string_view description;       // description / body (kept separate, never concatenated)
  std::string_view caller;            // who raised it: the e-mail when the export has one (Requester email,
                                      // Contact ID …), else the name or login (caller_id / Reporter / Requerente …)
  std::string_view caller_name;       // the display name beside that e-mail (Requester, Full name …), else empty
  std::string_view state;             // state / Status / Estado …
  std::string_view category;          // category / Issue Type …
  std::string_view assignment_group;  // assignment_group / Grupo técnico …
  std::string_view assignee;          // assigned_to / Assignee …
  std::string_view priority;
  Micros resolved = kNoTime;  // resolved_at / Resolved (UTC), kNoTime if absent

  void clear() { *this = Ticket{}; }
};

}  // namespace idt
