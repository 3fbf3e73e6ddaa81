// Why: the record splitter trusts these masks to know what is inside a
// string; the vector path must agree with the plain definition on every
// byte, and escapes must pair up across block edges.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "util/byte_masks.h"

using namespace idt;

TEST_CASE("byte masks: the vector path equals the scalar definition", "[util][masks]") {
  std::mt19937_64 rng(7);
  const std::string alphabet = "\"\\{}[]\n ax:,\x80\xff";
  char block[64];
  for (int round = 0; round < 20000; ++round) {
    for (char& c : block) c = round % 2 ? alphabet[rng() % alphabet.size()] : static_cast<char>(rng());
    ByteMasks v = byte_masks(block), s = byte_masks_scalar(block);
    REQUIRE(v.quote == s.quote);
    REQUIRE(v.backslash == s.backslash);
    REQUIRE(v.open == s.open);
    REQUIRE(v.close == s.close);
    REQUIRE(v.newline == s.newline);
  }
  std::string sample = std::string(64, 'a');
  sample[0] = '{';
  sample[5] = '[';
  sample[9] = ']';
  sample[63] = '}';
  sample[10] = '"';
  sample[11] = '\\';
  sample[12] = '\n';
  ByteMasks m = byte_masks(sample.data());
  CHECK(m.open == ((1ull << 0) | (1ull << 5)));
  CHECK(m.close == ((1ull << 9) | (1ull << 63)));
  CHECK(m.quote == (1ull << 10));
  CHECK(m.backslash == (1ull << 11));
  CHECK(m.newline == (1ull << 12));
}

TEST_CASE("byte masks: prefix xor marks the bytes between quote pairs", "[util][masks]") {
  CHECK(prefix_xor(0) == 0);
  CHECK(prefix_xor(1) == ~0ull);
  CHECK(prefix_xor(0b1001) == 0b0111);
  CHECK(prefix_xor((1ull << 63) | 1) == ~0ull >> 1);
  std::mt19937_64 rng(3);
  for (int i = 0; i < 1000; ++i) {
    std::uint64_t x = rng(), want = 0, parity = 0;
    for (int b = 0; b < 64; ++b) {
      parity ^= (x >> b) & 1;
      want |= parity << b;
    }
    REQUIRE(prefix_xor(x) == want);
  }
}

TEST_CASE("byte masks: escapes pair up within and across blocks", "[util][masks]") {
  std::uint64_t carry = 0;
  // \" : the quote is escaped.
  CHECK(escaped_bytes(0b01, carry) == 0b10);
  CHECK(carry == 0);
  // \\" : the second backslash is escaped, the quote is not.
  CHECK(escaped_bytes(0b011, carry) == 0b010);
  // \\\" : the quote is escaped.
  CHECK(escaped_bytes(0b0111, carry) == 0b1010);
  // A backslash in the last byte escapes the next block's first byte.
  CHECK(escaped_bytes(1ull << 63, carry) == 0);
  CHECK(carry == 1);
  CHECK(escaped_bytes(0, carry) == 1);
  CHECK(carry == 0);
  // ...and an escaped backslash at byte 0 escapes nothing.
  carry = 1;
  CHECK(escaped_bytes(0b1, carry) == 0b1);
  // Against a byte-at-a-time reference over random backslash runs.
  std::mt19937_64 rng(11);
  for (int round = 0; round < 2000; ++round) {
    std::uint64_t bs[4];
    for (auto& b : bs) b = rng() & rng();  // dense runs
    bool pending = false;
    std::uint64_t c = 0;
    for (std::uint64_t b : bs) {
      std::uint64_t want = 0;
      for (int i = 0; i < 64; ++i) {
        if (pending) {
          want |= 1ull << i;
          pending = false;
        } else if ((b >> i) & 1) {
          pending = true;
        }
      }
      REQUIRE(escaped_bytes(b, c) == want);
      REQUIRE(c == (pending ? 1u : 0u));
    }
  }
}
