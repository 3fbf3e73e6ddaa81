// Why: provider posts arrive as HTML ("<p><strong>Impact Statement:&nbsp;</strong>…")
// or as text with entities (&quot;); people and rules need plain, one-line text.
#pragma once
#include <string>
#include <string_view>

#include "util/arena.h"

namespace idt {

// Appends `html` as plain text: tags dropped (<script>/<style> with their
// content), entities decoded (named, &#NN;, &#xNN;), every run of whitespace
// (incl. NBSP and line breaks) collapsed to one space, no leading/trailing
// space. Invalid numeric entities become U+FFFD. Linear time on any input.
void append_plain_text(std::string& out, std::string_view html);

// Same, into the arena (the result never needs more bytes than the input).
std::string_view strip_html(std::string_view html, Arena& arena);

}  // namespace idt
