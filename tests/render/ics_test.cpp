// Why: a calendar client that rejects the file loses every wave at once.
// RFC 5545's folding (75 octets, CRLF + space, never inside a UTF-8
// character) and TEXT escaping are pinned on the inputs that break them.
#include <catch2/catch.hpp>

#include <string>

#include "render/ics.h"

using namespace idt;

namespace {
std::string esc(std::string_view s) {
  std::string o;
  ics_escape_text(o, s);
  return o;
}
std::string line(std::string_view n, std::string_view v) {
  std::string o;
  ics_line(o, n, v);
  return o;
}
// Undo folding (content lines joined by "\n") and measure the longest physical line.
std::string unfold(const std::string& folded, std::size_t& max_octets) {
  std::string out;
  max_octets = 0;
  std::size_t pos = 0;
  while (pos < folded.size()) {
    std::size_t crlf = folded.find("\r\n", pos);
    REQUIRE(crlf != std::string::npos);  // every line ends in CRLF
    std::string_view l(folded.data() + pos, crlf - pos);
    max_octets = std::max(max_octets, l.size());
    if (pos > 0 && !l.empty() && l.front() == ' ')
      l.remove_prefix(1);  // continuation of the line above
    else if (pos > 0)
      out += '\n';  // a new content line
    out += l;
    pos = crlf + 2;
  }
  return out;
}
}  // namespace

TEST_CASE("TEXT escaping", "[render][ics]") {
  CHECK(esc("a,b;c\\d") == "a\\,b\\;c\\\\d");
  CHECK(esc("line1\nline2\r\n") == "line1\\nline2\\n");
  CHECK(esc("tab\there\x1b[31m") == "tab here<U+001B>[31m");  // no raw ESC reaches a client
  CHECK(esc("W\u202e01") == "W<U+202E>01");                   // nor a bidi override
  CHECK(esc("Chloé Dubois") == "Chloé Dubois");
}

TEST_CASE("content lines fold at 75 octets without splitting UTF-8", "[render][ics]") {
  CHECK(line("SUMMARY", "short") == "SUMMARY:short\r\n");
  std::size_t max = 0;
  std::string v(200, 'x');
  CHECK(unfold(line("DESCRIPTION", v), max) == "DESCRIPTION:" + v);
  CHECK(max == 75);
  std::string v63(75 - 12, 'y');  // "DESCRIPTION:" is 12 octets: exactly 75, not folded
  CHECK(line("DESCRIPTION", v63) == "DESCRIPTION:" + v63 + "\r\n");
  CHECK(line("DESCRIPTION", v63 + "z") == "DESCRIPTION:" + v63 + "\r\n z\r\n");
  // A fold point inside "é" (2 octets) moves before it.
  std::string u = std::string(62, 'a') + "é" + "bbb";
  CHECK(line("DESCRIPTION", u) == "DESCRIPTION:" + std::string(62, 'a') + "\r\n ébbb\r\n");
  std::string euros;
  for (int i = 0; i < 100; ++i) euros += "€";  // 3 octets each
  std::string f = line("X", euros);
  CHECK(unfold(f, max) == "X:" + euros);
  CHECK(max <= 75);
  for (std::size_t p = f.find("\r\n "); p != std::string::npos; p = f.find("\r\n ", p + 1))
    if (p + 3 < f.size()) CHECK((static_cast<unsigned char>(f[p + 3]) & 0xC0) != 0x80);
  CHECK(ics_utc(from_civil(2026, 6, 2, 8, 0, 5, 0)) == "20260602T080005Z");
}

TEST_CASE("write_ics: one VEVENT per event, escaped, UTC times", "[render][ics]") {
  std::vector<IcsEvent> ev(2);
  ev[0].uid = "plan-1-W01@idtriage";
  ev[0].start = from_civil(2026, 6, 2, 8, 0, 0, 0);
  ev[0].end = from_civil(2026, 6, 2, 11, 0, 0, 0);
  ev[0].summary = "MFA registration W01: EU, 20 users";
  ev[0].description = "Users:\na@contoso.com\nb@contoso.com";
  ev[0].categories = {"MFA registration", "idtriage"};
  ev[1] = ev[0];
  ev[1].uid = "plan-1-W02@idtriage";
  std::string out;
  write_ics(out, "MFA campaign", ev, from_civil(2026, 6, 1, 0, 0, 0, 0));
  std::size_t max = 0;
  CHECK(unfold(out, max).find("\nSUMMARY:MFA registration W01: EU\\, 20 users\n") != std::string::npos);
  CHECK(max <= 75);
  CHECK(out.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
  CHECK(out.ends_with("END:VCALENDAR\r\n"));
  auto count = [&](std::string_view what) {
    std::size_t n = 0;
    for (std::size_t p = out.find(what); p != std::string::npos; p = out.find(what, p + 1)) ++n;
    return n;
  };
  CHECK(count("BEGIN:VEVENT\r\n") == 2);
  CHECK(count("END:VEVENT\r\n") == 2);
  CHECK(count("DTSTAMP:20260601T000000Z\r\n") == 2);
  CHECK(count("DTSTART:20260602T080000Z\r\n") == 2);
  CHECK(count("SUMMARY:MFA registration W01: EU\\, 20 users\r\n") == 2);
  CHECK(count("CATEGORIES:MFA registration,idtriage\r\n") == 2);
  CHECK(count("DESCRIPTION:Users:\\na@contoso.com\\nb@contoso.com\r\n") == 2);
  CHECK(out.find('\n') == out.find("\r\n") + 1);  // no bare LF
}
