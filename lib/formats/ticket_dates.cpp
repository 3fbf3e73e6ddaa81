// Why: see ticket_dates.h. One small hand-written scanner covers every shape:
// [date part] [separator] [time part] [AM/PM] [zone]; no locale, no allocation.
#include "formats/ticket_dates.h"

namespace idt {
namespace {

struct MonthName {
  std::string_view name;  // lower-case ASCII letters, UTF-8 otherwise
  int month;
};
// English, Spanish, Portuguese, French, German, Italian, Dutch names and the
// abbreviations their Jira/GLPI/ServiceNow locales print.
constexpr MonthName kMonthNames[] = {
    {"jan", 1},       {"january", 1},  {"ene", 1},       {"enero", 1},     {"janeiro", 1},    {"janv", 1},
    {"janvier", 1},   {"januar", 1},   {"jän", 1},       {"jänner", 1},    {"gen", 1},        {"gennaio", 1},
    {"januari", 1},   {"feb", 2},      {"february", 2},  {"febrero", 2},   {"fev", 2},        {"fevereiro", 2},
    {"févr", 2},      {"fevr", 2},     {"février", 2},   {"fevrier", 2},   {"februar", 2},    {"febbraio", 2},
    {"mar", 3},       {"march", 3},    {"marzo", 3},     {"março", 3},     {"marco", 3},      {"mars", 3},
    {"mär", 3},       {"märz", 3},     {"maerz", 3},     {"mrt", 3},       {"maart", 3},      {"apr", 4},
    {"april", 4},     {"abr", 4},      {"abril", 4},     {"avr", 4},       {"avril", 4},      {"aprile", 4},
    {"may", 5},       {"mayo", 5},     {"mai", 5},       {"maio", 5},      {"mag", 5},        {"maggio", 5},
    {"mei", 5},       {"jun", 6},      {"june", 6},      {"junio", 6},     {"junho", 6},      {"juin", 6},
    {"juni", 6},      {"giu", 6},      {"giugno", 6},    {"jul", 7},       {"july", 7},       {"julio", 7},
    {"julho", 7},     {"juil", 7},     {"juillet", 7},   {"juli", 7},      {"lug", 7},        {"luglio", 7},
    {"aug", 8},       {"august", 8},   {"ago", 8},       {"agosto", 8},    {"août", 8},       {"aout", 8},
    {"augustus", 8},  {"sep", 9},      {"sept", 9},      {"september", 9}, {"set", 9},        {"septiembre", 9},
    {"setiembre", 9}, {"setembro", 9}, {"septembre", 9}, {"settembre", 9}, {"oct", 10},       {"october", 10},
    {"octubre", 10},  {"out", 10},     {"outubro", 10},  {"octobre", 10},  {"okt", 10},       {"oktober", 10},
    {"ott", 10},      {"ottobre", 10}, {"nov", 11},      {"november", 11}, {"noviembre", 11}, {"novembro", 11},
    {"novembre", 11}, {"dec", 12},     {"december", 12}, {"dic", 12},      {"diciembre", 12}, {"dez", 12},
    {"dezembro", 12}, {"déc", 12},     {"décembre", 12}, {"decembre", 12}, {"dezember", 12},  {"dicembre", 12},
};

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

bool name_equals(std::string_view word, std::string_view name) {
  if (word.size() != name.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (lower(word[i]) != name[i]) return false;
  return true;
}

std::string_view trim_ws(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
bool valid_date(int y, int m, int d) {
  static constexpr int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= mdays[m - 1] + (m == 2 && leap(y) ? 1 : 0);
}

// A small cursor over one value.
struct Scan {
  std::string_view s;
  std::size_t p = 0;
  bool end() const { return p >= s.size(); }
  char peek() const { return p < s.size() ? s[p] : '\0'; }
  // 1..max digits; returns the count read (0 = none).
  std::size_t number(std::size_t max, int& out) {
    std::size_t n = 0;
    int v = 0;
    while (p + n < s.size() && n < max && is_digit(s[p + n])) v = v * 10 + (s[p + n++] - '0');
    if (n && p + n < s.size() && is_digit(s[p + n])) return 0;  // too many digits
    p += n;
    out = v;
    return n;
  }
  std::string_view word() {
    std::size_t b = p;
    while (p < s.size() && is_letter(s[p])) ++p;
    std::string_view w = s.substr(b, p - b);
    if (p < s.size() && s[p] == '.') ++p;  // "févr." "Sept."
    return w;
  }
  void spaces() {
    while (p < s.size() && (s[p] == ' ' || s[p] == '\t')) ++p;
  }
};

bool date_sep(char c) { return c == '/' || c == '-' || c == '.' || c == ' '; }

int full_year(int y, std::size_t digits) {
  if (digits == 4) return y;
  if (digits == 2) return y < 70 ? 2000 + y : 1900 + y;
  return -1;
}

// One component of the date part: a number or a month word.
struct Component {
  int value = 0;
  std::size_t digits = 0;  // 0 = word
  int month = 0;           // when a word
};
bool component(Scan& sc, Component& c) {
  if (is_digit(sc.peek())) {
    c.digits = sc.number(4, c.value);
    return c.digits > 0;
  }
  if (is_letter(sc.peek())) {
    c.month = month_from_name(sc.word());
    return c.month != 0;
  }
  return false;
}

// "AM"/"PM", "a. m."/"p. m.", "a.m."/"p.m."; returns 0 none, 1 am, 2 pm, -1 junk.
int meridiem(Scan& sc) {
  sc.spaces();
  if (sc.end()) return 0;
  char c = lower(sc.peek());
  if (c != 'a' && c != 'p') return 0;
  std::size_t q = sc.p + 1;
  if (q < sc.s.size() && sc.s[q] == '.') ++q;
  while (q < sc.s.size() && sc.s[q] == ' ') ++q;
  if (q >= sc.s.size() || lower(sc.s[q]) != 'm') return -1;
  ++q;
  if (q < sc.s.size() && sc.s[q] == '.') ++q;
  sc.p = q;
  return c == 'a' ? 1 : 2;
}

// Optional zone: Z, ±hh[:mm], "UTC", "GMT". Returns false on junk.
bool zone(Scan& sc, bool& has_zone, int& offset) {
  sc.spaces();
  if (sc.end()) return true;
  char c = sc.peek();
  if (c == 'Z' || c == 'z') {
    ++sc.p;
    has_zone = true;
    offset = 0;
    return sc.end();
  }
  if (c == '+' || c == '-') {
    ++sc.p;
    int oh = 0, om = 0;
    if (sc.number(2, oh) != 2) return false;
    if (sc.peek() == ':') ++sc.p;
    if (!sc.end() && sc.number(2, om) != 2) return false;
    if (oh > 23 || om > 59) return false;  // "+99:99" is not an offset
    has_zone = true;
    offset = (c == '-' ? -1 : 1) * (oh * 60 + om);
    return sc.end();
  }
  std::string_view w = sc.word();
  if (name_equals(w, "utc") || name_equals(w, "gmt")) {
    has_zone = true;
    offset = 0;
    sc.spaces();
    return sc.end();
  }
  return false;
}

}  // namespace

int month_from_name(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  if (w.size() < 3) return 0;
  for (const auto& m : kMonthNames)
    if (name_equals(w, m.name)) return m.month;
  return 0;
}

std::string_view date_order_name(DateOrder o) {
  switch (o) {
    case DateOrder::dmy:
      return "dmy";
    case DateOrder::mdy:
      return "mdy";
    case DateOrder::unknown:
      return "unknown";
  }
  return "unknown";
}

std::optional<DateOrder> parse_date_order(std::string_view s) {
  for (char c : s) {
    char l = lower(c);
    if (l == 'd') return DateOrder::dmy;
    if (l == 'm') return DateOrder::mdy;
  }
  return std::nullopt;
}

std::optional<Micros> parse_ticket_date(std::string_view s, DateOrder order, int tz_offset_minutes) {
  s = trim_ws(s);
  if (s.empty() || s == "?") return std::nullopt;
  Scan sc{s};
  Component a, b, c;
  // Date part: A sep B sep C, where "Jun 1, 2026" puts a comma before C.
  if (!component(sc, a)) return std::nullopt;
  char sep = sc.peek();
  if (!date_sep(sep)) return std::nullopt;
  ++sc.p;
  if (sep == ' ') sc.spaces();
  if (!component(sc, b)) return std::nullopt;
  if (sc.peek() == ',') ++sc.p;
  char sep2 = sc.peek();
  if (!date_sep(sep2)) return std::nullopt;
  ++sc.p;
  if (sep2 == ' ') sc.spaces();
  if (!component(sc, c)) return std::nullopt;

  int y, m, d;
  if (a.digits == 4) {  // y-m-d
    if (c.digits == 0 || c.digits > 2) return std::nullopt;
    y = a.value;
    m = b.digits ? b.value : b.month;
    d = c.value;
    if (b.digits > 2) return std::nullopt;
  } else if (a.digits == 0) {  // "Jun 1, 2026"
    if (b.digits == 0 || b.digits > 2 || c.digits == 0) return std::nullopt;
    m = a.month;
    d = b.value;
    y = full_year(c.value, c.digits);
  } else if (b.digits == 0) {  // "22/Sep/25", "06-ene-2026"
    if (a.digits > 2 || c.digits == 0) return std::nullopt;
    d = a.value;
    m = b.month;
    y = full_year(c.value, c.digits);
  } else {  // all numeric
    if (a.digits > 2 || b.digits > 2 || c.digits == 0) return std::nullopt;
    bool dmy = order == DateOrder::dmy || (order == DateOrder::unknown && a.value > 12);
    d = dmy ? a.value : b.value;
    m = dmy ? b.value : a.value;
    y = full_year(c.value, c.digits);
  }
  if (!valid_date(y, m, d)) return std::nullopt;

  // Time part (optional): [T| |, ]H:MM[:SS[.frac]] [AM|PM] [zone].
  int h = 0, mi = 0, sec = 0, us = 0;
  bool has_zone = false;
  int offset = 0;
  if (!sc.end()) {
    if (sc.peek() == 'T' || sc.peek() == 't' || sc.peek() == ',') ++sc.p;
    sc.spaces();
    if (!sc.end() && is_digit(sc.peek())) {
      if (sc.number(2, h) == 0 || sc.peek() != ':') return std::nullopt;
      ++sc.p;
      if (sc.number(2, mi) != 2) return std::nullopt;
      if (sc.peek() == ':') {
        ++sc.p;
        if (sc.number(2, sec) != 2) return std::nullopt;
        if (sc.peek() == '.' || sc.peek() == ',') {
          ++sc.p;
          std::size_t n = 0;
          int frac = 0;
          while (!sc.end() && is_digit(sc.peek())) {
            if (n < 6) frac = frac * 10 + (sc.peek() - '0');
            ++n;
            ++sc.p;
          }
          if (n == 0) return std::nullopt;
          for (std::size_t i = n; i < 6; ++i) frac *= 10;
          us = frac;
        }
      }
      int mer = meridiem(sc);
      if (mer < 0) return std::nullopt;
      if (mer) {
        if (h < 1 || h > 12) return std::nullopt;
        if (mer == 1 && h == 12) h = 0;
        if (mer == 2 && h != 12) h += 12;
      }
    }
    if (!zone(sc, has_zone, offset)) return std::nullopt;
  }
  if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
  if (!has_zone) offset = tz_offset_minutes;
  return from_civil(y, m, d, h, mi, sec, us) - static_cast<Micros>(offset) * 60 * kMicrosPerSecond;
}

void DateOrderDetector::see(std::string_view v) {
  v = trim_ws(v);
  if (v.empty() || v == "?") return;
  Scan sc{v};
  int a = 0, b = 0, c = 0;
  std::size_t na = sc.number(2, a);
  char sep = sc.peek();
  if (na == 0 || (sep != '/' && sep != '-' && sep != '.')) {
    ++other_;
    return;
  }
  ++sc.p;
  std::size_t nb = sc.number(2, b);
  if (nb == 0 || sc.peek() != sep) {
    ++other_;
    return;
  }
  ++sc.p;
  std::size_t nc = sc.number(4, c);
  if (nc != 2 && nc != 4) {
    ++other_;
    return;
  }
  ++numeric_;
  if (sep_ == 0) sep_ = sep;
  bool first_is_day = a > 12 && a <= 31, second_is_day = b > 12 && b <= 31;
  if (first_is_day == second_is_day) return;  // ambiguous (or nonsense)
  if (first_is_day)
    ++dmy_votes_;
  else
    ++mdy_votes_;
  if (evidence_.empty()) evidence_.assign(v.substr(0, 64));
}

DateOrderDecision decide_date_order(const DateOrderDetector& d, std::string_view option, std::string_view column) {
  DateOrderDecision out;
  std::string col = "'" + std::string(column) + "'";
  std::optional<DateOrder> opt;
  if (!option.empty()) opt = parse_date_order(option);
  if (d.decided()) {
    out.order = d.dmy_votes() >= d.mdy_votes() ? DateOrder::dmy : DateOrder::mdy;
    out.note = "date order " + std::string(date_order_name(out.order)) + " (column " + col + ", from data: '" +
               std::string(d.first_evidence()) + "')";
    if (d.dmy_votes() && d.mdy_votes())
      out.note += "; column is inconsistent (" + std::to_string(d.dmy_votes()) + " day-first, " +
                  std::to_string(d.mdy_votes()) + " month-first values)";
    if (opt && *opt != out.order) out.note += "; --date-format ignored: contradicted by the data";
    return out;
  }
  if (d.numeric_values() == 0) {
    // ISO or month names only: no decision needed, but honour the option for
    // consistency if a stray numeric value appears.
    out.order = opt ? *opt : DateOrder::unknown;
    return out;
  }
  if (opt) {
    out.order = *opt;
    out.note = "date order " + std::string(date_order_name(out.order)) + " (column " + col + ", from --date-format)";
    return out;
  }
  out.order = d.separator() == '/' ? DateOrder::mdy : DateOrder::dmy;
  out.note = "date order ambiguous in column " + col + " (no day > 12 in " + std::to_string(d.numeric_values()) +
             " values); assumed " + std::string(date_order_name(out.order)) + ", use --date-format " +
             (out.order == DateOrder::mdy ? "dmy" : "mdy") + " if wrong";
  return out;
}

}  // namespace idt
