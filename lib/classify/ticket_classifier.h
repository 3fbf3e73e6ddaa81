// Why: what users tell the help desk is evidence too. A ticket is classified
// by RE2 rules kept as data (built-in text plus --rules files in the same
// format); each result names the rule that matched so it can be audited.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/classes.h"
#include "util/result.h"

namespace idt {

struct Ticket;

std::optional<TicketClass> parse_ticket_class(std::string_view s);  // lenient: case, spaces, '-'

// One rule as loaded (see ticket_rules_builtin.cpp for the text format).
struct TicketRule {
  std::string id;
  TicketClass cls = TicketClass::other;
  int priority = 50;
  std::vector<std::string> patterns;     // alternatives
  std::string unless;                    // empty = none
  std::vector<std::string> samples;      // must match
  std::vector<std::string> not_samples;  // must not match
  std::string origin;                    // "file:line" of the [id] line
  // Where each line came from, for load errors.
  std::string file;
  std::vector<std::size_t> pattern_lines, sample_lines, not_sample_lines;
  std::size_t unless_line = 0;
  bool user = false;  // from --rules (tried before built-ins)
  bool enabled = true;
};

// The built-in rules text (also the reference for the --rules file format).
std::string_view builtin_ticket_rules_text();

// How a ticket is matched, shared with exports of the rules (idtriage rules):
// the text is title, description and category, each cut to its cap (bytes),
// joined by '\n'; patterns are RE2, case-insensitive, '.' matches newlines.
inline constexpr std::size_t kTicketMaxTitle = 2 * 1024, kTicketMaxDescription = 16 * 1024, kTicketMaxCategory = 512;
inline constexpr bool kTicketRulesCaseInsensitive = true, kTicketRulesDotMatchesNewline = true;
// A rule's pattern lines as one RE2 alternation, "(?:a)|(?:b)" (or the single pattern as is).
std::string joined_ticket_pattern(const std::vector<std::string>& alternatives);

class TicketRules {
 public:
  TicketRules();
  TicketRules(TicketRules&&) noexcept;
  TicketRules& operator=(TicketRules&&) noexcept;
  ~TicketRules();

  // The built-in rules, compiled; an error here is a bug (tests load them).
  static Result<TicketRules> builtin();
  // The built-in rules compiled once per process (thread-safe); what the
  // pipeline uses when a run names no rules. Throws std::logic_error on a bug.
  static const TicketRules& builtin_shared();
  // Rules from text only (no built-ins); `origin` names the source in errors.
  static Result<TicketRules> from_text(std::string_view text, std::string_view origin);

  // Adds user rules: a rule whose id exists replaces it, new ids are added;
  // user rules are tried before built-ins. Returns the number of rules read.
  // Errors name file:line (bad key, unknown class, bad RE2, failing sample).
  Result<std::size_t> add_file(const std::string& path);
  Result<std::size_t> add_text(std::string_view text, std::string_view origin, bool user = true);

  // Matches title, description and category (each capped, never concatenated
  // in the record). Highest-ranked matching rule wins.
  TicketClassification classify(const Ticket& t) const;
  TicketClassification classify_text(std::string_view text) const;

  // Enabled rules in the order they are tried.
  std::vector<const TicketRule*> ordered_rules() const;
  const TicketRule* find(std::string_view id) const;
  std::size_t size() const;

 private:
  struct Compiled;
  static Result<std::unique_ptr<Compiled>> compile(const std::vector<TicketRule>& rules);
  std::vector<TicketRule> rules_;
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace idt
