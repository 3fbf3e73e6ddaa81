// Why: see ip.h.
#include "util/ip.h"

namespace idt {
namespace {

std::optional<std::uint32_t> parse_v4(std::string_view s) {
  std::uint32_t out = 0;
  int parts = 0;
  std::size_t i = 0;
  while (true) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return std::nullopt;
    std::size_t start = i;
    std::uint32_t v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      v = v * 10 + static_cast<std::uint32_t>(s[i] - '0');
      if (v > 255 || i - start >= 3) return std::nullopt;
      ++i;
    }
    if (i - start > 1 && s[start] == '0') return std::nullopt;
    out = (out << 8) | v;
    if (++parts == 4) break;
    if (i >= s.size() || s[i] != '.') return std::nullopt;
    ++i;
  }
  if (i != s.size()) return std::nullopt;
  return out;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<IpAddress> parse_v6(std::string_view s) {
  std::array<std::uint16_t, 8> groups{};
  int n = 0, gap = -1;
  std::size_t i = 0;
  if (s.starts_with("::")) {
    gap = 0;
    i = 2;
  } else if (s.starts_with(":")) {
    return std::nullopt;
  }
  while (i < s.size()) {
    if (n == 8) return std::nullopt;
    // A dotted IPv4 tail fills the last two groups.
    std::size_t end = s.find(':', i);
    std::string_view part = s.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    if (end == std::string_view::npos && part.find('.') != std::string_view::npos) {
      auto v4 = parse_v4(part);
      if (!v4 || n > 6) return std::nullopt;
      groups[static_cast<std::size_t>(n++)] = static_cast<std::uint16_t>(*v4 >> 16);
      groups[static_cast<std::size_t>(n++)] = static_cast<std::uint16_t>(*v4 & 0xffff);
      i = s.size();
      break;
    }
    if (part.empty() || part.size() > 4) return std::nullopt;
    std::uint16_t g = 0;
    for (char c : part) {
      int h = hex(c);
      if (h < 0) return std::nullopt;
      g = static_cast<std::uint16_t>((g << 4) | h);
    }
    groups[static_cast<std::size_t>(n++)] = g;
    if (end == std::string_view::npos) {
      i = s.size();
      break;
    }
    i = end + 1;
    if (i < s.size() && s[i] == ':') {
      if (gap >= 0) return std::nullopt;  // two "::"
      gap = n;
      ++i;
    } else if (i == s.size()) {
      return std::nullopt;  // trailing single ':'
    }
  }
  if (gap < 0 && n != 8) return std::nullopt;
  if (gap >= 0 && n >= 8) return std::nullopt;
  IpAddress a;
  std::array<std::uint16_t, 8> full{};
  if (gap < 0) {
    full = groups;
  } else {
    for (int k = 0; k < gap; ++k) full[static_cast<std::size_t>(k)] = groups[static_cast<std::size_t>(k)];
    int tail = n - gap;
    for (int k = 0; k < tail; ++k)
      full[static_cast<std::size_t>(8 - tail + k)] = groups[static_cast<std::size_t>(gap + k)];
  }
  for (int k = 0; k < 8; ++k) {
    a.bytes[static_cast<std::size_t>(2 * k)] = static_cast<std::uint8_t>(full[static_cast<std::size_t>(k)] >> 8);
    a.bytes[static_cast<std::size_t>(2 * k + 1)] = static_cast<std::uint8_t>(full[static_cast<std::size_t>(k)] & 0xff);
  }
  // ::ffff:a.b.c.d is the same host as a.b.c.d.
  bool mapped = true;
  for (int k = 0; k < 10; ++k) mapped &= a.bytes[static_cast<std::size_t>(k)] == 0;
  a.v4 = mapped && a.bytes[10] == 0xff && a.bytes[11] == 0xff;
  return a;
}

}  // namespace

std::optional<IpAddress> parse_ip(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  if (s.find(':') == std::string_view::npos) {
    auto v4 = parse_v4(s);
    if (!v4) return std::nullopt;
    IpAddress a;
    a.v4 = true;
    a.bytes[10] = a.bytes[11] = 0xff;
    for (int k = 0; k < 4; ++k)
      a.bytes[static_cast<std::size_t>(12 + k)] = static_cast<std::uint8_t>(*v4 >> (24 - 8 * k));
    return a;
  }
  if (s.front() == '[' && s.back() == ']') s = s.substr(1, s.size() - 2);
  if (auto pct = s.find('%'); pct != std::string_view::npos) s = s.substr(0, pct);
  return parse_v6(s);
}

bool IpRange::contains(const IpAddress& a) const {
  if (a.v4 != base.v4) return false;
  int bits = base.v4 ? prefix + 96 : prefix;
  for (int k = 0; k < 16 && bits > 0; ++k, bits -= 8) {
    std::uint8_t mask = bits >= 8 ? 0xff : static_cast<std::uint8_t>(0xff << (8 - bits));
    if ((a.bytes[static_cast<std::size_t>(k)] & mask) != base.bytes[static_cast<std::size_t>(k)]) return false;
  }
  return true;
}

std::optional<IpRange> parse_cidr(std::string_view s) {
  IpRange r;
  std::size_t slash = s.find('/');
  auto addr = parse_ip(s.substr(0, slash));
  if (!addr) return std::nullopt;
  int max = addr->v4 ? 32 : 128;
  r.prefix = max;
  if (slash != std::string_view::npos) {
    std::string_view p = s.substr(slash + 1);
    if (p.empty() || p.size() > 3) return std::nullopt;
    int v = 0;
    for (char c : p) {
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    if (v > max) return std::nullopt;
    r.prefix = v;
  }
  r.base = *addr;
  int bits = addr->v4 ? r.prefix + 96 : r.prefix;
  for (int k = 0; k < 16; ++k, bits -= 8) {
    std::uint8_t mask = bits >= 8 ? 0xff : bits <= 0 ? 0 : static_cast<std::uint8_t>(0xff << (8 - bits));
    r.base.bytes[static_cast<std::size_t>(k)] &= mask;
  }
  return r;
}

}  // namespace idt
