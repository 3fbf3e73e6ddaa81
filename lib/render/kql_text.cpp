// Why: see kql_text.h. Escapes follow Kusto.Language's lexer
// (KustoFacts.DecodeEscapes): \\ \" \' \t \n \r \uXXXX in regular literals,
// only "" in verbatim ones; tests check the values with that lexer.
#include "render/kql_text.h"

#include <fmt/format.h>

namespace idt {
namespace {

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7f; }

}  // namespace

std::string kql_string(std::string_view s) {
  bool control = false, backslash = false;
  for (unsigned char c : s) {
    control = control || is_control(c);
    backslash = backslash || c == '\\';
  }
  std::string out;
  out.reserve(s.size() + 4);
  if (backslash && !control) {
    out += "@\"";
    for (char c : s) {
      out += c;
      if (c == '"') out += '"';
    }
    out += '"';
    return out;
  }
  out += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (is_control(c))
          out += fmt::format("\\u{:04x}", c);
        else
          out += ch;
    }
  }
  out += '"';
  return out;
}

std::string re2_without_controls(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  for (char ch : pattern) {
    auto c = static_cast<unsigned char>(ch);
    if (is_control(c))
      out += fmt::format("\\x{{{:02X}}}", c);
    else
      out += ch;
  }
  return out;
}

bool is_kql_identifier(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

std::string kql_timespan(Micros d) {
  struct Unit {
    Micros size;
    std::string_view suffix;
  };
  static constexpr Unit kUnits[] = {{86400 * kMicrosPerSecond, "d"},
                                    {3600 * kMicrosPerSecond, "h"},
                                    {60 * kMicrosPerSecond, "m"},
                                    {kMicrosPerSecond, "s"},
                                    {1000, "ms"},
                                    {1, "microseconds"}};
  for (const Unit& u : kUnits)
    if (d % u.size == 0) return fmt::format("{}{}", d / u.size, u.suffix);
  return fmt::format("{}microseconds", d);  // not reached: every value is a whole number of microseconds
}

}  // namespace idt
