// Why: scanning JSON for structure one byte at a time tops out near 2 GB/s.
// Classifying 64 bytes at once into bitmasks (one bit per byte) lets the
// record splitter handle strings, escapes and nesting with a few word
// operations per block, the way simdjson's stage 1 does. The widest vector
// unit the build targets is used; every path gives the same masks.
#pragma once
#include <cstdint>
#include <cstring>

#if defined(__AVX512BW__) || defined(__AVX2__) || defined(__SSE2__)
#include <immintrin.h>
#endif

namespace idt {

struct ByteMasks {
  std::uint64_t quote = 0, backslash = 0, open = 0, close = 0, newline = 0;
};

// The portable definition the vector paths must agree with (tests compare).
inline ByteMasks byte_masks_scalar(const char* p) {
  ByteMasks m;
  for (int i = 0; i < 64; ++i) {
    const std::uint64_t bit = std::uint64_t{1} << i;
    switch (p[i]) {
      case '"':
        m.quote |= bit;
        break;
      case '\\':
        m.backslash |= bit;
        break;
      case '{':
      case '[':
        m.open |= bit;
        break;
      case '}':
      case ']':
        m.close |= bit;
        break;
      case '\n':
        m.newline |= bit;
        break;
      default:
        break;
    }
  }
  return m;
}

// Bit i describes p[i]. open = '{' or '[', close = '}' or ']'. Reads exactly 64 bytes.
inline ByteMasks byte_masks(const char* p) {
  ByteMasks m;
#if defined(__AVX512BW__)
  const __m512i v = _mm512_loadu_si512(p);
  const __m512i lower = _mm512_or_si512(v, _mm512_set1_epi8(0x20));  // '[' -> '{', ']' -> '}'
  m.quote = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('"'));
  m.backslash = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\\'));
  m.open = _mm512_cmpeq_epi8_mask(lower, _mm512_set1_epi8('{'));
  m.close = _mm512_cmpeq_epi8_mask(lower, _mm512_set1_epi8('}'));
  m.newline = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\n'));
#elif defined(__AVX2__)
  for (int half = 0; half < 2; ++half) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32 * half));
    const __m256i lower = _mm256_or_si256(v, _mm256_set1_epi8(0x20));
    auto bits = [&](__m256i a, char c) {
      return static_cast<std::uint64_t>(
                 static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(a, _mm256_set1_epi8(c)))))
             << (32 * half);
    };
    m.quote |= bits(v, '"');
    m.backslash |= bits(v, '\\');
    m.open |= bits(lower, '{');
    m.close |= bits(lower, '}');
    m.newline |= bits(v, '\n');
  }
#elif defined(__SSE2__)
  for (int q = 0; q < 4; ++q) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * q));
    const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
    auto bits = [&](__m128i a, char c) {
      return static_cast<std::uint64_t>(
                 static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(a, _mm_set1_epi8(c)))))
             << (16 * q);
    };
    m.quote |= bits(v, '"');
    m.backslash |= bits(v, '\\');
    m.open |= bits(lower, '{');
    m.close |= bits(lower, '}');
    m.newline |= bits(v, '\n');
  }
#else
  m = byte_masks_scalar(p);
#endif
  return m;
}

// Bit i set when an odd number of bits at or below i are set in x: with x =
// the unescaped quotes, the bytes inside strings (opening quote included).
inline std::uint64_t prefix_xor(std::uint64_t x) {
#if defined(__PCLMUL__)
  const __m128i r = _mm_clmulepi64_si128(_mm_set_epi64x(0, static_cast<long long>(x)), _mm_set1_epi8(-1), 0);
  return static_cast<std::uint64_t>(_mm_cvtsi128_si64(r));
#else
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
#endif
}

// Bytes escaped by a backslash. `carry` is 1 when the previous block ended
// with a backslash that escapes this block's first byte; it is updated for
// the next block. Runs of backslashes pair up ("\\\\" escapes nothing after).
inline std::uint64_t escaped_bytes(std::uint64_t backslash, std::uint64_t& carry) {
  std::uint64_t escaped = carry;
  carry = 0;
  std::uint64_t starts = backslash & ~escaped;
  while (starts) {
    const int i = __builtin_ctzll(starts);
    if (i == 63) {
      carry = 1;
      break;
    }
    const std::uint64_t next = std::uint64_t{1} << (i + 1);
    escaped |= next;
    starts &= starts - 1;
    starts &= ~next;  // an escaped backslash escapes nothing
  }
  return escaped;
}

}  // namespace idt
