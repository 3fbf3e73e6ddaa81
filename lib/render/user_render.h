// Why: `idtriage user` draws one screen for one person — who, their sign-ins,
// registration events, tickets, what covers them, the diagnosis and the
// message to read out — as a table for the help desk or as
// idtriage.user/1 JSON for ticket systems (docs/user-json.md).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "aggregate/user_activity.h"
#include "correlate/caller.h"
#include "model/file_result.h"
#include "model/health.h"
#include "render/output.h"

namespace idt {

struct UserView {
  std::string query;
  std::string_view query_kind;  // upn, object_id, ticket, display_name
  const UserTicket* via_ticket = nullptr;
  bool found = false;
  std::string not_found;
  std::vector<std::string> suggestions;
  const UserActivity* activity = nullptr;
  const CallerCase* caller = nullptr;
  const TriageReport* report = nullptr;           // findings of the triage run (empty when not correlated)
  const std::vector<HealthIssueCopy>* health = nullptr;
  bool correlated = false;
  std::string source;  // "scan", "scan (pre-filter)", "index FILE"
  std::uint64_t skipped = 0;
  std::vector<InputReport> inputs;
  std::size_t limit = 40;  // sign-ins in the table (JSON has all)
};

void render_user(Output& out, const UserView& v, OutputFormat fmt);

}  // namespace idt
