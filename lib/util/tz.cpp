// Why: see tz.h.
#include "util/tz.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace idt {
namespace {

constexpr std::int64_t kDay = 86400;

std::int64_t be(std::string_view b, std::size_t at, int n) {
  std::uint64_t v = 0;
  for (int i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
  if (n == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
  return static_cast<std::int64_t>(v);
}

// POSIX TZ scanner.
struct Scan {
  std::string_view s;
  std::size_t i = 0;
  bool end() const { return i >= s.size(); }
  char peek() const { return end() ? '\0' : s[i]; }
  bool name() {
    if (peek() == '<') {
      std::size_t close = s.find('>', i);
      if (close == std::string_view::npos) return false;
      i = close + 1;
      return true;
    }
    std::size_t st = i;
    while (!end() && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z'))) ++i;
    return i - st >= 3;
  }
  bool number(int max_digits, int& out) {
    std::size_t st = i;
    out = 0;
    while (!end() && s[i] >= '0' && s[i] <= '9' && static_cast<int>(i - st) < max_digits)
      out = out * 10 + (s[i++] - '0');
    return i > st;
  }
  // [+-]hh[:mm[:ss]] -> seconds
  bool hms(int& out, int max_hours) {
    int sign = 1;
    if (peek() == '+' || peek() == '-') sign = s[i++] == '-' ? -1 : 1;
    int h = 0, m = 0, sec = 0;
    if (!number(3, h) || h > max_hours) return false;
    if (peek() == ':') {
      ++i;
      if (!number(2, m) || m > 59) return false;
      if (peek() == ':') {
        ++i;
        if (!number(2, sec) || sec > 59) return false;
      }
    }
    out = sign * (h * 3600 + m * 60 + sec);
    return true;
  }
  bool rule(PosixTz::Rule& r) {
    if (peek() == 'M') {
      ++i;
      r.kind = 'M';
      if (!number(2, r.month) || r.month < 1 || r.month > 12 || peek() != '.') return false;
      ++i;
      if (!number(1, r.week) || r.week < 1 || r.week > 5 || peek() != '.') return false;
      ++i;
      if (!number(1, r.weekday) || r.weekday > 6) return false;
    } else if (peek() == 'J') {
      ++i;
      r.kind = 'J';
      if (!number(3, r.day) || r.day < 1 || r.day > 365) return false;
    } else {
      r.kind = 'N';
      if (!number(3, r.day) || r.day > 365) return false;
    }
    r.seconds = 7200;
    if (peek() == '/') {
      ++i;
      if (!hms(r.seconds, 167)) return false;
    }
    return true;
  }
};

bool leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Local seconds (since the epoch, as if local were UTC) at which a rule fires in `year`.
std::int64_t rule_local(const PosixTz::Rule& r, int year) {
  std::int64_t day0;
  switch (r.kind) {
    case 'J': {
      int d = r.day;  // 1..365, Feb 29 never counted
      day0 = days_from_civil(year, 1, 1) + d - 1 + (leap(year) && d >= 60 ? 1 : 0);
      break;
    }
    case 'N':
      day0 = days_from_civil(year, 1, 1) + r.day;
      break;
    default: {
      std::int64_t first = days_from_civil(year, static_cast<unsigned>(r.month), 1);
      int wd_first = static_cast<int>(((first % 7) + 11) % 7);  // 1970-01-01 was a Thursday (4)
      int d = 1 + ((r.weekday - wd_first) % 7 + 7) % 7 + (r.week - 1) * 7;
      static constexpr int kLen[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      int len = kLen[r.month - 1] + (r.month == 2 && leap(year) ? 1 : 0);
      while (d > len) d -= 7;
      day0 = first + d - 1;
    }
  }
  return day0 * kDay + r.seconds;
}

}  // namespace

int PosixTz::offset_at(Micros utc) const {
  if (!has_dst) return std_offset;
  std::int64_t t = utc >= 0 ? utc / kMicrosPerSecond : (utc - kMicrosPerSecond + 1) / kMicrosPerSecond;
  int year = to_civil(utc).year;
  // Daylight time begins at `start` (local standard time) and ends at `end`
  // (local daylight time).
  std::int64_t s = rule_local(start, year) - std_offset * 60LL;
  std::int64_t e = rule_local(end, year) - dst_offset * 60LL;
  bool dst = s < e ? (t >= s && t < e) : !(t >= e && t < s);
  return dst ? dst_offset : std_offset;
}

Result<PosixTz> parse_posix_tz(std::string_view text) {
  PosixTz z;
  Scan sc{text};
  auto bad = [&](std::string_view why) { return Error{"TZ rule '" + std::string(text) + "': " + std::string(why)}; };
  if (!sc.name()) return bad("no standard time name");
  int off = 0;
  if (!sc.hms(off, 24)) return bad("no standard offset");
  z.std_offset = -off / 60;
  if (sc.end()) return z;
  if (!sc.name()) return bad("bad daylight time name");
  z.has_dst = true;
  z.dst_offset = z.std_offset + 60;
  if (!sc.end() && sc.peek() != ',') {
    if (!sc.hms(off, 24)) return bad("bad daylight offset");
    z.dst_offset = -off / 60;
  }
  if (sc.end()) {  // POSIX leaves the default rule to the implementation; use the US rule like glibc.
    z.start = {'M', 3, 2, 0, 0, 7200};
    z.end = {'M', 11, 1, 0, 0, 7200};
    return z;
  }
  if (sc.peek() != ',') return bad("expected ',' before the rules");
  ++sc.i;
  if (!sc.rule(z.start)) return bad("bad start rule");
  if (sc.peek() != ',') return bad("expected ',' before the end rule");
  ++sc.i;
  if (!sc.rule(z.end)) return bad("bad end rule");
  if (!sc.end()) return bad("trailing characters");
  return z;
}

std::string tz_directory() {
  const char* d = std::getenv("TZDIR");
  return d && *d ? std::string(d) : std::string("/usr/share/zoneinfo");
}

TimeZone TimeZone::fixed(int offset_minutes) {
  TimeZone z;
  int a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  std::string hh = std::to_string(a / 60), mm = std::to_string(a % 60);
  if (hh.size() < 2) hh.insert(0, "0");
  if (mm.size() < 2) mm.insert(0, "0");
  z.name_ = "UTC" + std::string(offset_minutes < 0 ? "-" : "+") + hh + ":" + mm;
  z.initial_ = offset_minutes;
  z.tail_.std_offset = offset_minutes;
  return z;
}

Result<TimeZone> TimeZone::from_tzif(std::string_view b, std::string name) {
  auto bad = [&](std::string_view why) {
    return Error{name + ": not a usable TZif zone file (" + std::string(why) + ")"};
  };
  if (b.size() < 44 || b.substr(0, 4) != "TZif") return bad("no TZif header");
  char version = b[4];
  auto counts = [&](std::size_t at, std::int64_t c[6]) {
    for (int k = 0; k < 6; ++k) c[k] = be(b, at + 20 + 4 * static_cast<std::size_t>(k), 4);
  };
  std::int64_t c[6];  // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
  counts(0, c);
  std::size_t at = 44;
  int tsize = 4;
  if (version >= '2') {
    std::size_t v1 = static_cast<std::size_t>(c[3] * 4 + c[3] + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0]);
    at += v1;
    if (b.size() < at + 44 || b.substr(at, 4) != "TZif") return bad("no second header");
    counts(at, c);
    at += 44;
    tsize = 8;
  }
  for (int k = 0; k < 6; ++k)
    if (c[k] < 0 || c[k] > 100000) return bad("implausible counts");
  std::size_t need = static_cast<std::size_t>(c[3] * tsize + c[3] + c[4] * 6 + c[5] + c[2] * (tsize + 4) + c[1] + c[0]);
  if (b.size() < at + need || c[4] == 0) return bad("truncated");
  TimeZone z;
  z.name_ = std::move(name);
  for (std::int64_t k = 0; k < c[3]; ++k)
    z.transitions_.push_back(be(b, at + static_cast<std::size_t>(k * tsize), tsize));
  at += static_cast<std::size_t>(c[3] * tsize);
  for (std::int64_t k = 0; k < c[3]; ++k) {
    auto t = static_cast<std::uint8_t>(b[at + static_cast<std::size_t>(k)]);
    if (t >= c[4]) return bad("transition type out of range");
    z.type_of_.push_back(t);
  }
  at += static_cast<std::size_t>(c[3]);
  for (std::int64_t k = 0; k < c[4]; ++k)
    z.types_.push_back(static_cast<int>(be(b, at + static_cast<std::size_t>(k * 6), 4) / 60));
  at += static_cast<std::size_t>(c[4] * 6);
  z.initial_ = z.types_[0];
  at += static_cast<std::size_t>(c[5] + c[2] * (tsize + 4) + c[1] + c[0]);
  // Footer: "\n<POSIX TZ>\n" (v2+).
  if (version >= '2' && at < b.size() && b[at] == '\n') {
    std::size_t close = b.find('\n', at + 1);
    if (close != std::string_view::npos && close > at + 1) {
      auto tail = parse_posix_tz(b.substr(at + 1, close - at - 1));
      if (!tail.ok()) return bad(tail.error().message);
      z.tail_ = *tail;
      z.has_tail_ = true;
    }
  }
  if (!z.has_tail_) z.tail_.std_offset = z.type_of_.empty() ? z.initial_ : z.types_[z.type_of_.back()];
  return z;
}

Result<TimeZone> TimeZone::load(std::string_view iana_name) {
  std::string n(iana_name);
  if (n.empty() || n.front() == '/' || n.find("..") != std::string::npos)
    return Error{"time zone '" + n + "': not an IANA zone name (like Europe/Paris)"};
  for (char ch : n)
    if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '/' || ch == '_' ||
          ch == '-' || ch == '+'))
      return Error{"time zone '" + n + "': not an IANA zone name (like Europe/Paris)"};
  std::string path = tz_directory() + "/" + n;
  std::ifstream f(path, std::ios::binary);
  if (!f) return Error{"time zone '" + n + "': not found in " + tz_directory() + " (is the tzdata package installed?)"};
  std::ostringstream ss;
  ss << f.rdbuf();
  return from_tzif(ss.str(), n);
}

Result<TimeZone> TimeZone::parse(std::string_view text) {
  if (auto off = parse_utc_offset(text)) return fixed(*off);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return load(text);
}

int TimeZone::offset_at(Micros utc) const {
  if (transitions_.empty()) return has_tail_ ? tail_.offset_at(utc) : initial_;
  std::int64_t t = utc >= 0 ? utc / kMicrosPerSecond : (utc - kMicrosPerSecond + 1) / kMicrosPerSecond;
  if (t < transitions_.front()) return initial_;
  if (t >= transitions_.back() && has_tail_) return tail_.offset_at(utc);
  std::size_t lo = 0, hi = transitions_.size();
  while (hi - lo > 1) {
    std::size_t mid = (lo + hi) / 2;
    (transitions_[mid] <= t ? lo : hi) = mid;
  }
  return types_[type_of_[lo]];
}

Micros TimeZone::to_utc(int year, int month, int day, int hour, int minute) const {
  const Micros local = from_civil(year, month, day, hour, minute, 0, 0);
  const Micros half_day = 12LL * 3600 * kMicrosPerSecond;
  auto at = [&](int off) { return local - Micros{off} * 60 * kMicrosPerSecond; };
  int before = offset_at(local - half_day), after = offset_at(local + half_day);
  Micros a = at(before), b = at(after);
  bool a_ok = offset_at(a) == before, b_ok = offset_at(b) == after;
  if (a_ok && b_ok) return std::min(a, b);  // ambiguous (clocks went back): the earlier instant
  if (a_ok) return a;
  if (b_ok) return b;
  return a;  // skipped (clocks went forward): the old offset lands after the gap
}

CivilTime TimeZone::to_local(Micros utc) const {
  return to_civil(utc + Micros{offset_at(utc)} * 60 * kMicrosPerSecond);
}

}  // namespace idt
