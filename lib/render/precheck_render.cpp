// Why: see precheck_render.h.
#include "render/precheck_render.h"
#include "util/safe_text.h"

#include <fmt/format.h>

#include "render/json_values.h"
#include "render/reports.h"
#include "util/json_writer.h"
#include "util/text.h"
#include "util/time.h"

namespace idt {
namespace {

std::string clean(std::string_view s) {
  std::string o;
  append_terminal_safe(o, s);
  return o;
}

std::string_view gate_color(Gate g) {
  switch (g) {
    case Gate::stop:
      return sgr::bold_red;
    case Gate::wait:
      return sgr::yellow;
    default:
      return sgr::green;
  }
}

std::string when(const PrecheckReport& r) {
  std::string s = "as of " + format_day_minute(r.at) + " UTC";
  if (r.window_start != kNoTime)
    s += " · logs " + format_day_minute(r.window_start) + " → " + format_day_minute(r.window_end) + " UTC";
  return s;
}

std::string check_label(const CheckResult& c) {
  return std::string(name(c.id)) + (c.subject.empty() ? "" : " " + c.subject);
}

void render_json(Output& out, const PrecheckView& v) {
  const PrecheckReport& r = *v.report;
  std::string& b = out.buf();
  JsonWriter w(b);
  w.begin_object();
  w.kv("schema", "idtriage.precheck/1");
  w.kv("action", name(r.action));
  w.kv("verdict", name(r.verdict));
  w.kv("exit_code", v.exit_code);
  w.kv("headline", r.headline);
  time_kv(w, "at", r.at);
  w.key("window").begin_object();
  start_end_kv(w, r.window_start, r.window_end);
  w.end_object();
  w.key("checks").begin_array();
  for (const auto& c : r.checks) {
    w.begin_object();
    w.kv("check", name(c.id));
    w.kv("gate", name(c.gate));
    string_or_null_kv(w, "subject", c.subject);
    w.kv("summary", c.summary);
    strings_json(w, "details", c.details);
    string_or_null_kv(w, "playbook", c.playbook);
    w.end_object();
  }
  w.end_array();
  w.key("policies").begin_array();
  for (const auto& p : r.policies) {
    w.begin_object();
    w.kv("name", p.policy);
    string_or_null_kv(w, "id", p.id);
    w.kv("state", p.state);
    w.kv("grant", p.grant);
    w.kv("blocks", p.blocks);
    w.kv("considered", p.considered);
    w.kv("applies", p.applies);
    w.kv("not_applies", p.not_applies);
    w.kv("not_evaluable", p.unknown);
    w.key("not_evaluable_by").begin_object();
    for (const auto& [k, n] : p.unknown_by) w.kv(k, n);
    w.end_object();
    w.kv("share_min", p.share_min);
    w.kv("share_max", p.share_max);
    w.kv("applies_succeeded", p.applies_succeeded);
    w.kv("applies_single_factor", p.applies_single_factor);
    w.kv("users", p.users);
    w.kv("report_only_seen", p.report_only_seen);
    w.kv("report_only_failure", p.report_only_failure);
    w.key("top_users");
    count_items_json(w, "user", p.top_users);
    w.key("top_apps");
    count_items_json(w, "app", p.top_apps);
    strings_json(w, "notes", p.notes);
    w.end_object();
  }
  w.end_array();
  strings_json(w, "do_not", r.do_not);
  w.key("inputs").begin_array();
  for (const auto& in : v.inputs) append_file_json(w, in.file);
  w.end_array();
  strings_json(w, "config_files", v.config_files);
  strings_json(w, "warnings", v.warnings);
  w.end_document();
}

void render_csv(Output& out, const PrecheckView& v) {
  std::string& b = out.buf();
  b += "action,verdict,check,subject,gate,summary,details,playbook\n";
  for (const auto& c : v.report->checks) {
    std::string details;
    for (const auto& d : c.details) details += (details.empty() ? "" : "; ") + d;
    append_row(b, {name(v.report->action), name(v.report->verdict), name(c.id), c.subject, name(c.gate), c.summary,
                   details, c.playbook});
  }
}

void render_text(Output& out, const PrecheckView& v, bool md) {
  const PrecheckReport& r = *v.report;
  std::string& b = out.buf();
  std::string exit_line = fmt::format("exit {} ({})", v.exit_code,
                                      v.exit_code == 3 ? "an input could not be read" : std::string(name(r.verdict)));
  if (md) {  // text from inputs (policy names, paths) Markdown-escaped; playbook prose keeps its own Markdown
    b += "# idtriage precheck: " + std::string(name(r.action)) + "\n\n" + when(r) + "\n\n## Verdict: **" +
         std::string(name(r.verdict)) + "**\n\n" + markdown_safe(r.headline) + "\n\n## Checks\n\n";
    b += "| gate | check | summary |\n|---|---|---|\n";
    for (const auto& c : r.checks)
      b += "| " + std::string(name(c.gate)) + " | " + markdown_safe(check_label(c)) + " | " + markdown_safe(c.summary) +
           " |\n";
    b += "\n";
    for (const auto& c : r.checks) {
      if (c.details.empty()) continue;
      b += "### " + std::string(name(c.gate)) + " " + markdown_safe(check_label(c)) + "\n\n";
      for (const auto& d : c.details) b += "- " + markdown_safe(d) + "\n";
      b += "\n";
    }
    if (r.verdict != Gate::go && !r.do_not.empty()) {
      b += "## Do not (playbook before_tenant_changes)\n\n";
      for (const auto& d : r.do_not) b += "- " + markdown_prose_safe(d) + "\n";
      b += "\n";
    }
    for (const auto& w : v.warnings) b += "> note: " + markdown_safe(w) + "\n";
    b += "---\n" + exit_line + "\n";
    return;
  }
  out.paint(sgr::bold, "idtriage precheck  " + std::string(name(r.action)) + "   " + when(r));
  b += "\n\n";
  std::string verdict(name(r.verdict));
  verdict.resize(6, ' ');
  out.paint(gate_color(r.verdict), verdict);
  b += clean(r.headline) + "\n\n";
  for (const auto& c : r.checks) {
    std::string g(name(c.gate));
    g.resize(6, ' ');
    b += "  ";
    out.paint(gate_color(c.gate), g);
    std::string label = check_label(c);
    b += clean(label) + "\n        " + clean(c.summary) + "\n";
    for (const auto& d : c.details) b += "        · " + clean(d) + "\n";
  }
  if (r.verdict != Gate::go && !r.do_not.empty()) {
    b += "\n  do NOT (playbook before_tenant_changes):\n";
    for (const auto& d : r.do_not) b += "    - " + clean(d) + "\n";
  }
  for (const auto& w : v.warnings) b += "\n  note: " + clean(w);
  if (!v.warnings.empty()) b += "\n";
  std::uint64_t rejected = 0;
  for (const auto& in : v.inputs) rejected += in.file.summary.rejected;
  b += "\ninputs: " + std::to_string(v.inputs.size()) + " log files, " + std::to_string(v.config_files.size()) +
       " policy/location/group files, " + thousands(rejected) + " rejected records · " + exit_line + "\n";
}

}  // namespace

void render_precheck(Output& out, const PrecheckView& v, OutputFormat fmt) {
  switch (fmt) {
    case OutputFormat::json:
    case OutputFormat::jsonl:
      render_json(out, v);
      break;
    case OutputFormat::csv:
      render_csv(out, v);
      break;
    case OutputFormat::md:
      render_text(out, v, true);
      break;
    default:
      render_text(out, v, false);
  }
}

}  // namespace idt
