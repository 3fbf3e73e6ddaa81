// Why: see safe_text.h. One walk over the code points serves every reader;
// the modes differ only in what they do with whitespace controls and ASCII
// punctuation.
#include "util/safe_text.h"

#include <cstdint>
#include <iterator>

#include <fmt/format.h>

#include "util/text.h"

namespace idt {
namespace {

constexpr char32_t kBad = 0x110000;  // a byte that does not start well-formed UTF-8 (decode_utf8)

std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) { return decode_utf8(s, i, cp); }

enum class Mode { terminal, markdown, markdown_prose, csv, tsv };

// Printable ASCII only: nothing to do for terminal, CSV or TSV (but '\\').
bool printable_ascii(std::string_view s) {
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c >= 0x7F) return false;
  }
  return true;
}

bool visible_non_ascii(char32_t cp) { return cp >= 0x80 && cp != kBad && !is_hidden_code_point(cp); }

// The tags of an emoji flag sequence (U+1F3F4 then U+E0020-E007E, ended by
// U+E007F: the flags of England, Scotland, Wales) starting at s[i]: their
// length in bytes, or 0 when s[i] does not start such a run.
std::size_t flag_tags(std::string_view s, std::size_t i) {
  std::size_t j = i;
  bool any = false;
  while (j < s.size()) {
    char32_t cp;
    const std::size_t len = decode(s, j, cp);
    if (cp >= 0xE0020 && cp <= 0xE007E) {
      j += len;
      any = true;
      continue;
    }
    return cp == 0xE007F && any ? j + len - i : 0;
  }
  return 0;
}

bool word_byte(std::string_view s, std::size_t k) {
  if (k >= s.size()) return false;
  const auto c = static_cast<unsigned char>(s[k]);
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool digit(char c) { return c >= '0' && c <= '9'; }

// Writes the printable ASCII byte at s[i] (and what it starts) for Markdown;
// returns the bytes consumed.
std::size_t markdown_ascii(std::string& out, std::string_view s, std::size_t i) {
  const char c = s[i];
  if (i == 0) {  // what could start a heading, a list item, a rule or a setext underline
    const char next = s.size() > 1 ? s[1] : ' ';
    if ((c == '#' || c == '+' || c == '-' || c == '=') && (next == ' ' || next == '\t' || next == c)) {
      out += '\\';
      out += c;
      return 1;
    }
    std::size_t d = 0;
    while (d < s.size() && digit(s[d])) ++d;
    if (d > 0 && d < s.size() && (s[d] == '.' || s[d] == ')') && (d + 1 == s.size() || s[d + 1] == ' ')) {
      out.append(s.substr(0, d));
      out += '\\';
      out += s[d];
      return d + 1;
    }
  }
  switch (c) {
    case '<':
      out += "&lt;";
      return 1;
    case '>':
      out += "&gt;";
      return 1;
    case '&':
      out += "&amp;";
      return 1;
    case '\\':
    case '`':
    case '*':
    case '[':
    case ']':
    case '|':
    case '~':
    case '$':
      out += '\\';
      out += c;
      return 1;
    case '_':  // inside a word it cannot open or close emphasis
      if (i > 0 && word_byte(s, i - 1) && word_byte(s, i + 1))
        out += '_';
      else
        out += "\\_";
      return 1;
    case '@':  // "@team" would mention; "user@domain" does not
      if (i > 0 && word_byte(s, i - 1))
        out += '@';
      else
        out += "\\@";
      return 1;
    case ':':
      if (s.substr(i + 1, 2) == "//") {
        out += ":\\/\\/";
        return 3;
      }
      break;
    case 'w':
    case 'W':
      if ((i == 0 || !word_byte(s, i - 1)) && istarts_with(s.substr(i), "www.")) {
        out.append(s.substr(i, 3));
        out += "\\.";
        return 4;
      }
      break;
    default:
      break;
  }
  out += c;
  return 1;
}

void append_safe(std::string& out, std::string_view s, Mode mode) {
  char32_t prev = 0;  // the code point before s[i] (0 at the start)
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F) {
      if (mode == Mode::markdown) {
        i += markdown_ascii(out, s, i);
      } else if (mode == Mode::markdown_prose && (c == '<' || c == '&' || c == '[' || c == ']')) {
        out += c == '<' ? "&lt;" : c == '&' ? "&amp;" : c == '[' ? "\\[" : "\\]";
        ++i;
      } else {
        if (mode == Mode::tsv && c == '\\') out += '\\';
        out += static_cast<char>(c);
        ++i;
      }
      prev = c;
      continue;
    }
    if (c == '\t' || c == '\n' || c == '\r') {
      if (mode == Mode::csv)
        out += static_cast<char>(c);
      else if (mode == Mode::tsv)
        out += c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r";
      else
        out += ' ';
      prev = ' ';
      ++i;
      continue;
    }
    char32_t cp;
    const std::size_t len = decode(s, i, cp);
    if (cp == kBad) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      prev = 0xFFFD;
      ++i;
      continue;
    }
    if (cp == 0x1F3F4) {
      if (std::size_t tags = flag_tags(s, i + len)) {
        out.append(s.substr(i, len + tags));
        prev = 0xE007F;
        i += len + tags;
        continue;
      }
    }
    if (is_hidden_code_point(cp)) {
      bool keep = false;
      if ((cp == 0x200C || cp == 0x200D) && visible_non_ascii(prev) && i + len < s.size()) {
        char32_t next;
        decode(s, i + len, next);
        keep = visible_non_ascii(next);
      }
      if (!keep) {
        append_code_point_marker(out, cp);
        prev = cp;
        i += len;
        continue;
      }
    }
    out.append(s.substr(i, len));
    prev = cp;
    i += len;
  }
}

}  // namespace

void append_code_point_marker(std::string& out, char32_t cp) {
  fmt::format_to(std::back_inserter(out), "<U+{:04X}>", static_cast<std::uint32_t>(cp));
}

void append_terminal_safe(std::string& out, std::string_view s) {
  if (printable_ascii(s))
    out.append(s);
  else
    append_safe(out, s, Mode::terminal);
}

std::string terminal_safe(std::string_view s) {
  std::string out;
  append_terminal_safe(out, s);
  return out;
}

void append_markdown_safe(std::string& out, std::string_view s) { append_safe(out, s, Mode::markdown); }

std::string markdown_safe(std::string_view s) {
  std::string out;
  append_markdown_safe(out, s);
  return out;
}

void append_markdown_prose_safe(std::string& out, std::string_view s) { append_safe(out, s, Mode::markdown_prose); }

std::string markdown_prose_safe(std::string_view s) {
  std::string out;
  append_markdown_prose_safe(out, s);
  return out;
}

bool looks_like_formula(std::string_view s) {
  if (s.empty()) return false;
  const char c = s[0];
  if (!(c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r')) return false;
  // A plain negative number is data, not a formula; so is a lone "-" (the
  // reports' "no value").
  if (c == '-') {
    for (std::size_t i = 1; i < s.size(); ++i)
      if (!(digit(s[i]) || s[i] == '.')) return true;
    return false;
  }
  return true;
}

void append_csv_field(std::string& out, std::string_view s, char delim) {
  thread_local std::string escaped;
  std::string_view v = s;
  if (!printable_ascii(s)) {
    escaped.clear();
    append_safe(escaped, s, Mode::csv);
    v = escaped;
  }
  const bool formula = looks_like_formula(s);
  const bool quote = formula || v.find_first_of(std::string_view("\"\r\n", 3)) != std::string_view::npos ||
                     v.find(delim) != std::string_view::npos;
  if (!quote) {
    out.append(v);
    return;
  }
  out += '"';
  if (formula) out += '\'';
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_tsv_field(std::string& out, std::string_view s) {
  if (looks_like_formula(s)) out += '\'';
  if (printable_ascii(s) && s.find('\\') == std::string_view::npos)
    out.append(s);
  else
    append_safe(out, s, Mode::tsv);
}

void append_row(std::string& out, std::span<const std::string_view> cells, char delim) {
  bool first = true;
  for (std::string_view c : cells) {
    if (!first) out += delim;
    first = false;
    if (delim == '\t')
      append_tsv_field(out, c);
    else
      append_csv_field(out, c, delim);
  }
  out += '\n';
}

}  // namespace idt
