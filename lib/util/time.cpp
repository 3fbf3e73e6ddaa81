// Why: hand-written parsers for the handful of time shapes in real exports;
// no locale, no std::get_time, no allocation.
#include "util/time.h"

#include <fmt/format.h>
#include <chrono>

namespace idt {
namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

// Reads 1..max digits; returns count read.
std::size_t var_digits(std::string_view s, std::size_t pos, std::size_t max, int& out) {
  std::size_t n = 0;
  int v = 0;
  while (pos + n < s.size() && n < max && s[pos + n] >= '0' && s[pos + n] <= '9') {
    v = v * 10 + (s[pos + n] - '0');
    ++n;
  }
  out = v;
  return n;
}

bool valid_civil(int y, int mo, int d, int h, int mi, int sec) {
  static constexpr int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (mo == 2 && d == 29 && !leap) return false;
  return h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && sec >= 0 && sec <= 60;
}

// A UTC offset after a time: "Z", "UTC"/"GMT", or ±hh[:mm] / ±hhmm with
// hours 00–23 and minutes 00–59 (RFC 3339); "+99:99" is not an offset.
// Reads from s[p]; returns false on anything else.
bool utc_offset(std::string_view s, std::size_t& p, int& offset) {
  if (p >= s.size()) return false;
  const char c = s[p];
  if (c == 'Z' || c == 'z') {
    offset = 0;
    ++p;
    return true;
  }
  if (s.substr(p, 3) == "UTC" || s.substr(p, 3) == "GMT") {
    offset = 0;
    p += 3;
    if (p == s.size()) return true;
    if (s[p] != '+' && s[p] != '-') return false;
  }
  const char sign = s[p];
  if (sign != '+' && sign != '-') return false;
  int oh = 0, om = 0;
  if (!digits(s, p + 1, 2, oh)) return false;
  std::size_t q = p + 3;
  if (q < s.size() && s[q] == ':') ++q;
  if (q < s.size()) {
    if (!digits(s, q, 2, om)) return false;
    q += 2;
  }
  if (oh > 23 || om > 59) return false;
  offset = (sign == '-' ? -1 : 1) * (oh * 60 + om);
  p = q;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

Micros from_civil(int y, int mo, int d, int h, int mi, int s, int us) {
  return (days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 + s) *
             kMicrosPerSecond +
         us;
}

CivilTime to_civil(Micros t) {
  std::int64_t secs = t >= 0 ? t / kMicrosPerSecond : (t - (kMicrosPerSecond - 1)) / kMicrosPerSecond;
  int micros = static_cast<int>(t - secs * kMicrosPerSecond);
  std::int64_t days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
  int sod = static_cast<int>(secs - days * 86400);
  // civil_from_days (Hinnant)
  std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilTime{static_cast<int>(y + (m <= 2)),
                   static_cast<int>(m),
                   static_cast<int>(d),
                   sod / 3600,
                   (sod / 60) % 60,
                   sod % 60,
                   micros};
}

std::optional<Micros> parse_iso8601(std::string_view s, int assumed_offset_minutes) {
  s = trim(s);
  int y, mo, d, h = 0, mi = 0, sec = 0, us = 0;
  if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' || !digits(s, 8, 2, d))
    return std::nullopt;
  std::size_t p = 10;
  int offset = assumed_offset_minutes;
  if (p < s.size() && (s[p] == 'T' || s[p] == 't' || s[p] == ' ')) {
    ++p;
    if (!digits(s, p, 2, h) || p + 2 >= s.size() || s[p + 2] != ':' || !digits(s, p + 3, 2, mi)) return std::nullopt;
    p += 5;
    if (p < s.size() && s[p] == ':') {
      if (!digits(s, p + 1, 2, sec)) return std::nullopt;
      p += 3;
      if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
        ++p;
        int frac = 0;
        std::size_t n = var_digits(s, p, 9, frac);
        if (n == 0) return std::nullopt;
        p += n;
        while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;  // beyond ns
        for (std::size_t i = n; i < 6; ++i) frac *= 10;
        for (std::size_t i = 6; i < n; ++i) frac /= 10;
        us = frac;
      }
    }
    if (p < s.size() && !utc_offset(s, p, offset)) return std::nullopt;
  }
  if (p != s.size()) return std::nullopt;
  if (!valid_civil(y, mo, d, h, mi, sec)) return std::nullopt;
  return from_civil(y, mo, d, h, mi, sec, us) - static_cast<Micros>(offset) * 60 * kMicrosPerSecond;
}

std::optional<Micros> parse_la_time(std::string_view s) {
  s = trim(s);
  int mo, d, y, h, mi, sec = 0, us = 0;
  std::size_t p = 0, n;
  if ((n = var_digits(s, p, 2, mo)) == 0 || p + n >= s.size() || s[p + n] != '/') return std::nullopt;
  p += n + 1;
  if ((n = var_digits(s, p, 2, d)) == 0 || p + n >= s.size() || s[p + n] != '/') return std::nullopt;
  p += n + 1;
  if (var_digits(s, p, 4, y) != 4) return std::nullopt;
  p += 4;
  if (p < s.size() && s[p] == ',') ++p;
  while (p < s.size() && s[p] == ' ') ++p;
  if ((n = var_digits(s, p, 2, h)) == 0 || p + n >= s.size() || s[p + n] != ':') return std::nullopt;
  p += n + 1;
  if (!digits(s, p, 2, mi)) return std::nullopt;
  p += 2;
  if (p < s.size() && s[p] == ':') {
    if (!digits(s, p + 1, 2, sec)) return std::nullopt;
    p += 3;
    if (p < s.size() && s[p] == '.') {
      int frac = 0;
      n = var_digits(s, p + 1, 6, frac);
      if (n == 0) return std::nullopt;
      for (std::size_t i = n; i < 6; ++i) frac *= 10;
      us = frac;
      p += 1 + n;
      while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;  // beyond microseconds
    }
  }
  while (p < s.size() && s[p] == ' ') ++p;
  if (p + 1 < s.size() && (s[p + 1] == 'M' || s[p + 1] == 'm') && (p + 2 == s.size() || s[p + 2] == ' ')) {
    std::string_view ampm = s.substr(p, 2);
    bool pm = ampm == "PM" || ampm == "pm";
    bool am = ampm == "AM" || ampm == "am";
    if (!pm && !am) return std::nullopt;
    if (h < 1 || h > 12) return std::nullopt;
    if (am && h == 12) h = 0;
    if (pm && h != 12) h += 12;
    p += 2;
    while (p < s.size() && s[p] == ' ') ++p;
  }
  // "1/9/2007 10:41:00 AM +01:00": .NET's general format with an offset.
  int offset = 0;
  if (p < s.size() && (!utc_offset(s, p, offset) || p != s.size())) return std::nullopt;
  if (!valid_civil(y, mo, d, h, mi, sec)) return std::nullopt;
  return from_civil(y, mo, d, h, mi, sec, us) - static_cast<Micros>(offset) * 60 * kMicrosPerSecond;
}

std::optional<Micros> parse_log_time(std::string_view s) {
  if (auto t = parse_iso8601(s)) return t;
  return parse_la_time(s);
}

std::optional<Micros> parse_duration(std::string_view s) {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  int v = 0;
  std::size_t n = var_digits(s, 0, 9, v);
  if (n == 0 || n + 1 != s.size()) return std::nullopt;
  Micros unit;
  switch (s[n]) {
    case 's':
      unit = 1;
      break;
    case 'm':
      unit = 60;
      break;
    case 'h':
      unit = 3600;
      break;
    case 'd':
      unit = 86400;
      break;
    case 'w':
      unit = 7 * 86400;
      break;
    default:
      return std::nullopt;
  }
  return static_cast<Micros>(v) * unit * kMicrosPerSecond;
}

std::optional<Micros> parse_time_arg(std::string_view s, Micros now) {
  s = trim(s);
  if (s == "now") return now;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    auto d = parse_duration(s.substr(1));
    if (!d) return std::nullopt;
    return s[0] == '-' ? now - *d : now + *d;
  }
  return parse_log_time(s);
}

std::string format_rfc3339(Micros t, bool with_millis) {
  if (t == kNoTime) return {};
  CivilTime c = to_civil(t);
  if (with_millis)
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", c.year, c.month, c.day, c.hour, c.minute, c.second,
                       c.micros / 1000);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", c.year, c.month, c.day, c.hour, c.minute, c.second);
}

std::string format_hhmm(Micros t, std::string_view none) {
  if (t == kNoTime) return std::string(none);
  CivilTime c = to_civil(t);
  return fmt::format("{:02}:{:02}", c.hour, c.minute);
}

std::string format_day_minute(Micros t, std::string_view none) {
  if (t == kNoTime) return std::string(none);
  CivilTime c = to_civil(t);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", c.year, c.month, c.day, c.hour, c.minute);
}

Micros now_micros() {
  using namespace std::chrono;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

std::optional<int> parse_utc_offset(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  auto is = [&](std::string_view w) {
    if (s.size() != w.size()) return false;
    for (std::size_t i = 0; i < w.size(); ++i)
      if ((s[i] | 0x20) != w[i]) return false;
    return true;
  };
  if (is("z") || is("utc") || is("gmt")) return 0;
  if (s.size() > 3) {
    std::string_view p = s.substr(0, 3);
    bool named = ((p[0] | 0x20) == 'u' && (p[1] | 0x20) == 't' && (p[2] | 0x20) == 'c') ||
                 ((p[0] | 0x20) == 'g' && (p[1] | 0x20) == 'm' && (p[2] | 0x20) == 't');
    if (named) s.remove_prefix(3);
  }
  if (s.empty() || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  int sign = s[0] == '-' ? -1 : 1;
  s.remove_prefix(1);
  auto digits = [&](std::size_t max, int& out) {
    std::size_t n = 0;
    out = 0;
    while (n < s.size() && n < max && s[n] >= '0' && s[n] <= '9') out = out * 10 + (s[n++] - '0');
    s.remove_prefix(n);
    return n;
  };
  int h = 0, m = 0;
  std::size_t nh = digits(4, h);
  if (nh == 0) return std::nullopt;
  if (nh == 4) {  // "0530"
    m = h % 100;
    h /= 100;
  } else if (nh > 2) {
    return std::nullopt;
  } else if (!s.empty() && s[0] == ':') {
    s.remove_prefix(1);
    if (digits(2, m) != 2) return std::nullopt;
  }
  if (!s.empty() || h > 14 || m > 59) return std::nullopt;
  return sign * (h * 60 + m);
}

}  // namespace idt
