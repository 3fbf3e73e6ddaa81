// Why: playbooks are data (playbooks/*.md, embedded in the binary at build
// time). This is their model, the parser with line-numbered errors, the
// built-in set, and the user-message template filler.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "correlate/finding_kind.h"
#include "util/result.h"

namespace idt {

struct Playbook {
  std::string id;  // a FindingKind name, or a general id (e.g. before_tenant_changes)
  std::string title;
  std::optional<Cause> cause;                       // finding playbooks name their cause; general ones may omit it
  std::optional<FindingKind> kind;                  // set when id is a finding kind name
  std::vector<std::string> aliases;                 // other names find_playbook() accepts (e.g. portal-outage)
  std::vector<std::string> related;                 // ids of playbooks worth reading next
  std::string situation;                            // what the evidence looks like; paragraphs separated by "\n\n"
  std::vector<std::string> who;                     // who acts (help desk / admin / comms …)
  std::vector<std::string> helpdesk, admin, comms;  // steps, in order
  std::vector<std::string> do_not;
  std::string message_subject;  // user-message template (may be empty)
  std::string message_body;     // user-message template, line breaks kept
  // The verdict of a run whose main finding is of this kind (finding
  // playbooks must have one): a line and its do / do-not line, with the
  // verdict placeholders ({when}, {status}, {suspected}, {match}, {cause}).
  std::string verdict, verdict_detail;
};

// Placeholder values given by the user (--set NAME=VALUE), in order.
using TemplateValues = std::vector<std::pair<std::string, std::string>>;

// The placeholders a user-message template may use (one table; the parser
// rejects any other name so a typo in a playbook is caught by the tests).
struct PlaceholderInfo {
  std::string_view name;
  std::string_view meaning;
  std::string_view example;
};
std::span<const PlaceholderInfo> known_placeholders();
bool is_known_placeholder(std::string_view name);
// The placeholders a verdict line may use (filled from the main finding).
std::span<const PlaceholderInfo> verdict_placeholders();
// The value a placeholder takes when neither the finding nor --set gives one
// ("" = none: the line is left out).
std::string_view placeholder_fallback(std::string_view name);

// Parses one playbook file (format: playbooks/README.md). `name` is used in
// error messages: "NAME:LINE: message".
Result<Playbook> parse_playbook(std::string_view text, std::string_view name);

// The embedded playbooks, parsed once: finding kinds in FindingKind order,
// then general playbooks by id. A file that fails to parse is left out and
// reported by builtin_playbook_errors() (a bug, caught by the tests).
const std::vector<Playbook>& builtin_playbooks();
const std::vector<Error>& builtin_playbook_errors();
// By id or alias; case-insensitive, '-' and '_' are the same. nullptr if none.
const Playbook* find_playbook(std::string_view id);
const Playbook* find_playbook(FindingKind kind);
// Closest ids for "did you mean" (substring matches first, then edit distance).
std::vector<std::string_view> suggest_playbooks(std::string_view id, std::size_t max = 3);

// Replaces {name} by its value. Unknown or unfilled placeholders stay
// visible as "{name}"; braces that do not form a placeholder are copied.
std::string fill_template(std::string_view tmpl, const std::vector<std::pair<std::string, std::string>>& values);
// Placeholder names used in a template, in first-use order, without duplicates.
std::vector<std::string> template_placeholders(std::string_view tmpl);

// Fills one line for a report (nothing literal like {incident_id} may reach
// it): values first, then the placeholder's fallback; an unfilled
// placeholder inside parentheses removes the parenthetical; any other
// unfilled placeholder leaves the line out (nullopt).
std::optional<std::string> fill_line(std::string_view line,
                                     const std::vector<std::pair<std::string, std::string>>& values);
// fill_line over every line of a message; left-out lines disappear, and so
// does a blank line they leave doubled.
std::string fill_message(std::string_view text, const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace idt
