// Why: inputs are hostile or broken (empty, truncated, wrong kind, binary,
// invalid UTF-8, oversized records); each case must end in a clear message
// with a position, the rest of the file must still be read, --strict must
// stop at the first rejection, and nothing may crash or hang.
#include <catch2/catch.hpp>

#include "log_collect.h"

using namespace idt;
using namespace idt::test;

namespace {
std::string raw_log() { return slurp(testdata("signin/test-signinlogs-raw.log")); }

// The raw log with line `n` (1-based) cut in half.
std::string with_truncated_line(std::size_t n) {
  std::string t = raw_log(), out;
  std::size_t b = 0, line = 1;
  while (b < t.size()) {
    std::size_t e = t.find('\n', b);
    if (e == std::string::npos) e = t.size();
    std::string l = t.substr(b, e - b);
    out += line == n ? l.substr(0, l.size() / 2) : l;
    out += '\n';
    b = e + 1;
    ++line;
  }
  return out;
}
}  // namespace

TEST_CASE("bad input: empty and whitespace-only", "[formats][read][bad]") {
  for (std::string_view text :
       {std::string_view(""), std::string_view("  \n\r\n\t "), std::string_view("\xEF\xBB\xBF")}) {
    Parsed p = read_text(text);
    CHECK(p.summary.records == 0);
    REQUIRE(p.summary.fatal);
    CHECK(contains(*p.summary.fatal, "empty"));
  }
}

TEST_CASE("bad input: truncated JSON array is fatal with a position", "[formats][read][bad]") {
  std::string beta = slurp(testdata("signin/graph-docs-beta_signin-list.example1.response.json"));
  std::string cut = beta.substr(0, beta.find("\"location\""));  // cut inside the record, on line 62
  Parsed p = read_text(cut);
  CHECK(p.summary.format == "graph-json");
  CHECK(p.summary.records == 0);
  REQUIRE(p.summary.fatal);
  CHECK(contains(*p.summary.fatal, "truncated"));
  CHECK(contains(*p.summary.fatal, "line 62"));
  // Cut between two records of a bare array: the first record is kept.
  std::size_t v = beta.find('['), e = beta.rfind(']');
  std::string rec = beta.substr(v + 1, e - v - 1);
  Parsed two = read_text("[" + rec + "," + rec.substr(0, 200));
  CHECK(two.summary.records == 1);
  REQUIRE(two.summary.fatal);
  CHECK(contains(*two.summary.fatal, "truncated"));
}

TEST_CASE("bad input: one truncated JSON line is rejected, the others are read", "[formats][read][bad]") {
  Parsed p = read_text(with_truncated_line(3));
  CHECK(p.summary.format == "eventhub-json");
  CHECK(p.summary.records == 4);
  CHECK(p.summary.rejected == 1);
  CHECK_FALSE(p.summary.fatal);
  REQUIRE(p.sink.rejections.size() == 1);
  CHECK(p.sink.rejections[0].pos.line == 3);
  CHECK(p.sink.rejections[0].pos.record == 2);
  CHECK(contains(p.sink.rejections[0].message, "line 3"));
  REQUIRE(p.sink.signins.size() == 4);
  CHECK(p.sink.signins[2].category == "MicrosoftServicePrincipalSignInLogs");  // line 4 still read
  // The first line truncated: detection still works from the other lines.
  Parsed first = read_text(with_truncated_line(1));
  CHECK(first.summary.records == 4);
  CHECK(first.summary.rejected == 1);
}

TEST_CASE("bad input: --strict stops at the first rejection", "[formats][read][bad]") {
  ParseOptions strict;
  strict.strict = true;
  Parsed p = read_text(with_truncated_line(2), std::nullopt, strict);
  CHECK(p.summary.records == 1);
  CHECK(p.summary.rejected == 1);
  REQUIRE(p.summary.fatal);
  CHECK(contains(*p.summary.fatal, "strict"));
  // CSV: a row that is not a sign-in (AuditLogs type) stops a strict read too.
  std::string csv =
      "TimeGenerated,ResultType,UserPrincipalName,Type\n"
      "2026-06-01T05:50:00Z,0,a@contoso.com,SigninLogs\n"
      "2026-06-01T05:51:00Z,0,b@contoso.com,AuditLogs\n"
      "2026-06-01T05:52:00Z,0,c@contoso.com,SigninLogs\n";
  Parsed lenient = read_text(csv);
  CHECK(lenient.summary.records == 2);
  CHECK(lenient.summary.rejected == 1);
  REQUIRE(lenient.sink.rejections.size() == 1);
  CHECK(lenient.sink.rejections[0].pos.line == 3);
  Parsed s = read_text(csv, std::nullopt, strict);
  CHECK(s.summary.records == 1);
  CHECK(s.summary.rejected == 1);
  CHECK(s.summary.fatal);
}

TEST_CASE("bad input: wrong kind of file", "[formats][read][bad]") {
  // An audit log given where sign-ins are wanted.
  Parsed a = read_path(testdata("audit/test-auditlogs-result-reason.log"), RecordKind::signin);
  REQUIRE(a.summary.fatal);
  CHECK(*a.summary.fatal == "this is audit data (eventhub-json), not signin");
  // A help-desk ticket CSV given where sign-ins are wanted: a clear message.
  Parsed t = read_path(testdata("tickets/ericmedlock_planeso-jira-migration__Jira.csv"), RecordKind::signin);
  CHECK(t.summary.records == 0);
  REQUIRE(t.summary.fatal);
  CHECK((contains(*t.summary.fatal, "not signin") || contains(*t.summary.fatal, "unrecognised format")));
  CHECK(t.sink.signins.empty());
  // A health JSON where audit records are wanted.
  Parsed h =
      read_path(testdata("health/graph-docs-v1.0_serviceannouncement-list-issues.response.json"), RecordKind::audit);
  CHECK(h.summary.records == 0);
  REQUIRE(h.summary.fatal);
  CHECK(contains(*h.summary.fatal, "not audit"));
  // JSON that is no known shape.
  Parsed j = read_text("{\"hello\": \"world\"}\n");
  REQUIRE(j.summary.fatal);
  CHECK(contains(*j.summary.fatal, "JSON, but not a recognised"));
  // CSV that is no known shape: the first line is quoted as data (the
  // renderers make it safe for their reader, util/safe_text.h).
  Parsed c = read_text("column\x1b[31mone,column_two,column_three\nx,y,z\n");
  REQUIRE(c.summary.fatal);
  CHECK(contains(*c.summary.fatal, "unrecognised format (first line: \"column\x1b[31mone,column_two"));
  // A NUL in a cell is data, not a sign of a binary file (issue 10): the
  // ticket CSV is read, the NUL kept in its title.
  std::string nul_csv = "number,opened_at,short_description,caller_id\nINC1,2026-06-01 06:48:09,MFA x";
  nul_csv += '\0';
  nul_csv += "y,Ann\n";
  Parsed n = read_text(nul_csv);
  CHECK_FALSE(n.summary.fatal);
  CHECK(n.summary.format == "ticket-csv");
}

TEST_CASE("bad input: binary garbage", "[formats][read][bad]") {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 7919 + 13) % 256);
  Parsed p = read_text(junk);
  CHECK(p.summary.records == 0);
  REQUIRE(p.summary.fatal);
  CHECK(contains(*p.summary.fatal, "binary"));
  // Binary after a valid-looking JSON start: rejected or fatal, never a crash.
  Parsed q = read_text("{\"records\":[" + junk);
  CHECK(q.summary.records == 0);
}

TEST_CASE("bad input: invalid UTF-8 inside a JSON log", "[formats][read][bad]") {
  std::string line = raw_log().substr(0, raw_log().find('\n'));
  std::size_t at = line.find("Test LTest");
  REQUIRE(at != std::string::npos);
  std::string bad = line;
  bad[at + 4] = '\xFF';  // "Test\xFFLTest"
  std::string text = line + "\n" + bad + "\n" + line + "\n";
  // Auto-detection: the file is read as Windows-1252 and says so.
  Parsed p = read_text(text);
  CHECK(p.summary.records == 3);
  bool noted = false;
  for (const auto& n : p.summary.notes) noted |= contains(n, "not valid UTF-8");
  CHECK(noted);
  // Forced UTF-8: the bad record is rejected with its line, the others read.
  Input in = Input::from_string(text, "<utf8>", Encoding::utf8);
  Parsed f;
  f.summary = read_input(in, {}, f.sink);
  CHECK(f.summary.records == 2);
  CHECK(f.summary.rejected == 1);
  REQUIRE(f.sink.rejections.size() == 1);
  CHECK(f.sink.rejections[0].pos.line == 2);
  CHECK(contains(f.sink.rejections[0].message, "UTF"));
}

TEST_CASE("bad input: a record over max_record_bytes is rejected", "[formats][read][bad]") {
  ParseOptions small;
  small.max_record_bytes = 1000;  // every raw-log record is ~1.7 KB
  Parsed p = read_text(raw_log(), std::nullopt, small);
  CHECK(p.summary.records == 0);
  CHECK(p.summary.rejected == 5);
  REQUIRE(p.sink.rejections.size() == 5);
  CHECK(contains(p.sink.rejections[0].message, "over the per-record limit of 1000"));
  // Same for one huge record inside a Graph wrapper.
  std::string huge = "{\"value\":[{\"createdDateTime\":\"2026-06-01T00:00:00Z\",\"appId\":\"x\",\"pad\":\"" +
                     std::string(5000, 'a') + "\"},{\"createdDateTime\":\"2026-06-01T00:00:01Z\",\"appId\":\"y\"}]}";
  Parsed g = read_text(huge, std::nullopt, small);
  CHECK(g.summary.records == 1);
  CHECK(g.summary.rejected == 1);
}

TEST_CASE("bad input: hostile JSON (deep nesting, huge numbers, odd types)", "[formats][read][bad]") {
  std::string deep =
      "{\"createdDateTime\":\"2026-06-01T00:00:00Z\",\"appId\":\"x\",\"status\":" + std::string(5000, '[') +
      std::string(5000, ']') + "}\n";
  std::string ok = "{\"createdDateTime\":\"2026-06-01T00:00:00Z\",\"appId\":\"x\",\"status\":{\"errorCode\":0}}\n";
  std::string odd =
      "{\"createdDateTime\":\"2026-06-01T00:00:00Z\",\"appId\":[1,2],\"status\":{\"errorCode\":1e400},"
      "\"location\":7,\"appliedConditionalAccessPolicies\":{\"x\":1},\"authenticationDetails\":\"[{\\\"succeeded\\\":"
      "\\\"[[[[\"}\n";
  std::string big =
      "{\"createdDateTime\":\"2026-06-01T00:00:00Z\",\"appId\":\"x\",\"status\":{\"errorCode\":"
      "123456789012345678901234567890}}\n";
  Parsed p = read_text(ok + deep + odd + big + ok);
  CHECK(p.summary.format == "graph-json");
  CHECK(p.summary.records + p.summary.rejected == 5);
  CHECK(p.summary.records >= 2);
  REQUIRE(p.sink.signins.size() >= 2);
  CHECK(p.sink.signins.front().error_code == 0);
}

TEST_CASE("bad input: every prefix of every sample reads without crashing", "[formats][read][bad]") {
  const char* files[] = {"signin/disable_accounts.csv",
                         "signin/graph-docs-beta_signin-list.example1.response.json",
                         "signin/test-signinlogs-raw.log",
                         "signin/test-signinlogs-sample.log",
                         "audit/AADAuditEvents.json",
                         "audit/AuditLogs_Hunting.csv",
                         "audit/graph-docs-v1.0_directoryaudit-list.example1.response.json"};
  for (const char* f : files) {
    INFO(f);
    std::string full = slurp(testdata(f));
    Parsed whole = read_text(full);
    std::size_t step = full.size() / 150 + 1;
    for (std::size_t n = 0; n < full.size(); n += step) {
      Parsed p = read_text(std::string_view(full).substr(0, n));
      REQUIRE(p.summary.records <= whole.summary.records);
      // A cut Graph document (wrapper or array) is always reported as truncated.
      if (n > 0 && contains(f, "graph-docs")) { CHECK(p.summary.fatal); }
    }
  }
}
