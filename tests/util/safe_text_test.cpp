// Why: nothing from an input may reach a terminal, a Markdown report or a
// spreadsheet raw (issue 10, docs/output.md). Each escaper is pinned, table
// by table, with the hostile strings it exists for and with the ordinary
// text (accents, CJK, emoji, UPNs) it must leave alone.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "util/safe_text.h"
#include "util/text.h"

using namespace idt;

namespace {

struct Case {
  std::string in, want;
};

std::string csv(std::string_view s, char delim = ',') {
  std::string out;
  append_csv_field(out, s, delim);
  return out;
}
std::string tsv(std::string_view s) {
  std::string out;
  append_tsv_field(out, s);
  return out;
}
std::string nul(std::string_view before, std::string_view after) {
  std::string s(before);
  s += '\0';
  s += after;
  return s;
}

// Every hidden character class with one representative and its marker.
const std::vector<Case> kHiddenClasses = {
    {nul("a", "b"), "a<U+0000>b"},                       // NUL
    {"a\x1b[2Jb", "a<U+001B>[2Jb"},                      // C0: ESC (clear screen)
    {"a\x07", "a<U+0007>"},                               // C0: BEL
    {"a\x7f", "a<U+007F>"},                               // DEL
    {"a\xC2\x9B" "31m", "a<U+009B>31m"},                  // C1: CSI in UTF-8
    {"a\xC2\x85" "b", "a<U+0085>b"},                      // C1: NEL
    {"invoice\u202Efdp.exe", "invoice<U+202E>fdp.exe"},   // bidi override RLO
    {"\u202Aa\u202C", "<U+202A>a<U+202C>"},               // bidi embedding, pop
    {"\u2066x\u2067y\u2068z\u2069", "<U+2066>x<U+2067>y<U+2068>z<U+2069>"},  // isolates
    {"ad\u200Bmin", "ad<U+200B>min"},                     // zero-width space
    {"\uFEFFadmin", "<U+FEFF>admin"},                     // BOM / zero-width no-break space
    {"ad\u200Dmin", "ad<U+200D>min"},                     // ZWJ between ASCII letters
    {"ad\u200Cmin", "ad<U+200C>min"},                     // ZWNJ between ASCII letters
    {"a\u200E\u200Fb", "a<U+200E><U+200F>b"},             // LRM, RLM
    {"a\u2060b\u00ADc", "a<U+2060>b<U+00AD>c"},           // word joiner, soft hyphen
    {"a\u2028b\u2029c", "a<U+2028>b<U+2029>c"},           // line / paragraph separator
    {"x\U000E0041\U000E0042", "x<U+E0041><U+E0042>"},     // tag characters (ASCII smuggling)
    {"\u3164", "<U+3164>"},                               // Hangul filler (blank name)
};

// Ordinary text that must come out unchanged in every human output.
const std::vector<std::string> kOrdinary = {
    "Zürich – Ærøskøbing",
    "東京 支社",
    "😀 ok",
    "👨\u200D👩\u200D👧 family",         // ZWJ emoji sequence
    "❤\uFE0F\u200D🔥",                   // variation selector then ZWJ
    "👍🏽",                               // skin tone modifier
    "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F",  // flag of England (tags)
    "می\u200Cخواهم",                     // Persian ZWNJ between letters
    "क्\u200Dष",                          // Devanagari ZWJ
    "e\u0301",                             // combining accent
};

}  // namespace

TEST_CASE("terminal_safe shows every hidden class as a marker", "[util][safe_text]") {
  for (const auto& c : kHiddenClasses) {
    INFO(c.want);
    CHECK(terminal_safe(c.in) == c.want);
  }
}

TEST_CASE("terminal_safe keeps text, turns line breaks and tabs into spaces, bad bytes into U+FFFD",
          "[util][safe_text]") {
  for (const auto& s : kOrdinary) {
    INFO(s);
    CHECK(terminal_safe(s) == s);
  }
  CHECK(terminal_safe("a\nb\r\nc\td") == "a b  c d");
  CHECK(terminal_safe("a\x9B" "31mb") == "a\xEF\xBF\xBD" "31mb");     // raw 8-bit CSI
  CHECK(terminal_safe("\xC0\x9B") == "\xEF\xBF\xBD\xEF\xBF\xBD");     // overlong form of a C1 control
  CHECK(terminal_safe("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  CHECK(terminal_safe("a\xC2\xA0" "b") == "a\xC2\xA0" "b");          // no-break space is text
  // A lone joiner or one next to ASCII is a marker; so are tags that do not
  // end a flag sequence.
  CHECK(terminal_safe("\u200D") == "<U+200D>");
  CHECK(terminal_safe("😀\u200D") == "😀<U+200D>");
  CHECK(terminal_safe("😀\u200D\u200D😀") == "😀<U+200D><U+200D>😀");
  CHECK(terminal_safe("🏴\U000E0067\U000E0062") == "🏴<U+E0067><U+E0062>");
  // No raw ESC or bidi byte survives; display width counts the markers.
  const std::string out = terminal_safe("\x1b]0;pwned\x07 \u202E");
  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(out.find("\xE2\x80\xAE") == std::string::npos);
  CHECK(display_width(terminal_safe("a\u202Eb")) == 10);
  CHECK(display_width(terminal_safe("東京\u200B")) == 4 + 8);
}

TEST_CASE("is_hidden_code_point covers the classes and nothing visible", "[util][safe_text]") {
  for (char32_t cp : {0x00, 0x1B, 0x7F, 0x80, 0x9F, 0xAD, 0x061C, 0x180E, 0x200B, 0x200F, 0x202A, 0x202E, 0x2060,
                      0x2066, 0x2069, 0xFEFF, 0xFFF9, 0xE0001, 0xE007F})
    CHECK(is_hidden_code_point(cp));
  for (char32_t cp : {0x20, 0x41, 0x7E, 0xA0, 0xE9, 0x0301, 0x3000, 0x6771, 0xFE0F, 0x1F600, 0x1F3FD, 0xFFFD})
    CHECK_FALSE(is_hidden_code_point(cp));
}

TEST_CASE("markdown_safe: no HTML, link, image, emphasis or block from data", "[util][safe_text]") {
  const std::vector<Case> cases = {
      {"<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"},
      {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
      {"&lt;script&gt;", "&amp;lt;script&amp;gt;"},  // an entity stays text, not decoded by the reader
      {"[click](javascript:alert(1))", "\\[click\\](javascript:alert(1))"},
      {"![x](http://t.example/p.gif)", "!\\[x\\](http:\\/\\/t.example/p.gif)"},
      {"<https://evil.example>", "&lt;https:\\/\\/evil.example&gt;"},
      {"see https://evil.example/mfa", "see https:\\/\\/evil.example/mfa"},
      {"www.evil.example", "www\\.evil.example"},
      {"go to www.evil.example", "go to www\\.evil.example"},
      {"**bold** and _em_ and `code` and ~~gone~~", "\\*\\*bold\\*\\* and \\_em\\_ and \\`code\\` and \\~\\~gone\\~\\~"},
      {"a|b", "a\\|b"},
      {"$x^2$", "\\$x^2\\$"},
      {"C:\\temp", "C:\\\\temp"},
      {"# heading", "\\# heading"},
      {"- item", "\\- item"},
      {"1. item", "1\\. item"},
      {"---", "\\---"},
      {"#hashtag", "#hashtag"},
      {"-5", "-5"},
      {"@security-team", "\\@security-team"},
      {"mail @admins now", "mail \\@admins now"},
      {"alice@contoso.com", "alice@contoso.com"},  // a UPN is left readable
      {"mfa_setup/portal_unreachable", "mfa_setup/portal_unreachable"},  // '_' inside words
      {"INC0010001", "INC0010001"},
      {"10.0.0.1", "10.0.0.1"},
      {"2001:db8::1", "2001:db8::1"},
      {"a\u202Eb", "a<U+202E>b"},  // markers themselves are neither tags nor autolinks
      {"two\nlines", "two lines"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(markdown_safe(c.in) == c.want);
  }
  for (const auto& c : kHiddenClasses) {
    INFO(c.want);
    const std::string out = markdown_safe(c.in);
    CHECK(out.find(c.want.substr(c.want.find('<'), c.want.find('>') - c.want.find('<') + 1)) != std::string::npos);
  }
  for (const auto& s : kOrdinary) CHECK(markdown_safe(s) == s);
}

TEST_CASE("CSV field writer quotes, defuses formulas and escapes hidden characters", "[util][safe_text]") {
  const std::vector<Case> cases = {
      {"plain", "plain"},
      {"", ""},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\rhere", "\"cr\rhere\""},
      {"=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""},
      {"+cmd|' /C calc'!A0", "\"'+cmd|' /C calc'!A0\""},
      {"@SUM(A1)", "\"'@SUM(A1)\""},
      {"-2+3", "\"'-2+3\""},
      {"\tx", "\"'\tx\""},
      {"\rx", "\"'\rx\""},
      {"-5", "-5"},
      {"-12.5", "-12.5"},
      {"a=b", "a=b"},
      {"a\u202Eb", "a<U+202E>b"},
      {"\x1b[2J=1+1", "<U+001B>[2J=1+1"},
      {nul("x", "y"), "x<U+0000>y"},
      {"caf\xE9", "caf\xEF\xBF\xBD"},
      {"東京 😀", "東京 😀"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(csv(c.in) == c.want);
  }
  CHECK(csv("a;b") == "a;b");
  CHECK(csv("a;b", ';') == "\"a;b\"");
  for (const auto& c : kHiddenClasses) {
    const std::string out = csv(c.in);
    for (char ch : out) CHECK((static_cast<unsigned char>(ch) >= 0x20 || ch == '\n' || ch == '\r' || ch == '\t'));
    CHECK(out.find("\xE2\x80\xAE") == std::string::npos);
  }
}

TEST_CASE("TSV field writer escapes and has the same formula guard as CSV", "[util][safe_text]") {
  const std::vector<Case> cases = {
      {"a\tb\nc\\d\re", "a\\tb\\nc\\\\d\\re"},
      {"plain text", "plain text"},
      {"", ""},
      {"=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"},
      {"+1", "'+1"},
      {"@x", "'@x"},
      {"-2+3", "'-2+3"},
      {"\tx", "'\\tx"},
      {"\rx", "'\\rx"},
      {"-5", "-5"},
      {"-", "-"},
      {"a\u202Eb", "a<U+202E>b"},
      {nul("x", "y"), "x<U+0000>y"},
      {"\x1b[2J", "<U+001B>[2J"},
      {"東京 😀", "東京 😀"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(tsv(c.in) == c.want);
  }
  for (const auto& c : kHiddenClasses) {
    const std::string out = tsv(c.in);
    for (char ch : out) CHECK(static_cast<unsigned char>(ch) >= 0x20);
  }
}
