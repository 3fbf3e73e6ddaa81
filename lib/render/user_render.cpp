// Why: see user_render.h.
#include "render/user_render.h"

#include <fmt/format.h>

#include "render/inputs_render.h"
#include "render/json_values.h"
#include "render/text_table.h"
#include "util/json_writer.h"

namespace idt {
namespace {

std::string code_text(const UserSignin& s) { return s.has_code ? std::to_string(s.code) : "-"; }

std::string location(const UserSignin& s) {
  std::string l = s.city;
  if (!s.country.empty()) l += (l.empty() ? "" : ", ") + s.country;
  return l;
}

std::string client(const UserSignin& s) {
  std::string c = s.client;
  if (!s.browser.empty()) c += (c.empty() ? "" : " / ") + s.browser;
  if (!s.os.empty()) c += (c.empty() ? "" : " / ") + s.os;
  return c;
}

std::string mfa(const UserSignin& s) {
  if (s.mfa_method.empty()) return s.mfa_detail;
  return s.mfa_detail.empty() ? s.mfa_method : s.mfa_method + ": " + s.mfa_detail;
}

std::string_view class_color(SigninClass c) {
  switch (c) {
    case SigninClass::success:
      return sgr::green;
    case SigninClass::interrupt:
      return sgr::dim;
    case SigninClass::service_error:
    case SigninClass::portal_unreachable:
      return sgr::magenta;
    default:
      return sgr::red;
  }
}

void render_table(Output& out, const UserView& v) {
  const UserActivity& a = *v.activity;
  const UserKey& k = a.key();
  out.paint(sgr::bold, "idtriage user ");
  out.write(clean(v.query));
  out.write(fmt::format(" ({})\n", v.query_kind));
  if (v.via_ticket)
    out.write(fmt::format("  ticket {} raised by {}{}\n", clean(v.via_ticket->id), clean(v.via_ticket->caller),
                          v.via_ticket->caller_name.empty() ? "" : " (" + clean(v.via_ticket->caller_name) + ")"));
  if (!v.found) {
    out.write(fmt::format("  not found: {}\n", v.not_found));
    if (!v.suggestions.empty()) {
      out.write("  did you mean: ");
      for (std::size_t i = 0; i < v.suggestions.size(); ++i) out.write((i ? ", " : "") + clean(v.suggestions[i]));
      out.write("\n");
    }
    return;
  }
  std::string who = k.upn.empty() ? "(no UPN in the records)" : k.upn;
  std::string display = a.signins.empty() ? "" : a.signins.back().display;
  out.write(fmt::format("  {}{}{}\n", clean(who), display.empty() ? "" : " · " + clean(display),
                        k.object_id.empty() ? "" : " · id " + clean(k.object_id)));
  if (!a.other_upns.empty()) {
    out.write("  ");
    out.paint(sgr::yellow, "note:");
    out.write(fmt::format(" {} other account(s) carry this name:", a.other_upns.size()));
    for (const auto& u : a.other_upns) out.write(" " + clean(u));
    out.write("\n");
  }

  section(out, fmt::format("Sign-ins ({})", thousands(a.signins.size())));
  if (a.signins.empty())
    out.write("  none in these inputs\n");
  else {
    out.write(fmt::format("  {}{}{}{}{}{}{}{}\n", pad("time (UTC)", 17), pad("app", 22), pad("code", 8),
                          pad("class", 21), pad("reason", 26), pad("IP / location", 30), pad("client", 28),
                          "MFA"));  // widths + 1 space
    std::size_t from = a.signins.size() > v.limit ? a.signins.size() - v.limit : 0;
    if (from) out.write(fmt::format("  … {} earlier (all in --format json)\n", thousands(from)));
    for (std::size_t i = from; i < a.signins.size(); ++i) {
      const UserSignin& s = a.signins[i];
      out.write("  ");
      cell(out, minute(s.time), 16);
      out.write(" ");
      cell(out, s.app, 21);
      out.write(" ");
      cell(out, code_text(s), 7);
      out.write(" ");
      cell(out, name(s.cls), 20, class_color(s.cls));
      out.write(" ");
      cell(out, s.reason, 25);
      out.write(" ");
      std::string where = s.ip;
      std::string loc = location(s);
      if (!loc.empty()) where += (where.empty() ? "" : " ") + ("(" + loc + ")");
      cell(out, where, 29);
      out.write(" ");
      cell(out, client(s), 27);
      out.write(" ");
      cell(out, mfa(s), 40, {}, true);
      out.write("\n");
    }
  }

  section(out, fmt::format("Registration and methods ({})", a.audits.size()));
  if (a.audits.empty()) out.write("  none in these inputs\n");
  for (const auto& e : a.audits) {
    out.write("  ");
    cell(out, minute(e.time), 16);
    out.write(" ");
    cell(out, name(e.cls), 24);
    out.write(" ");
    cell(out, e.result, 8);
    out.write(" ");
    cell(out, e.activity, 49);
    out.write(" ");
    cell(out, e.by_admin ? "by " + e.initiator : "by the user", 30, {}, true);
    out.write("\n");
  }

  section(out, fmt::format("Tickets ({})", a.tickets.size()));
  if (a.tickets.empty()) out.write("  none matched by UPN, e-mail or display name\n");
  for (const auto& t : a.tickets) {
    out.write("  ");
    cell(out, t.id, 11);
    out.write(" ");
    cell(out, minute(t.opened), 16);
    out.write(" ");
    cell(out, t.state, 11);
    out.write(" ");
    cell(out, name(t.cls), 18);
    out.write(" ");
    cell(out, t.title, 43);
    out.write(" ");
    cell(out, "by " + t.matched_by, 18, {}, true);
    out.write("\n");
  }

  const CallerCase& c = *v.caller;
  section(out, "Covering them");
  if (!v.correlated)
    out.write("  findings not checked (--quick: no triage correlation); this is not an all-clear\n");
  else if (c.findings.empty() && c.health.empty())
    out.write("  no finding or identity health issue covers them\n");
  for (const auto& cf : c.findings) {
    const Finding& f = v.report->findings[cf.index];
    out.write(fmt::format("  {} {:<8} {}: {}\n", f.id, name(f.severity), name(f.kind), clean(f.summary)));
    out.write(fmt::format("     because {}\n", cf.why));
  }
  for (const auto& ch : c.health) {
    const HealthIssueCopy& h = (*v.health)[ch.index];
    out.write(fmt::format("  {} health  {} ({}, {}): {}\n", clean(h.id), clean(h.title), clean(h.service),
                          clean(h.status), ch.why));
  }

  section(out, "Diagnosis");
  out.write("  " + clean(c.diagnosis) + "\n");
  section(out, "Say to the caller");
  out.write("  \"" + clean(c.say) + "\"\n");
  section(out, "Do not");
  for (const auto& d : c.do_not) out.write("  - " + clean(d) + "\n");
}

void signin_json(JsonWriter& w, const UserSignin& s) {
  w.begin_object();
  time_kv(w, "time", s.time);
  w.kv("upn", s.upn);
  w.kv("app", s.app);
  if (s.has_code)
    w.kv("code", s.code);
  else
    w.key("code").null();
  w.kv("class", name(s.cls));
  w.kv("reason", s.reason);
  w.kv("rule", s.rule);
  w.kv("failure_reason", s.failure_reason);
  w.kv("ip", s.ip);
  w.kv("city", s.city);
  w.kv("country", s.country);
  w.kv("client_app", s.client);
  w.kv("browser", s.browser);
  w.kv("os", s.os);
  w.kv("mfa_method", s.mfa_method);
  w.kv("mfa_detail", s.mfa_detail);
  w.kv("ca_status", s.ca_status);
  w.end_object();
}

void ticket_json(JsonWriter& w, const UserTicket& t) {
  w.begin_object();
  w.kv("id", t.id);
  time_kv(w, "opened", t.opened);
  w.kv("state", t.state);
  w.kv("class", name(t.cls));
  w.kv("rule", t.rule);
  w.kv("title", t.title);
  w.kv("caller", t.caller);
  w.kv("caller_name", t.caller_name);
  if (!t.matched_by.empty()) w.kv("matched_by", t.matched_by);
  w.end_object();
}

void render_json(Output& out, const UserView& v) {
  const UserActivity& a = *v.activity;
  const CallerCase& c = *v.caller;
  JsonWriter w(out.buf());
  w.begin_object();
  w.kv("schema", "idtriage.user/1");
  w.key("query").begin_object();
  w.kv("text", v.query);
  w.kv("kind", v.query_kind);
  w.end_object();
  w.kv("found", v.found);
  if (!v.found) w.kv("not_found", v.not_found);
  strings_json(w, "suggestions", v.suggestions);
  w.key("via_ticket");
  if (v.via_ticket)
    ticket_json(w, *v.via_ticket);
  else
    w.null();
  w.key("user").begin_object();
  w.kv("upn", a.key().upn);
  w.kv("object_id", a.key().object_id);
  w.kv("display_name", a.signins.empty() ? std::string() : a.signins.back().display);
  strings_json(w, "other_accounts_with_this_name", a.other_upns);
  w.end_object();
  w.key("source").begin_object();
  w.kv("method", v.source);
  w.kv("correlated", v.correlated);
  w.kv("skipped_by_prefilter", v.skipped);
  w.key("inputs").begin_array();
  for (const auto& in : v.inputs) {
    w.begin_object();
    file_head_json(w, in.file.summary);
    w.kv("rejected", in.file.summary.rejected);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.key("signins").begin_array();
  for (const auto& s : a.signins) signin_json(w, s);
  w.end_array();
  w.key("registration").begin_array();
  for (const auto& e : a.audits) {
    w.begin_object();
    time_kv(w, "time", e.time);
    w.kv("class", name(e.cls));
    w.kv("activity", e.activity);
    w.kv("result", e.result);
    w.kv("result_reason", e.result_reason);
    w.kv("by_admin", e.by_admin);
    w.kv("initiator", e.initiator);
    w.end_object();
  }
  w.end_array();
  w.key("tickets").begin_array();
  for (const auto& t : a.tickets) ticket_json(w, t);
  w.end_array();
  w.key("covered_by").begin_object();
  w.key("findings").begin_array();
  for (const auto& cf : c.findings) {
    const Finding& f = v.report->findings[cf.index];
    w.begin_object();
    w.kv("id", f.id);
    w.kv("kind", name(f.kind));
    w.kv("severity", name(f.severity));
    w.kv("cause", name(f.cause));
    w.kv("suspected", f.suspected);
    w.key("window");
    window_json(w, f.start, f.end);
    w.kv("summary", f.summary);
    w.kv("playbook", f.playbook);
    w.kv("why", cf.why);
    w.end_object();
  }
  w.end_array();
  w.key("health").begin_array();
  for (const auto& ch : c.health) {
    const HealthIssueCopy& h = (*v.health)[ch.index];
    w.begin_object();
    w.kv("id", h.id);
    w.kv("title", h.title);
    w.kv("service", h.service);
    w.kv("status", h.status);
    start_end_kv(w, h.start, h.end);
    w.kv("why", ch.why);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.key("facts").begin_object();
  const CallerFacts& f = c.facts;
  w.kv("signins", static_cast<std::uint64_t>(f.signins));
  w.kv("successes", static_cast<std::uint64_t>(f.successes));
  w.kv("failures", static_cast<std::uint64_t>(f.failures));
  w.kv("interrupts", static_cast<std::uint64_t>(f.interrupts));
  w.kv("bad_passwords", static_cast<std::uint64_t>(f.bad_passwords));
  w.kv("locked", static_cast<std::uint64_t>(f.locked));
  w.kv("mfa_failures", static_cast<std::uint64_t>(f.mfa_failures));
  w.kv("service_errors", static_cast<std::uint64_t>(f.service_errors));
  w.kv("registrations_started", static_cast<std::uint64_t>(f.reg_started));
  w.kv("registrations_completed", static_cast<std::uint64_t>(f.reg_completed));
  w.kv("registration_open", f.registration_open);
  w.kv("usual_ip", f.usual_ip);
  w.kv("failure_ip", f.failure_ip);
  w.end_object();
  w.key("diagnosis").begin_object();
  w.kv("situation", name(c.situation));
  w.kv("text", c.diagnosis);
  w.kv("say", c.say);
  strings_json(w, "do_not", c.do_not);
  w.end_object();
  w.end_document();
  out.maybe_flush();
}

}  // namespace

void render_user(Output& out, const UserView& v, OutputFormat fmt) {
  if (fmt == OutputFormat::json)
    render_json(out, v);
  else
    render_table(out, v);
}

}  // namespace idt
