// Why: see kql_text.h. Escapes follow Kusto.Language's lexer
// (KustoFacts.DecodeEscapes): \\ \" \' \t \n \r \uXXXX in regular literals,
// only "" in verbatim ones; tests check the values with that lexer.
#include "render/kql_text.h"

#include <fmt/format.h>

#include <iterator>

#include "util/safe_text.h"
#include "util/text.h"

namespace idt {
namespace {

// Controls, DEL and every other hidden code point (bidi overrides, zero-width
// characters: util/safe_text.h) are escaped, so no literal or pattern in the
// emitted query reads differently from what it does (Trojan Source).
bool escape_needed(char32_t cp) { return cp == 0x110000 || is_hidden_code_point(cp); }

bool any_escape_needed(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp;
    i += decode_utf8(s, i, cp);
    if (escape_needed(cp)) return true;
  }
  return false;
}

void unicode_escape(std::string& out, unsigned u) { fmt::format_to(std::back_inserter(out), "\\u{:04x}", u); }

}  // namespace

std::string kql_string(std::string_view s) {
  const bool control = any_escape_needed(s);
  const bool backslash = s.find('\\') != std::string_view::npos;
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
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp;
    const std::size_t len = decode_utf8(s, i, cp);
    switch (cp) {
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
        if (cp == 0x110000) {
          unicode_escape(out, 0xFFFD);  // not UTF-8: the replacement character
        } else if (!escape_needed(cp)) {
          out.append(s.substr(i, len));
        } else if (cp < 0x10000) {
          unicode_escape(out, static_cast<unsigned>(cp));
        } else {  // UTF-16 surrogate pair, as .NET strings hold it
          unicode_escape(out, 0xD800 + ((static_cast<unsigned>(cp) - 0x10000) >> 10));
          unicode_escape(out, 0xDC00 + ((static_cast<unsigned>(cp) - 0x10000) & 0x3FF));
        }
    }
    i += len;
  }
  out += '"';
  return out;
}

std::string re2_without_controls(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  for (std::size_t i = 0; i < pattern.size();) {
    char32_t cp;
    const std::size_t len = decode_utf8(pattern, i, cp);
    if (cp == 0x110000 || !escape_needed(cp))
      out.append(pattern.substr(i, len));  // a stray byte stays: RE2 refuses such a pattern at load
    else if (cp < 0x100)
      out += fmt::format("\\x{{{:02X}}}", static_cast<unsigned>(cp));
    else
      out += fmt::format("\\x{{{:X}}}", static_cast<unsigned>(cp));
    i += len;
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
