// Why: ticket exports name the same column a dozen ways (ServiceNow field names
// and labels, Jira in every UI language, GLPI, Freshdesk, Freshservice, Zendesk,
// osTicket, hand-made CSVs). One synonym table maps header names to column
// roles; `--map role=Column` overrides it.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/result.h"

namespace idt {

// caller is who raised the ticket, the e-mail column first (what sign-in logs
// know the user by); caller_name is the requester's display name when the
// export has it beside that e-mail. Without an e-mail column the name (or
// login) column is the caller and caller_name stays absent.
enum class TicketRole : std::uint8_t {
  id,
  opened,
  title,
  description,
  caller,
  caller_name,
  state,
  category,
  assignment_group,
  assignee,
  priority,
  resolved,
  count_
};
inline constexpr std::size_t kTicketRoleCount = static_cast<std::size_t>(TicketRole::count_);
inline constexpr std::array<std::string_view, kTicketRoleCount> kTicketRoleNames = {
    "id",       "opened",           "title",    "description", "caller",  "caller_name", "state",
    "category", "assignment_group", "assignee", "priority",    "resolved"};
static_assert(kTicketRoleNames.size() == kTicketRoleCount, "every TicketRole needs a name");
static_assert(kTicketRoleNames.back() == "resolved");

constexpr std::string_view name(TicketRole r) { return kTicketRoleNames[static_cast<std::size_t>(r)]; }
// Role names as written after --map (also "created"/"date" for opened, "summary" for title…).
std::optional<TicketRole> parse_ticket_role(std::string_view s);

enum class TicketFlavour : std::uint8_t {
  generic,
  servicenow,
  jira,
  glpi,
  freshdesk,
  freshservice,
  zendesk,
  osticket,
  count_
};
inline constexpr std::array<std::string_view, static_cast<std::size_t>(TicketFlavour::count_)> kTicketFlavourNames = {
    "generic", "servicenow", "jira", "glpi", "freshdesk", "freshservice", "zendesk", "osticket"};
static_assert(kTicketFlavourNames.back() == "osticket", "every TicketFlavour needs a name");
constexpr std::string_view name(TicketFlavour f) { return kTicketFlavourNames[static_cast<std::size_t>(f)]; }

// The synonym table: entries for one role are in priority order (first match wins).
struct RoleSynonym {
  TicketRole role;
  std::string_view name;  // normalised spelling (see normalize_header)
};
std::span<const RoleSynonym> role_synonym_table();

// Lower-case (ASCII and Latin-1 letters in UTF-8), collapse runs of whitespace,
// trim, drop a UTF-8 BOM: "  Data de  Abertura " -> "data de abertura".
std::string normalize_header(std::string_view s);

// A Zendesk custom field's header without its type suffix ("Ticket Category
// [list]" -> "ticket category"); empty if `normalized` has no such suffix.
std::string_view zendesk_field_name(std::string_view normalized);

// A ticket id as the help desk shows it: digit groups split by a space, a
// no-break or a thin space ("52 267", GLPI pt-BR) become "52267" (in `buf`);
// anything else is returned unchanged.
std::string_view plain_ticket_id(std::string_view id, std::string& buf);

// Headers that only Entra / Log Analytics sign-in and audit exports carry
// (ResultType, AppDisplayName, OperationName, "Sign-in error code", Activity…).
bool is_foreign_header(std::string_view normalized);

struct ColumnMap {
  static constexpr int kAbsent = -1;
  std::array<int, kTicketRoleCount> index;          // column index per role, kAbsent if none
  std::array<bool, kTicketRoleCount> overridden{};  // set by --map
  TicketFlavour flavour = TicketFlavour::generic;
  std::size_t foreign_headers = 0;  // count of is_foreign_header() hits

  ColumnMap() { index.fill(kAbsent); }
  int at(TicketRole r) const { return index[static_cast<std::size_t>(r)]; }
  bool has(TicketRole r) const { return at(r) != kAbsent; }
  std::size_t roles_found() const;
};

// Maps roles to columns. `overrides` are (role, column name) pairs from --map;
// an unknown role or a column missing from the header is an error naming both.
Result<ColumnMap> map_ticket_columns(std::span<const std::string> headers,
                                     const std::vector<std::pair<std::string, std::string>>& overrides = {});

}  // namespace idt
