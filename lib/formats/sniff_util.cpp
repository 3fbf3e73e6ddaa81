// Why: see sniff_util.h.
#include "formats/sniff_util.h"

#include <algorithm>

namespace idt {

char first_significant(std::string_view h) {
  if (h.substr(0, 3) == "\xEF\xBB\xBF") h.remove_prefix(3);
  for (char c : h)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return c;
  return 0;
}

static std::size_t find_key(std::string_view h, std::string_view key, std::size_t from) {
  for (std::size_t p = from; (p = h.find(key, p)) != std::string_view::npos; p += key.size()) {
    if (p == 0 || h[p - 1] != '"') continue;
    std::size_t q = p + key.size();
    if (q >= h.size() || h[q] != '"') continue;
    ++q;
    while (q < h.size() && (h[q] == ' ' || h[q] == '\t' || h[q] == '\r' || h[q] == '\n')) ++q;
    if (q < h.size() && h[q] == ':') return q + 1;
  }
  return std::string_view::npos;
}

bool has_json_key(std::string_view h, std::string_view key) { return find_key(h, key, 0) != std::string_view::npos; }

std::string_view json_string_value(std::string_view h, std::string_view key) {
  std::size_t q = find_key(h, key, 0);
  if (q == std::string_view::npos) return {};
  while (q < h.size() && (h[q] == ' ' || h[q] == '\t' || h[q] == '\r' || h[q] == '\n')) ++q;
  if (q >= h.size() || h[q] != '"') return {};
  std::size_t e = h.find('"', q + 1);
  if (e == std::string_view::npos) return {};
  return h.substr(q + 1, e - q - 1);
}

std::string_view first_text_line(std::string_view h) {
  if (h.substr(0, 3) == "\xEF\xBB\xBF") h.remove_prefix(3);
  for (int i = 0; i < 2; ++i) {
    std::size_t nl = h.find('\n');
    std::string_view line = h.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (i == 0 && line.substr(0, 5) == "#TYPE" && nl != std::string_view::npos) {
      h.remove_prefix(nl + 1);
      continue;
    }
    return line;
  }
  return {};
}

bool looks_binary(std::string_view head) {
  std::size_t ctrl = 0, n = std::min<std::size_t>(head.size(), 4096);
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(head[i]);
    if (c < 0x09 || (c > 0x0D && c < 0x20)) ++ctrl;
  }
  return ctrl * 20 > n;
}

}  // namespace idt
