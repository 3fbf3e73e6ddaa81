// Why: Conditional Access named locations give IP ranges (IPv4 and IPv6
// CIDR) and sign-in records give addresses; one parser for both, so a range
// and an address are compared as the same 16 bytes.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace idt {

// An address as 16 bytes; IPv4 is stored as an IPv4-mapped IPv6 address
// (::ffff:a.b.c.d), so a v4 range never matches a v6 address by accident.
struct IpAddress {
  std::array<std::uint8_t, 16> bytes{};
  bool v4 = false;
  bool operator==(const IpAddress&) const = default;
};

// "203.0.113.7", "2001:db8::1", "::ffff:203.0.113.7"; an IPv6 zone ("%eth0")
// is ignored. Leading zeros in IPv4 octets are rejected (ambiguous: octal?).
std::optional<IpAddress> parse_ip(std::string_view s);

struct IpRange {
  IpAddress base;  // host bits cleared
  int prefix = 0;  // 0..32 for v4, 0..128 for v6
  bool contains(const IpAddress& a) const;
};

// "12.34.221.11/22" (host bits set are allowed and cleared, as Entra does),
// "2001:0:9d38:90d6:0:0:0:0/63"; an address without "/n" is a single host.
std::optional<IpRange> parse_cidr(std::string_view s);

}  // namespace idt
