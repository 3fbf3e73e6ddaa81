// Why: ticket dates come in every locale's shape; these pin each shape, the
// whole-column day/month decision and the --tz shift.
#include <catch2/catch.hpp>

#include "formats/ticket_dates.h"

using namespace idt;

namespace {
std::string iso(std::optional<Micros> t) { return t ? format_rfc3339(*t) : std::string("none"); }
}  // namespace

TEST_CASE("ticket dates: ISO 8601 and SQL-like shapes", "[tickets][dates]") {
  CHECK(iso(parse_ticket_date("2026-06-01T06:12:00Z")) == "2026-06-01T06:12:00Z");
  CHECK(iso(parse_ticket_date("2026-06-01T08:12:00+02:00")) == "2026-06-01T06:12:00Z");
  CHECK(iso(parse_ticket_date("2026-06-01 06:12:00")) == "2026-06-01T06:12:00Z");
  CHECK(iso(parse_ticket_date("2026-06-01 06:12")) == "2026-06-01T06:12:00Z");
  CHECK(iso(parse_ticket_date("2026-06-01")) == "2026-06-01T00:00:00Z");
  // Offsets out of range are not offsets: the date is not read as a time.
  CHECK_FALSE(parse_ticket_date("2026-06-01T08:12:00+99:99"));
  CHECK_FALSE(parse_ticket_date("2026-06-01 08:12:00 -24:00"));
  CHECK(iso(parse_ticket_date("2026-06-02 06:11:00 +23:59")) == "2026-06-01T06:12:00Z");
  CHECK(iso(parse_ticket_date("2026/06/01 06:12:30")) == "2026-06-01T06:12:30Z");
  CHECK(iso(parse_ticket_date("2026-06-01 06:12:00.250 UTC")) == "2026-06-01T06:12:00Z");
  CHECK(iso(parse_ticket_date("  2026-06-01 06:12:00  ")) == "2026-06-01T06:12:00Z");
}

TEST_CASE("ticket dates: US and European numeric shapes", "[tickets][dates]") {
  CHECK(iso(parse_ticket_date("6/1/2026 6:12 AM", DateOrder::mdy)) == "2026-06-01T06:12:00Z");
  CHECK(iso(parse_ticket_date("6/1/2026 6:12 PM", DateOrder::mdy)) == "2026-06-01T18:12:00Z");
  CHECK(iso(parse_ticket_date("6/1/2026 12:05 AM", DateOrder::mdy)) == "2026-06-01T00:05:00Z");
  CHECK(iso(parse_ticket_date("6/1/2026 12:05 PM", DateOrder::mdy)) == "2026-06-01T12:05:00Z");
  CHECK(iso(parse_ticket_date("6/1/2026 6:12 AM", DateOrder::dmy)) == "2026-01-06T06:12:00Z");
  CHECK(iso(parse_ticket_date("01-06-2026 06:12", DateOrder::dmy)) == "2026-06-01T06:12:00Z");
  CHECK(iso(parse_ticket_date("29-02-2016 01:16", DateOrder::dmy)) == "2016-02-29T01:16:00Z");
  CHECK(iso(parse_ticket_date("01/06/2026 06:12", DateOrder::dmy)) == "2026-06-01T06:12:00Z");
  CHECK(iso(parse_ticket_date("01.06.2026 06:12", DateOrder::dmy)) == "2026-06-01T06:12:00Z");
  CHECK(iso(parse_ticket_date("6/1/26, 6:12:09 AM", DateOrder::mdy)) == "2026-06-01T06:12:09Z");
  // Unknown order: a first number > 12 can only be a day.
  CHECK(iso(parse_ticket_date("29-02-2016 01:16")) == "2016-02-29T01:16:00Z");
  // Impossible dates are rejected, not wrapped.
  CHECK_FALSE(parse_ticket_date("29-02-2015 01:16", DateOrder::dmy));
  CHECK_FALSE(parse_ticket_date("13/13/2026 01:16", DateOrder::mdy));
  CHECK_FALSE(parse_ticket_date("6/1/2026 13:12 PM", DateOrder::mdy));
}

TEST_CASE("ticket dates: month names in several languages", "[tickets][dates]") {
  CHECK(iso(parse_ticket_date("01/Jun/26 6:12 AM")) == "2026-06-01T06:12:00Z");
  CHECK(iso(parse_ticket_date("22/Sep/25 9:26 AM")) == "2025-09-22T09:26:00Z");
  CHECK(iso(parse_ticket_date("06/ene/26 9:29 AM")) == "2026-01-06T09:29:00Z");
  CHECK(iso(parse_ticket_date("06/ene/26 9:29 p. m.")) == "2026-01-06T21:29:00Z");
  CHECK(iso(parse_ticket_date("15/abr/26 10:00")) == "2026-04-15T10:00:00Z");
  CHECK(iso(parse_ticket_date("15/ago/26 10:00")) == "2026-08-15T10:00:00Z");
  CHECK(iso(parse_ticket_date("24/dic/25 10:00")) == "2025-12-24T10:00:00Z");
  CHECK(iso(parse_ticket_date("07/set/26 10:00")) == "2026-09-07T10:00:00Z");
  CHECK(iso(parse_ticket_date("07/out/26 10:00")) == "2026-10-07T10:00:00Z");
  CHECK(iso(parse_ticket_date("07/dez/26 10:00")) == "2026-12-07T10:00:00Z");
  CHECK(iso(parse_ticket_date("07/fev/26 10:00")) == "2026-02-07T10:00:00Z");
  CHECK(iso(parse_ticket_date("07/mai/26 10:00")) == "2026-05-07T10:00:00Z");
  CHECK(iso(parse_ticket_date("07/jul/26 10:00")) == "2026-07-07T10:00:00Z");
  CHECK(iso(parse_ticket_date("07/févr./26 10:00")) == "2026-02-07T10:00:00Z");
  CHECK(iso(parse_ticket_date("07-März-2026 10:00")) == "2026-03-07T10:00:00Z");
  CHECK(iso(parse_ticket_date("Jun 1, 2026 6:12 AM")) == "2026-06-01T06:12:00Z");
  CHECK(month_from_name("SEPT.") == 9);
  CHECK(month_from_name("Okt") == 10);
  CHECK(month_from_name("déc") == 12);
  CHECK(month_from_name("xyz") == 0);
  CHECK_FALSE(parse_ticket_date("07/foo/26 10:00"));
}

TEST_CASE("ticket dates: nulls and junk", "[tickets][dates]") {
  CHECK_FALSE(parse_ticket_date(""));
  CHECK_FALSE(parse_ticket_date("?"));
  CHECK_FALSE(parse_ticket_date("yesterday"));
  CHECK_FALSE(parse_ticket_date("2026-06-01 06:12 banana"));
  CHECK_FALSE(parse_ticket_date("1234567890123"));
  CHECK_FALSE(parse_ticket_date("06/01"));
}

TEST_CASE("ticket dates: --tz shifts local times, explicit zones win", "[tickets][dates]") {
  CHECK(iso(parse_ticket_date("2026-06-01 08:12:00", DateOrder::unknown, 120)) == "2026-06-01T06:12:00Z");
  CHECK(iso(parse_ticket_date("6/1/2026 1:12 AM", DateOrder::mdy, -300)) == "2026-06-01T06:12:00Z");
  CHECK(iso(parse_ticket_date("2026-06-01T06:12:00Z", DateOrder::unknown, 120)) == "2026-06-01T06:12:00Z");
  CHECK(iso(parse_ticket_date("2026-06-01 06:12 UTC", DateOrder::unknown, 120)) == "2026-06-01T06:12:00Z");
}

TEST_CASE("ticket dates: day/month order decided from the whole column", "[tickets][dates]") {
  SECTION("a day > 12 in first position means dmy") {
    DateOrderDetector d;
    for (auto v : {"01-02-2016 01:00", "05-02-2016 01:00", "29-02-2016 01:16", "03-03-2016 01:00"}) d.see(v);
    REQUIRE(d.decided());
    auto dec = decide_date_order(d, "", "opened_at");
    CHECK(dec.order == DateOrder::dmy);
    CHECK(dec.note.find("29-02-2016") != std::string::npos);
  }
  SECTION("a day > 12 in second position means mdy, even against --date-format") {
    DateOrderDetector d;
    for (auto v : {"6/1/2026 6:12 AM", "6/13/2026 1:00 PM"}) d.see(v);
    auto dec = decide_date_order(d, "dmy", "Created");
    CHECK(dec.order == DateOrder::mdy);
    CHECK(dec.note.find("contradicted") != std::string::npos);
  }
  SECTION("ambiguous column: --date-format decides") {
    DateOrderDetector d;
    for (auto v : {"01/02/2026 10:00", "03/04/2026 10:00"}) d.see(v);
    CHECK_FALSE(d.decided());
    CHECK(decide_date_order(d, "dd/mm/yyyy", "Created").order == DateOrder::dmy);
    CHECK(decide_date_order(d, "mdy", "Created").order == DateOrder::mdy);
  }
  SECTION("ambiguous column without option: default by separator, with a note") {
    DateOrderDetector slash, dash;
    slash.see("01/02/2026 10:00");
    dash.see("01-02-2026 10:00");
    auto a = decide_date_order(slash, "", "Created"), b = decide_date_order(dash, "", "Created");
    CHECK(a.order == DateOrder::mdy);
    CHECK(b.order == DateOrder::dmy);
    CHECK(a.note.find("ambiguous") != std::string::npos);
    CHECK(a.note.find("--date-format dmy") != std::string::npos);
  }
  SECTION("ISO and month-name columns need no decision") {
    DateOrderDetector d;
    d.see("2026-06-01 10:00");
    d.see("22/Sep/25 9:26 AM");
    d.see("?");
    CHECK(d.numeric_values() == 0);
    CHECK(d.other_values() == 2);
    CHECK(decide_date_order(d, "", "Created").note.empty());
  }
  CHECK(parse_date_order("%m/%d/%Y") == DateOrder::mdy);
  CHECK(parse_date_order("DMY") == DateOrder::dmy);
  CHECK_FALSE(parse_date_order("yyyy"));
}

TEST_CASE("ticket dates: --tz offsets", "[tickets][dates]") {
  CHECK(parse_utc_offset("UTC") == 0);
  CHECK(parse_utc_offset("Z") == 0);
  CHECK(parse_utc_offset("+02:00") == 120);
  CHECK(parse_utc_offset("-0500") == -300);
  CHECK(parse_utc_offset("+2") == 120);
  CHECK(parse_utc_offset("UTC+5:30") == 330);
  CHECK_FALSE(parse_utc_offset("Europe/Madrid"));
  CHECK_FALSE(parse_utc_offset("+25:00"));
  CHECK_FALSE(parse_utc_offset("+02:00x"));
  CHECK_FALSE(parse_utc_offset(""));
}

TEST_CASE("ticket dates: the shapes each help desk exports", "[tickets][dates][export]") {
  // Freshdesk / Freshservice: strftime('%F %T') in the agent's zone, no offset.
  CHECK(iso(parse_ticket_date("2023-05-04 10:21:33")) == "2023-05-04T10:21:33Z");
  CHECK(iso(parse_ticket_date("2023-05-04 10:21:33", DateOrder::unknown, 120)) == "2023-05-04T08:21:33Z");
  // Freshdesk re-saved by Excel: d/m/y with one-digit hours.
  CHECK(iso(parse_ticket_date("25/01/2025 1:30", DateOrder::dmy)) == "2025-01-25T01:30:00Z");
  CHECK(iso(parse_ticket_date("08/01/2025 15:00", DateOrder::dmy)) == "2025-01-08T15:00:00Z");
  // Zendesk Reports CSV: "YYYY-MM-DD HH:MM" in the account's zone; API-style ISO too.
  CHECK(iso(parse_ticket_date("2023-05-04 10:21")) == "2023-05-04T10:21:00Z");
  CHECK(iso(parse_ticket_date("2023-05-04T10:21:33Z")) == "2023-05-04T10:21:33Z");
  // Jira Cloud "dd/MMM/yy h:mm a", and a German site's "dd.MM.yyyy HH:mm".
  CHECK(iso(parse_ticket_date("22/Dec/25 2:38 PM")) == "2025-12-22T14:38:00Z");
  CHECK(iso(parse_ticket_date("11/May/24 03:26 PM")) == "2024-05-11T15:26:00Z");
  CHECK(iso(parse_ticket_date("23.10.2024 11:02", DateOrder::dmy)) == "2024-10-23T11:02:00Z");
  // GLPI: the user's preference, no seconds.
  CHECK(iso(parse_ticket_date("2024-01-31 14:05")) == "2024-01-31T14:05:00Z");
  CHECK(iso(parse_ticket_date("05-01-2026 16:24", DateOrder::dmy)) == "2026-01-05T16:24:00Z");
  CHECK(iso(parse_ticket_date("22/08/2025 11:49")) == "2025-08-22T11:49:00Z");
  // osTicket: the database's datetime string.
  CHECK(iso(parse_ticket_date("2023-05-04 10:21:33")) == "2023-05-04T10:21:33Z");
  // ServiceNow: the user's format, e.g. MM-dd-yyyy.
  CHECK(iso(parse_ticket_date("02-13-2025 15:46:06", DateOrder::mdy)) == "2025-02-13T15:46:06Z");
  // ServiceDesk Plus: dd-mm-yyyy HH:MM.
  CHECK(iso(parse_ticket_date("14-03-2024 09:12")) == "2024-03-14T09:12:00Z");

  // Whole columns: the ServiceNow value with a 13 decides month-first, the GLPI one day-first.
  DateOrderDetector snow, glpi;
  for (auto v : {"02-03-2025 15:46:06", "02-13-2025 15:46:06"}) snow.see(v);
  for (auto v : {"05-01-2026 16:24", "22-01-2026 09:00"}) glpi.see(v);
  CHECK(decide_date_order(snow, "", "opened_at").order == DateOrder::mdy);
  CHECK(decide_date_order(glpi, "", "Data de abertura").order == DateOrder::dmy);
}
