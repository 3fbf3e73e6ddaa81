// Why: provider posts are HTML written by many hands; the plain text people
// and rules see must be right, and hostile markup must stay linear.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "formats/health_text.h"

using namespace idt;

namespace {
std::string plain(std::string_view s) {
  std::string out;
  append_plain_text(out, s);
  return out;
}
}  // namespace

TEST_CASE("tags go, inline tags keep words together, blocks separate them", "[health][text]") {
  CHECK(plain("<p><strong>Impact Statement:&nbsp;</strong>Starting at 18:46 UTC</p>\n<p>&nbsp;</p><p>Next</p>") ==
        "Impact Statement: Starting at 18:46 UTC Next");
  CHECK(plain("Title: X<br>User Impact: Y") == "Title: X User Impact: Y");
  CHECK(plain("<ul><li>one</li><li>two</li></ul>") == "one two");
  CHECK(plain("Please <a href=\"https://x/y?a=1&b=2\">review the docs.</a>") == "Please review the docs.");
  CHECK(plain("<o:p></o:p>Office<o:p> </o:p>text") == "Office text");
  CHECK(plain("  lots \t of\r\n\n space  ") == "lots of space");
  // Other controls are data, as in every other input: kept for the
  // renderers, which show them as <U+0000>, <U+001B> markers.
  CHECK(plain(std::string("a\0b\x1b[2Jc", 9)) == std::string("a\0b\x1b[2Jc", 9));
}

TEST_CASE("entities are decoded", "[health][text]") {
  CHECK(plain("stopped &quot;deallocated&quot; &amp; &lt;b&gt; it&#39;s &#x27;q&#x27;") ==
        "stopped \"deallocated\" & <b> it's 'q'");
  CHECK(plain("a&ndash;b&mdash;c &rsquo;&hellip;") == "a\u2013b\u2014c \u2019\u2026");
  CHECK(plain("&#128512;") == "\U0001F600");
  CHECK(plain("bad &#xD800; &#99999999; end") == "bad \uFFFD \uFFFD end");
  CHECK(plain("AT&T &unknown; & &;") == "AT&T &unknown; & &;");
  CHECK(plain("ctl&#1;x") == "ctl x");
}

TEST_CASE("non-HTML angle brackets stay text", "[health][text]") {
  CHECK(plain("<MESSAGE>") == "<MESSAGE>");
  CHECK(plain("<GUID>") == "<GUID>");
  CHECK(plain("mail <user@contoso.com> now") == "mail <user@contoso.com> now");
  CHECK(plain("latency < 5s and > 2s") == "latency < 5s and > 2s");
  CHECK(plain("a <p unterminated") == "a <p unterminated");
}

TEST_CASE("script, style and comments are dropped with their content", "[health][text]") {
  CHECK(plain("a<script>alert('x<p>')</script>b") == "a b");
  CHECK(plain("a<STYLE type=x>p{}</Style >b") == "a b");
  CHECK(plain("a<!-- hidden <p> -->b") == "a b");
  CHECK(plain("a<!-- never closed") == "a");
  CHECK(plain("a<script>never closed") == "a");
}

TEST_CASE("strip_html copies into the arena", "[health][text]") {
  Arena arena;
  std::string_view v = strip_html("<p>x&amp;y</p>", arena);
  CHECK(v == "x&y");
  CHECK(strip_html("", arena).empty());
}

TEST_CASE("hostile markup stays linear", "[health][text]") {
  std::string a;
  for (int i = 0; i < 200000; ++i) a += "<a";
  std::string b;
  for (int i = 0; i < 100000; ++i) b += "<p&#";
  std::string c;
  for (int i = 0; i < 100000; ++i) c += "</script";
  auto t0 = std::chrono::steady_clock::now();
  std::string pa = plain(a), pb = plain(b), pc = plain("<script>" + c);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  CHECK(pa == a);  // no '>' anywhere: all literal
  CHECK(pb.size() <= b.size());
  CHECK(pc.empty());
  CHECK(ms < 2000);
}
