// Why: one RFC 4180 tokenizer serves every CSV; each quirk of real exports
// (quoted newlines, "" escapes, CRLF, blank lines, ragged rows, truncation)
// and delimiter sniffing is pinned here.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "io/csv.h"

using namespace idt;

namespace {
using Rows = std::vector<std::vector<std::string>>;

// Reads all rows; stops at the first error and reports it.
struct ReadAll {
  Rows rows;
  std::vector<std::size_t> lines;
  bool error = false;
  std::string message;
  std::size_t error_line = 0;
};
ReadAll read_all(std::string_view text, char delim = ',') {
  ReadAll out;
  CsvReader rd(text, CsvDialect{delim, '"'});
  std::vector<std::string_view> f;
  for (int guard = 0; guard < 10000; ++guard) {
    auto st = rd.next(f);
    if (st == CsvReader::Status::end) break;
    if (st == CsvReader::Status::error) {
      out.error = true;
      out.message = std::string(rd.error());
      out.error_line = rd.row_line();
      break;
    }
    out.rows.emplace_back(f.begin(), f.end());
    out.lines.push_back(rd.row_line());
  }
  return out;
}
}  // namespace

TEST_CASE("csv: simple rows, CRLF and missing final newline", "[io][csv]") {
  auto r = read_all("a,b,c\r\n1,2,3\r\n4,5,6");
  REQUIRE_FALSE(r.error);
  CHECK(r.rows == Rows{{"a", "b", "c"}, {"1", "2", "3"}, {"4", "5", "6"}});
  CHECK(r.lines == std::vector<std::size_t>{1, 2, 3});
}

TEST_CASE("csv: quoted fields with delimiters, newlines and \"\" escapes", "[io][csv]") {
  auto r = read_all("id,text\n1,\"a, b\"\n2,\"line1\r\nline2\"\n3,\"say \"\"hi\"\"\"\n4,\"\"\n");
  REQUIRE_FALSE(r.error);
  REQUIRE(r.rows.size() == 5);
  CHECK(r.rows[1] == std::vector<std::string>{"1", "a, b"});
  CHECK(r.rows[2] == std::vector<std::string>{"2", "line1\r\nline2"});
  CHECK(r.rows[3] == std::vector<std::string>{"3", "say \"hi\""});
  CHECK(r.rows[4] == std::vector<std::string>{"4", ""});
  // Line numbers count the newline inside the quoted cell.
  CHECK(r.lines == std::vector<std::size_t>{1, 2, 3, 5, 6});
}

TEST_CASE("csv: escaped cells stay valid while the row is used", "[io][csv]") {
  CsvReader rd("\"a\"\"1\",\"b\"\"2\",\"c\"\"3\"\n");
  std::vector<std::string_view> f;
  REQUIRE(rd.next(f) == CsvReader::Status::row);
  CHECK(f == std::vector<std::string_view>{"a\"1", "b\"2", "c\"3"});
}

TEST_CASE("csv: trailing delimiter and empty last field", "[io][csv]") {
  auto r = read_all("a,b,\n1,,\n,\n");
  REQUIRE_FALSE(r.error);
  CHECK(r.rows == Rows{{"a", "b", ""}, {"1", "", ""}, {"", ""}});
  auto eof = read_all("x,y,");  // trailing delimiter at end of input
  CHECK(eof.rows == Rows{{"x", "y", ""}});
}

TEST_CASE("csv: blank lines are skipped, line numbers still count them", "[io][csv]") {
  auto r = read_all("\r\n\na,b\r\n\r\n\r\n1,2\n\n");
  REQUIRE_FALSE(r.error);
  CHECK(r.rows == Rows{{"a", "b"}, {"1", "2"}});
  CHECK(r.lines == std::vector<std::size_t>{3, 6});
  CHECK(read_all("").rows.empty());
  CHECK(read_all("\n\n\r\n").rows.empty());
}

TEST_CASE("csv: unterminated quote is an error naming the row's line", "[io][csv]") {
  auto r = read_all("h1,h2\nok,1\nbad,\"never closed\nmore\nlines\n");
  CHECK(r.error);
  CHECK(r.rows.size() == 2);
  CHECK(r.error_line == 3);
  CHECK(r.message.find("unterminated") != std::string::npos);
  // With an escaped quote before the truncation, the row's line is still right.
  auto r2 = read_all("h\n\"a\"\"b\nc");
  CHECK(r2.error);
  CHECK(r2.error_line == 2);
}

TEST_CASE("csv: text after a closing quote is kept (lenient)", "[io][csv]") {
  auto r = read_all("\"abc\"def,x\n");
  REQUIRE_FALSE(r.error);
  CHECK(r.rows == Rows{{"abcdef", "x"}});
}

TEST_CASE("csv: other delimiters", "[io][csv]") {
  CHECK(read_all("a;b;\"c;d\"\n", ';').rows == Rows{{"a", "b", "c;d"}});
  CHECK(read_all("a\tb\t\"c\td\"\n", '\t').rows == Rows{{"a", "b", "c\td"}});
}

TEST_CASE("csv: row_text and position", "[io][csv]") {
  CsvReader rd("a,b\n1,2\n");
  std::vector<std::string_view> f;
  REQUIRE(rd.next(f) == CsvReader::Status::row);
  REQUIRE(rd.next(f) == CsvReader::Status::row);
  CHECK(rd.row_offset() == 4);
  CHECK(rd.row_text() == "1,2\n");
  CHECK(rd.next(f) == CsvReader::Status::end);
}

TEST_CASE("sniff_delimiter: comma, semicolon, tab", "[io][csv]") {
  CHECK(sniff_delimiter("a,b,c\n1,2,3\n") == ',');
  // Decimal commas in the data do not beat a consistent ';'.
  CHECK(sniff_delimiter("Número;Título;Valor\n1;Senha, bloqueada;1,5\n2;MFA;2,5\n") == ';');
  CHECK(sniff_delimiter("id\ttitle\tstate\n1\tx, y\topen\n") == '\t');
  // Delimiters inside quotes do not count.
  CHECK(sniff_delimiter("\"a;b;c;d\",x,y\n\"1;2;3;4\",1,2\n") == ',');
  // No delimiter at all: comma by default.
  CHECK(sniff_delimiter("single\ncolumn\n") == ',');
}

TEST_CASE("open_csv_document: BOM, preamble, header and why there is none", "[io][csv]") {
  const std::string text = "\xEF\xBB\xBF#TYPE x\nsep=;\na;b\n1;2\n";
  CsvDocument doc;
  REQUIRE(open_csv_document(text, doc));
  CHECK(doc.bom == 3);
  CHECK(doc.pre.type_line);
  CHECK(doc.delim == ';');
  CHECK(doc.header == std::vector<std::string>{"a", "b"});
  std::vector<std::string_view> row;
  REQUIRE(doc.rows->next(row) == CsvReader::Status::row);
  CHECK(doc.line() == 4);                   // file lines: preamble counted
  CHECK(doc.offset() == text.find("1;2"));  // offsets into the text given: BOM counted

  CsvDocument empty;
  CHECK_FALSE(open_csv_document("\xEF\xBB\xBF  \n", empty));
  CHECK(empty.empty);
  CHECK(empty.problem == "empty file: no header row");
  CsvDocument broken;
  CHECK_FALSE(open_csv_document("#TYPE x\n\"a,b\n", broken));
  CHECK_FALSE(broken.empty);
  CHECK(broken.problem.starts_with("line 2: cannot read the header: "));
}
