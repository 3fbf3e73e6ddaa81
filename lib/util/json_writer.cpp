// Why: see json_writer.h.
#include "util/json_writer.h"

#include <cmath>
#include <iterator>

#include <fmt/format.h>

#include "util/safe_text.h"
#include "util/text.h"

namespace idt {

void append_json_string(std::string& out, std::string_view s) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  std::size_t bad = find_invalid_utf8(s);
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (i == bad) {  // replace invalid byte by U+FFFD, keep going
      out += "\xEF\xBF\xBD";
      bad = find_invalid_utf8(s.substr(i + 1));
      if (bad != std::string_view::npos) bad += i + 1;
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else if (c >= 0xC2) {
          // Valid UTF-8 here (bad bytes were caught above). Hidden code
          // points (C1 controls, bidi overrides, zero-width characters,
          // U+2028/2029, tags) are written as \\u escapes: the same value
          // for a parser, nothing that acts on a terminal or a JS parser.
          const std::size_t len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
          char32_t cp = len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
          for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
          if (!is_hidden_code_point(cp)) {
            out.append(s.substr(i, len));
          } else {
            auto unit = [&](unsigned u) {
              out += "\\u";
              for (int shift = 12; shift >= 0; shift -= 4) out += hex[(u >> shift) & 15];
            };
            if (cp < 0x10000) {
              unit(static_cast<unsigned>(cp));
            } else {
              unit(0xD800 + ((static_cast<unsigned>(cp) - 0x10000) >> 10));
              unit(0xDC00 + ((static_cast<unsigned>(cp) - 0x10000) & 0x3FF));
            }
          }
          i += len - 1;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

JsonWriter& JsonWriter::value(double v) {
  sep();
  if (!std::isfinite(v)) {
    out_ += "null";
    return *this;
  }
  fmt::format_to(std::back_inserter(out_), "{:.4g}", v);
  return *this;
}

}  // namespace idt
