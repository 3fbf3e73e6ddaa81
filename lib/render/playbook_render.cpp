// Why: see playbook_render.h. Terminal text is wrapped to a fixed width so
// output is the same on every machine (golden tests, pasted into tickets).
#include "render/playbook_render.h"

#include <algorithm>

#include <fmt/format.h>

#include "render/text_table.h"
#include "util/json_writer.h"
#include "util/safe_text.h"
#include "util/text.h"

namespace idt {
namespace {

constexpr std::size_t kWidth = 100;

std::string cause_text(const Playbook& pb) { return pb.cause ? std::string(name(*pb.cause)) : "-"; }

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string s;
  for (const auto& x : v) {
    if (!s.empty()) s += sep;
    s += x;
  }
  return s;
}

// Appends `text` word-wrapped to kWidth: the first line starts with
// `indent` spaces and `marker`, later lines are indented to the text.
void wrap(std::string& b, std::string_view text, std::size_t indent, std::string_view marker) {
  std::string clean;
  append_terminal_safe(clean, text);
  std::string lead(indent, ' ');
  std::string cont(indent + display_width(marker), ' ');
  b += lead;
  b += marker;
  std::size_t col = cont.size(), line_start = col;
  std::string_view rest = clean;
  while (!rest.empty()) {
    std::size_t sp = rest.find(' ');
    std::string_view word = rest.substr(0, sp);
    rest = sp == std::string_view::npos ? std::string_view{} : rest.substr(sp + 1);
    if (word.empty()) continue;
    std::size_t w = display_width(word);
    if (col > line_start && col + 1 + w > kWidth) {
      b += '\n';
      b += cont;
      col = line_start;
    } else if (col > line_start) {
      b += ' ';
      ++col;
    }
    b += word;
    col += w;
  }
  b += '\n';
}

// A message line that is a list item ("- x", "1. x") wraps under its text.
std::size_t item_marker_len(std::string_view line) {
  if (line.starts_with("- ") || line.starts_with("* ")) return 2;
  std::size_t d = 0;
  while (d < line.size() && line[d] >= '0' && line[d] <= '9') ++d;
  if (d > 0 && d + 1 < line.size() && (line[d] == '.' || line[d] == ')') && line[d + 1] == ' ') return d + 2;
  return 0;
}

void wrap_message(std::string& b, std::string_view body) {
  while (true) {
    std::size_t nl = body.find('\n');
    std::string_view line = body.substr(0, nl);
    if (line.empty()) {
      b += '\n';
    } else {
      std::size_t m = item_marker_len(line);
      wrap(b, line.substr(m), 2, line.substr(0, m));
    }
    if (nl == std::string_view::npos) break;
    body.remove_prefix(nl + 1);
  }
}

// "--set incident_id=MO1329260", quoted when the example has spaces.
std::string set_example(const std::string& placeholder) {
  std::string example = "...";
  for (const auto& p : known_placeholders())
    if (p.name == placeholder) example = std::string(p.example);
  std::string arg = placeholder + "=" + example;
  return "--set " + (arg.find(' ') == std::string::npos ? arg : "'" + arg + "'");
}

std::vector<std::string> unfilled(const std::string& subject, const std::string& body) {
  std::vector<std::string> names = template_placeholders(subject);
  for (auto& n : template_placeholders(body))
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  return names;
}

void render_text(Output& out, const Playbook& pb, const std::string& subject, const std::string& body) {
  std::string& b = out.buf();
  out.paint(sgr::bold, pb.id);
  b += "  ";
  std::string title;
  append_terminal_safe(title, pb.title);
  b += title + "\n";
  b += "cause " + cause_text(pb) + (pb.kind ? " · finding kind" : " · general playbook");
  if (!pb.aliases.empty()) b += " · aliases " + join(pb.aliases, ", ");
  b += '\n';
  if (!pb.related.empty()) b += "see also: " + join(pb.related, ", ") + "\n";

  section(out, "SITUATION");
  std::string_view sit = pb.situation;
  while (true) {
    std::size_t p = sit.find("\n\n");
    wrap(b, sit.substr(0, p), 2, "");
    if (p == std::string_view::npos) break;
    b += '\n';
    sit.remove_prefix(p + 2);
  }
  section(out, "WHO ACTS");
  for (const auto& w : pb.who) wrap(b, w, 2, "- ");
  auto steps = [&](std::string_view title, const std::vector<std::string>& v) {
    section(out, title);
    const std::size_t width = fmt::formatted_size("{}", v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {  // numbers right-aligned: " 9. ", "10. "
      std::string n = fmt::format("{}. ", i + 1);
      wrap(b, v[i], 2 + width + 2 - n.size(), n);
    }
  };
  steps("HELP DESK", pb.helpdesk);
  steps("ADMIN", pb.admin);
  steps("COMMS", pb.comms);
  section(out, "DO NOT");
  const std::string mark = "✗";
  for (const auto& d : pb.do_not) {
    std::string line;
    wrap(line, d, 2, mark + " ");
    if (out.color()) line.replace(2, mark.size(), "\x1b[" + std::string(sgr::red) + "m" + mark + "\x1b[0m");
    b += line;
  }
  section(out, "USER MESSAGE");
  if (!subject.empty()) {
    wrap(b, subject, 2, "Subject: ");
    b += '\n';
  }
  wrap_message(b, body);
  std::vector<std::string> left = unfilled(subject, body);
  if (!left.empty()) {
    std::string note = "to fill:";
    for (const auto& n : left) note += " {" + n + "}";
    std::string wrapped;
    wrap(wrapped, note, 2, "");
    wrap(wrapped, "with --set NAME=VALUE, e.g. " + set_example(left.front()), 2, "");
    wrapped.pop_back();
    b += '\n';
    out.paint(sgr::dim, wrapped);
    b += '\n';
  }
}

void render_md(Output& out, const Playbook& pb, const std::string& subject, const std::string& body) {
  std::string& b = out.buf();
  b += "# " + pb.title + "\n\n";
  b += "`" + pb.id + "` · cause: " + cause_text(pb) + (pb.kind ? " · finding kind" : " · general playbook");
  if (!pb.related.empty()) {
    b += " · see also:";
    for (std::size_t i = 0; i < pb.related.size(); ++i) b += std::string(i ? ", " : " ") + "`" + pb.related[i] + "`";
  }
  b += "\n\n## Situation\n\n" + pb.situation + "\n\n## Who acts\n\n";
  for (const auto& w : pb.who) b += "- " + w + "\n";
  auto steps = [&](std::string_view title, const std::vector<std::string>& v) {
    b += "\n## ";
    b += title;
    b += "\n\n";
    for (std::size_t i = 0; i < v.size(); ++i) b += fmt::format("{}. {}\n", i + 1, v[i]);
  };
  steps("Help desk", pb.helpdesk);
  steps("Admin", pb.admin);
  steps("Comms", pb.comms);
  b += "\n## Do not\n\n";
  for (const auto& d : pb.do_not) b += "- " + d + "\n";
  // A fence longer than any backtick run in the message keeps it verbatim.
  std::size_t run = 0, longest = 0;
  for (char c : subject + "\n" + body) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(std::max<std::size_t>(3, longest + 1), '`');
  // The fence keeps --set values literal for Markdown; each line is still
  // made terminal-safe (the message's own line breaks stay).
  b += "\n## User message\n\n" + fence + "text\n";
  if (!subject.empty()) b += "Subject: " + terminal_safe(subject) + "\n\n";
  for (std::string_view rest = body;;) {
    const std::size_t nl = rest.find('\n');
    append_terminal_safe(b, rest.substr(0, nl));
    b += '\n';
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
  b += fence + "\n";
  std::vector<std::string> left = unfilled(subject, body);
  if (!left.empty()) {
    b += "\nPlaceholders:";
    for (std::size_t i = 0; i < left.size(); ++i) b += std::string(i ? ", " : " ") + "`{" + left[i] + "}`";
    b += "\n";
  }
}

void string_array(JsonWriter& w, std::string_view key, const std::vector<std::string>& v) {
  w.key(key).begin_array();
  for (const auto& s : v) w.value(s);
  w.end_array();
}

// The fields a playbook list shows; a full playbook starts with them too.
void summary_fields(JsonWriter& w, const Playbook& pb) {
  w.kv("id", pb.id);
  w.kv("title", pb.title);
  w.key("cause");
  if (pb.cause)
    w.value(name(*pb.cause));
  else
    w.null();
  w.kv("finding_kind", pb.kind.has_value());
  string_array(w, "aliases", pb.aliases);
}

void render_json(Output& out, const Playbook& pb, const std::string& subject, const std::string& body) {
  JsonWriter w(out.buf());
  w.begin_object();
  summary_fields(w, pb);
  string_array(w, "related", pb.related);
  w.kv("situation", pb.situation);
  string_array(w, "who", pb.who);
  string_array(w, "helpdesk", pb.helpdesk);
  string_array(w, "admin", pb.admin);
  string_array(w, "comms", pb.comms);
  string_array(w, "do_not", pb.do_not);
  w.key("user_message").begin_object();
  w.kv("subject", subject);
  w.kv("body", body);
  string_array(w, "placeholders", unfilled(pb.message_subject, pb.message_body));
  string_array(w, "unfilled", unfilled(subject, body));
  w.end_object();
  w.end_object();
  out.buf() += '\n';
}

}  // namespace

void render_playbook_list(Output& out, const std::vector<Playbook>& playbooks, OutputFormat fmt) {
  std::string& b = out.buf();
  if (fmt == OutputFormat::json || fmt == OutputFormat::jsonl) {
    JsonWriter w(b);
    w.begin_array();
    for (const Playbook& pb : playbooks) {
      w.begin_object();
      summary_fields(w, pb);
      w.end_object();
    }
    w.end_array();
    b += '\n';
    return;
  }
  if (fmt == OutputFormat::md) {
    b += "| id | cause | title |\n|---|---|---|\n";
    for (const Playbook& pb : playbooks) {
      b += "| `" + pb.id + "` | " + cause_text(pb) + " | " + md_cell(pb.title) + " |\n";
    }
    return;
  }
  std::size_t w = 2;
  for (const Playbook& pb : playbooks) w = std::max(w, display_width(pb.id));
  out.paint(sgr::bold, pad("ID", w + 2) + pad("CAUSE", 10) + "TITLE");
  b += '\n';
  for (const Playbook& pb : playbooks) b += pad(pb.id, w + 2) + pad(cause_text(pb), 10) + clean(pb.title) + "\n";
  b += fmt::format("\n{} playbooks. Show one: idtriage playbook ID [--format md|json] [--set NAME=VALUE]\n",
                   playbooks.size());
}

void render_playbook(Output& out, const Playbook& pb, OutputFormat fmt, const TemplateValues& values) {
  std::string subject = fill_template(pb.message_subject, values);
  std::string body = fill_template(pb.message_body, values);
  if (fmt == OutputFormat::json || fmt == OutputFormat::jsonl)
    render_json(out, pb, subject, body);
  else if (fmt == OutputFormat::md)
    render_md(out, pb, subject, body);
  else
    render_text(out, pb, subject, body);
}

}  // namespace idt
