// Why: see ticket_classifier.h. All enabled patterns go into one RE2::Set, so
// a ticket is scanned once; the matching rule with the best rank is then
// confirmed against its 'unless' pattern. Every rule's samples are checked
// when the rules are loaded, so a broken rule never reaches a report.
// Patterns are data written by people: "A[^\n]*B" keeps the Set's DFA small,
// bounded windows like ".{0,60}" multiply its states (see the rules text).
#include "classify/ticket_classifier.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <stdexcept>

#include "io/input.h"
#include "model/ticket.h"
#include "util/text.h"

namespace idt {
namespace {

RE2::Options rule_options() {
  RE2::Options o;
  o.set_case_sensitive(!kTicketRulesCaseInsensitive);
  o.set_dot_nl(kTicketRulesDotMatchesNewline);
  o.set_never_capture(true);
  o.set_log_errors(false);
  return o;
}

std::string where(const TicketRule& r, std::size_t line) { return r.file + ":" + std::to_string(line); }

// A pattern's cost is the size of its compiled RE2 program (forward or
// reverse, whichever is larger). Bounded repetition multiplies it: each
// ".{0,1000}" is a thousand copies of "any character", and a program that
// large exhausts the DFA's memory on every ticket, so RE2 falls back to its
// NFA: ".{0,1000}a.{0,1000}b" has 16,006 instructions and takes about 2 s
// per 16 KiB description (a minute per 30 tickets), where the built-in
// rules stay under 500 instructions and 0.2 ms. A rule over the limit is
// refused at load, naming its line and its cost.
constexpr int kMaxPatternProgram = 2000;

int program_cost(const RE2& re) { return std::max(re.ProgramSize(), re.ReverseProgramSize()); }

std::string too_costly(const TicketRule& r, std::size_t line, std::string_view what, int cost) {
  return where(r, line) + ": rule '" + r.id + "': " + std::string(what) + " is too costly: its RE2 program has " +
         std::to_string(cost) + " instructions (limit " + std::to_string(kMaxPatternProgram) +
         "; the built-in rules use under 500). Bounded repetition such as .{0,1000} copies the pattern inside it "
         "that many times: write [^\\n]* or a small bound";
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  out += s.size() > 80 ? std::string(s.substr(0, 77)) + "..." : std::string(s);
  return out + "\"";
}

bool parse_bool(std::string_view v, bool& out) {
  std::string n = normalize_name(v);
  if (n == "true" || n == "yes" || n == "on" || n == "1")
    out = true;
  else if (n == "false" || n == "no" || n == "off" || n == "0")
    out = false;
  else
    return false;
  return true;
}

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 100) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
          c == '-'))
      return false;
  return true;
}

// Parses the rules text format; checks syntax only (patterns are checked by compile()).
Result<std::vector<TicketRule>> parse_rules(std::string_view text, std::string_view file, bool user) {
  std::vector<TicketRule> out;
  std::vector<bool> has_class;
  std::string f(file);
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::size_t lineno = 0;
  while (!text.empty()) {
    std::size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    ++lineno;
    line = trim(line);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    std::string at = f + ":" + std::to_string(lineno) + ": ";
    if (line[0] == '[') {
      if (line.back() != ']') return Error{at + "expected '[rule-id]'"};
      std::string_view id = trim(line.substr(1, line.size() - 2));
      if (!valid_id(id)) return Error{at + "bad rule id '" + std::string(id) + "' (letters, digits, '_', '.', '-')"};
      for (const auto& r : out)
        if (r.id == id) return Error{at + "rule '" + std::string(id) + "' defined twice (first at " + r.origin + ")"};
      TicketRule r;
      r.id = std::string(id);
      r.file = f;
      r.origin = f + ":" + std::to_string(lineno);
      r.user = user;
      out.push_back(std::move(r));
      has_class.push_back(false);
      continue;
    }
    std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) return Error{at + "expected 'key = value' or '[rule-id]'"};
    std::string key = normalize_name(line.substr(0, eq));
    std::string_view value = trim(line.substr(eq + 1));
    if (out.empty()) return Error{at + "'" + key + "' outside a [rule-id] block"};
    TicketRule& r = out.back();
    if (value.empty() && key != "not") return Error{at + "rule '" + r.id + "': empty value for '" + key + "'"};
    if (key == "class") {
      auto c = parse_ticket_class(value);
      if (!c) {
        std::string list;
        for (auto n : kTicketClassNames) list += (list.empty() ? "" : ", ") + std::string(n);
        return Error{at + "rule '" + r.id + "': unknown class '" + std::string(value) + "' (classes: " + list + ")"};
      }
      r.cls = *c;
      has_class.back() = true;
    } else if (key == "priority") {
      long long p = 0;
      if (!parse_int(value, p) || p < -1000000 || p > 1000000)
        return Error{at + "rule '" + r.id + "': priority must be an integer"};
      r.priority = static_cast<int>(p);
    } else if (key == "pattern") {
      r.patterns.emplace_back(value);
      r.pattern_lines.push_back(lineno);
    } else if (key == "unless") {
      r.unless = r.unless.empty() ? std::string(value) : "(?:" + r.unless + ")|(?:" + std::string(value) + ")";
      r.unless_line = lineno;
    } else if (key == "sample") {
      r.samples.emplace_back(value);
      r.sample_lines.push_back(lineno);
    } else if (key == "not") {
      r.not_samples.emplace_back(value);
      r.not_sample_lines.push_back(lineno);
    } else if (key == "enabled") {
      if (!parse_bool(value, r.enabled)) return Error{at + "rule '" + r.id + "': enabled must be true or false"};
    } else {
      return Error{at + "rule '" + r.id + "': unknown key '" + key +
                   "' (keys: class, priority, pattern, unless, sample, not, enabled)"};
    }
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    const TicketRule& r = out[i];
    if (!r.enabled) continue;
    std::string at = r.origin + ": rule '" + r.id + "': ";
    if (!has_class[i]) return Error{at + "missing 'class'"};
    if (r.patterns.empty()) return Error{at + "missing 'pattern'"};
    if (r.samples.empty()) return Error{at + "needs at least one 'sample' text that the pattern matches"};
  }
  return out;
}

}  // namespace

std::string joined_ticket_pattern(const std::vector<std::string>& alts) {
  if (alts.size() == 1) return alts[0];
  std::string p;
  for (const auto& a : alts) p += (p.empty() ? "(?:" : "|(?:") + a + ")";
  return p;
}

std::optional<TicketClass> parse_ticket_class(std::string_view s) {
  std::string n = normalize_name(s);
  for (std::size_t i = 0; i < kTicketClassCount; ++i)
    if (n == kTicketClassNames[i]) return static_cast<TicketClass>(i);
  return std::nullopt;
}

// All enabled patterns live in one RE2::Set (index = try order) used to
// classify; each rule is also compiled alone, to check its samples at load
// (much cheaper than through the Set) and as the fallback when the Set cannot
// answer (too large to build, or its DFA runs out of memory on hostile text).
struct TicketRules::Compiled {
  std::vector<const TicketRule*> order;      // enabled rules, try order (= Set index)
  std::vector<std::unique_ptr<RE2>> re;      // per order index
  std::vector<std::unique_ptr<RE2>> unless;  // per order index, null if none
  std::unique_ptr<RE2::Set> set;             // null if it could not be built

  bool excluded(std::size_t i, std::string_view text) const { return unless[i] && RE2::PartialMatch(text, *unless[i]); }
};

TicketRules::TicketRules() = default;
TicketRules::TicketRules(TicketRules&&) noexcept = default;
TicketRules& TicketRules::operator=(TicketRules&&) noexcept = default;
TicketRules::~TicketRules() = default;

Result<std::unique_ptr<TicketRules::Compiled>> TicketRules::compile(const std::vector<TicketRule>& rules) {
  auto c = std::make_unique<Compiled>();
  for (const auto& r : rules)
    if (r.enabled) c->order.push_back(&r);
  std::stable_sort(c->order.begin(), c->order.end(), [](const TicketRule* a, const TicketRule* b) {
    if (a->user != b->user) return a->user;
    return a->priority > b->priority;
  });
  const RE2::Options opts = rule_options();
  for (const TicketRule* r : c->order) {
    auto re = std::make_unique<RE2>(joined_ticket_pattern(r->patterns), opts);
    if (!re->ok()) {
      for (std::size_t i = 0; i < r->patterns.size(); ++i) {  // name the line at fault
        RE2 one(r->patterns[i], opts);
        if (!one.ok())
          return Error{where(*r, r->pattern_lines[i]) + ": rule '" + r->id + "': bad RE2 pattern: " + one.error()};
      }
      return Error{r->origin + ": rule '" + r->id + "': bad RE2 pattern: " + re->error()};
    }
    for (std::size_t i = 0; i < r->patterns.size(); ++i) {
      RE2 one(r->patterns[i], opts);
      if (program_cost(one) > kMaxPatternProgram)
        return Error{too_costly(*r, r->pattern_lines[i], "pattern", program_cost(one))};
    }
    std::unique_ptr<RE2> un;
    if (!r->unless.empty()) {
      un = std::make_unique<RE2>(r->unless, opts);
      if (!un->ok())
        return Error{where(*r, r->unless_line) + ": rule '" + r->id + "': bad RE2 'unless' pattern: " + un->error()};
      if (program_cost(*un) > kMaxPatternProgram)
        return Error{too_costly(*r, r->unless_line, "its 'unless' pattern", program_cost(*un))};
    }
    auto applies = [&](std::string_view s) { return RE2::PartialMatch(s, *re) && !(un && RE2::PartialMatch(s, *un)); };
    for (std::size_t i = 0; i < r->samples.size(); ++i)
      if (!applies(r->samples[i]))
        return Error{where(*r, r->sample_lines[i]) + ": rule '" + r->id + "': sample " + quoted(r->samples[i]) +
                     (RE2::PartialMatch(r->samples[i], *re) ? " is excluded by its 'unless' pattern"
                                                            : " does not match its pattern")};
    for (std::size_t i = 0; i < r->not_samples.size(); ++i)
      if (applies(r->not_samples[i]))
        return Error{where(*r, r->not_sample_lines[i]) + ": rule '" + r->id + "': 'not' sample " +
                     quoted(r->not_samples[i]) + " matches the rule"};
    c->re.push_back(std::move(re));
    c->unless.push_back(std::move(un));
  }
  RE2::Options so = opts;
  so.set_max_mem(64 << 20);
  auto set = std::make_unique<RE2::Set>(so, RE2::UNANCHORED);
  bool ok = true;
  for (const TicketRule* r : c->order) ok = ok && set->Add(joined_ticket_pattern(r->patterns), nullptr) >= 0;
  if (ok && set->Compile()) c->set = std::move(set);
  return c;
}

Result<TicketRules> TicketRules::from_text(std::string_view text, std::string_view origin) {
  TicketRules rules;
  auto added = rules.add_text(text, origin, false);
  if (!added.ok()) return added.error();
  return rules;
}

Result<TicketRules> TicketRules::builtin() { return from_text(builtin_ticket_rules_text(), "builtin"); }

const TicketRules& TicketRules::builtin_shared() {
  static const TicketRules rules = [] {
    auto r = builtin();
    if (!r.ok()) throw std::logic_error("built-in ticket rules: " + r.error().message);
    return std::move(r.value());
  }();
  return rules;
}

Result<std::size_t> TicketRules::add_text(std::string_view text, std::string_view origin, bool user) {
  auto parsed = parse_rules(text, origin, user);
  if (!parsed.ok()) return parsed.error();
  std::vector<TicketRule> next = rules_;
  for (auto& r : *parsed) {
    auto it = std::find_if(next.begin(), next.end(), [&](const TicketRule& x) { return x.id == r.id; });
    if (it != next.end())
      *it = std::move(r);
    else
      next.push_back(std::move(r));
  }
  auto compiled = compile(next);
  if (!compiled.ok()) return compiled.error();
  rules_ = std::move(next);  // keeps the buffer the compiled pointers refer to
  compiled_ = std::move(*compiled);
  return parsed->size();
}

Result<std::size_t> TicketRules::add_file(const std::string& path) {
  auto in = open_input(path);
  if (!in.ok()) return in.error();
  return add_text(in->text(), path, true);
}

TicketClassification TicketRules::classify_text(std::string_view text) const {
  if (!compiled_) return {};
  const Compiled& c = *compiled_;
  thread_local std::vector<int> hits;
  if (c.set) {
    RE2::Set::ErrorInfo err{};
    if (c.set->Match(text, &hits, &err)) {
      std::sort(hits.begin(), hits.end());  // best rank first
      for (int h : hits) {
        auto i = static_cast<std::size_t>(h);
        if (!c.excluded(i, text)) return {c.order[i]->cls, c.order[i]->id};
      }
      return {};
    }
    if (err.kind == RE2::Set::kNoError) return {};
  }
  for (std::size_t i = 0; i < c.order.size(); ++i)  // the Set could not answer: rule by rule
    if (RE2::PartialMatch(text, *c.re[i]) && !c.excluded(i, text)) return {c.order[i]->cls, c.order[i]->id};
  return {};
}

TicketClassification TicketRules::classify(const Ticket& t) const {
  thread_local std::string buf;
  buf.clear();
  buf.append(t.title.substr(0, kTicketMaxTitle));
  buf += '\n';
  buf.append(t.description.substr(0, kTicketMaxDescription));
  buf += '\n';
  buf.append(t.category.substr(0, kTicketMaxCategory));
  return classify_text(buf);
}

std::vector<const TicketRule*> TicketRules::ordered_rules() const {
  return compiled_ ? compiled_->order : std::vector<const TicketRule*>{};
}

const TicketRule* TicketRules::find(std::string_view id) const {
  for (const auto& r : rules_)
    if (r.id == id) return &r;
  return nullptr;
}

std::size_t TicketRules::size() const { return rules_.size(); }

}  // namespace idt
