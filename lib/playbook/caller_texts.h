// Why: the words `idtriage user` ends with — a diagnosis for the help desk
// and the message to read out to the caller — are data: one row per
// CallerSituation (completeness checked at compile time), placeholders from
// one table with a sample each, every row checked against the samples by the
// tests (and by caller_text_errors() at any time).
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "correlate/caller.h"

namespace idt {

struct CallerText {
  CallerSituation situation;
  std::string_view diagnosis;  // for the help desk, plain words, placeholders allowed
  std::string_view say;        // to read out to the caller
  std::string_view do_not;     // one line; finding situations add their playbook's do-not list
};
std::span<const CallerText> caller_texts();
const CallerText& caller_text(CallerSituation s);

struct CallerPlaceholder {
  std::string_view name, meaning, sample;
};
std::span<const CallerPlaceholder> caller_placeholders();

// Problems in the table: unknown placeholders, rows that still show a
// placeholder when filled with the samples, empty texts. Empty = fine.
std::vector<std::string> caller_text_errors();

// Fills diagnosis, say and do_not of the case from its situation's row (and,
// for a finding situation, the finding's playbook do-not list).
void write_caller_texts(CallerCase& c);

}  // namespace idt
