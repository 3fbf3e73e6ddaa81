// Why: the baseline math decides whether a quiet day stays quiet.
#include <catch2/catch.hpp>

#include "correlate/series.h"

using namespace idt;

TEST_CASE("robust baseline ignores a short spike", "[correlate]") {
  std::vector<double> v(96, 2.0);
  for (int i = 20; i < 36; ++i) v[i] = 80;  // four hours of 96 buckets
  Baseline b = robust_baseline(v);
  CHECK(b.median == Approx(2.0));
  CHECK(b.mad == Approx(0.0));
  auto w = excess_windows(v, b, ExcessRule{});
  REQUIRE(w.size() == 1);
  CHECK(w[0].first == 20);
  CHECK(w[0].last == 35);
  CHECK(w[0].peak == Approx(80));
  CHECK(w[0].sum == Approx(16 * 80));
}

TEST_CASE("excess needs both relative and absolute margins", "[correlate]") {
  Baseline b{100, 10};
  ExcessRule r{10, 5, 3, 5, 1};
  CHECK_FALSE(is_excess(250, b, r));  // under 3x the median
  CHECK(is_excess(300, b, r));
  Baseline small{0, 0};
  CHECK_FALSE(is_excess(9, small, r));  // under abs_min
  CHECK(is_excess(10, small, r));
}

TEST_CASE("noisy series without spike yields no window", "[correlate]") {
  std::vector<double> v;
  for (int i = 0; i < 96; ++i) v.push_back(10 + (i * 7) % 6);  // 10..15
  auto w = excess_windows(v, robust_baseline(v), ExcessRule{});
  CHECK(w.empty());
}

TEST_CASE("gaps up to max_gap join one window", "[correlate]") {
  std::vector<double> v(40, 0);
  v[10] = 50;
  v[12] = 50;
  v[20] = 50;
  auto w = excess_windows(v, robust_baseline(v), ExcessRule{10, 5, 3, 5, 1});
  REQUIRE(w.size() == 2);
  CHECK(w[0].first == 10);
  CHECK(w[0].last == 12);
  CHECK(w[1].first == 20);
}
