// Why: a wrong CIDR match would put sign-ins inside or outside a named
// location silently; each shape Entra writes (v4, v6, host bits set, mapped
// v4) is pinned here, with the malformed spellings that must be refused.
#include <catch2/catch.hpp>

#include "util/ip.h"

using namespace idt;

TEST_CASE("parse_ip reads IPv4 and IPv6 and refuses junk", "[util][ip]") {
  auto a = parse_ip("203.0.113.7");
  REQUIRE(a);
  CHECK(a->v4);
  CHECK(a->bytes[12] == 203);
  CHECK(a->bytes[15] == 7);
  auto m = parse_ip("::ffff:203.0.113.7");
  REQUIRE(m);
  CHECK(m->v4);
  CHECK(*m == *a);
  auto b = parse_ip("2001:db8::1");
  REQUIRE(b);
  CHECK_FALSE(b->v4);
  CHECK(b->bytes[0] == 0x20);
  CHECK(b->bytes[1] == 0x01);
  CHECK(b->bytes[15] == 1);
  CHECK(parse_ip("::"));
  CHECK(parse_ip("fe80::1%eth0"));
  CHECK(parse_ip("[2001:db8::2]"));
  CHECK(parse_ip(" 10.0.0.1 "));
  for (const char* bad : {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.4 x", "1::2::3", "1:2:3",
                          "12345::", "g::1", "1:", ":1", "1.2.3.4/24"})
    CHECK_FALSE(parse_ip(bad));
}

TEST_CASE("parse_cidr clears host bits and contains() respects the family", "[util][ip]") {
  auto r = parse_cidr("12.34.221.11/22");  // the Graph docs' example: host bits set
  REQUIRE(r);
  CHECK(r->prefix == 22);
  CHECK(r->contains(*parse_ip("12.34.220.0")));
  CHECK(r->contains(*parse_ip("12.34.223.255")));
  CHECK_FALSE(r->contains(*parse_ip("12.34.224.0")));
  CHECK_FALSE(r->contains(*parse_ip("12.34.219.255")));
  CHECK_FALSE(r->contains(*parse_ip("2001::1")));
  auto v6 = parse_cidr("2001:0:9d38:90d6:0:0:0:0/63");
  REQUIRE(v6);
  CHECK(v6->contains(*parse_ip("2001:0:9d38:90d7::5")));
  CHECK_FALSE(v6->contains(*parse_ip("2001:0:9d38:90d8::5")));
  CHECK_FALSE(v6->contains(*parse_ip("12.34.220.1")));
  auto all4 = parse_cidr("0.0.0.0/0");
  REQUIRE(all4);
  CHECK(all4->contains(*parse_ip("198.51.100.1")));
  CHECK_FALSE(all4->contains(*parse_ip("2001:db8::1")));
  auto host = parse_cidr("198.51.100.9");
  REQUIRE(host);
  CHECK(host->prefix == 32);
  CHECK(host->contains(*parse_ip("198.51.100.9")));
  CHECK_FALSE(host->contains(*parse_ip("198.51.100.8")));
  for (const char* bad : {"1.2.3.4/33", "1.2.3.4/", "1.2.3.4/x", "2001::/129", "nope/8", "1.2.3.4/-1"})
    CHECK_FALSE(parse_cidr(bad));
}
