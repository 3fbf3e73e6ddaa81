// Why: the `user` pre-filter may skip a record only when the person's bytes
// are not in it. The AVX2 path must agree with the plain definition, case
// must not matter, and a needle is cut to what JSON writers never escape.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "util/folded_search.h"

using namespace idt;

TEST_CASE("folded search: vector path equals the scalar definition", "[util][folded]") {
  std::mt19937_64 rng(11);
  const std::string alphabet = "aAbB@.-_`\x7f\"xyz";
  for (int round = 0; round < 20000; ++round) {
    std::string hay(rng() % 200, ' ');
    for (char& c : hay) c = alphabet[rng() % alphabet.size()];
    std::string q(3 + rng() % 5, ' ');
    for (char& c : q) c = alphabet[rng() % 9];  // letters and punctuation only
    FoldedNeedle n(q);
    if (n.matches_everything()) continue;
    INFO(hay << " / " << q);
    REQUIRE(n.found_in(hay) == folded_contains_scalar(hay, n.text()));
  }
}

TEST_CASE("folded search: case-insensitive and never misses", "[util][folded]") {
  FoldedNeedle n("Soeren.Murphy@Contoso.com");
  std::string padding(100, 'x');
  CHECK(n.found_in(padding + "\"userPrincipalName\":\"soeren.murphy@contoso.com\"" + padding));
  CHECK(n.found_in("SOEREN.MURPHY@CONTOSO.COM"));
  CHECK_FALSE(n.found_in(padding + "soeren.murphy@contoso.org" + padding));
  CHECK_FALSE(n.found_in("soeren.murph"));
  // The match at the very end and the very start of a long haystack.
  std::string longer(1000, 'q');
  CHECK(n.found_in(longer + "soeren.murphy@contoso.com"));
  CHECK(n.found_in("soeren.murphy@contoso.com" + longer));
}

TEST_CASE("folded search: the needle avoids bytes a writer may escape", "[util][folded]") {
  // JSON may write ø as \u00f8: only the unescapable run is searched.
  FoldedNeedle n("s\xc3\xb8ren.murphy@contoso.com");
  CHECK(n.text() == "ren.murphy`contoso.com");  // folded: '@' | 0x20 is '`'
  CHECK(n.found_in(R"("userPrincipalName":"s\u00f8ren.murphy@contoso.com")"));
  FoldedNeedle slash("a/b");
  CHECK(slash.matches_everything());
  CHECK(slash.found_in("anything"));
  NeedleSet none;
  CHECK(none.may_match("x"));
  NeedleSet two;
  two.needles.emplace_back("alice@contoso.com");
  two.needles.emplace_back("022372e2-4021-435d-8113-414d825ea8b9");
  CHECK(two.may_match("... 022372E2-4021-435D-8113-414D825EA8B9 ..."));
  CHECK_FALSE(two.may_match("bob@contoso.com"));
}
