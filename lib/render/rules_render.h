// Why: `idtriage rules` shows the classification rules as data (table, JSON)
// and as KQL (datatables, stored functions and a ready aggregate query), so
// Log Analytics / Azure Data Explorer classify exactly like idtriage where the
// logs already live. Everything is generated from the same tables the C++
// classifiers use; ticket rules come from the loaded TicketRules (--rules
// files included), never from a copy.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "aggregate/triage_aggregate.h"
#include "classify/ticket_classifier.h"
#include "render/output.h"

namespace idt {

// log_analytics: one self-contained query (let statements, no blank lines)
// to paste into Log Analytics / Sentinel; adx: `.create-or-alter function`
// commands, one block each, then the ready query (Azure Data Explorer).
enum class KqlFlavor : std::uint8_t { log_analytics, adx, count_ };
inline constexpr std::array<std::string_view, 2> kKqlFlavorNames = {"la", "adx"};
static_assert(kKqlFlavorNames.size() == static_cast<std::size_t>(KqlFlavor::count_));
std::optional<KqlFlavor> parse_kql_flavor(std::string_view s);

struct KqlOptions {
  KqlFlavor flavor = KqlFlavor::log_analytics;
  std::string prefix = "Idt";  // of every table and function defined (a KQL identifier)
  TriageOptions triage;        // bucket and registration timeout defaults of the ready query
};

// The whole KQL script. Deterministic: same rules and options, same bytes.
std::string rules_kql(const TicketRules& tickets, const KqlOptions& o);

// A ticket rule's regex as KQL `matches regex` needs it: RE2 with the
// classifier's options as inline flags ("(?is)" + joined patterns), control
// characters escaped. Compiled with RE2's default options it matches exactly
// what the C++ classifier's compiled rule matches.
std::string kql_ticket_regex(const std::string& joined_pattern);
// The character class KQL trims with: util/text.h trim()'s characters.
std::string_view kql_trim_regex();

// table: a readable listing; json: the idtriage.rules/1 document (docs/output.md).
void render_rules(Output& out, const TicketRules& tickets, OutputFormat fmt);

}  // namespace idt
