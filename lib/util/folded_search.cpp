// Why: see folded_search.h (the byte pre-filter of `idtriage user`).
#include "util/folded_search.h"

#include <cstdint>
#include <cstring>

#if defined(__AVX2__)
#include <immintrin.h>
#endif

namespace idt {
namespace {

constexpr char fold(char c) { return static_cast<char>(static_cast<unsigned char>(c) | 0x20); }

bool unescapable(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x20 && u < 0x7f && c != '"' && c != '\\' && c != '/';
}

bool equal_folded(const char* p, std::string_view folded) {
  for (std::size_t i = 0; i < folded.size(); ++i)
    if (fold(p[i]) != folded[i]) return false;
  return true;
}

}  // namespace

FoldedNeedle::FoldedNeedle(std::string_view query) {
  std::size_t best = 0, best_len = 0;
  for (std::size_t i = 0; i < query.size();) {
    if (!unescapable(query[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < query.size() && unescapable(query[j])) ++j;
    if (j - i > best_len) best = i, best_len = j - i;
    i = j;
  }
  for (char c : query.substr(best, best_len)) folded_.push_back(fold(c));
}

bool folded_contains_scalar(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return true;
  if (hay.size() < needle.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (equal_folded(hay.data() + i, needle)) return true;
  return false;
}

bool FoldedNeedle::found_in(std::string_view hay) const {
  if (matches_everything()) return true;
  const std::size_t n = folded_.size();
  if (hay.size() < n) return false;
  const char* p = hay.data();
  const std::size_t last_start = hay.size() - n;  // last position a match may start at
  std::size_t i = 0;
#if defined(__AVX2__)
  const __m256i bit = _mm256_set1_epi8(0x20);
  const __m256i first = _mm256_set1_epi8(folded_[0]);
  const __m256i last = _mm256_set1_epi8(folded_[n - 1]);
  // Blocks of 32 start positions whose needle ends stay inside the haystack.
  for (; i + 32 <= last_start + 1; i += 32) {
    __m256i a = _mm256_or_si256(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i)), bit);
    __m256i b = _mm256_or_si256(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + n - 1)), bit);
    auto mask = static_cast<std::uint32_t>(
        _mm256_movemask_epi8(_mm256_and_si256(_mm256_cmpeq_epi8(a, first), _mm256_cmpeq_epi8(b, last))));
    while (mask) {
      unsigned k = static_cast<unsigned>(__builtin_ctz(mask));
      if (equal_folded(p + i + k + 1, std::string_view(folded_).substr(1))) return true;
      mask &= mask - 1;
    }
  }
#endif
  for (; i <= last_start; ++i)
    if (equal_folded(p + i, folded_)) return true;
  return false;
}

bool NeedleSet::may_match(std::string_view record) const {
  if (needles.empty()) return true;
  for (const auto& n : needles)
    if (n.found_in(record)) return true;
  return false;
}

}  // namespace idt
