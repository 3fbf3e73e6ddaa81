// Why: records carry short lists (CA policies, auth steps, targets) without
// heap allocation; anything past N is counted, not stored.
#pragma once
#include <array>
#include <cstddef>

namespace idt {

template <class T, std::size_t N>
struct SmallVec {
  static constexpr std::size_t capacity = N;  // items kept; the rest only counted
  std::array<T, N> items{};
  std::size_t count = 0;     // stored
  std::size_t overflow = 0;  // seen but not stored

  T* push() {
    if (count == N) {
      ++overflow;
      return nullptr;
    }
    items[count] = T{};
    return &items[count++];
  }
  void clear() {
    count = 0;
    overflow = 0;
  }
  std::size_t size() const { return count; }
  bool empty() const { return count == 0; }
  const T* begin() const { return items.data(); }
  const T* end() const { return items.data() + count; }
  T* begin() { return items.data(); }
  T* end() { return items.data() + count; }
  const T& back() const { return items[count - 1]; }
  const T& operator[](std::size_t i) const { return items[i]; }
};

}  // namespace idt
