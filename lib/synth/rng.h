// Why: synth output must be byte-identical for the same arguments on every
// platform, so it uses its own generator (xoshiro256** seeded by splitmix64)
// and integer-only helpers — never std:: distributions, whose output differs
// between standard libraries.
#pragma once
#include <cstdint>
#include <span>

namespace idt::synth {

inline std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : seed_(seed) {
    std::uint64_t x = seed;
    for (auto& s : s_) s = splitmix64(x);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n) by multiply-shift on the high 32 bits (n < 2^32;
  // the bias is below 2^-32 and, above all, identical everywhere).
  std::uint32_t below(std::uint64_t n) {
    if (n <= 1) return 0;
    return static_cast<std::uint32_t>(((next() >> 32) * (n & 0xffffffffULL)) >> 32);
  }
  // Uniform in [lo, hi] (inclusive); hi < lo gives lo.
  std::int64_t range(std::int64_t lo, std::int64_t hi) {
    if (hi <= lo) return lo;
    const std::uint64_t span = static_cast<std::uint64_t>(hi - lo) + 1;
    if (span <= 0xffffffffULL) return lo + below(span);
    return lo + static_cast<std::int64_t>(next() % span);
  }
  bool percent(int p) { return static_cast<int>(below(100)) < p; }
  bool per_mille(int p) { return static_cast<int>(below(1000)) < p; }
  bool per_10k(int p) { return static_cast<int>(below(10000)) < p; }

  // An independent stream for one component (users, baseline, episode 3…),
  // so adding a component never shifts the numbers of another.
  Rng fork(std::uint64_t stream) const {
    std::uint64_t x = seed_ ^ (stream * 0xd1b54a32d192ed03ULL + 0x632be59bd9b4e019ULL);
    return Rng(splitmix64(x));
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t seed_;
  std::uint64_t s_[4];
};

// Index drawn with integer weights (a weight of 0 is never drawn). The total
// must be > 0.
inline std::size_t pick_weighted(Rng& rng, std::span<const int> weights) {
  std::int64_t total = 0;
  for (int w : weights) total += w;
  std::int64_t r = rng.range(0, total - 1);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (r < weights[i]) return i;
    r -= weights[i];
  }
  return weights.size() - 1;
}

}  // namespace idt::synth
