// Why: ticket exports name the same column a dozen ways (ServiceNow field names
// and labels, Jira in every UI language, GLPI, hand-made CSVs). One synonym
// table maps header names to column roles; `--map role=Column` overrides it.
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

enum class TicketRole : std::uint8_t {
  id,
  opened,
  title,
  description,
  caller,
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
    "id",       "opened",           "title",    "description", "caller",  "state",
    "category", "assignment_group", "assignee", "priority",    "resolved"};
static_assert(kTicketRoleNames.size() == kTicketRoleCount, "every TicketRole needs a name");
static_assert(kTicketRoleNames.back() == "resolved");

constexpr std::string_view name(TicketRole r) { return kTicketRoleNames[static_cast<std::size_t>(r)]; }
// Role names as written after --map (also "created"/"date" for opened, "summary" for title…).
std::optional<TicketRole> parse_ticket_role(std::string_view s);

enum class TicketFlavour : std::uint8_t { generic, servicenow, jira, glpi, count_ };
inline constexpr std::array<std::string_view, static_cast<std::size_t>(TicketFlavour::count_)> kTicketFlavourNames = {
    "generic", "servicenow", "jira", "glpi"};
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
