// Why: files idtriage writes for itself and reads back (the user index, the
// alert state) keep their text fields lossless in tab-separated lines: \t \n
// \r \\ as backslash escapes. This is storage, not output for people: the
// spreadsheet-safe TSV writer of util/safe_text would change values.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace idt {

// Appends `s` escaped; `drop` (if not '\0') is left out (a list separator).
void append_stored_field(std::string& out, std::string_view s, char drop = '\0');
// The inverse of append_stored_field; a lone trailing backslash stays.
std::string unescape_stored_field(std::string_view s);
// `s` cut at every `sep` (n separators give n+1 parts).
std::vector<std::string_view> split_fields(std::string_view s, char sep);

}  // namespace idt
