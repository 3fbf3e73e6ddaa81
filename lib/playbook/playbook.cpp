// Why: see playbook.h. The file format is documented in playbooks/README.md;
// the section and placeholder tables below are the only place it is defined.
#include "playbook/playbook.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

#include "playbook/embedded.h"
#include "util/text.h"

namespace idt {
namespace {

constexpr PlaceholderInfo kPlaceholders[] = {
    {"incident_id", "provider incident id from service health, or your own incident reference", "MO1329260"},
    {"window", "affected time window, with its time zone", "05:50-09:50 UTC"},
    {"since", "when the problem started (its first event), with its time zone", "05:50 UTC"},
    {"portal", "the site users cannot reach", "mysignins.microsoft.com"},
    {"org", "your organisation's name", "Contoso"},
    {"helpdesk", "how users reach the help desk", "the IT help desk (ext. 4357)"},
    {"next_update", "when the next update will be sent", "11:00 UTC"},
    {"user", "the person a message is addressed to", "Alex Wilber"},
    {"account", "the emergency-access account concerned", "bg-01@contoso.onmicrosoft.com"},
    {"region", "region or site of a registration wave", "EMEA"},
    {"new_date", "rescheduled date or time", "Tuesday 3 June, 19:00-21:00 local time"},
};

constexpr PlaceholderInfo kVerdictPlaceholders[] = {
    {"when", "the main finding's window, with its date", "2026-06-01 05:50–09:50 UTC"},
    {"status", "\"in progress\" when still anomalous at the end of the data, else \"over\"", "over"},
    {"suspected", "\" (suspected)\" for a provider cause without a matching health issue, else empty", " (suspected)"},
    {"match", "\"matches ID, \" when a health issue matches, else empty", "matches MO1329260, "},
    {"cause", "the one root cause in words", "Update conditional access policy at 13:12 by admin@contoso.com"},
};

// Values a report uses when neither the finding nor --set gives one.
constexpr std::pair<std::string_view, std::string_view> kFallbacks[] = {
    {"helpdesk", "the IT help desk"},
};

enum class Shape { prose, list, message };
struct SectionSpec {
  std::string_view heading;
  Shape shape;
};
// Every section is required, in any order.
constexpr std::array<SectionSpec, 7> kSections = {{{"Situation", Shape::prose},
                                                   {"Who acts", Shape::list},
                                                   {"Help desk", Shape::list},
                                                   {"Admin", Shape::list},
                                                   {"Comms", Shape::list},
                                                   {"Do not", Shape::list},
                                                   {"User message", Shape::message}}};

std::vector<std::string>* list_field(Playbook& pb, std::size_t section) {
  switch (section) {
    case 1:
      return &pb.who;
    case 2:
      return &pb.helpdesk;
    case 3:
      return &pb.admin;
    case 4:
      return &pb.comms;
    case 5:
      return &pb.do_not;
    default:
      return nullptr;
  }
}

std::string section_names() {
  std::string s;
  for (const auto& spec : kSections) {
    if (!s.empty()) s += ", ";
    s += spec.heading;
  }
  return s;
}

std::string placeholder_names() {
  std::string s;
  for (const auto& p : kPlaceholders) {
    if (!s.empty()) s += ", ";
    s += "{" + std::string(p.name) + "}";
  }
  return s;
}

bool is_ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Calls f(name, offset_of_brace) for each "{ident}" in s.
template <class F>
void for_each_placeholder(std::string_view s, F&& f) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '{') continue;
    std::size_t j = i + 1;
    while (j < s.size() && is_ident_char(s[j])) ++j;
    if (j < s.size() && s[j] == '}' && j > i + 1) {
      f(s.substr(i + 1, j - i - 1), i);
      i = j;
    }
  }
}

std::vector<std::string> split_list(std::string_view v) {
  std::vector<std::string> out;
  while (!v.empty()) {
    std::size_t c = v.find(',');
    std::string_view item = trim(v.substr(0, c));
    if (!item.empty()) out.emplace_back(item);
    if (c == std::string_view::npos) break;
    v.remove_prefix(c + 1);
  }
  return out;
}

bool valid_id(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// Lower-case, '-' → '_', trimmed: the form ids and aliases are compared in.
std::string lookup_key(std::string_view s) {
  std::string k;
  for (char c : trim(s)) k += c == '-' ? '_' : (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return k;
}

class Parser {
 public:
  explicit Parser(std::string_view name) : name_(name) {}

  Result<Playbook> run(std::string_view text) {
    split_lines(text);
    std::size_t i = 0;
    if (!header(i)) return *err_;
    if (!body(i)) return *err_;
    if (!finish()) return *err_;
    return std::move(pb_);
  }

 private:
  struct Line {
    std::size_t no;
    std::string_view text;  // right-trimmed
  };

  void split_lines(std::string_view text) {
    std::size_t no = 0;
    while (!text.empty()) {
      std::size_t nl = text.find('\n');
      std::string_view l = text.substr(0, nl);
      while (!l.empty() && (l.back() == '\r' || l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
      lines_.push_back({++no, l});
      if (nl == std::string_view::npos) break;
      text.remove_prefix(nl + 1);
    }
    last_line_ = no == 0 ? 1 : no;
  }

  bool fail(std::size_t line, std::string msg) {
    err_ = Error{std::string(name_) + ":" + std::to_string(line) + ": " + msg};
    return false;
  }

  bool header(std::size_t& i) {
    while (i < lines_.size() && lines_[i].text.empty()) ++i;
    if (i == lines_.size()) return fail(last_line_, "empty playbook (expected a '---' header with id and title)");
    if (lines_[i].text != "---") return fail(lines_[i].no, "expected '---' to open the header (id:, title:, …)");
    ++i;
    std::vector<std::string> seen;
    for (; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      if (l.text.empty()) continue;
      if (l.text == "---") {
        if (pb_.id.empty()) return fail(l.no, "header has no 'id:'");
        if (pb_.title.empty()) return fail(l.no, "header has no 'title:'");
        if (pb_.kind && (pb_.verdict.empty() || pb_.verdict_detail.empty()))
          return fail(l.no, "a finding playbook needs 'verdict:' and 'verdict_detail:' in its header");
        ++i;
        return true;
      }
      std::size_t colon = l.text.find(':');
      if (colon == std::string_view::npos) return fail(l.no, "expected 'key: value' in the header");
      std::string key = normalize_name(l.text.substr(0, colon));
      std::string_view value = trim(l.text.substr(colon + 1));
      if (std::find(seen.begin(), seen.end(), key) != seen.end())
        return fail(l.no, "duplicate header key '" + key + "'");
      seen.push_back(key);
      if (value.empty()) return fail(l.no, "header key '" + key + "' has no value");
      if (key == "id") {
        if (!valid_id(value))
          return fail(l.no, "id '" + std::string(value) + "' must be lower-case letters, digits and '_'");
        pb_.id = std::string(value);
        pb_.kind = parse_finding_kind(value);
      } else if (key == "title") {
        pb_.title = std::string(value);
      } else if (key == "cause") {
        for (std::size_t c = 0; c < kCauseNames.size(); ++c)
          if (kCauseNames[c] == value) pb_.cause = static_cast<Cause>(c);
        if (!pb_.cause)
          return fail(
              l.no, "unknown cause '" + std::string(value) + "' (expected provider, tenant, attack, user or unknown)");
      } else if (key == "aliases") {
        pb_.aliases = split_list(value);
      } else if (key == "verdict" || key == "verdict_detail") {
        std::string bad;
        for_each_placeholder(value, [&](std::string_view n, std::size_t) {
          bool ok = false;
          for (const auto& p : kVerdictPlaceholders) ok |= p.name == n;
          if (!ok && bad.empty()) bad = std::string(n);
        });
        if (!bad.empty())
          return fail(l.no, "unknown placeholder {" + bad + "} in '" + key +
                                "' (known: {when}, {status}, {suspected}, {match}, {cause})");
        (key == "verdict" ? pb_.verdict : pb_.verdict_detail) = std::string(value);
      } else if (key == "related") {
        pb_.related = split_list(value);
        for (const auto& r : pb_.related)
          if (!valid_id(r)) return fail(l.no, "related id '" + r + "' must be lower-case letters, digits and '_'");
      } else {
        return fail(l.no, "unknown header key '" + key +
                              "' (expected id, title, cause, aliases, related, verdict, verdict_detail)");
      }
    }
    return fail(last_line_, "header not closed with '---'");
  }

  bool body(std::size_t& i) {
    for (; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      std::string_view t = l.text;
      if (t.starts_with("## ")) {
        if (!open_section(l.no, trim(t.substr(3)))) return false;
        continue;
      }
      if (t.starts_with("#"))
        return fail(l.no, "unexpected heading (sections are '## Name'; the title goes in the header)");
      if (cur_ < 0) {
        if (t.empty()) continue;
        return fail(l.no, "text before the first '## ' section");
      }
      bool ok = true;
      switch (kSections[cur_].shape) {
        case Shape::prose:
          prose_line(t);
          break;
        case Shape::list:
          ok = list_line(l);
          break;
        case Shape::message:
          message_.push_back(l);
          break;
      }
      if (!ok) return false;
    }
    return true;
  }

  bool open_section(std::size_t line, std::string_view heading) {
    std::string want = normalize_name(heading);
    for (std::size_t s = 0; s < kSections.size(); ++s) {
      if (normalize_name(kSections[s].heading) != want) continue;
      if (heading_line_[s] != 0)
        return fail(line, "duplicate section '" + std::string(kSections[s].heading) + "' (first at line " +
                              std::to_string(heading_line_[s]) + ")");
      heading_line_[s] = line;
      cur_ = static_cast<int>(s);
      paragraph_break_ = false;
      return true;
    }
    return fail(line, "unknown section '" + std::string(heading) + "' (expected one of: " + section_names() + ")");
  }

  void prose_line(std::string_view t) {
    if (t.empty()) {
      paragraph_break_ = !pb_.situation.empty();
      return;
    }
    if (!pb_.situation.empty()) pb_.situation += paragraph_break_ ? "\n\n" : " ";
    paragraph_break_ = false;
    pb_.situation += trim(t);
  }

  bool list_line(const Line& l) {
    std::string_view t = l.text;
    if (t.empty()) return true;
    std::vector<std::string>& items = *list_field(pb_, static_cast<std::size_t>(cur_));
    if (t.front() == ' ' || t.front() == '\t') {
      if (items.empty()) return fail(l.no, "indented line without a list item above it");
      items.back() += ' ';
      items.back() += trim(t);
      return true;
    }
    std::string_view rest;
    if (t.starts_with("- ") || t.starts_with("* ")) {
      rest = t.substr(2);
    } else {
      std::size_t d = 0;
      while (d < t.size() && t[d] >= '0' && t[d] <= '9') ++d;
      if (d == 0 || d + 1 >= t.size() || (t[d] != '.' && t[d] != ')') || t[d + 1] != ' ')
        return fail(l.no, "expected a list item ('- text' or '1. text') in section '" +
                              std::string(kSections[cur_].heading) + "'");
      rest = t.substr(d + 2);
    }
    rest = trim(rest);
    if (rest.empty()) return fail(l.no, "empty list item");
    items.emplace_back(rest);
    return true;
  }

  bool check_placeholders(const Line& l) {
    std::string bad;
    for_each_placeholder(l.text, [&](std::string_view name, std::size_t) {
      if (bad.empty() && !is_known_placeholder(name)) bad = std::string(name);
    });
    if (!bad.empty())
      return fail(l.no, "unknown placeholder {" + bad + "} in the user message (known: " + placeholder_names() + ")");
    return true;
  }

  bool finish() {
    // User message: trim blank lines, optional "Subject:" first line.
    std::size_t b = 0, e = message_.size();
    while (b < e && message_[b].text.empty()) ++b;
    while (e > b && message_[e - 1].text.empty()) --e;
    for (std::size_t k = b; k < e; ++k)
      if (!check_placeholders(message_[k])) return false;
    if (b < e && istarts_with(message_[b].text, "Subject:")) {
      pb_.message_subject = std::string(trim(message_[b].text.substr(8)));
      ++b;
      while (b < e && message_[b].text.empty()) ++b;
    }
    for (std::size_t k = b; k < e; ++k) {
      if (k > b) pb_.message_body += '\n';
      pb_.message_body += message_[k].text;
    }
    for (std::size_t s = 0; s < kSections.size(); ++s) {
      std::string heading(kSections[s].heading);
      if (heading_line_[s] == 0) return fail(last_line_, "missing section '## " + heading + "'");
      bool empty = false;
      switch (kSections[s].shape) {
        case Shape::prose:
          empty = pb_.situation.empty();
          break;
        case Shape::list:
          empty = list_field(pb_, s)->empty();
          break;
        case Shape::message:
          empty = pb_.message_body.empty();
          break;
      }
      if (empty) return fail(heading_line_[s], "section '" + heading + "' is empty");
    }
    return true;
  }

  std::string_view name_;
  std::vector<Line> lines_;
  std::size_t last_line_ = 1;
  Playbook pb_;
  std::optional<Error> err_;
  int cur_ = -1;
  bool paragraph_break_ = false;
  std::array<std::size_t, kSections.size()> heading_line_{};
  std::vector<Line> message_;
};

struct Builtins {
  std::vector<Playbook> playbooks;
  std::vector<Error> errors;
};

Builtins load_builtins() {
  Builtins b;
  for (const EmbeddedFile& f : embedded_playbook_files()) {
    auto r = parse_playbook(f.text, f.name);
    if (!r) {
      b.errors.push_back(r.error());
      continue;
    }
    std::string_view stem = f.name.substr(0, f.name.rfind('.'));
    if (r->id != stem) {
      b.errors.push_back({std::string(f.name) + ": id '" + r->id + "' must match the file name"});
      continue;
    }
    b.playbooks.push_back(std::move(*r));
  }
  auto rank = [](const Playbook& p) { return p.kind ? static_cast<std::size_t>(*p.kind) : kFindingKindCount; };
  std::stable_sort(b.playbooks.begin(), b.playbooks.end(), [&](const Playbook& x, const Playbook& y) {
    return rank(x) != rank(y) ? rank(x) < rank(y) : x.id < y.id;
  });
  // Cross-file checks: related ids exist, aliases are unique.
  std::vector<std::string> keys;
  for (const Playbook& p : b.playbooks) keys.push_back(lookup_key(p.id));
  for (const Playbook& p : b.playbooks) {
    for (const auto& r : p.related)
      if (std::find(keys.begin(), keys.end(), lookup_key(r)) == keys.end())
        b.errors.push_back({p.id + ".md: related playbook '" + r + "' does not exist"});
    for (const auto& a : p.aliases) {
      std::string k = lookup_key(a);
      if (std::find(keys.begin(), keys.end(), k) != keys.end())
        b.errors.push_back({p.id + ".md: alias '" + a + "' is already a playbook id or alias"});
      keys.push_back(k);
    }
  }
  return b;
}

const Builtins& builtins() {
  static const Builtins b = load_builtins();
  return b;
}

}  // namespace

std::span<const PlaceholderInfo> known_placeholders() { return kPlaceholders; }

std::span<const PlaceholderInfo> verdict_placeholders() { return kVerdictPlaceholders; }

std::string_view placeholder_fallback(std::string_view name) {
  for (const auto& [k, v] : kFallbacks)
    if (k == name) return v;
  return {};
}

bool is_known_placeholder(std::string_view name) {
  for (const auto& p : kPlaceholders)
    if (p.name == name) return true;
  return false;
}

Result<Playbook> parse_playbook(std::string_view text, std::string_view name) { return Parser(name).run(text); }

const std::vector<Playbook>& builtin_playbooks() { return builtins().playbooks; }
const std::vector<Error>& builtin_playbook_errors() { return builtins().errors; }

const Playbook* find_playbook(std::string_view id) {
  std::string k = lookup_key(id);
  if (k.empty()) return nullptr;
  for (const Playbook& p : builtin_playbooks()) {
    if (lookup_key(p.id) == k) return &p;
    for (const auto& a : p.aliases)
      if (lookup_key(a) == k) return &p;
  }
  return nullptr;
}

const Playbook* find_playbook(FindingKind kind) {
  for (const Playbook& p : builtin_playbooks())
    if (p.kind == kind) return &p;
  return nullptr;
}

std::vector<std::string_view> suggest_playbooks(std::string_view id, std::size_t max) {
  std::string k = lookup_key(id);
  std::vector<std::pair<std::size_t, std::string_view>> scored;  // (score, id); lower is better
  if (k.empty()) return {};
  for (const Playbook& p : builtin_playbooks()) {
    std::size_t best = SIZE_MAX;
    std::vector<std::string> names{p.id};
    names.insert(names.end(), p.aliases.begin(), p.aliases.end());
    for (const auto& n : names) {
      std::string nk = lookup_key(n);
      if (k.size() >= 3 && nk.find(k) != std::string::npos) best = 0;
      std::size_t d = edit_distance(k, nk);
      if (d <= std::max<std::size_t>(2, nk.size() / 3)) best = std::min(best, d);
    }
    if (best != SIZE_MAX) scored.emplace_back(best, p.id);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string_view> out;
  for (const auto& s : scored) {
    if (out.size() == max) break;
    out.push_back(s.second);
  }
  return out;
}

std::string fill_template(std::string_view tmpl, const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out;
  out.reserve(tmpl.size());
  std::size_t copied = 0;
  for_each_placeholder(tmpl, [&](std::string_view name, std::size_t at) {
    const std::string* value = nullptr;
    for (const auto& [k, v] : values)
      if (k == name) value = &v;  // the last value given for a name wins
    if (!value) return;           // stays visible as {name}
    out.append(tmpl.substr(copied, at - copied));
    out += *value;
    copied = at + name.size() + 2;
  });
  out.append(tmpl.substr(copied));
  return out;
}

std::optional<std::string> fill_line(std::string_view line,
                                     const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out;
  std::vector<std::size_t> opens;  // positions of '(' in out still open
  bool missing_outside = false;
  std::vector<bool> missing_in;  // per open parenthesis: an unfilled placeholder inside
  std::size_t copied = 0;
  auto copy_plain = [&](std::string_view text) {
    for (char ch : text) {
      if (ch == '(') {
        opens.push_back(out.size());
        missing_in.push_back(false);
        out += ch;
      } else if (ch == ')' && !opens.empty()) {
        std::size_t at = opens.back();
        bool drop = missing_in.back();
        opens.pop_back();
        missing_in.pop_back();
        if (drop) {
          out.erase(at);
          while (!out.empty() && out.back() == ' ') out.pop_back();
        } else {
          out += ch;
        }
      } else {
        out += ch;
      }
    }
  };
  for_each_placeholder(line, [&](std::string_view name, std::size_t at) {
    copy_plain(line.substr(copied, at - copied));
    copied = at + name.size() + 2;
    const std::string* value = nullptr;
    for (const auto& [k, v] : values)
      if (k == name) value = &v;
    std::string_view fb = placeholder_fallback(name);
    if (value && !value->empty()) {
      out += *value;
    } else if (!fb.empty()) {
      out += fb;
    } else if (!missing_in.empty()) {
      missing_in.back() = true;
    } else {
      missing_outside = true;
    }
  });
  copy_plain(line.substr(copied));
  if (missing_outside) return std::nullopt;
  return out;
}

std::string fill_message(std::string_view text, const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out;
  bool last_blank = true;  // no blank line at the start
  while (true) {
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    auto filled = fill_line(line, values);
    if (filled) {
      bool blank = filled->empty();
      if (!(blank && last_blank)) {
        out += *filled;
        out += '\n';
      }
      last_blank = blank;
    }
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  while (!out.empty() && (out.back() == '\n')) out.pop_back();
  return out;
}

std::vector<std::string> template_placeholders(std::string_view tmpl) {
  std::vector<std::string> out;
  for_each_placeholder(tmpl, [&](std::string_view name, std::size_t) {
    if (std::find(out.begin(), out.end(), name) == out.end()) out.emplace_back(name);
  });
  return out;
}

}  // namespace idt
