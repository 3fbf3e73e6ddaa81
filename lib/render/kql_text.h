// Why: KQL text built from data must be safe whatever the data holds: string
// literals escaped the way Kusto's lexer reads them, regexes without raw
// control characters, names checked before they become identifiers.
#pragma once
#include <string>
#include <string_view>

#include "util/time.h"

namespace idt {

// A KQL string literal whose value is exactly `s` (UTF-8 is kept as is).
// Text with a backslash and no control character becomes a verbatim literal
// @"..." ('"' doubled), so regexes read as written; anything else a regular
// "..." literal with \\ \" \t \n \r and \uXXXX escapes (never a raw control
// character or line break, which Kusto does not allow in a literal; no raw
// bidi override or zero-width character either: util/safe_text.h's hidden
// code points are \uXXXX, past U+FFFF as a surrogate pair).
std::string kql_string(std::string_view s);

// An RE2 pattern with every control character (and DEL) written as \x{HH}
// and every other hidden code point as \x{202E}, so
// its literal can stay verbatim; RE2 reads both forms as the same character
// (a valid pattern never has a control character right after a backslash).
std::string re2_without_controls(std::string_view pattern);

// [A-Za-z_][A-Za-z0-9_]*, at most 64 characters: usable as a KQL name as is.
bool is_kql_identifier(std::string_view s);

// A KQL timespan literal: 15m, 2h, 1d, 30s, 250ms; other values as 1234microseconds.
std::string kql_timespan(Micros d);

}  // namespace idt
