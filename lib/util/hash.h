// Why: field names are dispatched with a compile-time hash switch instead of
// chains of string compares; callers still compare the key after a hit.
#pragma once
#include <cstdint>
#include <string_view>

namespace idt {

constexpr std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}
// Case-insensitive ASCII variant (for column names and enum spellings);
// characters equal to `ignore` (when not 0) are skipped.
constexpr std::uint64_t fnv1a_ci(std::string_view s, char ignore = 0) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : s) {
    if (ignore && c == ignore) continue;
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 'A' && u <= 'Z') u = static_cast<unsigned char>(u + 32);
    h ^= u;
    h *= 1099511628211ull;
  }
  return h;
}
namespace literals {
constexpr std::uint64_t operator""_h(const char* s, std::size_t n) { return fnv1a({s, n}); }
}  // namespace literals

}  // namespace idt
