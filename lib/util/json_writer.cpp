// Why: see json_writer.h.
#include "util/json_writer.h"

#include <cmath>
#include <iterator>

#include <fmt/format.h>

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
