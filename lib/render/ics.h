// Why: campaign waves go into the calendars of the people who run them, as
// an iCalendar file (RFC 5545): CRLF line ends, lines folded at 75 octets
// without splitting a UTF-8 character, TEXT values escaped (\ ; , newline),
// times in UTC. Small enough to write by hand; pinned by unit tests and a
// parse with python3-icalendar in the golden tests.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "util/time.h"

namespace idt {

// RFC 5545 3.3.11 TEXT: "\" ";" "," escaped with a backslash, newlines
// (LF or CRLF) as "\n"; each line terminal-safe first (util/safe_text: tab
// and a lone CR as a space, other hidden characters as <U+…> markers).
void ics_escape_text(std::string& out, std::string_view s);
// One content line "NAME:VALUE" (value already escaped), folded, with CRLF.
void ics_line(std::string& out, std::string_view name, std::string_view value);
// 20260602T080000Z
std::string ics_utc(Micros t);

struct IcsEvent {
  std::string uid;
  Micros start = kNoTime, end = kNoTime;
  std::string summary, location, description;  // plain text (escaped when written)
  std::vector<std::string> categories;
};

// A whole VCALENDAR (METHOD:PUBLISH) with one VEVENT per event.
void write_ics(std::string& out, std::string_view calendar_name, const std::vector<IcsEvent>& events, Micros dtstamp);

}  // namespace idt
