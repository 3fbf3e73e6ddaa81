// Why: see user_columns.h. The table below is the only place that knows how
// directory exports spell their columns; add a spelling here, nowhere else.
#include "formats/user_columns.h"

#include <algorithm>

#include "formats/ticket_columns.h"

namespace idt {
namespace {

using R = UserRole;

// Sources: Entra "Download users" (userPrincipalName, displayName, objectId
// or id, userType, department, accountEnabled, usageLocation, state, country,
// physicalDeliveryOfficeName or officeLocation, city — Microsoft Learn
// "Download a list of users"), Microsoft 365 admin center "Export users"
// ("User principal name", "Country/Region", "Usage location", "Office",
// "Block credential"), Get-MgUser | Export-Csv (PascalCase, same names).
// Priority within a role is table order.
constexpr UserRoleSynonym kSynonyms[] = {
    {R::upn, "userprincipalname"},
    {R::upn, "user principal name"},
    {R::upn, "user_principal_name"},
    {R::upn, "upn"},
    {R::upn, "sign-in name"},
    {R::upn, "username"},
    {R::upn, "user name"},
    {R::upn, "login"},
    {R::mail, "mail"},
    {R::mail, "email"},
    {R::mail, "e-mail"},
    {R::mail, "email address"},
    {R::mail, "e-mail address"},
    {R::mail, "primarysmtpaddress"},
    {R::mail, "primary smtp address"},
    {R::id, "objectid"},
    {R::id, "object id"},
    {R::id, "id"},
    {R::id, "user id"},
    {R::id, "userid"},
    {R::display, "displayname"},
    {R::display, "display name"},
    {R::display, "name"},
    {R::display, "full name"},
    {R::department, "department"},
    {R::department, "dept"},
    {R::department, "division"},
    {R::department, "business unit"},
    {R::country, "country"},
    {R::country, "country/region"},
    {R::country, "countryorregion"},
    {R::country, "country or region"},
    {R::usage_location, "usagelocation"},
    {R::usage_location, "usage location"},
    {R::region, "region"},
    {R::region, "geo"},
    {R::region, "geography"},
    {R::office, "officelocation"},
    {R::office, "office location"},
    {R::office, "physicaldeliveryofficename"},
    {R::office, "office"},
    {R::office, "site"},
    {R::office, "building"},
    {R::city, "city"},
    {R::city, "town"},
    {R::state, "state"},
    {R::state, "state or province"},
    {R::state, "province"},
    {R::timezone, "timezone"},
    {R::timezone, "time zone"},
    {R::timezone, "time_zone"},
    {R::timezone, "tz"},
    {R::timezone, "utc offset"},
    {R::timezone, "utcoffset"},
    {R::enabled, "accountenabled"},
    {R::enabled, "account enabled"},
    {R::enabled, "enabled"},
    {R::blocked, "block credential"},
    {R::blocked, "blockcredential"},
    {R::blocked, "sign-in blocked"},
    {R::user_type, "usertype"},
    {R::user_type, "user type"},
};

}  // namespace

std::span<const UserRoleSynonym> user_role_synonyms() { return kSynonyms; }

std::optional<UserRole> parse_user_role(std::string_view s) {
  std::string n = normalize_header(s);
  for (std::size_t i = 0; i < kUserRoleCount; ++i)
    if (n == kUserRoleNames[i]) return static_cast<UserRole>(i);
  for (const auto& syn : kSynonyms)
    if (n == syn.name) return syn.role;
  return std::nullopt;
}

Result<UserColumnMap> map_user_columns(std::span<const std::string> headers,
                                       const std::vector<std::pair<std::string, std::string>>& overrides) {
  UserColumnMap map;
  std::vector<std::string> norm;
  for (const auto& h : headers) norm.push_back(normalize_header(h));
  for (const auto& [role_name, column] : overrides) {
    auto role = parse_user_role(role_name);
    if (!role) {
      std::string list;
      for (auto n : kUserRoleNames) list += (list.empty() ? "" : ", ") + std::string(n);
      return Error{"--map " + role_name + "=" + column + ": unknown role '" + role_name + "' (roles: " + list + ")"};
    }
    auto it = std::find(norm.begin(), norm.end(), normalize_header(column));
    if (it == norm.end()) {
      std::string list;
      for (std::size_t i = 0; i < headers.size() && i < 40; ++i) list += (i ? ", '" : "'") + headers[i] + "'";
      return Error{"--map " + role_name + "=" + column + ": no column named '" + column + "' (columns: " + list + ")"};
    }
    map.index[static_cast<std::size_t>(*role)] = static_cast<int>(it - norm.begin());
    map.overridden[static_cast<std::size_t>(*role)] = true;
  }
  std::vector<bool> taken(norm.size(), false);
  for (int i : map.index)
    if (i != UserColumnMap::kAbsent) taken[static_cast<std::size_t>(i)] = true;
  for (const auto& syn : kSynonyms) {
    auto r = static_cast<std::size_t>(syn.role);
    if (map.index[r] != UserColumnMap::kAbsent) continue;
    for (std::size_t c = 0; c < norm.size(); ++c)
      if (!taken[c] && norm[c] == syn.name) {
        map.index[r] = static_cast<int>(c);
        taken[c] = true;
        break;
      }
  }
  return map;
}

}  // namespace idt
