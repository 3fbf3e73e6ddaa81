// Why: parsers need somewhere to put unescaped or transcoded bytes without a
// heap allocation per field; views into an Arena stay valid until reset().
#pragma once
#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace idt {

class Arena {
 public:
  explicit Arena(std::size_t block = 64 * 1024) : block_(block) {}

  // Reserve n bytes; returned pointer is stable until reset().
  char* allocate(std::size_t n) {
    if (blocks_.empty() || used_ + n > cap_) grow(n);
    char* p = blocks_[current_].get() + used_;
    used_ += n;
    return p;
  }
  std::string_view copy(std::string_view s) {
    if (s.empty()) return {};
    char* p = allocate(s.size());
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }
  // Forget contents; memory is kept for reuse (no allocation in steady state).
  void reset() {
    current_ = 0;
    used_ = 0;
    cap_ = blocks_.empty() ? 0 : sizes_[0];
  }

 private:
  void grow(std::size_t n) {
    // Reuse the next kept block if it is large enough.
    while (!blocks_.empty() && current_ + 1 < blocks_.size()) {
      ++current_;
      used_ = 0;
      cap_ = sizes_[current_];
      if (n <= cap_) return;
    }
    std::size_t sz = n > block_ ? n : block_;
    blocks_.push_back(std::make_unique<char[]>(sz));
    sizes_.push_back(sz);
    current_ = blocks_.size() - 1;
    used_ = 0;
    cap_ = sz;
  }
  std::size_t block_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::vector<std::size_t> sizes_;
  std::size_t current_ = 0, used_ = 0, cap_ = 0;
};

}  // namespace idt
