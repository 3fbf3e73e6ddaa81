// Why: see ics.h.
#include "render/ics.h"

#include <fmt/format.h>

#include "util/safe_text.h"

namespace idt {

void ics_escape_text(std::string& out, std::string_view s) {
  // Line by line: each made terminal-safe (hidden characters as <U+…>
  // markers, as in every other output), then RFC 5545 TEXT escapes.
  for (std::size_t start = 0;;) {
    const std::size_t nl = s.find('\n', start);
    std::string_view raw = s.substr(start, nl == std::string_view::npos ? nl : nl - start);
    if (nl != std::string_view::npos && raw.ends_with('\r')) raw.remove_suffix(1);  // CRLF is one line end
    const std::string line = terminal_safe(raw);
    for (char c : line) {
      if (c == '\\' || c == ';' || c == ',') out += '\\';
      out += c;
    }
    if (nl == std::string_view::npos) break;
    out += "\\n";
    start = nl + 1;
  }
}

void ics_line(std::string& out, std::string_view name, std::string_view value) {
  std::string line(name);
  line += ':';
  line += value;
  std::size_t pos = 0, limit = 75;  // octets on the first line; 74 after the leading space
  while (line.size() - pos > limit) {
    std::size_t cut = pos + limit;
    while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    out.append(line, pos, cut - pos);
    out += "\r\n ";
    pos = cut;
    limit = 74;
  }
  out.append(line, pos, std::string::npos);
  out += "\r\n";
}

std::string ics_utc(Micros t) {
  CivilTime c = to_civil(t);
  return fmt::format("{:04d}{:02d}{:02d}T{:02d}{:02d}{:02d}Z", c.year, c.month, c.day, c.hour, c.minute, c.second);
}

void write_ics(std::string& out, std::string_view calendar_name, const std::vector<IcsEvent>& events, Micros dtstamp) {
  auto text = [](std::string_view s) {
    std::string e;
    ics_escape_text(e, s);
    return e;
  };
  ics_line(out, "BEGIN", "VCALENDAR");
  ics_line(out, "VERSION", "2.0");
  ics_line(out, "PRODID", "-//idtriage//campaign plan " IDTRIAGE_VERSION "//EN");
  ics_line(out, "CALSCALE", "GREGORIAN");
  ics_line(out, "METHOD", "PUBLISH");
  ics_line(out, "X-WR-CALNAME", text(calendar_name));
  for (const auto& e : events) {
    ics_line(out, "BEGIN", "VEVENT");
    ics_line(out, "UID", text(e.uid));
    ics_line(out, "DTSTAMP", ics_utc(dtstamp));
    ics_line(out, "DTSTART", ics_utc(e.start));
    ics_line(out, "DTEND", ics_utc(e.end));
    ics_line(out, "SUMMARY", text(e.summary));
    if (!e.location.empty()) ics_line(out, "LOCATION", text(e.location));
    if (!e.description.empty()) ics_line(out, "DESCRIPTION", text(e.description));
    if (!e.categories.empty()) {
      std::string cats;
      for (const auto& c : e.categories) cats += (cats.empty() ? "" : ",") + text(c);
      ics_line(out, "CATEGORIES", cats);
    }
    ics_line(out, "TRANSP", "TRANSPARENT");
    ics_line(out, "END", "VEVENT");
  }
  ics_line(out, "END", "VCALENDAR");
}

}  // namespace idt
