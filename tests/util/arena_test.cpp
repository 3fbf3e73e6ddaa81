// Why: parsers hand out string_views into an Arena; those views must stay
// valid while the arena grows, and reset() must reuse memory.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "util/arena.h"
#include "util/small_vec.h"

using namespace idt;

TEST_CASE("Arena views stay valid across growth", "[util][arena]") {
  Arena a(64);  // tiny blocks: growth happens often
  std::vector<std::string> want;
  std::vector<std::string_view> got;
  for (int i = 0; i < 500; ++i) {
    std::string s = "value-" + std::to_string(i) + std::string(static_cast<std::size_t>(i % 37), 'x');
    want.push_back(s);
    got.push_back(a.copy(s));
  }
  // A copy larger than a block gets its own block.
  std::string big(1000, 'B');
  std::string_view bigv = a.copy(big);
  for (std::size_t i = 0; i < want.size(); ++i) REQUIRE(got[i] == want[i]);
  CHECK(bigv == big);
  CHECK(a.copy("").empty());
}

TEST_CASE("Arena reset reuses blocks and copies stay correct", "[util][arena]") {
  Arena a(128);
  for (int round = 0; round < 3; ++round) {
    a.reset();
    std::vector<std::string_view> v;
    for (int i = 0; i < 100; ++i) v.push_back(a.copy("r" + std::to_string(round) + "-" + std::to_string(i)));
    v.push_back(a.copy(std::string(300, 'z')));  // bigger than any kept block
    for (int i = 0; i < 100; ++i)
      REQUIRE(v[static_cast<std::size_t>(i)] == "r" + std::to_string(round) + "-" + std::to_string(i));
    CHECK(v.back() == std::string(300, 'z'));
  }
  // Allocations are distinct and non-overlapping.
  a.reset();
  char* p = a.allocate(100);
  char* q = a.allocate(100);
  CHECK((q >= p + 100 || q + 100 <= p));
}

TEST_CASE("SmallVec counts overflow instead of storing it", "[util][arena]") {
  SmallVec<int, 2> v;
  *v.push() = 1;
  *v.push() = 2;
  CHECK(v.push() == nullptr);
  CHECK(v.size() == 2);
  CHECK(v.overflow == 1);
  CHECK(v[1] == 2);
  v.clear();
  CHECK(v.empty());
  CHECK(v.overflow == 0);
}
