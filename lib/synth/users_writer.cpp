// Why: the user list a registration campaign is planned from, in the shape
// of the Entra admin center's "Download users" CSV (current header). Values
// come from the synthetic tenant; departments and disabled accounts are
// derived from a hash of the UPN, not from the generator's random streams,
// so adding this file changed none of the other files.
#include <string_view>

#include "util/safe_text.h"
#include "synth/catalog.h"
#include "synth/writers.h"
#include "util/hash.h"
#include "util/text.h"

namespace idt::synth {
namespace {

constexpr std::string_view kHeader =
    "userPrincipalName,displayName,surname,mail,givenName,id,userType,jobTitle,department,accountEnabled,"
    "usageLocation,streetAddress,state,country,officeLocation,city,postalCode,telephoneNumber,mobilePhone,"
    "alternateEmailAddress,ageGroup,consentProvidedForMinor,legalAgeGroupClassification,companyName,creationType,"
    "directorySynced,invitationState,identityIssuer,createdDateTime";

constexpr std::string_view kDepartments[] = {"Finance", "Sales", "Engineering", "Operations",       "Marketing",
                                             "HR",      "Legal", "IT",          "Customer Support", "Research"};

struct CountryName {
  std::string_view iso2, name;
};
constexpr CountryName kCountryNames[] = {
    {"US", "United States"}, {"CA", "Canada"},      {"GB", "United Kingdom"}, {"IE", "Ireland"}, {"FR", "France"},
    {"DE", "Germany"},       {"CH", "Switzerland"}, {"NL", "Netherlands"},    {"ES", "Spain"},   {"IT", "Italy"},
    {"SE", "Sweden"},        {"PL", "Poland"},      {"BR", "Brazil"},         {"MX", "Mexico"},  {"IN", "India"},
    {"SG", "Singapore"},     {"JP", "Japan"},       {"AU", "Australia"}};

std::string_view country_name(std::string_view iso2) {
  for (const auto& c : kCountryNames)
    if (c.iso2 == iso2) return c.name;
  return iso2;
}

void field(std::string& out, std::string_view v, bool last = false) {
  append_csv_field(out, v);
  out += last ? '\n' : ',';
}

void row(std::string& out, std::string_view upn, std::string_view display, std::string_view given,
         std::string_view surname, std::string_view id, std::string_view department, bool enabled,
         std::string_view usage, std::string_view state, std::string_view country, std::string_view city) {
  field(out, upn);
  field(out, display);
  field(out, surname);
  field(out, upn);  // mail
  field(out, given);
  field(out, id);
  field(out, "Member");
  field(out, "");  // jobTitle
  field(out, department);
  field(out, enabled ? "True" : "False");
  field(out, usage);
  field(out, "");  // streetAddress
  field(out, state);
  field(out, country);
  field(out, city);  // officeLocation: the city's office
  field(out, city);
  for (int i = 0; i < 6; ++i) field(out, "");  // postalCode … consentProvidedForMinor
  field(out, "");                              // legalAgeGroupClassification
  field(out, "Contoso");
  field(out, "");
  field(out, "False");
  field(out, "");
  field(out, "");
  field(out, "", true);
}

}  // namespace

void write_users(std::string& out, const World& world) {
  out += kHeader;
  out += '\n';
  const auto city_tab = cities();
  for (const auto& u : world.users) {
    const CityEntry& c = city_tab[static_cast<std::size_t>(u.city)];
    std::uint64_t h = fnv1a(u.upn);
    std::string_view display = u.display;
    std::size_t sp = display.find(' ');
    std::string_view given = display.substr(0, sp),
                     surname = sp == std::string_view::npos ? "" : display.substr(sp + 1);
    row(out, u.upn, display, given, surname, u.id, kDepartments[h % std::size(kDepartments)], h % 97 != 0, c.country,
        c.state, country_name(c.country), c.city);
  }
  // Emergency-access accounts: in every directory, never part of a campaign.
  row(out, "bg1@contoso.com", "Emergency Access 1", "Emergency", "Access 1", "00000000-0000-4000-8000-0000000000b1",
      "IT", true, "US", "", "United States", "");
  row(out, "bg2@contoso.com", "Emergency Access 2", "Emergency", "Access 2", "00000000-0000-4000-8000-0000000000b2",
      "IT", true, "US", "", "United States", "");
}

}  // namespace idt::synth
