// Why: user lists name the same column many ways (Entra "Download users"
// camelCase, Microsoft 365 admin center labels, Get-MgUser | Export-Csv,
// HR exports). One synonym table maps headers to roles, like the ticket
// columns; `--map role=Column` overrides it.
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

enum class UserRole : std::uint8_t {
  upn,
  mail,
  id,
  display,
  department,
  country,
  usage_location,
  region,
  office,
  city,
  state,
  timezone,
  enabled,
  blocked,  // "Block credential" (admin center): the inverse of enabled
  user_type,
  count_
};
inline constexpr std::size_t kUserRoleCount = static_cast<std::size_t>(UserRole::count_);
inline constexpr std::array<std::string_view, kUserRoleCount> kUserRoleNames = {
    "upn",    "mail", "id",    "display",  "department", "country", "usage_location", "region",
    "office", "city", "state", "timezone", "enabled",    "blocked", "user_type"};
static_assert(kUserRoleNames.size() == kUserRoleCount, "every UserRole needs a name");
static_assert(kUserRoleNames.back() == "user_type");
constexpr std::string_view name(UserRole r) { return kUserRoleNames[static_cast<std::size_t>(r)]; }

struct UserRoleSynonym {
  UserRole role;
  std::string_view name;  // normalised header (normalize_header)
};
std::span<const UserRoleSynonym> user_role_synonyms();
std::optional<UserRole> parse_user_role(std::string_view s);

struct UserColumnMap {
  static constexpr int kAbsent = -1;
  std::array<int, kUserRoleCount> index;
  std::array<bool, kUserRoleCount> overridden{};
  UserColumnMap() { index.fill(kAbsent); }
  int at(UserRole r) const { return index[static_cast<std::size_t>(r)]; }
  bool has(UserRole r) const { return at(r) != kAbsent; }
};

// Maps roles to columns (first synonym in table order wins; each column used
// once). `overrides` are (role, column) pairs from --map: an unknown role or
// a column missing from the header is an error naming both.
Result<UserColumnMap> map_user_columns(std::span<const std::string> headers,
                                       const std::vector<std::pair<std::string, std::string>>& overrides = {});

}  // namespace idt
