// Why: ticket exports are messy in many ways; each quirk (encodings, `;`,
// localised headers, #TYPE, truncation, ragged rows) and each real sample
// file is pinned here: record counts, roles found, date ranges.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "formats/ticket_csv.h"
#include "model/ticket.h"

using namespace idt;

namespace {

struct Row {
  std::string id, opened_text, title, description, caller, state, category, group, assignee, priority;
  Micros opened = kNoTime, resolved = kNoTime;
  std::uint64_t line = 0;
  std::string caller_name;
};

struct Collect final : RecordSink {
  std::vector<Row> rows;
  std::vector<Rejection> rejected;
  void on_ticket(const Ticket& t, const SourcePos& p) override {
    rows.push_back({std::string(t.id), std::string(t.opened_text), std::string(t.title), std::string(t.description),
                    std::string(t.caller), std::string(t.state), std::string(t.category),
                    std::string(t.assignment_group), std::string(t.assignee), std::string(t.priority), t.opened,
                    t.resolved, p.line, std::string(t.caller_name)});
  }
  void on_reject(const Rejection& r) override { rejected.push_back(r); }
};

struct Parsed {
  Collect sink;
  FileSummary summary;
  bool has_note(std::string_view n) const {
    return std::find(summary.notes.begin(), summary.notes.end(), n) != summary.notes.end();
  }
  bool note_contains(std::string_view n) const {
    return std::any_of(summary.notes.begin(), summary.notes.end(),
                       [&](const std::string& s) { return s.find(n) != std::string::npos; });
  }
};

// Every "role R=Column" note a test expects, in one call.
void check_roles(const Parsed& p, std::initializer_list<std::pair<std::string_view, std::string>> roles) {
  for (const auto& [role, column] : roles) {
    INFO("role " << role << "=" << column);
    CHECK(p.has_note("role " + std::string(role) + "=" + column));
  }
}

Parsed parse_input(const Input& in, const ParseOptions& o = {}) {
  Parsed p;
  ticket_csv_format().parse(in, o, p.sink, p.summary);
  return p;
}
Parsed parse_bytes(std::string_view bytes, const ParseOptions& o = {}) {
  return parse_input(Input::from_string(bytes), o);
}
int sniff(std::string_view text) { return ticket_csv_format().sniff(text).score; }

std::string utf16le_with_bom(std::string_view ascii_or_latin1_utf8) {
  std::string out = "\xFF\xFE";
  for (std::size_t i = 0; i < ascii_or_latin1_utf8.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(ascii_or_latin1_utf8[i]);
    unsigned cp = c;
    if (c == 0xC3 && i + 1 < ascii_or_latin1_utf8.size())  // 2-byte Latin-1 letters only
      cp = 0xC0 | (static_cast<unsigned char>(ascii_or_latin1_utf8[++i]) & 0x3F);
    out += static_cast<char>(cp & 0xFF);
    out += static_cast<char>(cp >> 8);
  }
  return out;
}

std::string testdata(const std::string& name) { return std::string(IDTRIAGE_TESTDATA) + "/tickets/" + name; }

// A file of testdata/tickets read whole: claimed by the sniffer, no file error, nothing rejected.
Parsed read_testdata(const std::string& name) {
  auto in = open_input(testdata(name));
  REQUIRE(in.ok());
  CHECK(sniff(in->text()) > 0);
  Parsed p = parse_input(*in);
  CHECK_FALSE(p.summary.fatal);
  CHECK(p.summary.rejected == 0);
  return p;
}

}  // namespace

TEST_CASE("ticket csv: real ServiceNow event log (UCI, dd-mm-yyyy, '?' nulls)", "[tickets][csv][realdata]") {
  auto in = open_input(testdata("incident_event_log.csv"));
  REQUIRE(in.ok());
  CHECK(ticket_csv_format().sniff(in->text().substr(0, 65536)).kind == RecordKind::ticket);
  CHECK(sniff(in->text().substr(0, 65536)) > 0);
  Parsed p = parse_input(*in);
  CHECK_FALSE(p.summary.fatal);
  CHECK(p.summary.records == 5998);  // python csv: 5998 data rows, 36 columns each
  CHECK(p.summary.rejected == 0);
  CHECK(p.summary.kind == RecordKind::ticket);
  CHECK(p.summary.format == "ticket-csv");
  CHECK(p.has_note("flavour servicenow"));
  CHECK(p.has_note("role id=number"));
  CHECK(p.has_note("role opened=opened_at"));
  CHECK(p.has_note("role caller=caller_id"));
  CHECK(p.has_note("role state=incident_state"));
  CHECK(p.has_note("role assignment_group=assignment_group"));
  CHECK(p.note_contains("date order dmy"));
  CHECK(p.note_contains("roles absent: title, description"));
  CHECK(format_rfc3339(p.summary.first) == "2016-02-29T01:16:00Z");
  CHECK(format_rfc3339(p.summary.last) == "2016-03-02T15:33:00Z");
  std::set<std::string> ids;
  for (const auto& r : p.sink.rows) ids.insert(r.id);
  CHECK(ids.size() == 890);  // distinct incident numbers (python)
  REQUIRE_FALSE(p.sink.rows.empty());
  const Row& r0 = p.sink.rows.front();
  CHECK(r0.id == "INC0000045");
  CHECK(r0.line == 2);
  CHECK(r0.caller == "Caller 2403");
  CHECK(r0.state == "New");
  CHECK(r0.assignee.empty());  // "?" is null
  CHECK(format_rfc3339(r0.resolved) == "2016-02-29T11:29:00Z");
  CHECK(std::all_of(p.sink.rows.begin(), p.sink.rows.end(), [](const Row& r) { return r.opened != kNoTime; }));
}

TEST_CASE("ticket csv: real helpdesk dataset without id or dates", "[tickets][csv][realdata]") {
  auto in = open_input(testdata("all_tickets.csv"));
  REQUIRE(in.ok());
  CHECK(sniff(in->text().substr(0, 65536)) > 0);
  Parsed p = parse_input(*in);
  CHECK_FALSE(p.summary.fatal);
  CHECK(p.summary.records == 5431);  // python csv: 5431 data rows, 9 columns each
  CHECK(p.summary.rejected == 0);
  CHECK(p.has_note("flavour generic"));
  CHECK(p.has_note("role title=title"));
  CHECK(p.has_note("role description=body"));
  CHECK(p.has_note("role category=category"));
  CHECK(p.note_contains("no id column"));
  CHECK(p.summary.first == kNoTime);
  CHECK(p.summary.last == kNoTime);
  auto empty_titles =
      std::count_if(p.sink.rows.begin(), p.sink.rows.end(), [](const Row& r) { return r.title.empty(); });
  CHECK(empty_titles == 107);  // python: 106 empty titles + 1 title that is a single space (trimmed)
  CHECK(p.sink.rows[1].title == "connection with icon");
}

TEST_CASE("ticket csv: real Jira Cloud export (repeated headers, dd/MMM/yy)", "[tickets][csv][realdata]") {
  auto in = open_input(testdata("ericmedlock_planeso-jira-migration__Jira.csv"));
  REQUIRE(in.ok());
  CHECK(sniff(in->text().substr(0, 65536)) > 0);
  Parsed p = parse_input(*in);
  CHECK_FALSE(p.summary.fatal);
  CHECK(p.summary.records == 22);  // python csv: 22 rows x 56 columns
  CHECK(p.summary.rejected == 0);
  CHECK(p.has_note("flavour jira"));
  CHECK(p.has_note("role id=Issue key"));
  CHECK(p.has_note("role opened=Created"));
  CHECK(p.has_note("role title=Summary"));
  CHECK(p.has_note("role description=Description"));
  CHECK(p.has_note("role caller=Reporter"));
  CHECK(p.has_note("role state=Status"));
  CHECK(p.note_contains("comment x3"));
  CHECK(format_rfc3339(p.summary.first) == "2025-08-20T12:37:00Z");
  CHECK(format_rfc3339(p.summary.last) == "2025-09-22T09:26:00Z");
  REQUIRE(p.sink.rows.size() == 22);
  CHECK(p.sink.rows[0].id == "TES-25");
  CHECK(p.sink.rows[0].state == "To Do");
  CHECK(p.sink.rows[2].title ==
        "Need to discuss \"Login\" steps in the \"test plan/selinum\" even if not included in User Story");
}

TEST_CASE("ticket csv: quoted newlines, CRLF, escapes, trailing delimiter, '?' null", "[tickets][csv]") {
  std::string csv =
      "number,opened_at,short_description,description,caller_id,state,\r\n"
      "INC1,2026-06-01 06:12:00,\"Can't set up MFA\",\"line one\r\nline \"\"two\"\"\",alice@contoso.com,New,\r\n"
      "INC2,2026-06-01 07:00:00,504 on mysignins,?,bob@contoso.com,?,\r\n";
  Parsed p = parse_bytes(csv);
  REQUIRE(p.sink.rows.size() == 2);
  CHECK(p.summary.rejected == 0);
  CHECK(p.sink.rows[0].description == "line one\r\nline \"two\"");
  CHECK(p.sink.rows[0].title == "Can't set up MFA");
  CHECK(p.sink.rows[1].line == 4);
  CHECK(p.sink.rows[1].description.empty());
  CHECK(p.sink.rows[1].state.empty());
  CHECK(format_rfc3339(p.summary.first) == "2026-06-01T06:12:00Z");
  CHECK(format_rfc3339(p.summary.last) == "2026-06-01T07:00:00Z");
}

TEST_CASE("ticket csv: UTF-16LE with BOM", "[tickets][csv][encoding]") {
  std::string bytes = utf16le_with_bom(
      "Number,Opened,Short description,Caller,State\r\n"
      "INC9,2026-06-01 06:12:00,Não consigo registrar autenticação,joão@contoso.com,New\r\n");
  Input in = Input::from_string(bytes);
  CHECK(in.source_encoding() == Encoding::utf16le);
  CHECK(sniff(in.text()) > 0);
  Parsed p = parse_input(in);
  REQUIRE(p.sink.rows.size() == 1);
  CHECK(p.sink.rows[0].title == "Não consigo registrar autenticação");
  CHECK(p.sink.rows[0].caller == "joão@contoso.com");
  CHECK(p.has_note("role title=Short description"));
}

TEST_CASE("ticket csv: Windows-1252 bytes, semicolons and pt-BR GLPI headers", "[tickets][csv][encoding]") {
  // "Título", "Descrição", "Não" in Windows-1252 (invalid UTF-8: decoded by the fallback).
  std::string bytes =
      "ID;T\xEDtulo;Entidade;Status;\xDAltima atualiza\xE7\xE3o;Data de abertura;Prioridade;Requerente - Requerente;"
      "Atribu\xED"
      "do para - T\xE9\x63nico;Categoria;Descri\xE7\xE3o\r\n"
      "101;N\xE3o consigo configurar o MFA;Raiz;Novo;02-06-2026 09:30;01-06-2026 06:12;M\xE9\x64ia;Maria;Jos\xE9;"
      "Acesso;P\xE1gina de seguran\xE7\x61 n\xE3o carrega\r\n"
      "102;Conta bloqueada;Raiz;Novo;02-06-2026 09:31;13-06-2026 07:45;Alta;Pedro;;Acesso;\r\n";
  Input in = Input::from_string(bytes);
  CHECK(in.source_encoding() == Encoding::windows1252);
  CHECK(sniff(in.text()) > 0);
  Parsed p = parse_input(in);
  REQUIRE(p.sink.rows.size() == 2);
  CHECK(p.has_note("flavour glpi"));
  CHECK(p.has_note("delimiter ';'"));
  CHECK(p.has_note("role id=ID"));
  CHECK(p.has_note("role title=Título"));
  CHECK(p.has_note("role opened=Data de abertura"));
  CHECK(p.has_note("role caller=Requerente - Requerente"));
  CHECK(p.has_note("role description=Descrição"));
  CHECK(p.has_note("role assignee=Atribuído para - Técnico"));
  CHECK(p.note_contains("date order dmy"));
  CHECK(p.sink.rows[0].title == "Não consigo configurar o MFA");
  CHECK(p.sink.rows[0].description == "Página de segurança não carrega");
  CHECK(format_rfc3339(p.sink.rows[0].opened) == "2026-06-01T06:12:00Z");
  CHECK(format_rfc3339(p.sink.rows[1].opened) == "2026-06-13T07:45:00Z");
}

TEST_CASE("ticket csv: Jira Spanish headers and localised month names", "[tickets][csv]") {
  std::string csv =
      "Resumen,Clave de incidencia,ID de la incidencia,Tipo de Incidencia,Estado,Informador,Creada,Descripción,"
      "Comentario,Comentario\n"
      "No puedo configurar MFA,HD-7,10001,Incidencia,Abierta,Ana,06/ene/26 9:29 AM,\"Sale error 504\",a,b\n"
      "Cuenta bloqueada,HD-8,10002,Incidencia,Abierta,Luis,15/abr/26 11:02 PM,,c,d\n";
  CHECK(sniff(csv) > 0);
  Parsed p = parse_bytes(csv);
  REQUIRE(p.sink.rows.size() == 2);
  CHECK(p.has_note("flavour jira"));
  CHECK(p.has_note("role id=Clave de incidencia"));
  CHECK(p.has_note("role title=Resumen"));
  CHECK(p.has_note("role opened=Creada"));
  CHECK(p.has_note("role caller=Informador"));
  CHECK(p.has_note("role state=Estado"));
  CHECK(p.has_note("role category=Tipo de Incidencia"));
  CHECK(p.sink.rows[0].id == "HD-7");
  CHECK(format_rfc3339(p.sink.rows[0].opened) == "2026-01-06T09:29:00Z");
  CHECK(format_rfc3339(p.sink.rows[1].opened) == "2026-04-15T23:02:00Z");
}

TEST_CASE("ticket csv: PowerShell #TYPE line, Excel sep= line, BOM", "[tickets][csv]") {
  Parsed p = parse_bytes(
      "\xEF\xBB\xBF#TYPE System.Management.Automation.PSCustomObject\r\n"
      "\"Id\",\"Title\",\"Created\",\"Status\"\r\n"
      "\"7\",\"locked out\",\"2026-06-01T06:12:00Z\",\"Open\"\r\n");
  REQUIRE(p.sink.rows.size() == 1);
  CHECK(p.sink.rows[0].id == "7");
  CHECK(p.sink.rows[0].line == 3);
  CHECK(p.note_contains("#TYPE"));
  CHECK(sniff("#TYPE Selected.System.Object\n\"Id\",\"Title\",\"Created\"\n") > 0);

  Parsed q = parse_bytes("sep=;\nid;title;created\n1;a, b;2026-06-01\n");
  REQUIRE(q.sink.rows.size() == 1);
  CHECK(q.sink.rows[0].title == "a, b");
  CHECK(q.has_note("delimiter ';'"));
}

TEST_CASE("ticket csv: header-only file gives 0 records and no error", "[tickets][csv]") {
  Parsed p = parse_bytes("number,opened_at,short_description,caller_id,state\r\n");
  CHECK(p.summary.records == 0);
  CHECK(p.summary.rejected == 0);
  CHECK_FALSE(p.summary.fatal);
  CHECK(p.note_contains("header only"));
  Parsed e = parse_bytes("");
  CHECK(e.summary.records == 0);
  CHECK_FALSE(e.summary.fatal);
}

TEST_CASE("ticket csv: truncated file (unterminated quote) is a rejection with its line", "[tickets][csv]") {
  std::string csv =
      "id,title,created\n"
      "1,first,2026-06-01 06:00\n"
      "2,\"second\nstill second\",2026-06-01 06:01\n"
      "3,\"cut in the mid";
  Parsed p = parse_bytes(csv);
  CHECK(p.summary.records == 2);
  REQUIRE(p.sink.rejected.size() == 1);
  CHECK(p.summary.rejected == 1);
  CHECK(p.sink.rejected[0].pos.line == 5);
  CHECK(p.sink.rejected[0].message.find("unterminated") != std::string::npos);
  CHECK_FALSE(p.summary.fatal);

  SECTION("reading resumes after the damaged record") {
    std::string mid =
        "id,title,created\n"
        "1,first,2026-06-01 06:00\n"
        "2,\"broken, 2026-06-01 06:01\n"
        "3,third,2026-06-01 06:02\n"
        "4,fourth,2026-06-01 06:03\n";
    Parsed m = parse_bytes(mid);
    REQUIRE(m.sink.rejected.size() == 1);
    CHECK(m.sink.rejected[0].pos.line == 3);
    CHECK(m.sink.rejected[0].message.find("resumes at line 4") != std::string::npos);
    REQUIRE(m.sink.rows.size() == 3);
    CHECK(m.sink.rows[1].id == "3");
    CHECK(m.sink.rows[1].line == 4);
    CHECK(m.sink.rows[2].id == "4");
  }
  SECTION("--strict stops at the first rejection") {
    ParseOptions o;
    o.strict = true;
    std::string mid = "id,title,created\n2,\"broken\n3,third,2026-06-01\n";
    Parsed s = parse_bytes(mid, o);
    CHECK(s.summary.records == 0);
    REQUIRE(s.summary.fatal);
    CHECK(s.summary.fatal->find("line 2") != std::string::npos);
  }
}

TEST_CASE("ticket csv: ragged rows are read when the id is present", "[tickets][csv]") {
  std::string csv =
      "title,id,created,state\n"
      "short row,1,2026-06-01\n"
      "long row,2,2026-06-01,Open,extra,fields\n"
      "no id here\n"
      ",,,\n"
      "ok,3,2026-06-01,Open\n";
  Parsed p = parse_bytes(csv);
  REQUIRE(p.sink.rows.size() == 3);
  CHECK(p.sink.rows[0].id == "1");
  CHECK(p.sink.rows[0].state.empty());
  CHECK(p.sink.rows[1].state == "Open");
  REQUIRE(p.sink.rejected.size() == 1);
  CHECK(p.sink.rejected[0].pos.line == 4);
  CHECK(p.sink.rejected[0].message.find("id column 'id'") != std::string::npos);
  CHECK(p.note_contains("2 rows with a field count different"));
  CHECK(p.note_contains("1 empty rows skipped"));
}

TEST_CASE("ticket csv: --map overrides, --date-format and --tz", "[tickets][csv]") {
  std::string csv =
      "Ref,Headline,When,Notes\n"
      "A1,Can't set up MFA,01/02/2026 10:00,x\n"
      "A2,locked out,03/04/2026 11:00,y\n";
  CHECK(sniff(csv) == 0);  // nothing known: not claimed
  ParseOptions o;
  o.column_map = {{"id", "Ref"}, {"title", "headline"}, {"opened", "When"}};
  o.date_format = "dmy";
  o.tz_offset_minutes = 60;
  Parsed p = parse_bytes(csv, o);
  REQUIRE(p.sink.rows.size() == 2);
  CHECK(p.has_note("role id=Ref (--map)"));
  CHECK(p.has_note("role title=Headline (--map)"));
  CHECK(p.note_contains("from --date-format"));
  CHECK(p.note_contains("UTC+01:00"));
  CHECK(p.sink.rows[0].title == "Can't set up MFA");
  CHECK(format_rfc3339(p.sink.rows[0].opened) == "2026-02-01T09:00:00Z");

  ParseOptions bad;
  bad.column_map = {{"colour", "Ref"}};
  Parsed b = parse_bytes(csv, bad);
  REQUIRE(b.summary.fatal);
  CHECK(b.summary.fatal->find("unknown role 'colour'") != std::string::npos);
  bad.column_map = {{"title", "Nope"}};
  Parsed c = parse_bytes(csv, bad);
  REQUIRE(c.summary.fatal);
  CHECK(c.summary.fatal->find("no column named 'Nope'") != std::string::npos);

  Parsed amb = parse_bytes("id,title,created\n1,a,01/02/2026 10:00\n");
  CHECK(amb.note_contains("ambiguous"));
  CHECK(format_rfc3339(amb.sink.rows[0].opened) == "2026-01-02T10:00:00Z");
}

TEST_CASE("ticket csv: unparseable dates are counted, record kept", "[tickets][csv]") {
  Parsed p = parse_bytes("id,title,created\n1,a,soon\n2,b,2026-06-01\n");
  REQUIRE(p.sink.rows.size() == 2);
  CHECK(p.sink.rows[0].opened == kNoTime);
  CHECK(p.sink.rows[0].opened_text == "soon");
  CHECK(p.note_contains("1 opened values not understood as dates (first at line 2: 'soon')"));
}

TEST_CASE("ticket csv: sniff does not claim sign-in/audit exports, garbage or binary", "[tickets][csv][sniff]") {
  // Log Analytics SigninLogs CSV (has Id, Category, Status…).
  CHECK(sniff("TenantId,SourceSystem,OperationName,Category,ResultType,Id,Status,AppDisplayName,CreatedDateTime [UTC]\n"
              "x,Azure AD,Sign-in activity,SignInLogs,0,abc,{},Office,\"4/28/2021, 2:08:45.221 PM\"\n") == 0);
  // Entra portal sign-in CSV.
  CHECK(sniff("Date (UTC),Request ID,User agent,Correlation ID,User ID,User,Username,Application,Status,"
              "Sign-in error code,Failure reason\n") == 0);
  // Entra portal audit CSV.
  CHECK(
      sniff("Date (UTC),CorrelationId,Service,Category,Activity,Result,ResultReason,ActorType,Target1DisplayName\n") ==
      0);
  // Audit hunting export with a Description-like column set.
  CHECK(sniff("OperationName,InitiatingUserOrApp,Category,ResultType,Id,Result,ResultReason,ActivityDisplayName\n") ==
        0);
  CHECK(sniff("") == 0);
  CHECK(sniff("hello world, this is a letter\nnot a table at all\n") == 0);
  CHECK(sniff("id,value\n1,2\n") == 0);
  std::string binary(
      "\x7F"
      "ELF\x02\x01\x01\x00\x00\x00 title,description\n",
      26);
  CHECK(sniff(binary) == 0);
  std::string noise;
  for (int i = 0; i < 4096; ++i) noise += static_cast<char>((i * 7919) % 256);
  CHECK(sniff(noise) == 0);
  Parsed g = parse_bytes(noise);  // forced parse of garbage: a clear file-level error, no crash
  CHECK(g.summary.records == 0);
}

// ---------------------------------------------------------------- every real export (issue #10)
// Header lines are the real ones (sources in testdata/tickets/SOURCES.md); rows are synthetic.

TEST_CASE("ticket csv: Freshdesk export (new UI header, contact fields, native dates)", "[tickets][csv][export]") {
  Parsed p = read_testdata("synthetic_freshdesk.csv");
  CHECK(p.summary.records == 6);
  CHECK(p.has_note("flavour freshdesk"));
  check_roles(p, {
                     {"id", "Ticket ID"},
                     {"opened", "Created time"},
                     {"title", "Subject"},
                     {"caller", "Contact ID"},  // the contact's e-mail
                     {"caller_name", "Full name"},
                     {"assignee", "Agent"},
                     {"assignment_group", "Group"},
                     {"resolved", "Resolved time"},
                 });
  CHECK(p.has_note("roles absent: description"));
  CHECK_FALSE(p.note_contains("not understood"));
  REQUIRE(p.sink.rows.size() == 6);
  CHECK(p.sink.rows[0].id == "1041");
  CHECK(p.sink.rows[0].caller == "ana.lima@contoso.com");
  CHECK(p.sink.rows[0].caller_name == "Ana Lima");
  CHECK(format_rfc3339(p.sink.rows[0].opened) == "2025-02-03T09:14:27Z");  // '%F %T', agent's zone
  CHECK(format_rfc3339(p.sink.rows[2].resolved) == "2025-02-03T10:22:09Z");
  CHECK(p.sink.rows[5].caller == "@samcarter_contoso");  // Contact ID falls back to a handle
}

TEST_CASE("ticket csv: Freshdesk re-saved by Excel (d/m/y, one-digit hours)", "[tickets][csv][export]") {
  Parsed p = parse_bytes(
      "Ticket ID,Subject,Status,Priority,Source,Type,Agent,Group,Created time,Due by Time,Resolved time,Closed time,"
      "Last update time,Full name,Contact ID\r\n"
      "88,Locked out,Closed,Low,Email,Incident,Rui,Desk,08/01/2025 15:00,09/01/2025 15:00,25/01/2025 1:30,"
      "25/01/2025 1:30,25/01/2025 1:30,Ana Lima,ana.lima@contoso.com\r\n");
  REQUIRE(p.sink.rows.size() == 1);
  CHECK(p.note_contains("date order dmy"));
  CHECK(format_rfc3339(p.sink.rows[0].opened) == "2025-01-08T15:00:00Z");
  CHECK(format_rfc3339(p.sink.rows[0].resolved) == "2025-01-25T01:30:00Z");
}

TEST_CASE("ticket csv: Freshdesk localised labels (de, fr, es, pt-BR)", "[tickets][csv][export]") {
  struct Case {
    std::string header, id, title, description, caller, caller_name, opened, resolved, assignee, group, priority;
  };
  const Case cases[] = {
      {"Ticket-ID,Betreff,Beschreibung,Status,Priorität,Quelle,Typ,Unternehmen,Name des Anfragenden,"
       "E-Mail eines Anfragenden,Telefon des Anfragestellers,Bearbeiter,Gruppe,Erstellungsdatum,Fällig,Lösungszeit,"
       "Abschlusszeit,Zeit der letzten Aktualisierung,Erste Antwortzeit,Agenteninteraktionen",
       "Ticket-ID", "Betreff", "Beschreibung", "E-Mail eines Anfragenden", "Name des Anfragenden", "Erstellungsdatum",
       "Lösungszeit", "Bearbeiter", "Gruppe", "Priorität"},
      {"ID du ticket,Objet,Description,Statut,Priorité,Source,Type,Société,Nom du demandeur,"
       "Adresse e-mail du demandeur,Téléphone du demandeur,Agent,Groupe,Heure de création,Heure d'échéance,"
       "Heure de résolution,Heure de clôture,Heure de la dernière mise à jour,Délai de réponse intiale,"
       "Interactions de l'agent",
       "ID du ticket", "Objet", "Description", "Adresse e-mail du demandeur", "Nom du demandeur", "Heure de création",
       "Heure de résolution", "Agent", "Groupe", "Priorité"},
      {"ID del Ticket,Asunto,Descripción,Estado,prioridad,Fuente,Tipo,Empresa,Nombre del solicitante,"
       "Email del solicitante,Teléfono del solicitante,Agente,Grupo,Hora Creación,Vencido por tiempo,"
       "Hora de Resolución,Hora de Cierre,Hora de última actualizacion,Tiempo inicial de respuesta,"
       "Intercciones del agente",
       "ID del Ticket", "Asunto", "Descripción", "Email del solicitante", "Nombre del solicitante", "Hora Creación",
       "Hora de Resolución", "Agente", "Grupo", "prioridad"},
      {"ID do ticket,Assunto,Descrição,Status,Prioridade,Origem,Tipo,Empresa,Nome do solicitante,"
       "E-mail do solicitante,Telefone do solicitante,Analista,Grupo,Hora da criação,Vence em,Hora da resolução,"
       "Hora do fechamento,Hora da última atualização,Tempo de resposta inicial,Interações do analista",
       "ID do ticket", "Assunto", "Descrição", "E-mail do solicitante", "Nome do solicitante", "Hora da criação",
       "Hora da resolução", "Analista", "Grupo", "Prioridade"},
  };
  for (const auto& c : cases) {
    INFO(c.header);
    std::string row =
        "7,Kann mich nicht anmelden,x,Open,Low,Email,Incident,Contoso,Ana Lima,ana.lima@contoso.com,,"
        "Rui,Desk,2023-05-04 10:21:33,2023-05-05 10:21:33,2023-05-04 11:00:00,,,,1";
    CHECK(sniff(c.header + "\n" + row + "\n") > 0);
    Parsed p = parse_bytes(c.header + "\n" + row + "\n");
    REQUIRE(p.sink.rows.size() == 1);
    CHECK(p.has_note("flavour freshdesk"));
    check_roles(p, {
                       {"id", c.id},
                       {"title", c.title},
                       {"description", c.description},
                       {"caller", c.caller},
                       {"caller_name", c.caller_name},
                       {"opened", c.opened},
                       {"resolved", c.resolved},
                       {"assignee", c.assignee},
                       {"assignment_group", c.group},
                       {"priority", c.priority},
                   });
    CHECK(p.sink.rows[0].caller == "ana.lima@contoso.com");
    CHECK(p.sink.rows[0].caller_name == "Ana Lima");
    CHECK(format_rfc3339(p.sink.rows[0].opened) == "2023-05-04T10:21:33Z");
    CHECK(format_rfc3339(p.sink.rows[0].resolved) == "2023-05-04T11:00:00Z");
  }
}

TEST_CASE("ticket csv: Zendesk Reports export (Summation column, [list] fields)", "[tickets][csv][export]") {
  Parsed p = read_testdata("synthetic_zendesk.csv");
  CHECK(p.summary.records == 6);
  CHECK(p.has_note("flavour zendesk"));
  check_roles(p, {
                     {"id", "Id"},
                     {"caller", "Requester email"},
                     {"caller_name", "Requester"},
                     {"opened", "Created at"},
                     {"resolved", "Solved at"},
                     {"priority", "Priority"},  // the native column, not "Priority [list]"
                     {"category", "Ticket type"},
                 });
  CHECK_FALSE(p.note_contains("Summation column"));
  REQUIRE(p.sink.rows.size() == 6);
  CHECK(p.sink.rows[0].id == "5120");
  CHECK(p.sink.rows[0].caller == "bruno.costa@fabrikam.com");
  CHECK(p.sink.rows[0].caller_name == "Bruno Costa");
  CHECK(format_rfc3339(p.sink.rows[0].opened) == "2025-03-10T08:41:00Z");  // "YYYY-MM-DD HH:MM", account zone
  CHECK(format_rfc3339(p.sink.rows[1].resolved) == "2025-03-10T09:38:00Z");

  // A custom field named like a role counts, without its type suffix; a native column wins.
  Parsed q = parse_bytes(
      "Summation column,Id,Requester,Requester email,Subject,Status,Created at,Ticket Category [list],JIRA ID [txt]\n"
      "1,9,Ana Lima,ana@contoso.com,Locked out,open,2025-03-10 08:41,Password reset,HD-1\n");
  REQUIRE(q.sink.rows.size() == 1);
  CHECK(q.has_note("flavour zendesk"));
  CHECK(q.has_note("role category=Ticket Category [list]"));
  CHECK(q.sink.rows[0].category == "Password reset");
}

TEST_CASE("ticket csv: Freshservice export (Freshdesk columns plus ITSM ones)", "[tickets][csv][export]") {
  Parsed p = read_testdata("synthetic_freshservice.csv");
  CHECK(p.summary.records == 5);
  CHECK(p.has_note("flavour freshservice"));
  check_roles(p, {
                     {"id", "Ticket Id"},
                     {"caller", "Requester Email"},
                     {"caller_name", "Requester Name"},
                     {"opened", "Created Time"},
                     {"resolved", "Resolved Time"},
                     {"category", "Category"},
                     {"description", "Description"},
                 });
  REQUIRE(p.sink.rows.size() == 5);
  CHECK(p.sink.rows[0].id == "INC-2301");
  CHECK(p.sink.rows[0].description ==
        "Outlook on my iPhone says Access blocked by Conditional Access.\nWorked yesterday.");
  CHECK(p.sink.rows[3].caller_name == "Eva Nilsson");
  CHECK(format_rfc3339(p.sink.rows[3].resolved) == "2025-04-08T15:00:00Z");
}

TEST_CASE("ticket csv: GLPI exports (semicolons, quotes, BOM, a trailing semicolon, grouped ids)", "[tickets][csv][export]") {
  SECTION("fr, GLPI 10: BOM and quoted ';' header") {
    Parsed p = parse_bytes(
        "\xEF\xBB\xBF\"ID\";\"Titre\";\"Statut\";\"Dernière modification\";\"Date d'ouverture\";\"Priorité\";"
        "\"Demandeur - Demandeur\";\"Attribué à - Technicien\";\"Catégorie\";\"TTR\"\n"
        "\"3\";\"Impossible de me connecter à Outlook\";\"En cours (Attribué)\";\"2026-09-14 11:21\";"
        "\"2026-09-14 12:00\";\"Basse\";\"glpi\";\"tech\";\"\";\"\"\n");
    REQUIRE(p.sink.rows.size() == 1);
    CHECK(p.has_note("flavour glpi"));
    CHECK(p.has_note("delimiter ';'"));
    check_roles(p, {
                       {"id", "ID"},
                       {"title", "Titre"},
                       {"opened", "Date d'ouverture"},
                       {"caller", "Demandeur - Demandeur"},
                       {"assignee", "Attribué à - Technicien"},
                   });
    CHECK(p.sink.rows[0].id == "3");
    CHECK(p.sink.rows[0].caller == "glpi");
    CHECK(p.sink.rows[0].caller_name.empty());
    CHECK(format_rfc3339(p.sink.rows[0].opened) == "2026-09-14T12:00:00Z");
  }
  SECTION("es, GLPI 9: every line ends with ';'") {
    Parsed p = parse_bytes(
        "\"ID\";\"Título\";\"Estado\";\"Última actualización\";\"Fecha de apertura\";\"Prioridad\";"
        "\"Solicitante - Solicitante\";\"Asignada a - Técnico\";\"Categoría\";\"Tiempo para resolver\";\n"
        "\"12\";\"No puedo iniciar sesión\";\"Nuevo\";\"2024-01-31 14:10\";\"2024-01-31 14:05\";\"Media\";\"jperez\";"
        "\"tecnico1\";\"Acceso\";\"\";\n");
    REQUIRE(p.sink.rows.size() == 1);
    CHECK(p.summary.rejected == 0);
    CHECK_FALSE(p.note_contains("field count"));
    CHECK(p.has_note("flavour glpi"));
    check_roles(p, {
                       {"caller", "Solicitante - Solicitante"},
                       {"assignee", "Asignada a - Técnico"},
                   });
    CHECK(p.sink.rows[0].category == "Acceso");
    CHECK(format_rfc3339(p.sink.rows[0].opened) == "2024-01-31T14:05:00Z");
  }
  SECTION("pt-BR: unquoted header, ids with digit groups, d/m/y dates") {
    Parsed p = parse_bytes(
        "ID;Título;Status;Requerente - Requerente;Atribuído - Técnico;Prioridade;Categoria;Tipo;Descrição;"
        "Data de abertura;Data da solução;Atribuído - Grupo técnico;Última atualização\n"
        "52 267;Conta bloqueada;Solucionado;Maria Souza (2970);Jose;Média;Acesso;Incidente;;22/08/2025 11:49;"
        "22/08/2025 13:05;N1;22/08/2025 13:05\n"
        "52\xC2\xA0"
        "268;Esqueci minha senha;Novo;carla.dias@fabrikam.com;;Baixa;Acesso;Requisição;;"
        "23/08/2025 08:02;;N1;23/08/2025 08:02\n"
        "52\xE2\x80\xAF"
        "269;Impressora;Novo;Pedro;;Baixa;Hardware;Incidente;;23/08/2025 09:15;;N2;23/08/2025 09:15\n"
        "1 2 3;Teste;Novo;Pedro;;Baixa;;Incidente;;23/08/2025 09:16;;N2;23/08/2025 09:16\n");
    REQUIRE(p.sink.rows.size() == 4);
    CHECK(p.has_note("flavour glpi"));
    check_roles(p, {
                       {"assignment_group", "Atribuído - Grupo técnico"},
                       {"resolved", "Data da solução"},
                   });
    CHECK(p.sink.rows[0].id == "52267");
    CHECK(p.sink.rows[1].id == "52268");  // no-break space
    CHECK(p.sink.rows[2].id == "52269");  // narrow no-break space
    CHECK(p.sink.rows[3].id == "1 2 3");  // not digit groups: as written
    CHECK(p.note_contains("3 ids written with digit groups"));
    CHECK(p.sink.rows[0].caller == "Maria Souza (2970)");
    CHECK(p.note_contains("date order dmy"));
    CHECK(format_rfc3339(p.sink.rows[0].opened) == "2025-08-22T11:49:00Z");
    CHECK(format_rfc3339(p.sink.rows[0].resolved) == "2025-08-22T13:05:00Z");
  }
}

TEST_CASE("ticket csv: Jira Cloud export with repeated headers", "[tickets][csv][export]") {
  // Start of a real Jira Cloud header (2026): Labels, Watchers and Comment repeat.
  Parsed p = parse_bytes(
      "Summary,Issue key,Issue id,Issue Type,Status,Project key,Priority,Resolution,Assignee,Assignee Id,Reporter,"
      "Reporter Id,Creator,Creator Id,Created,Updated,Last Viewed,Resolved,Due date,Labels,Labels,Labels,"
      "Description,Watchers,Watchers,Comment,Comment\n"
      "SSO not working for Miro,IT-12,10012,Task,To Do,IT,Medium,,Ana,acc-1,Bruno Costa,acc-2,Bruno Costa,acc-2,"
      "22/Dec/25 2:38 PM,22/Dec/25 3:01 PM,,,,sso,identity,,\"AADSTS50105 when opening Miro\",Ana,,a,b\n");
  REQUIRE(p.sink.rows.size() == 1);
  CHECK(p.has_note("flavour jira"));
  CHECK(p.has_note("role caller=Reporter"));  // Jira Cloud exports no e-mail
  CHECK(p.note_contains("labels x3"));
  CHECK(p.sink.rows[0].caller == "Bruno Costa");
  CHECK(p.sink.rows[0].caller_name.empty());
  CHECK(format_rfc3339(p.sink.rows[0].opened) == "2025-12-22T14:38:00Z");
}

TEST_CASE("ticket csv: osTicket export (comma or semicolon by locale)", "[tickets][csv][export]") {
  const std::string header =
      "Ticket Number,Date Created,Subject,From,From Email,Priority,Department,Help Topic,Source,Current Status,"
      "Last Updated,SLA Due Date,SLA Plan,Due Date,Closed Date,Overdue,Merged,Linked,Answered,Agent Assigned,"
      "Team Assigned,Thread Count,Reopen Count,Attachment Count,Task Count";
  const std::string row =
      "418207,2023-05-04 10:21:33,Forgot my password,Ana Lima,ana.lima@contoso.com,Normal,Support,Password Reset,"
      "Email,Open,2023-05-04 10:30:00,,Default SLA,,,0,0,0,1,Rui Santos,,2,0,0,0";
  for (char d : {',', ';'}) {
    std::string h = header, r = row;
    std::replace(h.begin(), h.end(), ',', d);
    std::replace(r.begin(), r.end(), ',', d);
    INFO("delimiter " << d);
    CHECK(sniff(h + "\n" + r + "\n") > 0);
    Parsed p = parse_bytes(h + "\n" + r + "\n");
    REQUIRE(p.sink.rows.size() == 1);
    CHECK(p.has_note("flavour osticket"));
    check_roles(p, {
                       {"id", "Ticket Number"},
                       {"opened", "Date Created"},
                       {"caller", "From Email"},
                       {"caller_name", "From"},
                       {"state", "Current Status"},
                       {"category", "Help Topic"},
                       {"assignee", "Agent Assigned"},
                       {"resolved", "Closed Date"},
                   });
    CHECK(p.sink.rows[0].caller == "ana.lima@contoso.com");
    CHECK(p.sink.rows[0].caller_name == "Ana Lima");
    CHECK(format_rfc3339(p.sink.rows[0].opened) == "2023-05-04T10:21:33Z");
  }
}

TEST_CASE("ticket csv: ServiceNow with a dot-walked caller e-mail", "[tickets][csv][export]") {
  Parsed p = parse_bytes(
      "\"number\",\"opened_at\",\"short_description\",\"caller_id\",\"caller_id.email\",\"opened_by\",\"state\"\n"
      "\"INC0010042\",\"02-13-2025 15:46:06\",\"Device not compliant\",\"Joe Employee\",\"joe.employee@contoso.com\","
      "\"Service Desk Agent\",\"New\"\n");
  REQUIRE(p.sink.rows.size() == 1);
  CHECK(p.has_note("flavour servicenow"));
  check_roles(p, {
                     {"caller", "caller_id.email"}, {"caller_name", "caller_id"},  // not opened_by: another person
                 });
  CHECK(p.sink.rows[0].caller == "joe.employee@contoso.com");
  CHECK(p.sink.rows[0].caller_name == "Joe Employee");
  CHECK(format_rfc3339(p.sink.rows[0].opened) == "2025-02-13T15:46:06Z");  // MM-dd-yyyy, told by the 13
}
