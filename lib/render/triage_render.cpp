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

// A finding's change since the last run (docs/alerting.md).
void change_json(JsonWriter& w, const AlertItem& it) {
  w.kv("change", name(it.change));
  w.kv("change_detail", it.detail);
  w.kv("alert", it.alert);
}

// "alert":{…} with --state (docs/alerting.md).
void alert_json(JsonWriter& w, const AlertReport& a) {
  w.key("alert").begin_object();
  w.kv("state_file", a.path);
  w.kv("state", name(a.status));
  string_or_null_kv(w, "note", a.note);
  time_kv(w, "previous_run", a.previous_run);
  w.kv("partial", a.partial);
  w.kv("carried", static_cast<std::uint64_t>(a.carried));
  w.key("counts").begin_object();
  for (std::size_t i = 0; i < kChangeCount; ++i) w.kv(kChangeNames[i], static_cast<std::uint64_t>(a.counts[i]));
  w.end_object();
  w.kv("alert", a.alert);
  w.key("no_longer_reported").begin_array();
  for (const AlertItem& it : a.items) {
    if (it.finding) continue;
    const AlertEntry& e = it.entry;
    w.begin_object();
    change_json(w, it);
    w.kv("kind", name(e.kind));
    string_or_null_kv(w, "subject", e.subject);
    w.kv("severity", name(e.severity));
    w.kv("cause", name(e.cause));
    w.key("window");
    window_json(w, e.start, e.end);
    time_kv(w, "first_reported", e.first_reported);
    w.kv("root_cause", e.root_cause);
    w.end_object();
  }
  w.end_array();
  w.end_object();
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
  w.kv("verdict_state", name(r.state));
  w.kv("verdict", r.verdict);
  w.kv("verdict_detail", r.verdict_detail);
  w.key("incomplete").begin_array();
  for (const auto& x : r.incomplete) {
    w.begin_object();
    w.kv("reason", x.code);
    w.key("input");
    if (x.input.empty())
      w.null();
    else
      w.value(x.input);
    w.kv("detail", x.detail);
    w.end_object();
  }
  w.end_array();
  w.key("period").begin_object();
  start_end_kv(w, r.window_start, r.window_end);
  w.kv("bucket_minutes", static_cast<std::int64_t>(r.bucket / (60 * kMicrosPerSecond)));
  w.kv("requested_bucket_minutes", static_cast<std::int64_t>(r.requested_bucket / (60 * kMicrosPerSecond)));
  w.kv("multi_day", r.multi_day);
  w.key("outliers").begin_object();
  w.kv("count", r.outliers);
  time_kv(w, "first", r.outliers_first);
  time_kv(w, "last", r.outliers_last);
  w.end_object();
  w.end_object();
  w.key("findings").begin_array();
  for (std::size_t fi = 0; fi < r.findings.size(); ++fi) {
    const Finding& f = r.findings[fi];
    w.begin_object();
    w.kv("id", f.id);
    if (v.alert) change_json(w, v.alert->items[fi]);
    w.kv("kind", name(f.kind));
    w.kv("severity", name(f.severity));
    w.kv("confidence", f.confidence);
    w.kv("cause", name(f.cause));
    w.kv("suspected", f.suspected);
    w.key("window");
    window_json(w, f.start, f.end);
    w.kv("ongoing", f.ongoing);
    w.kv("root_cause", f.root_cause);
    strings_json(w, "related", f.related);
    w.kv("summary", f.summary);
    w.key("evidence").begin_object();
    strings_json(w, "health_incidents", f.evidence.health_incidents);
    w.kv("tickets", f.evidence.tickets);
    strings_json(w, "ticket_ids", f.evidence.ticket_ids);
    w.kv("users", f.evidence.users);
    w.key("counts").begin_object();
    for (const auto& [k, n] : f.evidence.counts) w.kv(k, static_cast<std::int64_t>(n));
    w.end_object();
    w.key("rates").begin_object();
    for (const auto& [k, x] : f.evidence.rates) w.kv(k, x);
    w.end_object();
    w.key("top_codes");
    count_items_json(w, "code", f.evidence.top_codes);
    w.key("top_apps");
    count_items_json(w, "app", f.evidence.top_apps);
    w.key("top_ips");
    count_items_json(w, "ip", f.evidence.top_ips);
    w.key("top_users");
    count_items_json(w, "user", f.evidence.top_users);
    w.key("breached").begin_array();
    for (const auto& x : f.evidence.breached) {
      w.begin_object();
      w.kv("user", x.user);
      w.kv("ip", x.ip);
      time_kv(w, "time", x.time);
      w.kv("result", x.code == 0 ? "signed_in" : "mfa_prompted");
      w.kv("code", x.code);
      w.end_object();
    }
    w.end_array();
    w.kv("affected_total", f.evidence.affected_total);
    w.key("affected_users").begin_array();
    for (const auto& u : f.evidence.affected) {
      w.begin_object();
      w.kv("user", u.user);
      time_kv(w, "first", u.first);
      time_kv(w, "last", u.last);
      strings_json(w, "classes", u.classes);
      strings_json(w, "ticket_ids", u.ticket_ids);
      w.end_object();
    }
    w.end_array();
    strings_json(w, "lines", f.evidence.lines);
    w.end_object();
    w.kv("playbook", f.playbook);
    strings_json(w, "actions", f.actions);
    strings_json(w, "do_not", f.do_not);
    w.key("message").begin_object();
    w.kv("subject", f.message_subject);
    w.kv("body", f.message);
    w.end_object();
    w.end_object();
  }
  w.end_array();
  strings_json(w, "undecided", r.undecided);
  if (v.alert) alert_json(w, *v.alert);
  end_report_json(w, v.exit_code);
}

// "05:51–09:37" (with dates when the period spans several days).
std::string window_text(const TriageReport& r, Micros start, Micros end) {
  if (start == kNoTime) return "no window";
  if (!r.multi_day) return format_hhmm(start) + "–" + format_hhmm(end);
  std::string s = format_day_minute(start), e = format_day_minute(end);
  return s.substr(0, 10) == e.substr(0, 10) ? s + "–" + e.substr(11) : s + " – " + e;
}

// Ticket ids in the table: the first dozen (JSON and --affected-users have all).
std::string ticket_list(const std::vector<std::string>& ids, bool markdown) {
  constexpr std::size_t kShown = 12;
  std::string o;
  for (std::size_t i = 0; i < ids.size() && i < kShown; ++i)
    o += " " + (markdown ? markdown_safe(ids[i]) : clean(ids[i]));
  if (ids.size() > kShown) o += fmt::format(" (+{} more in --format json)", ids.size() - kShown);
  return o;
}

// Each line of `text` after `mark` (and a space unless the line is empty).
void quote_lines(std::string& b, std::string_view text, std::string_view mark, bool markdown) {
  for (;;) {
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    b += mark;
    if (!line.empty()) b += " " + (markdown ? markdown_prose_safe(line) : clean(line));
    b += '\n';
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
}

std::string exit_words(const TriageView& v) {
  switch (v.exit_code) {
    case 1:
      return v.alert ? fmt::format(" (new, changed or ended findings ≥ {})", name(v.fail_on))
                     : fmt::format(" (findings ≥ {})", name(v.fail_on));
    case 3:
      return " (an input could not be read)";
    case 5:
      return " (incomplete: not everything could be judged)";
    case 6:
      return " (the state could not be saved)";
    default:
      return "";
  }
}

// With --state: the counts of changes since the last run, and why every
// finding is new again when the state could not be used.
void changes_block(Output& out, const AlertReport& a, bool markdown) {
  std::string& b = out.buf();
  auto text = [markdown](std::string_view s) { return markdown ? markdown_safe(s) : clean(s); };
  std::string since = a.previous_run == kNoTime ? std::string("no earlier run known")
                                                : "since the last run at " + format_day_minute(a.previous_run) + " UTC";
  std::string counts =
      fmt::format("{} new, {} changed, {} ended, {} unchanged", a.counts[0], a.counts[1], a.counts[2], a.counts[3]);
  std::string verdict = a.alert ? "something to alert on" : "nothing new to alert on";
  if (markdown) {
    b += "## Changes\n\n" + since + ": " + counts + " — " + verdict + "\n";
  } else {
    out.paint(sgr::bold, "CHANGES  ");
    b += since + ": " + counts + " — ";
    out.paint(a.alert ? sgr::bold_red : sgr::green, verdict);
    b += '\n';
  }
  const std::string mark = markdown ? "- " : "         ";
  if (!a.note.empty()) b += mark + "note: " + text(a.note) + "\n";
  if (a.partial)
    b += mark +
         fmt::format("this run could not judge everything: {} kept as they were, none declared ended\n",
                     count_of(a.carried, "earlier finding it does not see is", "earlier findings it does not see are"));
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
                     count_of(tk, "ticket", "tickets") + " · " +
                     count_of(a.health.size(), "health issue", "health issues");
  // Markdown gets data as text only (util/safe_text.h); the playbook steps
  // and messages are our own Markdown with values filled in.
  auto text = [markdown](std::string_view s) { return markdown ? markdown_safe(s) : clean(s); };
  auto prose = [markdown](std::string_view s) { return markdown ? markdown_prose_safe(s) : clean(s); };
  auto reason_line = [&](const IncompleteReason& x) {
    return (x.input.empty() ? std::string() : text(x.input) + ": ") + text(x.detail);
  };
  if (markdown) {
    b += "# idtriage triage\n\n" + head.substr(10) + "\n\n## Verdict: " +
         std::string(r.state == VerdictState::findings    ? "findings"
                     : r.state == VerdictState::all_clear ? "all clear"
                                                          : "INCOMPLETE") +
         "\n\n**" + text(r.verdict) + "**\n\n" + (r.verdict_detail.empty() ? "" : text(r.verdict_detail) + "\n\n");
    if (!r.incomplete.empty()) {
      b += r.state == VerdictState::incomplete ? "## Not judged\n\n" : "## Also not judged\n\n";
      for (const auto& x : r.incomplete) b += "- " + reason_line(x) + "\n";
      b += "\n";
    }
    if (v.alert) changes_block(out, *v.alert, true);
    b += "## Findings\n\n";
  } else {
    out.paint(sgr::bold, head);
    b += "\n\n";
    if (r.state == VerdictState::incomplete) {
      out.paint(sgr::bold_red, "INCOMPLETE");
      b += "  not an all-clear: " + count_of(r.incomplete.size(), "thing", "things") + " could not be judged\n";
      for (const auto& x : r.incomplete) b += "  - " + reason_line(x) + "\n";
      b += '\n';
    }
    out.paint(sgr::bold, "VERDICT  ");
    b += clean(r.verdict) + "\n";
    if (!r.verdict_detail.empty()) b += "         " + clean(r.verdict_detail) + "\n";
    b += '\n';
    if (r.state != VerdictState::incomplete && !r.incomplete.empty()) {
      out.paint(sgr::bold, "NOT JUDGED");
      b += "\n";
      for (const auto& x : r.incomplete) b += "  - " + reason_line(x) + "\n";
      b += '\n';
    }
    if (v.alert) changes_block(out, *v.alert, false);
  }
  if (r.findings.empty()) b += markdown ? "No findings.\n\n" : "  no findings\n\n";
  std::string unchanged;  // with --state: one line per finding that did not change
  for (std::size_t fi = 0; fi < r.findings.size(); ++fi) {
    const Finding& f = r.findings[fi];
    std::string sev = upper(name(f.severity));
    const AlertItem* change = v.alert ? &v.alert->items[fi] : nullptr;
    if (change && change->change == Change::unchanged) {
      unchanged += fmt::format("{}{} {} {} {}{}\n", markdown ? "- " : "   ", f.id, sev,
                               markdown ? "`" + std::string(name(f.kind)) + "`" : std::string(name(f.kind)),
                               window_text(r, f.start, f.end),
                               f.start == kNoTime ? ""
                               : f.ongoing        ? " (in progress)"
                                                  : " (over)");
      continue;
    }
    const std::string tag = change ? upper(name(change->change)) + (markdown ? " · " : "  ") : std::string();
    std::string when = window_text(r, f.start, f.end);
    std::string state = f.start == kNoTime ? "" : f.ongoing ? ", IN PROGRESS" : ", over";
    std::string message;  // the user message of a finding that asks staff to act
    if (f.severity >= Severity::medium && !f.message.empty())
      message = (f.message_subject.empty() ? "" : "Subject: " + f.message_subject + "\n\n") + f.message;
    if (markdown) {
      b += "### " + tag + f.id + " " + sev + " `" + std::string(name(f.kind)) + "` " + when +
           (f.start == kNoTime ? ""
            : f.ongoing        ? " UTC (in progress)"
                               : " UTC (over)") +
           "\n\n" + text(f.summary) + "\n\n- cause: " + std::string(name(f.cause)) +
           (f.suspected ? " (suspected)" : "") + ", confidence " + percent(f.confidence) + "\n";
      if (change && !change->detail.empty()) b += "- change: " + text(change->detail) + "\n";
      if (!f.root_cause.empty()) b += "- root cause: " + text(f.root_cause) + "\n";
      for (const auto& l : f.evidence.lines) b += "- " + text(l) + "\n";
      if (!f.evidence.ticket_ids.empty()) b += "- tickets:" + ticket_list(f.evidence.ticket_ids, true) + "\n";
      if (f.evidence.affected_total) b += "- affected users: " + thousands(f.evidence.affected_total) + "\n";
      if (!f.related.empty()) {
        b += "- related:";
        for (const auto& id : f.related) b += " " + id;
        b += "\n";
      }
      b += "- playbook: `idtriage playbook " + f.playbook + "`\n";
      if (!f.actions.empty()) {
        b += "\n**Do**\n\n";
        for (const auto& s2 : f.actions) b += "1. " + prose(s2) + "\n";
      }
      if (!f.do_not.empty()) {
        b += "\n**Do not**\n\n";
        for (const auto& s2 : f.do_not) b += "- " + prose(s2) + "\n";
      }
      if (!message.empty()) {
        b += "\n**User message**\n\n";
        quote_lines(b, message, ">", true);
      }
      b += "\n";
      continue;
    }
    b += " ";
    if (change) out.paint(change->alert ? sgr::bold : sgr::dim, tag);
    b += f.id + " ";
    std::string padded = sev;
    padded.resize(9, ' ');
    out.paint(severity_color(f.severity), padded);
    b += std::string(name(f.kind)) + "  " + when + "  (" + std::string(name(f.cause)) +
         (f.suspected ? ", suspected" : "") + ", confidence " + percent(f.confidence) + state + ")\n";
    b += "    " + clean(f.summary) + "\n";
    if (change && !change->detail.empty()) b += "    change: " + clean(change->detail) + "\n";
    if (!f.root_cause.empty()) b += "    root cause: " + clean(f.root_cause) + "\n";
    for (const auto& l : f.evidence.lines) b += "    " + clean(l) + "\n";
    if (!f.evidence.top_ips.empty()) {
      b += "    top IPs:";
      for (const auto& i : f.evidence.top_ips) b += fmt::format(" {} ({} users)", clean(i.key), i.count);
      b += "\n";
    }
    if (!f.evidence.ticket_ids.empty()) b += "    tickets:" + ticket_list(f.evidence.ticket_ids, false) + "\n";
    if (f.evidence.affected_total)
      b += "    affected users: " + thousands(f.evidence.affected_total) + " (--affected-users FILE lists them)\n";
    if (!f.related.empty()) {
      b += "    related:";
      for (const auto& id : f.related) b += " " + id;
      b += "\n";
    }
    if (!f.do_not.empty()) {
      b += "    do NOT: " + clean(f.do_not.front()) +
           (f.do_not.size() > 1 ? fmt::format(" (+{} more)", f.do_not.size() - 1) : "") + "\n";
    }
    b += "    playbook: idtriage playbook " + f.playbook + "\n";
    if (!message.empty()) {
      b += "    user message:\n";
      quote_lines(b, message, "      │", false);
    }
  }
  if (v.alert) {
    for (const AlertItem& it : v.alert->items) {
      if (it.finding) continue;
      const AlertEntry& e = it.entry;
      std::string when = window_text(r, e.start, e.end);
      if (markdown)
        b += fmt::format("### ENDED · {} `{}` {}\n\n- change: ended — {}\n- cause: {}\n{}\n", upper(name(e.severity)),
                         name(e.kind), when, text(it.detail), name(e.cause),
                         e.root_cause.empty() ? "" : "- root cause: " + text(e.root_cause) + "\n");
      else {
        b += " ";
        out.paint(it.alert ? sgr::bold : sgr::dim, "ENDED  ");
        b += fmt::format("{} {}  {}  ({})\n", upper(name(e.severity)), name(e.kind), when, clean(it.detail));
        if (!e.root_cause.empty()) b += "    root cause: " + clean(e.root_cause) + "\n";
      }
    }
    if (!unchanged.empty())
      b += (markdown ? "#### Unchanged since the last run\n\n" : "\n unchanged since the last run:\n") + unchanged +
           (markdown ? "\n" : "");
  }
  if (!r.undecided.empty()) {
    b += markdown ? "## Notes\n\n" : "\n";
    for (const auto& u : r.undecided) b += (markdown ? "- " : "  note: ") + text(u) + "\n";
    if (markdown) b += "\n";
  }
  std::uint64_t rejected = 0;
  for (const auto& in : v.inputs) rejected += in.file.summary.rejected;
  if (markdown) {
    // Saved reports name every input, and why one failed.
    b += "## Inputs\n\n| file | kind | format | records | rejected | problem |\n|---|---|---|---|---|---|\n";
    for (const auto& in : v.inputs) {
      const FileSummary& fs = in.file.summary;
      std::string_view problem = fs.fatal ? std::string_view(*fs.fatal) : std::string_view();
      for (const auto& x : r.incomplete)
        if (x.input == fs.path && !fs.fatal) problem = x.detail;
      b += fmt::format("| {} | {} | {} | {} | {} | {} |\n", md_cell(fs.path), record_kind_name(fs.kind),
                       md_cell(fs.format), thousands(fs.records), thousands(fs.rejected), md_cell(problem));
    }
    b += "\n";
  }
  std::string foot =
      fmt::format("inputs: {}, {} rejected records · exit {}{}", count_of(v.inputs.size(), "file", "files"),
                  thousands(rejected), v.exit_code, exit_words(v));
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
