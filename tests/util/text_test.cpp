// Why: the text helpers validate input (UTF-8) and measure it for tables;
// the output guards have their own tests (safe_text_test.cpp).
#include <catch2/catch.hpp>

#include <array>
#include <string>

#include "util/text.h"

using namespace idt;


TEST_CASE("trim, iequals, istarts_with, icontains, ascii_lower, normalize_name", "[util][text]") {
  CHECK(trim("  a b \t\r\n") == "a b");
  CHECK(trim("").empty());
  CHECK(trim(" \t ").empty());
  CHECK(iequals("ResultType", "resulttype"));
  CHECK_FALSE(iequals("ResultType", "resulttyp"));
  CHECK(istarts_with("SignInLogs", "signin"));
  CHECK_FALSE(istarts_with("Sign", "signin"));
  CHECK(icontains("Contact MySignIns support", "mysignins"));
  CHECK_FALSE(icontains("abc", "abcd"));
  CHECK(icontains("abc", ""));
  CHECK(ascii_lower("Ada.Lovelace@Contoso.COM") == "ada.lovelace@contoso.com");
  CHECK(ascii_lower(" A\xC3\x89" "b ") == " a\xC3\x89" "b ");  // spaces and non-ASCII bytes kept
  CHECK(normalize_name("  Autonomous system  number ") == "autonomous system number");
  CHECK(normalize_name("IP\taddress\r\n") == "ip address");
  CHECK(normalize_name("Date (UTC)") == "date (utc)");
}

TEST_CASE("find_invalid_utf8", "[util][text]") {
  const auto npos = std::string_view::npos;
  CHECK(find_invalid_utf8("") == npos);
  CHECK(find_invalid_utf8("plain ascii") == npos);
  CHECK(find_invalid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80") == npos);  // é € 😀
  CHECK(find_invalid_utf8("caf\xE9") == 3);                                       // Windows-1252 é
  CHECK(find_invalid_utf8("ab\xC0\x80") == 2);                                    // overlong NUL
  CHECK(find_invalid_utf8("\xE0\x80\xAF") == 0);                                  // overlong '/'
  CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1);                                 // UTF-16 surrogate
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);                              // above U+10FFFF
  CHECK(find_invalid_utf8("ok\xE2\x82") == 2);                                    // truncated at the end
  CHECK(find_invalid_utf8("\x80") == 0);                                          // lone continuation
  CHECK(find_invalid_utf8("\xF8\x88\x80\x80\x80") == 0);                          // 5-byte form
  CHECK(find_invalid_utf8("\xC3\x28") == 0);                                      // bad continuation
}

TEST_CASE("display_width counts terminal columns", "[util][text]") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("héllo") == 5);             // precomposed é: one column
  CHECK(display_width("he\xCC\x81llo") == 5);     // e + COMBINING ACUTE ACCENT: the mark takes none
  CHECK(display_width("東京") == 4);              // CJK ideographs are wide
  CHECK(display_width("ｱｲ") == 2);                // halfwidth katakana are not
  CHECK(display_width("ＡＢ") == 4);              // fullwidth Latin is
  CHECK(display_width("\xF0\x9F\x98\x80") == 2);  // U+1F600 emoji
  CHECK(display_width("a\xE2\x80\x8B"
                      "b") == 2);  // ZERO WIDTH SPACE
  CHECK(display_width("한글") == 4);
  CHECK(display_width("a\tb\x1b") == 2);  // controls draw nothing
  CHECK(display_width("\xFF") == 1);      // a stray byte shows as one U+FFFD
  CHECK(code_point_width(U'\u3000') == 2);
  CHECK(code_point_width(U'\u0301') == 0);
  CHECK(code_point_width(U'x') == 1);
}

TEST_CASE("fit_width cuts by columns, never inside a character", "[util][text]") {
  CHECK(fit_width("héllo wörld", 5) == "héll\xE2\x80\xA6");
  CHECK(fit_width("short", 10) == "short");
  CHECK(fit_width("exact", 5) == "exact");
  CHECK(fit_width("abc", 0).empty());
  CHECK(display_width(fit_width("Zürich – München", 8)) == 8);
  // Wide characters: 東京都庁 is 8 columns; in 5 only two fit before the ellipsis.
  CHECK(fit_width("東京都庁", 5) == "東京\xE2\x80\xA6");
  CHECK(fit_width("東京都庁", 4) == "東\xE2\x80\xA6");  // 3 columns: the next wide one would not fit
  CHECK(fit_width("東京都庁", 8) == "東京都庁");
  // A combining mark stays with its letter.
  const std::string e = "e\xCC\x81";  // e + COMBINING ACUTE ACCENT
  CHECK(fit_width(e + e + e, 3) == e + e + e);
  CHECK(fit_width(e + e + e + "x", 3) == e + e + "\xE2\x80\xA6");
}

TEST_CASE("parse_int", "[util][text]") {
  long long v = 0;
  CHECK(parse_int(" 50126 ", v));
  CHECK(v == 50126);
  CHECK(parse_int("-7", v));
  CHECK(v == -7);
  CHECK(parse_int("+7", v));
  CHECK(v == 7);
  CHECK(parse_int("0", v));
  CHECK(v == 0);
  v = 99;
  CHECK_FALSE(parse_int("", v));
  CHECK_FALSE(parse_int("-", v));
  CHECK_FALSE(parse_int("4x", v));
  CHECK_FALSE(parse_int("1.5", v));
  CHECK_FALSE(parse_int("0x10", v));
  CHECK_FALSE(parse_int("1234567890123456789012", v));  // would overflow
  CHECK(v == 99);                                       // untouched on failure
}

TEST_CASE("edit_distance", "[util][text]") {
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("same", "same") == 0);
  CHECK(edit_distance("flaw", "lawn") == 2);
  CHECK(edit_distance("auth_failure", "auth_failures") == 1);
  CHECK(edit_distance("ab", "ba") == 2);  // no transpositions
}

TEST_CASE("suggest: the closest candidate, prefix-aware", "[util][text]") {
  constexpr std::string_view commands[] = {"triage", "classify", "stats", "tickets"};
  CHECK(suggest("clasify", commands) == "classify");
  CHECK(suggest("tickts", commands) == "tickets");
  CHECK(suggest("xyzzy", commands).empty());       // nothing close
  CHECK(suggest("stat", commands, 0) == "stats");  // a prefix is distance 0
  CHECK(suggest("st", commands, 0).empty());       // but not a 1-2 letter one
  CHECK(suggest("TRI", commands, 0) == "triage");  // prefix in any case
  constexpr std::string_view classes[] = {"mfa_setup", "portal_unreachable", "signin_failure"};
  CHECK(suggest("portal", classes) == "portal_unreachable");  // 12 edits away, but a prefix
  constexpr std::string_view tie[] = {"abcx", "abcy"};
  CHECK(suggest("abcz", tie) == "abcx");  // ties: the first
  CHECK(did_you_mean("--fromat", std::array<std::string_view, 2>{"--format", "--from"}) ==
        " (did you mean '--format'?)");
  CHECK(did_you_mean("zzz", commands).empty());
}
