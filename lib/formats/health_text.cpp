// Why: see health_text.h. One forward pass; every search that could restart
// (the next '>', a closing </script>) resumes where the last one stopped, so
// hostile input ("<a<a<a…", unterminated comments) stays linear.
#include "formats/health_text.h"

#include <cstdint>
#include <iterator>

#include "util/text.h"

namespace idt {
namespace {

struct Entity {
  std::string_view name;
  std::string_view text;
};
constexpr Entity kEntities[] = {
    {"amp", "&"},        {"lt", "<"},         {"gt", ">"},          {"quot", "\""},      {"apos", "'"},
    {"nbsp", " "},       {"ndash", "\u2013"}, {"mdash", "\u2014"},  {"lsquo", "\u2018"}, {"rsquo", "\u2019"},
    {"ldquo", "\u201C"}, {"rdquo", "\u201D"}, {"hellip", "\u2026"}, {"bull", "\u2022"},  {"middot", "\u00B7"},
    {"copy", "\u00A9"},  {"reg", "\u00AE"},   {"trade", "\u2122"},  {"laquo", "\u00AB"}, {"raquo", "\u00BB"},
    {"times", "\u00D7"},
};

// Tags that do not separate words (<strong>Impact</strong>: stays "Impact:").
constexpr std::string_view kInlineTags[] = {"a",      "b",   "strong", "i",     "em",   "span", "u",    "font",
                                            "code",   "sup", "sub",    "small", "big",  "abbr", "mark", "s",
                                            "strike", "del", "ins",    "q",     "cite", "time", "wbr"};
// Block tags (they separate words). Anything else in angle brackets is text:
// docs placeholders ("<MESSAGE>", "<GUID>") and "<user@contoso.com>" survive.
constexpr std::string_view kBlockTags[] = {
    "p",     "br",       "div",        "ul",      "ol",      "li",     "table",  "tbody",    "thead",      "tfoot",
    "tr",    "td",       "th",         "h1",      "h2",      "h3",     "h4",     "h5",       "h6",         "hr",
    "img",   "pre",      "blockquote", "section", "article", "header", "footer", "nav",      "main",       "html",
    "body",  "head",     "title",      "meta",    "link",    "center", "dl",     "dt",       "dd",         "caption",
    "col",   "colgroup", "label",      "input",   "button",  "form",   "iframe", "figure",   "figcaption", "script",
    "style", "aside",    "details",    "summary", "address", "option", "select", "textarea", "svg",        "path",
    "area",  "map",      "object",     "embed",   "source",  "video",  "audio",  "base",     "noscript"};

bool in_list(std::string_view name, const std::string_view* b, const std::string_view* e) {
  for (; b != e; ++b)
    if (iequals(name, *b)) return true;
  return false;
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

class Stripper {
 public:
  Stripper(std::string& out, std::string_view s) : out_(out), s_(s), base_(out.size()) {}

  void run() {
    std::size_t n = s_.size();
    std::size_t i = 0;
    while (i < n) {
      unsigned char c = static_cast<unsigned char>(s_[i]);
      if (c == '<') {
        i = tag(i);
        continue;
      }
      if (c == '&') {
        i = entity(i);
        continue;
      }
      // Other controls (NUL, ESC, ...) are data like any other character:
      // the renderers show them as markers, as they do for every input.
      if (is_space(c)) {
        space_ = true;
        ++i;
        continue;
      }
      if (c == 0xC2 && i + 1 < n && static_cast<unsigned char>(s_[i + 1]) == 0xA0) {  // raw NBSP
        space_ = true;
        i += 2;
        continue;
      }
      put(static_cast<char>(c));
      ++i;
    }
  }

 private:
  void flush_space() {
    if (space_ && out_.size() > base_) out_ += ' ';
    space_ = false;
  }
  void put(char c) {
    flush_space();
    out_ += c;
  }
  void put(std::string_view t) {
    if (t == " ") {
      space_ = true;
      return;
    }
    flush_space();
    out_ += t;
  }

  std::size_t next_gt(std::size_t from) {
    if (gt_ != std::string_view::npos && gt_ < from) gt_ = s_.find('>', from);
    return gt_;
  }

  // At '<': a tag is skipped (and may separate words); anything else is text.
  std::size_t tag(std::size_t i) {
    std::size_t n = s_.size();
    char nx = i + 1 < n ? s_[i + 1] : '\0';
    if (!(is_alpha(nx) || nx == '/' || nx == '!' || nx == '?')) {
      put('<');
      return i + 1;
    }
    if (s_.substr(i, 4) == "<!--") {
      std::size_t e = s_.find("-->", i + 4);
      space_ = true;
      return e == std::string_view::npos ? n : e + 3;
    }
    std::size_t gt = next_gt(i + 1);
    if (gt == std::string_view::npos) {
      put('<');
      return i + 1;
    }
    std::size_t p = i + 1;
    bool closing = p < gt && s_[p] == '/';
    if (closing) ++p;
    std::size_t q = p;
    while (q < gt && (is_alpha(s_[q]) || (s_[q] >= '0' && s_[q] <= '9'))) ++q;
    // Office HTML adds namespaced tags (<o:p>, <v:shape>).
    while (q < gt && (s_[q] == ':' || is_alpha(s_[q]))) ++q;
    std::string_view name = s_.substr(p, q - p);
    bool inline_tag = in_list(name, std::begin(kInlineTags), std::end(kInlineTags));
    bool known = inline_tag || nx == '!' || nx == '?' || name.find(':') != std::string_view::npos ||
                 in_list(name, std::begin(kBlockTags), std::end(kBlockTags));
    if (!known || (q < gt && !(s_[q] == ' ' || s_[q] == '/' || s_[q] == '\t' || s_[q] == '\n' || s_[q] == '\r'))) {
      put('<');
      return i + 1;
    }
    if (!closing && (iequals(name, "script") || iequals(name, "style"))) {
      space_ = true;
      return skip_raw_element(gt + 1, name);
    }
    if (!inline_tag) space_ = true;
    return gt + 1;
  }

  // Skips to just past "</name ... >", case-insensitive; the end if absent.
  std::size_t skip_raw_element(std::size_t from, std::string_view name) {
    std::size_t n = s_.size();
    for (std::size_t k = from; k + 1 < n; ++k) {
      if (s_[k] != '<' || s_[k + 1] != '/') continue;
      if (!istarts_with(s_.substr(k + 2), name)) continue;
      std::size_t gt = next_gt(k + 2);
      return gt == std::string_view::npos ? n : gt + 1;
    }
    return n;
  }

  // At '&': a known entity is decoded, anything else is a literal '&'.
  std::size_t entity(std::size_t i) {
    std::size_t n = s_.size();
    std::size_t limit = i + 12 < n ? i + 12 : n;
    std::size_t semi = std::string_view::npos;
    for (std::size_t k = i + 1; k < limit; ++k) {
      if (s_[k] == ';') {
        semi = k;
        break;
      }
      if (!(is_alpha(s_[k]) || (s_[k] >= '0' && s_[k] <= '9') || s_[k] == '#')) break;
    }
    if (semi == std::string_view::npos || semi == i + 1) {
      put('&');
      return i + 1;
    }
    std::string_view body = s_.substr(i + 1, semi - i - 1);
    if (body[0] == '#') {
      std::uint64_t cp = 0;
      bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
      std::string_view digits = body.substr(hex ? 2 : 1);
      bool ok = !digits.empty();
      for (char d : digits) {
        int v;
        if (d >= '0' && d <= '9')
          v = d - '0';
        else if (hex && d >= 'a' && d <= 'f')
          v = d - 'a' + 10;
        else if (hex && d >= 'A' && d <= 'F')
          v = d - 'A' + 10;
        else {
          ok = false;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint64_t>(v);
        if (cp > 0x10FFFF) { cp = 0x110000; }
      }
      if (!ok) {
        put('&');
        return i + 1;
      }
      if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0xA0)) {
        space_ = true;
      } else {
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
        flush_space();
        append_utf8(out_, static_cast<std::uint32_t>(cp));
      }
      return semi + 1;
    }
    for (const Entity& e : kEntities) {
      if (e.name == body) {
        put(e.text);
        return semi + 1;
      }
    }
    put('&');
    return i + 1;
  }

  std::string& out_;
  std::string_view s_;
  std::size_t base_;
  bool space_ = false;
  std::size_t gt_ = 0;
};

}  // namespace

void append_plain_text(std::string& out, std::string_view html) { Stripper(out, html).run(); }

std::string_view strip_html(std::string_view html, Arena& arena) {
  thread_local std::string scratch;
  scratch.clear();
  append_plain_text(scratch, html);
  return arena.copy(scratch);
}

}  // namespace idt
