// Why: see campaign_render.h.
#include "render/campaign_render.h"
#include "util/safe_text.h"

#include <fmt/format.h>

#include <map>

#include "render/ics.h"
#include "render/json_values.h"
#include "render/reports.h"
#include "util/hash.h"
#include "util/json_writer.h"
#include "util/text.h"

namespace idt {
namespace {

std::string clean(std::string_view s) {
  std::string o;
  append_terminal_safe(o, s);
  return o;
}
std::string pad(std::string_view s, std::size_t w) {
  std::string c = fit_width(clean(s), w > 1 ? w - 1 : w);
  std::size_t dw = display_width(c);
  return c + std::string(w > dw ? w - dw : 0, ' ');
}
std::string rpad(std::string_view s, std::size_t w) {
  std::string c = clean(s);
  std::size_t dw = display_width(c);
  return std::string(w > dw ? w - dw : 0, ' ') + c;
}
std::string pct(double r) { return fmt::format("{:.0f}%", 100.0 * r); }
std::string hours_text(const std::vector<int>& hs) {
  std::string s;
  for (std::size_t i = 0; i < hs.size(); ++i) {
    if (i > 0 && hs[i] == hs[i - 1] + 1 && (i + 1 == hs.size() || hs[i + 1] != hs[i] + 1)) {
      s += fmt::format("-{:02d}", hs[i] + 1);
      continue;
    }
    if (i > 0 && hs[i] == hs[i - 1] + 1) continue;
    if (!s.empty()) s += ",";
    s += fmt::format("{:02d}", hs[i]);
    if (i + 1 == hs.size() || hs[i + 1] != hs[i] + 1) s += fmt::format("-{:02d}", hs[i] + 1);
  }
  return s;
}

std::string plan_fingerprint(const CampaignPlan& p) {
  std::uint64_t h = kFnvBasis;
  for (const auto& w : p.waves) {
    h = fnv_mix(fnv_mix(fnv_mix(h, w.id), w.start), w.region);
    for (std::size_t u : w.users) h = fnv_mix(h, p.setup.users[u].upn);
  }
  return fmt::format("{:016x}", h);
}

// ------------------------------------------------------------------ plan

void plan_csv(Output& out, const CampaignPlan& p) {
  std::string& b = out.buf();
  bool first = true;
  for (auto c : kPlanColumns) {
    b += first ? "" : ",";
    b += c;
    first = false;
  }
  b += '\n';
  for (const auto& w : p.waves) {
    std::string gw = std::to_string(w.group_wave), below = fmt::format("{:.0f}", 100.0 * w.pause_below);
    std::string s = format_rfc3339(w.start), e = format_rfc3339(w.end);
    for (std::size_t u : w.users) {
      const PlanUser& pu = p.setup.users[u];
      append_row(b, {w.id, w.region, w.zone, gw, s, e, w.local_date, w.local_window, w.pilot ? "true" : "false", below,
                     pu.upn, pu.display, pu.department, pu.country});
    }
    out.maybe_flush();
  }
}

void plan_json(Output& out, const CampaignPlanView& v) {
  const CampaignPlan& p = *v.plan;
  std::string& b = out.buf();
  JsonWriter w(b);
  w.begin_object();
  w.kv("schema", "idtriage.campaign-plan/1");
  w.kv("grouped_by", name(p.setup.grouped_by));
  w.kv("wave_size", static_cast<std::uint64_t>(p.options.wave_size));
  w.kv("pilot_share", p.options.pilot_share);
  w.kv("wave_hours", p.options.wave_hours);
  w.kv("gap_days", p.options.gap_days);
  w.kv("pause_below", p.options.pause_below);
  w.kv("pause_rule", p.pause_rule);
  w.kv("users_planned", static_cast<std::uint64_t>(p.setup.users.size()));
  w.key("groups").begin_array();
  for (const auto& g : p.setup.groups) {
    w.begin_object();
    w.kv("region", g.label);
    w.kv("time_zone", g.zone_name);
    w.kv("users", static_cast<std::uint64_t>(g.users.size()));
    w.kv("history_signins", g.history);
    w.key("peak_hours").begin_array();
    for (int h : g.peak) w.value(h);
    w.end_array();
    w.kv("peak_source", g.peak_from_history ? "history" : "default");
    w.kv("window_local", fmt::format("{:02d}:00-{:02d}:00", g.window_start, g.window_start + p.options.wave_hours));
    w.kv("window_off_peak", g.window_off_peak);
    strings_json(w, "notes", g.notes);
    w.end_object();
  }
  w.end_array();
  w.key("waves").begin_array();
  for (const auto& wv : p.waves) {
    w.begin_object();
    w.kv("id", wv.id);
    w.kv("region", wv.region);
    w.kv("time_zone", wv.zone);
    w.kv("group_wave", wv.group_wave);
    start_end_kv(w, wv.start, wv.end);
    w.kv("local_date", wv.local_date);
    w.kv("local_window", wv.local_window);
    w.kv("pilot", wv.pilot);
    w.key("users").begin_array();
    for (std::size_t u : wv.users) {
      const PlanUser& pu = p.setup.users[u];
      w.begin_object();
      w.kv("upn", pu.upn);
      w.kv("display_name", pu.display);
      w.kv("department", pu.department);
      w.kv("country", pu.country);
      w.end_object();
    }
    w.end_array();
    w.end_object();
    out.maybe_flush();
  }
  w.end_array();
  w.key("skipped").begin_array();
  for (const auto& [u, why] : p.setup.skipped) {
    w.begin_object();
    w.kv("upn", u);
    w.kv("reason", why);
    w.end_object();
  }
  w.end_array();
  strings_json(w, "notes", p.notes);
  w.key("inputs").begin_array();
  if (v.users) {
    w.begin_object();
    w.kv("path", v.users->path);
    w.kv("kind", "users");
    w.kv("rows", v.users->rows);
    w.kv("rejected", v.users->rejected);
    w.kv("duplicates", v.users->duplicates);
    w.key("error");
    if (v.users->fatal)
      w.value(*v.users->fatal);
    else
      w.null();
    strings_json(w, "notes", v.users->notes);
    w.end_object();
  }
  for (const auto& f : v.history) append_file_json(w, f);
  w.end_array();
  end_report_json(w, v.exit_code);
}

void plan_table(Output& out, const CampaignPlanView& v) {
  const CampaignPlan& p = *v.plan;
  std::string& b = out.buf();
  out.paint(sgr::bold,
            fmt::format("idtriage campaign plan   {} users in {} groups -> {} waves (at most {} per wave)",
                        thousands(p.setup.users.size()), p.setup.groups.size(), p.waves.size(), p.options.wave_size));
  b += "\n";
  b += fmt::format("grouped by {} · peak hours {} · waves {} h, every {} business day(s) per group\n\n",
                   name(p.setup.grouped_by),
                   v.history.empty() ? std::string("by default (no --history)")
                                     : "from " + thousands(v.history_counted) + " interactive sign-ins",
                   p.options.wave_hours, p.options.gap_days);
  out.paint(sgr::bold, pad("REGION", 18) + pad("TIME ZONE", 22) + rpad("USERS", 7) + "  " + pad("PEAK (local)", 20) +
                           pad("FROM", 9) + "WINDOW (local)");
  b += "\n";
  for (const auto& g : p.setup.groups) {
    b += pad(g.label, 18) + pad(g.zone_name, 22) + rpad(thousands(g.users.size()), 7) + "  " +
         pad(hours_text(g.peak), 20) + pad(g.peak_from_history ? "history" : "default", 9) +
         fmt::format("{:02d}:00-{:02d}:00", g.window_start, g.window_start + p.options.wave_hours) + "\n";
    for (const auto& n : g.notes) b += "    note: " + clean(n) + "\n";
  }
  b += "\n";
  out.paint(sgr::bold, pad("WAVE", 6) + pad("START (UTC)", 18) + pad("LOCAL", 24) + pad("REGION", 18) +
                           rpad("USERS", 7) + "  FIRST USERS");
  b += "\n";
  for (const auto& w : p.waves) {
    std::string first;
    for (std::size_t i = 0; i < w.users.size() && i < 2; ++i) first += (i ? ", " : "") + p.setup.users[w.users[i]].upn;
    if (w.users.size() > 2) first += ", …";
    b += pad(w.id, 6) + pad(format_day_minute(w.start), 18) + pad(w.local_date + " " + w.local_window, 24) +
         pad(w.region, 18) + rpad(thousands(w.users.size()), 7) + (w.pilot ? "  pilot: " : "  ") + clean(first) + "\n";
    out.maybe_flush();
  }
  b += "\npause rule: " + clean(p.pause_rule) + "\n";
  if (!p.setup.skipped.empty()) {
    std::map<std::string, std::size_t> why;
    for (const auto& [u, r] : p.setup.skipped) ++why[r];
    b += "not planned: " + std::to_string(p.setup.skipped.size()) + " users";
    for (const auto& [r, n] : why) b += " · " + std::to_string(n) + " " + clean(r);
    b += "\n";
  }
  for (const auto& n : p.notes) b += "note: " + clean(n) + "\n";
  b += "\ncalendar: --ics FILE (one event per wave); plan for `campaign check`: --format csv > plan.csv\n";
}

// ------------------------------------------------------------------ check

const char* state_color(const WaveProgress& w) {
  if (!w.breaches.empty()) return "1;31";
  if (w.state == "done") return "32";
  return "0";
}

void check_table(Output& out, const CampaignCheckView& v) {
  const CampaignPlanFile& plan = *v.plan;
  const CampaignCheck& c = *v.check;
  std::string& b = out.buf();
  out.paint(sgr::bold, fmt::format("idtriage campaign check   {}: {} waves, {} users · as of {} UTC", clean(plan.path),
                                   plan.waves.size(), thousands(plan.users.size()), format_day_minute(c.at)));
  b += "\n";
  b += thousands(v.registration_events) + " registration events of planned users in the audit logs\n\n";
  out.paint(sgr::bold, pad("WAVE", 6) + pad("REGION", 16) + pad("START (UTC)", 18) + pad("STATE", 12) +
                           rpad("USERS", 6) + rpad("DONE", 6) + rpad("STARTED", 8) + rpad("FAILED", 7) +
                           rpad("CANCEL", 7) + rpad("UNSEEN", 7) + "  COMPLETION");
  b += "\n";
  for (const auto& w : c.waves) {
    const PlannedWave& pw = plan.waves[w.wave];
    std::string rate = w.rate_started == 0 ? "-"
                                           : fmt::format("{} ({}/{}){}", pct(w.rate), w.rate_completed, w.rate_started,
                                                         w.judged ? "" : " too few");
    std::string line = pad(pw.id, 6) + pad(pw.region, 16) + pad(format_day_minute(pw.start), 18) +
                       pad(w.state + (w.breaches.empty() ? "" : " !"), 12) + rpad(std::to_string(w.users), 6) +
                       rpad(std::to_string(w.completed), 6) + rpad(std::to_string(w.started), 8) +
                       rpad(std::to_string(w.failed), 7) + rpad(std::to_string(w.cancelled), 7) +
                       rpad(std::to_string(w.not_seen), 7) + "  " + rate;
    out.paint(state_color(w), line);
    b += "\n";
  }
  if (c.breaches) {
    b += "\n";
    out.paint(sgr::bold_red, "PAUSE RULE BREACHED");
    b += "\n";
    for (const auto& w : c.waves)
      for (const auto& br : w.breaches)
        b += "  " + clean(plan.waves[w.wave].id) + " " + clean(plan.waves[w.wave].region) + ": " + clean(br) + "\n";
  }
  b += "\nNEXT\n";
  std::string done;
  for (const auto& n : c.next) {
    if (n.action == "DONE") {
      done += (done.empty() ? "" : ", ") + n.region + " (" + n.zone + ")";
      continue;
    }
    std::string head = pad(n.region + " (" + n.zone + ")", 34);
    b += "  " + head;
    std::string act = n.action;
    act.resize(6, ' ');
    out.paint(n.action == "PAUSE" ? sgr::bold_red : n.action == "GO" ? sgr::green : sgr::yellow, act);
    b += clean(n.why) + "\n";
  }
  if (!done.empty()) b += "  every wave started: " + clean(done) + "\n";
  b += "\nSTILL TO DO: " + thousands(c.todo) + " users";
  if (c.todo > v.list_limit) b += " (first " + std::to_string(v.list_limit) + "; --format csv lists all)";
  b += "\n";
  std::size_t shown = 0;
  for (const auto& u : c.users) {
    if (u.status == "completed") continue;
    if (shown++ >= v.list_limit) break;
    b += "  " + pad(plan.waves[u.wave].id, 5) + pad(plan.users[u.user].upn, 40) + u.status +
         (u.last != kNoTime ? " (last event " + format_day_minute(u.last) + " UTC)" : "") + "\n";
  }
  for (const auto& n : c.notes) b += "\nnote: " + clean(n) + "\n";
  b += fmt::format("\ninputs: {} files · exit {}{}\n", v.inputs.size(), v.exit_code,
                   v.exit_code == 1 ? " (pause rule breached or the next wave must not start)" : "");
}

void check_csv(Output& out, const CampaignCheckView& v) {
  const CampaignPlanFile& plan = *v.plan;
  std::string& b = out.buf();
  b += "wave,region,time_zone,start_utc,upn,status,last_event_utc,completed_utc,wave_completion_percent\n";
  for (const auto& u : v.check->users) {
    const PlannedWave& w = plan.waves[u.wave];
    const WaveProgress& wp = v.check->waves[u.wave];
    append_row(b, {w.id, w.region, w.zone, format_rfc3339(w.start), plan.users[u.user].upn, u.status,
                   u.last == kNoTime ? "" : format_rfc3339(u.last),
                   u.completed_at == kNoTime ? "" : format_rfc3339(u.completed_at),
                   wp.rate_started ? fmt::format("{:.0f}", 100.0 * wp.rate) : ""});
    out.maybe_flush();
  }
}

void check_json(Output& out, const CampaignCheckView& v) {
  const CampaignPlanFile& plan = *v.plan;
  const CampaignCheck& c = *v.check;
  std::string& b = out.buf();
  JsonWriter w(b);
  w.begin_object();
  w.kv("schema", "idtriage.campaign-check/1");
  w.kv("plan", plan.path);
  time_kv(w, "at", c.at);
  w.kv("registration_events", v.registration_events);
  w.key("waves").begin_array();
  for (const auto& wp : c.waves) {
    const PlannedWave& pw = plan.waves[wp.wave];
    w.begin_object();
    w.kv("id", pw.id);
    w.kv("region", pw.region);
    w.kv("time_zone", pw.zone);
    w.kv("group_wave", pw.group_wave);
    start_end_kv(w, pw.start, pw.end);
    w.kv("state", wp.state);
    w.kv("users", static_cast<std::uint64_t>(wp.users));
    w.kv("completed", static_cast<std::uint64_t>(wp.completed));
    w.kv("started", static_cast<std::uint64_t>(wp.started));
    w.kv("failed", static_cast<std::uint64_t>(wp.failed));
    w.kv("cancelled", static_cast<std::uint64_t>(wp.cancelled));
    w.kv("not_seen", static_cast<std::uint64_t>(wp.not_seen));
    w.kv("rate_started", static_cast<std::uint64_t>(wp.rate_started));
    w.kv("rate_completed", static_cast<std::uint64_t>(wp.rate_completed));
    w.key("completion");
    if (wp.rate_started)
      w.value(wp.rate);
    else
      w.null();
    w.kv("judged", wp.judged);
    w.kv("pause_below", pw.pause_below);
    strings_json(w, "breaches", wp.breaches);
    w.end_object();
  }
  w.end_array();
  w.key("next").begin_array();
  for (const auto& n : c.next) {
    w.begin_object();
    w.kv("region", n.region);
    w.kv("time_zone", n.zone);
    string_or_null_kv(w, "wave", n.wave);
    w.kv("action", n.action);
    w.kv("why", n.why);
    w.end_object();
  }
  w.end_array();
  w.kv("todo", static_cast<std::uint64_t>(c.todo));
  w.key("users").begin_array();
  for (const auto& u : c.users) {
    w.begin_object();
    w.kv("upn", plan.users[u.user].upn);
    w.kv("wave", plan.waves[u.wave].id);
    w.kv("status", u.status);
    time_kv(w, "last_event", u.last);
    time_kv(w, "completed_at", u.completed_at);
    w.end_object();
    out.maybe_flush();
  }
  w.end_array();
  strings_json(w, "notes", c.notes);
  w.key("inputs").begin_array();
  for (const auto& f : v.inputs) append_file_json(w, f);
  w.end_array();
  end_report_json(w, v.exit_code);
}

}  // namespace

std::string campaign_ics(const CampaignPlanView& v) {
  const CampaignPlan& p = *v.plan;
  std::string fp = plan_fingerprint(p);
  std::vector<IcsEvent> events;
  for (const auto& w : p.waves) {
    IcsEvent e;
    e.uid = "idtriage-campaign-" + fp + "-" + w.id + "@idtriage";
    e.start = w.start;
    e.end = w.end;
    e.summary = fmt::format("MFA registration {}: {} ({}), {} users{}", w.id, w.region, w.zone, w.users.size(),
                            w.pilot ? ", pilot" : "");
    e.location = w.region + " (" + w.zone + ")";
    std::string d = fmt::format(
        "Wave {} ({} of its region), {} {} local time ({}).\n"
        "Start: add these users to the registration campaign's target group (Entra ID > Authentication methods > "
        "Registration campaign) at the start of this window; keep the help desk staffed for the region.\n"
        "Before starting: idtriage precheck --action campaign; after: idtriage campaign check plan.csv AUDIT.\n"
        "Pause rule: {}\nUsers ({}):",
        w.id, w.group_wave, w.local_date, w.local_window, w.zone, p.pause_rule, w.users.size());
    for (std::size_t u : w.users) {
      const PlanUser& pu = p.setup.users[u];
      d += "\n" + pu.upn;
      if (!pu.display.empty() || !pu.department.empty())
        d += " (" + pu.display + (pu.department.empty() ? "" : ", " + pu.department) + ")";
    }
    e.description = std::move(d);
    e.categories = {"MFA registration", "idtriage"};
    events.push_back(std::move(e));
  }
  std::string out;
  write_ics(out, "MFA registration campaign", events, v.dtstamp);
  return out;
}

void render_campaign_plan(Output& out, const CampaignPlanView& v, OutputFormat fmt) {
  switch (fmt) {
    case OutputFormat::csv:
      plan_csv(out, *v.plan);
      break;
    case OutputFormat::json:
    case OutputFormat::jsonl:
      plan_json(out, v);
      break;
    case OutputFormat::ics:
      out.write(campaign_ics(v));
      break;
    default:
      plan_table(out, v);
  }
}

void render_campaign_check(Output& out, const CampaignCheckView& v, OutputFormat fmt) {
  switch (fmt) {
    case OutputFormat::csv:
      check_csv(out, v);
      break;
    case OutputFormat::json:
    case OutputFormat::jsonl:
      check_json(out, v);
      break;
    default:
      check_table(out, v);
  }
}

}  // namespace idt
