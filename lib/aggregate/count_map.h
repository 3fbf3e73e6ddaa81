// Why: mergeable string-keyed counters with allocation only on a new key;
// lookups take string_view (heterogeneous lookup), so counting a record that
// repeats a known app or reason never allocates.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace idt {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

class CountMap {
 public:
  void add(std::string_view key, std::uint64_t n = 1) {
    auto it = m_.find(key);
    if (it != m_.end())
      it->second += n;
    else
      m_.emplace(std::string(key), n);
  }
  void merge(const CountMap& o) {
    for (const auto& [k, v] : o.m_) add(k, v);
  }
  std::uint64_t get(std::string_view key) const {
    auto it = m_.find(key);
    return it == m_.end() ? 0 : it->second;
  }
  std::size_t size() const { return m_.size(); }
  bool empty() const { return m_.empty(); }
  // Highest counts first, ties by key (deterministic output); n = 0 for all.
  std::vector<std::pair<std::string, std::uint64_t>> top(std::size_t n = 0) const;

 private:
  std::unordered_map<std::string, std::uint64_t, StringHash, std::equal_to<>> m_;
};

}  // namespace idt
