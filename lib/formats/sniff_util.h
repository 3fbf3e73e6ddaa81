// Why: sniffers look at a prefix of the text for distinctive keys and
// headers; these helpers keep that cheap and allocation-free.
#pragma once
#include <string_view>

namespace idt {

// Skips a UTF-8 BOM and whitespace; returns the first significant char or 0.
char first_significant(std::string_view head);
// Whether `"key"` occurs (exact case) followed by ':'.
bool has_json_key(std::string_view head, std::string_view key);
// The string value of the first `"key": "value"` in head (exact case), or {}.
std::string_view json_string_value(std::string_view head, std::string_view key);
// Binary rather than text: more than one byte in 20 of the first 4 KiB is a
// control other than tab, line breaks and form feed (NUL included). A stray
// NUL in a cell does not make a file binary; it is data like any other.
bool looks_binary(std::string_view head);
// First line of text (without CR/LF), skipping a BOM and a PowerShell
// "#TYPE …" line.
std::string_view first_text_line(std::string_view head);

}  // namespace idt
