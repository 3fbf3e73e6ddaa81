// Why: see count_map.h.
#include "aggregate/count_map.h"

#include <algorithm>

namespace idt {

std::vector<std::pair<std::string, std::uint64_t>> CountMap::top(std::size_t n) const {
  std::vector<std::pair<std::string, std::uint64_t>> v(m_.begin(), m_.end());
  auto cmp = [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  if (n > 0 && n < v.size()) {
    std::partial_sort(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n), v.end(), cmp);
    v.resize(n);
  } else {
    std::sort(v.begin(), v.end(), cmp);
  }
  return v;
}

}  // namespace idt
