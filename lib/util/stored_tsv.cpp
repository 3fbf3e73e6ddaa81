// Why: see stored_tsv.h.
#include "util/stored_tsv.h"

namespace idt {

void append_stored_field(std::string& out, std::string_view s, char drop) {
  for (char c : s) {
    if (drop != '\0' && c == drop) continue;
    switch (c) {
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        out += c;
    }
  }
}

std::string unescape_stored_field(std::string_view s) {
  std::string r;
  r.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      r += s[i];
      continue;
    }
    char n = s[++i];
    r += n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n;
  }
  return r;
}

std::vector<std::string_view> split_fields(std::string_view s, char sep) {
  std::vector<std::string_view> v;
  std::size_t i = 0;
  for (;;) {
    std::size_t j = s.find(sep, i);
    v.push_back(s.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
    if (j == std::string_view::npos) break;
    i = j + 1;
  }
  return v;
}

}  // namespace idt
