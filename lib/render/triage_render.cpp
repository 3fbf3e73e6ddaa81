// Why: see triage_render.h.
#include "render/triage_render.h"

#include <fmt/format.h>

#include "render/inputs_render.h"
#include "render/json_values.h"
#include "render/text_table.h"
#include "util/json_writer.h"
#include "util/safe_text.h"
#include "util/text.h"
#include "util/time.h"

namespace idt {
namespace {

std::string_view severity_color(Severity s) {
  switch (s) {
    case Severity::critical:
      return sgr::bold_red;
    case Severity::high:
      return sgr::red;
    case Severity::medium:
      return sgr::yellow;
    case Severity::low:
      return sgr::cyan;
    default:
      return sgr::dim;
  }
}
std::string upper(std::string_view s) {
  std::string o(s);
  for (char& c : o)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return o;
}

void items_json(JsonWriter& w, std::string_view key_name, const std::vector<CountItem>& items) {
  w.begin_array();
  for (const auto& i : items) {
    w.begin_object();
    w.kv(key_name, i.key);
    w.kv("count", i.count);
    w.end_object();
  }
  w.end_array();
}

void render_json(Output& out, const TriageView& v) {
  std::string& b = out.buf();
  const TriageReport& r = *v.report;
  const TriageAggregate& a = *v.agg;
  JsonWriter w(b);
  w.begin_object();
  w.kv("schema", "idtriage.triage/1");
  w.key("window");
  window_json(w, r.window_start, r.window_end);
  w.key("inputs").begin_array();
  for (const auto& in : v.inputs) {
    const FileSummary& s = in.file.summary;
    w.begin_object();
    file_head_json(w, s);
    w.kv("rejected", s.rejected);
    w.kv("duplicates", in.duplicates);
    w.kv("filtered", in.file.filtered);
    file_span_json(w, s);
    w.end_object();
  }
  w.end_array();
  w.key("totals").begin_object();
  w.key("signin");
  class_counts_json(w, kSigninClassNames, a.signin_totals);
  w.key("audit");
  class_counts_json(w, kAuditClassNames, a.audit_totals);
  w.key("tickets");
  class_counts_json(w, kTicketClassNames, a.ticket_totals);
  w.key("health").begin_object();
  std::uint64_t rel = 0;
  for (const auto& h : a.health) rel += h.identity_relevant;
  w.kv("issues", static_cast<std::uint64_t>(a.health.size()));
  w.kv("identity_relevant", rel);
  w.end_object();
  w.end_object();
  w.kv("verdict", r.verdict);
  w.kv("verdict_detail", r.verdict_detail);
  w.key("findings").begin_array();
  for (const Finding& f : r.findings) {
    w.begin_object();
    w.kv("id", f.id);
    w.kv("kind", name(f.kind));
    w.kv("severity", name(f.severity));
    w.kv("confidence", f.confidence);
    w.kv("cause", name(f.cause));
    w.kv("suspected", f.suspected);
    w.key("window");
    window_json(w, f.start, f.end);
    w.kv("summary", f.summary);
    w.key("evidence").begin_object();
    w.key("health_incidents").begin_array();
    for (const auto& h : f.evidence.health_incidents) w.value(h);
    w.end_array();
    w.kv("tickets", f.evidence.tickets);
    w.key("ticket_ids").begin_array();
    for (const auto& t : f.evidence.ticket_ids) w.value(t);
    w.end_array();
    w.kv("users", f.evidence.users);
    w.key("counts").begin_object();
    for (const auto& [k, n] : f.evidence.counts) w.kv(k, static_cast<std::int64_t>(n));
    w.end_object();
    w.key("rates").begin_object();
    for (const auto& [k, x] : f.evidence.rates) w.kv(k, x);
    w.end_object();
    w.key("top_codes");
    items_json(w, "code", f.evidence.top_codes);
    w.key("top_apps");
    items_json(w, "app", f.evidence.top_apps);
    w.key("top_ips");
    items_json(w, "ip", f.evidence.top_ips);
    w.key("top_users");
    items_json(w, "user", f.evidence.top_users);
    w.key("lines").begin_array();
    for (const auto& l : f.evidence.lines) w.value(l);
    w.end_array();
    w.end_object();
    w.kv("playbook", f.playbook);
    w.key("actions").begin_array();
    for (const auto& s : f.actions) w.value(s);
    w.end_array();
    w.key("do_not").begin_array();
    for (const auto& s : f.do_not) w.value(s);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("undecided").begin_array();
  for (const auto& u : r.undecided) w.value(u);
  w.end_array();
  w.kv("exit_code", v.exit_code);
  w.end_object();
  b += '\n';
}

void render_text(Output& out, const TriageView& v, bool markdown) {
  std::string& b = out.buf();
  const TriageReport& r = *v.report;
  const TriageAggregate& a = *v.agg;
  std::uint64_t s = 0, au = 0, tk = 0;
  for (auto x : a.signin_totals) s += x;
  for (auto x : a.audit_totals) au += x;
  for (auto x : a.ticket_totals) tk += x;
  std::string span = r.window_start == kNoTime
                         ? std::string("no dated records")
                         : format_day_minute(r.window_start) + " → " + format_day_minute(r.window_end) + " UTC";
  std::string head = "idtriage  " + span + "   " + thousands(s) + " sign-ins · " + thousands(au) + " audit · " +
                     thousands(tk) + " tickets · " + thousands(a.health.size()) + " health issues";
  if (markdown)
    b += "# idtriage triage\n\n" + head.substr(10) + "\n\n## Verdict\n\n**" + markdown_safe(r.verdict) + "**\n\n" +
         (r.verdict_detail.empty() ? "" : markdown_safe(r.verdict_detail) + "\n\n") + "## Findings\n\n";
  else {
    out.paint(sgr::bold, head);
    b += "\n\n";
    out.paint(sgr::bold, "VERDICT  ");
    b += clean(r.verdict) + "\n";
    if (!r.verdict_detail.empty()) b += "         " + clean(r.verdict_detail) + "\n";
    b += '\n';
  }
  if (r.findings.empty()) b += markdown ? "No findings.\n\n" : "  no findings\n\n";
  for (const Finding& f : r.findings) {
    std::string sev = upper(name(f.severity));
    std::string when = format_hhmm(f.start) + "–" + format_hhmm(f.end);
    if (markdown) {
      b += "### " + f.id + " " + sev + " `" + std::string(name(f.kind)) + "` " + when + " UTC\n\n" + markdown_safe(f.summary) +
           "\n\n- cause: " + std::string(name(f.cause)) + (f.suspected ? " (suspected)" : "") + ", confidence " +
           percent(f.confidence) + "\n";
      for (const auto& l : f.evidence.lines) b += "- " + markdown_safe(l) + "\n";
      if (!f.evidence.ticket_ids.empty()) {
        b += "- tickets:";
        for (const auto& t : f.evidence.ticket_ids) b += " " + markdown_safe(t);
        b += "\n";
      }
      b += "- playbook: `idtriage playbook " + f.playbook + "`\n";
      // Steps and don'ts are the built-in playbooks' own Markdown, not input.
      if (!f.actions.empty()) {
        b += "\n**Do**\n\n";
        for (const auto& s2 : f.actions) b += "1. " + clean(s2) + "\n";
      }
      if (!f.do_not.empty()) {
        b += "\n**Do not**\n\n";
        for (const auto& s2 : f.do_not) b += "- " + clean(s2) + "\n";
      }
      b += "\n";
      continue;
    }
    b += " " + f.id + " ";
    std::string padded = sev;
    padded.resize(9, ' ');
    out.paint(severity_color(f.severity), padded);
    b += std::string(name(f.kind)) + "  " + when + "  (" + std::string(name(f.cause)) +
         (f.suspected ? ", suspected" : "") + ", confidence " + percent(f.confidence) + ")\n";
    b += "    " + clean(f.summary) + "\n";
    for (const auto& l : f.evidence.lines) b += "    " + clean(l) + "\n";
    if (!f.evidence.top_ips.empty()) {
      b += "    top IPs:";
      for (const auto& i : f.evidence.top_ips) b += fmt::format(" {} ({} users)", clean(i.key), i.count);
      b += "\n";
    }
    if (!f.evidence.ticket_ids.empty()) {
      b += "    tickets:";
      for (const auto& t : f.evidence.ticket_ids) b += " " + clean(t);
      b += "\n";
    }
    if (!f.do_not.empty()) {
      b += "    do NOT: " + clean(f.do_not.front()) +
           (f.do_not.size() > 1 ? fmt::format(" (+{} more)", f.do_not.size() - 1) : "") + "\n";
    }
    b += "    playbook: idtriage playbook " + f.playbook + "\n";
  }
  if (!r.undecided.empty()) {
    b += markdown ? "## Not decided\n\n" : "\n";
    for (const auto& u : r.undecided) b += (markdown ? "- " + markdown_safe(u) : "  note: " + clean(u)) + "\n";
    if (markdown) b += "\n";
  }
  std::uint64_t rejected = 0;
  for (const auto& in : v.inputs) rejected += in.file.summary.rejected;
  std::string foot = fmt::format("inputs: {}, {} rejected records · exit {}",
                                 count_of(v.inputs.size(), "file", "files"), thousands(rejected), v.exit_code);
  if (v.exit_code == 1) foot += fmt::format(" (findings ≥ {})", name(v.fail_on));
  b += markdown ? "---\n" + foot + "\n" : "\n" + foot + "\n";
}

}  // namespace

void render_triage(Output& out, const TriageView& v, OutputFormat fmt) {
  if (fmt == OutputFormat::json || fmt == OutputFormat::jsonl)
    render_json(out, v);
  else
    render_text(out, v, fmt == OutputFormat::md);
}

}  // namespace idt
