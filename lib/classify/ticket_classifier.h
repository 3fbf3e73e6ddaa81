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

#include "util/result.h"

namespace idt {

struct Ticket;

enum class TicketClass : std::uint8_t {
  mfa_setup,           // cannot set up / register MFA or security info
  portal_unreachable,  // security-info portal (mysignins…) down, 504, timeouts
  signin_failure,      // cannot sign in, wrong password, code not received
  lockout,             // account locked / blocked / disabled
  mfa_prompts,         // unexpected or too many MFA prompts (fatigue)
  phishing_report,     // suspicious e-mail / message reported
  other,
  count_
};
inline constexpr std::size_t kTicketClassCount = static_cast<std::size_t>(TicketClass::count_);
inline constexpr std::array<std::string_view, kTicketClassCount> kTicketClassNames = {
    "mfa_setup", "portal_unreachable", "signin_failure", "lockout", "mfa_prompts", "phishing_report", "other"};
static_assert(kTicketClassNames.size() == kTicketClassCount, "every TicketClass needs a name");
static_assert(kTicketClassNames.back() == "other");

constexpr std::string_view name(TicketClass c) { return kTicketClassNames[static_cast<std::size_t>(c)]; }
std::optional<TicketClass> parse_ticket_class(std::string_view s);

// rule_id when no rule matched (class other).
inline constexpr std::string_view kNoTicketRule = "none";

struct TicketClassification {
  TicketClass cls = TicketClass::other;
  std::string_view rule_id = kNoTicketRule;  // valid while the TicketRules object is unchanged
};

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

class TicketRules {
 public:
  TicketRules();
  TicketRules(TicketRules&&) noexcept;
  TicketRules& operator=(TicketRules&&) noexcept;
  ~TicketRules();

  // The built-in rules, compiled; an error here is a bug (tests load them).
  static Result<TicketRules> builtin();
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
