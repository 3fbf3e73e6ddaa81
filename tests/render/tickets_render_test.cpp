// Why: `tickets` output is read by people and by scripts; pin the JSON shape,
// the CSV guard against formula injection, and what the table shows.
#include <catch2/catch.hpp>

#include <cstdio>

#include "model/ticket.h"
#include "render/tickets_render.h"

using namespace idt;

namespace {

TicketsReport sample_report() {
  TicketsReport r;
  FileResult f;
  f.summary.path = "incidents.csv";
  f.summary.format = "ticket-csv";
  f.summary.kind = RecordKind::ticket;
  f.summary.records = 2;
  f.summary.notes = {"flavour servicenow",
                     "date order ambiguous in column 'Created' (no day > 12 in 2 values); assumed mdy"};
  f.kept = 2;
  r.files.push_back(f);
  TicketRowView a{"incidents.csv",
                  2,
                  "INC1",
                  "Cannot set up MFA",
                  "mysignins gives 504",
                  "alice@contoso.com",
                  "New",
                  "Identity",
                  "Desk",
                  from_civil(2026, 6, 1, 5, 52, 0, 0),
                  TicketClass::portal_unreachable,
                  "portal.http_5xx",
                  "Alice Example"};
  TicketRowView b{
      "incidents.csv", 3, "INC2", "=cmd|' /C calc'!A0", "", "mallory", "New", "", "", kNoTime, TicketClass::other,
      kNoTicketRule,   ""};
  for (const auto& v : {a, b}) {
    Ticket t;
    t.opened = v.opened;
    r.stats.add(t, TicketClassification{v.cls, v.rule});
    r.rows.push_back(TicketListRow::copy_of(v));
  }
  r.listed = 3;  // one more than kept rows: the table says so
  return r;
}

std::string render(const TicketsReport& r, OutputFormat fmt) {
  std::FILE* devnull = std::fopen("/dev/null", "w");
  Output out(devnull, false);
  render_tickets(out, r, fmt);
  std::string s = out.buf();
  out.buf().clear();
  std::fclose(devnull);
  return s;
}

}  // namespace

TEST_CASE("tickets render: JSON report", "[tickets][render]") {
  std::string j = render(sample_report(), OutputFormat::json);
  CHECK(j.rfind("{\"schema\":\"idtriage.tickets/1\"", 0) == 0);
  CHECK(j.find("\"total\":2") != std::string::npos);
  CHECK(j.find("\"by_class\":{\"mfa_setup\":0,\"portal_unreachable\":1,") != std::string::npos);
  CHECK(j.find("\"hour\":\"2026-06-01T05:00:00Z\"") != std::string::npos);
  CHECK(j.find("\"hour\":null") != std::string::npos);
  CHECK(j.find("\"rule\":\"portal.http_5xx\"") != std::string::npos);
  CHECK(j.find("\"opened\":null") != std::string::npos);
  CHECK(j.find("\"caller\":\"alice@contoso.com\",\"caller_name\":\"Alice Example\"") != std::string::npos);
  CHECK(j.back() == '\n');
}

TEST_CASE("tickets render: table shows counts, histogram, list, omitted rows and warnings", "[tickets][render]") {
  std::string t = render(sample_report(), OutputFormat::table);
  CHECK(t.find("2 tickets") != std::string::npos);
  CHECK(t.find("1 undated") != std::string::npos);
  CHECK(t.find("portal_unreachable") != std::string::npos);
  CHECK(t.find("2026-06-01 05:00") != std::string::npos);
  CHECK(t.find("INC1") != std::string::npos);
  CHECK(t.find("… 1 more") != std::string::npos);
  CHECK(t.find("ambiguous") != std::string::npos);           // warning notes are shown
  CHECK(t.find("flavour servicenow") == std::string::npos);  // informational ones are not
  CHECK(t.find('\x1b') == std::string::npos);                // no colour when off
}

TEST_CASE("tickets render: CSV and JSON lines rows", "[tickets][render]") {
  TicketsReport r = sample_report();
  std::FILE* devnull = std::fopen("/dev/null", "w");
  Output out(devnull, false);
  TicketRowWriter csv(out, OutputFormat::csv);
  for (const auto& row : r.rows) csv.write(row.view());
  std::string c = out.buf();
  out.buf().clear();
  CHECK(c.rfind("file,line,id,opened,class,rule,title,caller,state,category,assignment_group,description,caller_name\n",
                0) == 0);
  CHECK(c.find(",mysignins gives 504,Alice Example\n") != std::string::npos);  // caller_name is the last column
  CHECK(c.find("incidents.csv,2,INC1,2026-06-01T05:52:00Z,portal_unreachable,portal.http_5xx,") != std::string::npos);
  CHECK(c.find("\"'=cmd|' /C calc'!A0\"") != std::string::npos);  // formula defused
  CHECK(csv.rows() == 2);
  TicketRowWriter jl(out, OutputFormat::jsonl);
  jl.write(r.rows[0].view());
  std::string l = out.buf();
  out.buf().clear();
  std::fclose(devnull);
  CHECK(l.rfind("{\"file\":\"incidents.csv\",\"line\":2,\"id\":\"INC1\"", 0) == 0);
  CHECK(l.find("\"class\":\"portal_unreachable\"") != std::string::npos);
  CHECK(std::count(l.begin(), l.end(), '\n') == 1);
}

TEST_CASE("tickets render: TSV rows have the CSV columns, tab-separated, formulas defused", "[tickets][render]") {
  TicketsReport r = sample_report();
  std::FILE* devnull = std::fopen("/dev/null", "w");
  Output out(devnull, false);
  TicketRowWriter tsv(out, OutputFormat::tsv);
  for (const auto& row : r.rows) tsv.write(row.view());
  const std::string t = out.buf();
  out.buf().clear();
  std::fclose(devnull);
  CHECK(t.rfind("file\tline\tid\topened\tclass\trule\ttitle\tcaller\tstate\tcategory\tassignment_group\tdescription\t"
                "caller_name\n",
                0) == 0);
  CHECK(t.find("incidents.csv\t2\tINC1\t2026-06-01T05:52:00Z\tportal_unreachable\tportal.http_5xx\t") !=
        std::string::npos);
  CHECK(t.find("\t'=cmd|' /C calc'!A0\t") != std::string::npos);  // formula defused, not quoted
  CHECK(t.find(',') == std::string::npos);                        // no CSV left in it
  CHECK(std::count(t.begin(), t.end(), '\n') == 3);
  CHECK(tsv.rows() == 2);
}
