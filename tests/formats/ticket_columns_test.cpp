// Why: the synonym table is data that decides which column a role reads; these
// tests keep it consistent (normalised, no spelling claimed twice), pin the
// caller / caller_name rule, the Zendesk field suffixes, the flavour votes and
// the digit-group ids.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "formats/ticket_columns.h"

using namespace idt;

namespace {

ColumnMap mapped(std::vector<std::string> headers, std::vector<std::pair<std::string, std::string>> overrides = {}) {
  auto m = map_ticket_columns(headers, overrides);
  REQUIRE(m.ok());
  return *m;
}

}  // namespace

TEST_CASE("ticket columns: the synonym table is normalised and claims each spelling once", "[tickets][columns]") {
  std::map<std::string, TicketRole> seen;
  for (const auto& s : role_synonym_table()) {
    INFO(s.name);
    CHECK(normalize_header(s.name) == s.name);
    auto [it, fresh] = seen.emplace(std::string(s.name), s.role);
    CHECK(fresh);  // a spelling belongs to one role, listed once
    CHECK_FALSE(is_foreign_header(s.name));
  }
  std::set<TicketRole> roles;
  for (const auto& s : role_synonym_table()) roles.insert(s.role);
  CHECK(roles.size() == kTicketRoleCount);  // every role has spellings
}

TEST_CASE("ticket columns: caller prefers the e-mail, caller_name keeps the display name", "[tickets][columns]") {
  ColumnMap z = mapped({"Summation column", "Id", "Requester", "Requester id", "Requester email", "Subject"});
  CHECK(z.at(TicketRole::caller) == 4);
  CHECK(z.at(TicketRole::caller_name) == 2);

  ColumnMap snow = mapped({"number", "caller_id", "opened_by", "short_description"});
  CHECK(snow.at(TicketRole::caller) == 1);  // no e-mail: the name is the caller
  CHECK_FALSE(snow.has(TicketRole::caller_name));

  ColumnMap none = mapped({"id", "title"});
  CHECK_FALSE(none.has(TicketRole::caller));
  CHECK_FALSE(none.has(TicketRole::caller_name));

  ColumnMap forced = mapped({"Ref", "Who", "Mail", "Headline"}, {{"caller_name", "Who"}, {"email", "Mail"}});
  CHECK(forced.at(TicketRole::caller) == 2);
  CHECK(forced.at(TicketRole::caller_name) == 1);
  CHECK(forced.overridden[static_cast<std::size_t>(TicketRole::caller_name)]);

  ColumnMap only_name = mapped({"Ref", "Who", "Headline"}, {{"caller_name", "Who"}});
  CHECK(only_name.at(TicketRole::caller) == 1);  // a name alone is still the caller
  CHECK_FALSE(only_name.has(TicketRole::caller_name));
  CHECK(only_name.overridden[static_cast<std::size_t>(TicketRole::caller)]);

  CHECK(parse_ticket_role("caller_name") == TicketRole::caller_name);
  CHECK(parse_ticket_role("display_name") == TicketRole::caller_name);
  CHECK(parse_ticket_role("email") == TicketRole::caller);
}

TEST_CASE("ticket columns: Zendesk custom-field suffixes", "[tickets][columns]") {
  CHECK(zendesk_field_name("ticket category [list]") == "ticket category");
  CHECK(zendesk_field_name("jira id [txt]") == "jira id");
  CHECK(zendesk_field_name("non-billable [flag]") == "non-billable");
  CHECK(zendesk_field_name("createddatetime [utc]").empty());  // Log Analytics, not Zendesk
  CHECK(zendesk_field_name("[list]").empty());
  CHECK(zendesk_field_name("category[list]").empty());
  CHECK(zendesk_field_name("category").empty());

  ColumnMap m = mapped({"Id", "Subject", "Priority [list]", "Priority", "Category [list]", "Ticket type"});
  CHECK(m.at(TicketRole::priority) == 3);      // the native column beats the custom one
  CHECK(m.at(TicketRole::category) == 4);      // a custom "Category" beats the lower-ranked "Ticket type"
  CHECK(m.flavour == TicketFlavour::zendesk);  // two [list] fields vote Zendesk
}

TEST_CASE("ticket columns: flavour votes", "[tickets][columns]") {
  CHECK(mapped({"Ticket ID", "Subject", "Created time", "Due by Time", "Agent interactions"}).flavour ==
        TicketFlavour::freshdesk);
  CHECK(mapped({"Ticket Id", "Subject", "Created Time", "Due by Time", "Urgency", "Impact", "Requester VIP"}).flavour ==
        TicketFlavour::freshservice);
  // ITSM columns alone do not make a Freshservice file (a generic export has urgency and impact too).
  CHECK(mapped({"title", "body", "category", "urgency", "impact"}).flavour == TicketFlavour::generic);
  CHECK(mapped({"Ticket Number", "Date Created", "Subject", "From Email", "Help Topic"}).flavour ==
        TicketFlavour::osticket);
  CHECK(mapped({"ID", "Titre", "Demandeur - Demandeur", "Attribué à - Technicien"}).flavour == TicketFlavour::glpi);
  CHECK(mapped({"Summary", "Issue key", "Issue Type"}).flavour == TicketFlavour::jira);
}

TEST_CASE("ticket columns: ids written with digit groups", "[tickets][columns]") {
  std::string buf;
  CHECK(plain_ticket_id("52 267", buf) == "52267");
  CHECK(plain_ticket_id("1 052 267", buf) == "1052267");
  CHECK(plain_ticket_id("52\xC2\xA0"
                        "267",
                        buf) == "52267");  // no-break space
  CHECK(plain_ticket_id("52\xE2\x80\xAF"
                        "267",
                        buf) == "52267");  // narrow no-break space
  CHECK(plain_ticket_id("52\xE2\x80\x89"
                        "267",
                        buf) == "52267");  // thin space
  for (std::string_view as_is :
       {"52267", "INC0010001", "TES-25", "52 26", "5226 7", "1234 567", "52  267", "52 267 ", "", "52 2a7", "52,267"})
    CHECK(plain_ticket_id(as_is, buf) == as_is);
}
