// Why: writers append straight into one big std::string (no streams, no
// per-field allocation); these are the few formatting primitives they share.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "util/time.h"

namespace idt::synth {

// "2026-06-01T05:51:12.1234567" + suffix ("Z", "+00:00"): microseconds plus
// one extra digit, as Entra writes 100 ns ticks.
void append_time7(std::string& out, Micros t, int tick_digit, std::string_view suffix);
// "2026-06-01T05:51:12Z" / "2026-06-01T05:51:12.123Z" when millis.
void append_time_plain(std::string& out, Micros t, bool millis = false);
// "2026-06-01 05:51:12" (ServiceNow export style, UTC).
void append_time_servicenow(std::string& out, Micros t);
// "Monday, June 1, 2026" (service-health post style).
std::string long_date(Micros t);
// "5:50 AM" (service-health post style).
std::string clock_12h(Micros t);

void append_uint(std::string& out, std::uint64_t v);
void append_int(std::string& out, std::int64_t v);

// A JSON string literal (quoted, escaped).
void append_jstr(std::string& out, std::string_view s);

// Re-indents compact JSON (2 spaces); strings are copied untouched.
std::string pretty_json(std::string_view compact);

}  // namespace idt::synth
