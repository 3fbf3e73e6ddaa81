// Why: every source writes times differently; all of them become one integer
// (microseconds since the Unix epoch, UTC) as early as possible.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace idt {

using Micros = std::int64_t;
inline constexpr Micros kNoTime = INT64_MIN;
inline constexpr Micros kMicrosPerSecond = 1'000'000;

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant).
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct CivilTime {
  int year, month, day, hour, minute, second, micros;
};
CivilTime to_civil(Micros t);
Micros from_civil(int y, int mo, int d, int h, int mi, int s, int us);

// ISO 8601 / RFC 3339: "2026-06-01T05:50:00Z", "...T04:45:48.0729893-05:00",
// "2026-06-01 05:50:00" (no offset = UTC, or `assumed_offset_minutes`).
std::optional<Micros> parse_iso8601(std::string_view s, int assumed_offset_minutes = 0);
// Log Analytics portal export: "4/28/2021, 2:08:45.221 PM" (month first, UTC).
std::optional<Micros> parse_la_time(std::string_view s);
// Any of the log-export time shapes above.
std::optional<Micros> parse_log_time(std::string_view s);

// --since/--until: RFC 3339, a date, "now", or relative "-24h", "-7d", "-30m".
std::optional<Micros> parse_time_arg(std::string_view s, Micros now);
// Durations: "15m", "1h", "30d", "90s".
std::optional<Micros> parse_duration(std::string_view s);

std::string format_rfc3339(Micros t, bool with_millis = false);
// "05:50" and "2026-06-01 05:50" (UTC) for human lines; `none` for kNoTime.
std::string format_hhmm(Micros t, std::string_view none = "?");
std::string format_day_minute(Micros t, std::string_view none = "?");
Micros now_micros();

}  // namespace idt
