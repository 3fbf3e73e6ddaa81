// Why: nothing from an input reaches a terminal, a spreadsheet or a report
// raw. One escaper per kind of reader, applied by the renderers as the last
// step before output (docs/output.md, "Text from inputs"); every renderer
// and every error message goes through these, so the rules live here only.
#pragma once
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace idt {

// True for code points a reader must never get raw: C0 and C1 controls, DEL,
// format characters (bidi embeddings, overrides and isolates U+202A-202E,
// U+2066-2069, zero-width space U+200B, joiners, BOM U+FEFF, soft hyphen,
// tag characters), line and paragraph separators and the blank Hangul
// fillers. Generated from Unicode data (text_width.cpp).
bool is_hidden_code_point(char32_t cp);

// How a hidden code point is shown: "<U+202E>", "<U+001B>", "<U+E0041>".
void append_code_point_marker(std::string& out, char32_t cp);

// For a terminal (tables, stderr): valid UTF-8 is kept (accents, CJK,
// emoji); tab, CR and LF become one space each, so a value stays on its
// line; every other hidden code point becomes its marker; a byte that is not
// UTF-8 becomes U+FFFD. Zero-width joiners (U+200C, U+200D) stay between two
// visible non-ASCII characters (emoji sequences, Indic and Arabic scripts)
// and so do the tags of an emoji flag sequence; anywhere else they are
// markers.
void append_terminal_safe(std::string& out, std::string_view s);
std::string terminal_safe(std::string_view s);

// For Markdown: terminal-safe, then nothing in the value can become HTML, a
// link, an image, emphasis, code, a table cell, a mention or a block:
// < > & as entities; \ ` * _ [ ] | ~ $ backslash-escaped (an '_' inside a
// word is left alone, it cannot emphasise); "://" and a leading "www." are
// broken with backslashes (no bare-URL autolink); an '@' that starts a word
// is escaped (no mention; user@domain stays as it is); a leading "# ", "- ",
// "+ ", "1. " (or "##", "--", "==") is escaped so the value cannot start a
// heading, a list or a rule.
void append_markdown_safe(std::string& out, std::string_view s);
std::string markdown_safe(std::string_view s);

// For our own Markdown (built-in playbook steps, user messages) with values
// from inputs filled in: terminal-safe, and < & as entities and [ ] escaped,
// so no HTML, link or image can come from a value; the text's own code
// spans and emphasis stay.
void append_markdown_prose_safe(std::string& out, std::string_view s);
std::string markdown_prose_safe(std::string_view s);

// True when a spreadsheet would read the cell as a formula: it starts with
// = + - @ tab or CR (OWASP's list), and it is not a plain negative number
// or a lone "-".
bool looks_like_formula(std::string_view s);

// CSV (RFC 4180): quoted when needed; a formula gets a leading apostrophe
// inside the quotes; CR, LF and tab stay (quoted); other hidden code points
// become markers and bytes that are not UTF-8 become U+FFFD.
void append_csv_field(std::string& out, std::string_view s, char delim = ',');
// TSV: \t \n \r \\ written as backslash escapes, other hidden code points as
// markers, bytes that are not UTF-8 as U+FFFD, and a formula gets a leading
// apostrophe as in CSV.
void append_tsv_field(std::string& out, std::string_view s);

// One row of cells, each escaped as above (TSV when `delim` is a tab, else
// CSV with that delimiter), separated by `delim` and ended by a newline.
void append_row(std::string& out, std::span<const std::string_view> cells, char delim = ',');
inline void append_row(std::string& out, std::initializer_list<std::string_view> cells, char delim = ',') {
  append_row(out, std::span<const std::string_view>(cells.begin(), cells.size()), delim);
}

}  // namespace idt
