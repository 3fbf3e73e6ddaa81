// Why: synth output is only reproducible if its generator is: same seed, same
// numbers; forks are independent; bounded draws stay in bounds and weighted
// draws follow their weights (never a zero weight).
#include <catch2/catch.hpp>

#include <array>
#include <set>

#include "synth/rng.h"

using namespace idt::synth;

TEST_CASE("synth rng: splitmix64 matches the reference sequence") {
  // Reference values of Vigna's splitmix64.c for a state starting at 0.
  std::uint64_t x = 0;
  CHECK(splitmix64(x) == 0xe220a8397b1dcdafULL);
  CHECK(splitmix64(x) == 0x6e789e6aa1b965f4ULL);
}

TEST_CASE("synth rng: same seed gives the same stream, different seeds differ") {
  Rng a(42), b(42), c(43);
  bool differs = false;
  for (int i = 0; i < 1000; ++i) {
    std::uint64_t va = a.next(), vb = b.next(), vc = c.next();
    CHECK(va == vb);
    differs |= va != vc;
  }
  CHECK(differs);
}

TEST_CASE("synth rng: forks are reproducible and independent of each other") {
  Rng root(7);
  Rng f1 = root.fork(1), f1b = root.fork(1), f2 = root.fork(2);
  int same12 = 0;
  for (int i = 0; i < 100; ++i) {
    std::uint64_t a = f1.next();
    CHECK(a == f1b.next());
    same12 += a == f2.next();
  }
  CHECK(same12 == 0);
  // Forking does not consume the parent stream.
  Rng p1(9), p2(9);
  (void)p1.fork(5);
  CHECK(p1.next() == p2.next());
}

TEST_CASE("synth rng: below() and range() stay in bounds and reach every value") {
  Rng r(1);
  std::set<std::uint32_t> seen;
  for (int i = 0; i < 5000; ++i) {
    std::uint32_t v = r.below(10);
    REQUIRE(v < 10);
    seen.insert(v);
  }
  CHECK(seen.size() == 10);
  CHECK(r.below(0) == 0);
  CHECK(r.below(1) == 0);
  for (int i = 0; i < 2000; ++i) {
    std::int64_t v = r.range(-5, 5);
    REQUIRE(v >= -5);
    REQUIRE(v <= 5);
  }
  CHECK(r.range(3, 3) == 3);
  CHECK(r.range(4, 2) == 4);
}

TEST_CASE("synth rng: pick_weighted follows the weights and never picks a zero weight") {
  Rng r(3);
  const std::array<int, 4> w = {1, 0, 3, 6};
  std::array<int, 4> hits{};
  for (int i = 0; i < 20000; ++i) ++hits[pick_weighted(r, w)];
  CHECK(hits[1] == 0);
  // Expected 2000 / 6000 / 12000; allow a wide margin.
  CHECK(hits[0] > 1600);
  CHECK(hits[0] < 2400);
  CHECK(hits[2] > 5400);
  CHECK(hits[2] < 6600);
  CHECK(hits[3] > 11200);
}
