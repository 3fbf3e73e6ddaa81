// Why: `idtriage user` as one library call: find who the query means (UPN,
// object id, ticket id, display name), collect their records in the same pass
// as the triage correlation over the same inputs (or, with `quick`, in a
// parallel scan behind a byte pre-filter, without correlation), decide which
// findings and health issues cover them, and write the diagnosis.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "aggregate/user_activity.h"
#include "correlate/caller.h"
#include "run/triage_run.h"

namespace idt {

enum class UserQueryKind : std::uint8_t { upn, object_id, ticket, display_name };
std::string_view name(UserQueryKind k);
// '@' → UPN, a GUID → object id, anything else → a ticket id first, then a display name.
UserQueryKind guess_query_kind(std::string_view q);

class UserIndex;

struct UserRunOptions {
  // A valid index (UserIndex::stale_reason empty) for these inputs: only the
  // person's records are parsed, findings and health come from the index.
  const UserIndex* index = nullptr;
  bool quick = false;      // records only: no triage correlation (no findings, said so)
  bool prefilter = true;   // quick scans skip records without the person's bytes (util/folded_search.h)
};

struct UserRun {
  std::string query;
  UserQueryKind kind = UserQueryKind::upn;
  std::optional<UserTicket> via_ticket;  // the ticket the query named
  bool found = false;                    // any record or ticket of the person
  std::string not_found;                 // why not, for the message
  std::vector<std::string> suggestions;  // close UPNs / ticket ids / names
  UserActivity activity;
  TriageRun triage;          // empty report when quick
  bool correlated = false;   // findings come from a triage run over the same inputs
  CallerCase caller;
  std::vector<InputReport> inputs;  // every input as read
  std::uint64_t skipped = 0;        // records the pre-filter skipped unparsed
  bool input_error = false;
  bool from_index = false;
};

// `rules` null = the built-in ticket rules, compiled only if a ticket is read
// (an indexed lookup reads none: the index keeps each ticket's class).
UserRun run_user(const TriageInputs& in, const RunOptions& opts, const TriageOptions& topts, const TicketRules* rules,
                 std::string_view query, const UserRunOptions& uopts);

// Up to `max` candidates closest to `word` (edit distance, local part of a
// UPN too), for "did you mean".
std::vector<std::string> close_matches(std::string_view word, const std::vector<std::string>& candidates,
                                       std::size_t max = 3);

}  // namespace idt
