// Why: `idtriage user` looks for one person in gigabytes of sign-ins. Parsing
// a JSON record costs far more than looking at its bytes, so each record is
// first searched for the person's UPN (or object id, or name) as raw bytes and
// parsed only when the bytes may be there. The search must never miss a
// record the parsed comparison would accept (no false negatives): see
// FoldedNeedle for how case and JSON escaping are handled.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace idt {

// A case-insensitive substring test that is allowed false positives, never
// false negatives.
//
// The trick: every byte is "folded" by OR-ing 0x20 into it. For ASCII letters
// that is lower-casing ('A' 0x41 -> 'a' 0x61); every other byte maps to
// itself or to a byte it is then confused with ('@' and '`', '_' and DEL),
// which only adds false positives. Candidates are found the way Wojciech
// Muła's "SIMD-friendly substring search" does it: compare the folded first
// and last needle bytes against 32 haystack positions at once (AVX2, or a
// plain loop the compiler vectorises), and check the whole needle only where
// both agree. The parsed record is compared exactly afterwards (iequals), so
// the confusions cost a parse, never a result.
//
// Escaping: a JSON writer may escape '/', '"', '\\', controls and any
// non-ASCII character (\u00e9), and a CSV writer doubles '"'. A needle is
// therefore cut to the longest run of the query that no writer escapes
// (printable ASCII other than '"', '\\' and '/'): "søren.murphy@contoso.com"
// is searched as "ren.murphy@contoso.com".
class FoldedNeedle {
 public:
  // `query` is cut to its longest unescapable run (see above); an empty or
  // too short run (under 3 bytes) makes a needle that matches everything.
  explicit FoldedNeedle(std::string_view query);
  bool matches_everything() const { return folded_.size() < 3; }
  const std::string& text() const { return folded_; }  // the folded bytes searched
  // Whether the folded needle occurs in the folded haystack.
  bool found_in(std::string_view hay) const;

 private:
  std::string folded_;
};

// The plain definition found_in must agree with (tests compare both over
// random and real inputs).
bool folded_contains_scalar(std::string_view hay, std::string_view folded_needle);

// Any of several needles (UPN, object id, display name): a record may be
// about the person when one of them occurs. An empty set matches everything.
struct NeedleSet {
  std::vector<FoldedNeedle> needles;
  bool may_match(std::string_view record) const;
};

}  // namespace idt
