// Why: see text_out.h. Fixed-width digit writers; no locale, no floating point.
#include "synth/text_out.h"

#include <array>

#include "util/json_scan.h"
#include "util/json_writer.h"

namespace idt::synth {
namespace {

void two(std::string& out, int v) {
  out += static_cast<char>('0' + v / 10);
  out += static_cast<char>('0' + v % 10);
}
void digits(std::string& out, std::int64_t v, int width) {
  char buf[20];
  for (int i = width - 1; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  out.append(buf, static_cast<std::size_t>(width));
}
void date_time(std::string& out, const CivilTime& c, char sep) {
  digits(out, c.year, 4);
  out += '-';
  two(out, c.month);
  out += '-';
  two(out, c.day);
  out += sep;
  two(out, c.hour);
  out += ':';
  two(out, c.minute);
  out += ':';
  two(out, c.second);
}

}  // namespace

void append_time7(std::string& out, Micros t, int tick_digit, std::string_view suffix) {
  CivilTime c = to_civil(t);
  date_time(out, c, 'T');
  out += '.';
  digits(out, c.micros, 6);
  out += static_cast<char>('0' + tick_digit % 10);
  out += suffix;
}

void append_time_plain(std::string& out, Micros t, bool millis) {
  CivilTime c = to_civil(t);
  date_time(out, c, 'T');
  if (millis) {
    out += '.';
    digits(out, c.micros / 1000, 3);
  }
  out += 'Z';
}

void append_time_servicenow(std::string& out, Micros t) { date_time(out, to_civil(t), ' '); }

std::string long_date(Micros t) {
  static constexpr std::array<std::string_view, 7> kDays = {
      "Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"};  // 1970-01-01 was a Thursday
  static constexpr std::array<std::string_view, 12> kMonths = {"January",   "February", "March",    "April",
                                                               "May",       "June",     "July",     "August",
                                                               "September", "October",  "November", "December"};
  CivilTime c = to_civil(t);
  std::int64_t days = days_from_civil(c.year, static_cast<unsigned>(c.month), static_cast<unsigned>(c.day));
  std::int64_t dow = ((days % 7) + 7) % 7;
  std::string s(kDays[static_cast<std::size_t>(dow)]);
  s += ", ";
  s += kMonths[static_cast<std::size_t>(c.month - 1)];
  s += ' ';
  s += std::to_string(c.day);
  s += ", ";
  s += std::to_string(c.year);
  return s;
}

std::string clock_12h(Micros t) {
  CivilTime c = to_civil(t);
  int h = c.hour % 12 == 0 ? 12 : c.hour % 12;
  std::string s = std::to_string(h) + ":";
  two(s, c.minute);
  s += c.hour < 12 ? " AM" : " PM";
  return s;
}

void append_uint(std::string& out, std::uint64_t v) {
  char buf[20];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v);
  while (n) out += buf[--n];
}

void append_int(std::string& out, std::int64_t v) {
  if (v < 0) {
    out += '-';
    append_uint(out, static_cast<std::uint64_t>(-(v + 1)) + 1);
  } else {
    append_uint(out, static_cast<std::uint64_t>(v));
  }
}

void append_jstr(std::string& out, std::string_view s) { append_json_string(out, s); }

std::string pretty_json(std::string_view in) {
  std::string out;
  out.reserve(in.size() + in.size() / 4);
  int depth = 0;
  std::size_t done = 0;  // the text before it is written
  auto newline = [&](int d) {
    out += '\n';
    out.append(static_cast<std::size_t>(d) * 2, ' ');
  };
  const std::size_t end = json_scan(in, 0, [&](std::size_t at, std::size_t next) {
    if (at < done) return false;  // the closing bracket of an empty "{}" / "[]"
    done = next;
    const char ch = in[at];
    switch (ch) {
      case '{':
      case '[': {
        out += ch;
        const char close = ch == '{' ? '}' : ']';
        if (next < in.size() && in[next] == close) {  // empty: keep "{}" / "[]"
          out += close;
          done = next + 1;
        } else {
          newline(++depth);
        }
        break;
      }
      case '}':
      case ']':
        newline(--depth);
        out += ch;
        break;
      case ',':
        out += ch;
        newline(depth);
        break;
      case ':':
        out += ": ";
        break;
      default:  // a string, or a byte of a number or literal
        out.append(in.substr(at, next - at));
    }
    return false;
  });
  if (end == std::string_view::npos) out.append(in.substr(done));  // an unterminated string, as it is
  out += '\n';
  return out;
}

}  // namespace idt::synth
