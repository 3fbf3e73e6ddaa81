// Why: see synth.h. Plans the day, renders each shape, and writes
// EXPECTED.json from the plan: the findings a triage must (and must not)
// report, and the true counts per class computed with idtriage's own
// classifiers on what was generated.
#include "synth/synth.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>

#include "classify/audit_classifier.h"
#include "classify/signin_classifier.h"
#include "synth/catalog.h"
#include "synth/text_out.h"
#include "util/json_writer.h"
#include "util/write_file.h"

namespace idt::synth {
namespace {

constexpr int kWindowToleranceMinutes = 15;

std::string rfc3339(Micros t) {
  std::string s;
  append_time_plain(s, t);
  return s;
}

void window(JsonWriter& w, Micros day, Window win) {
  w.key("window").begin_object();
  w.kv("start", rfc3339(at_minute(day, win.start_min)));
  w.kv("end", rfc3339(at_minute(day, win.end_min)));
  w.end_object();
}

// The class of a planned sign-in, as idtriage's classifier sees the record.
SigninClass signin_class(const SigninEv& e, const World& world) {
  SignIn r;
  r.has_error_code = true;
  r.error_code = e.code;
  if (e.kind == SigninKind::interactive || e.kind == SigninKind::non_interactive) {
    const AppEntry& a = apps()[e.app];
    r.app_id = a.id;
    r.app_name = a.name;
    r.resource_id = a.resource_id;
    r.resource_name = a.resource_name;
    if (e.code == 500121) r.additional_details = mfa_denial_details()[e.mfa_detail];
  } else {
    const ServicePrincipal& sp = world.sps[e.who];
    r.app_id = sp.app_id;
    r.app_name = sp.name;
    const SpResource& res = sp_resources()[static_cast<std::size_t>(sp.resource)];
    r.resource_id = res.id;
    r.resource_name = res.name;
  }
  return classify_signin(r).cls;
}

AuditClass audit_class(const AuditEv& e) {
  AuditEvent a;
  a.result = "success";
  switch (e.type) {
    case AuditType::reg_started:
    case AuditType::reg_registered:
    case AuditType::reg_registered_all:
    case AuditType::reg_cancelled:
      a.service = kAuthMethodsService;
      a.activity = registration_activity(e.type);
      break;
    case AuditType::change:
      a.service = e.change->service;
      a.category = e.change->category;
      a.activity = e.change->activity;
      break;
    case AuditType::background: {
      const AuditActivity& b = background_audit()[e.detail];
      a.service = b.service;
      a.category = b.category;
      a.activity = b.activity;
      break;
    }
  }
  return classify_audit(a).cls;
}

bool uses_victim(const Scenario& sc) {
  for (const Part* p : sc.parts) {
    for (const auto& b : p->bursts)
      if (b.who == Who::victim) return true;
    for (const auto& t : p->tickets)
      if (t.who == TicketWho::victim) return true;
  }
  return false;
}

std::string expected_json(const Scenario& sc, const SynthOptions& o, const Plan& plan, const World& world,
                          const std::vector<SynthFile>& files) {
  const Micros day = plan.day_start;
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.kv("schema", "idtriage.synth-expected/1");
  w.kv("scenario", sc.name);
  w.kv("summary", sc.summary);
  w.kv("seed", static_cast<std::uint64_t>(o.seed));
  w.kv("users", static_cast<std::uint64_t>(o.users));
  w.kv("date", o.date);
  window(w, day, {0, 1440 * plan.days});
  if (plan.days > 1) w.kv("days", static_cast<std::uint64_t>(plan.days));
  if (!sc.breakglass.empty()) {
    w.key("breakglass").begin_array();
    for (auto a : sc.breakglass) w.value(a);
    w.end_array();
  }

  w.key("files").begin_array();
  for (const auto& f : files) {
    w.begin_object().kv("path", f.name).kv("kind", f.kind);
    std::string_view format = f.kind == "signin"
                                  ? (o.signin_shape == SigninShape::eventhub ? "eventhub-json" : "graph-json")
                              : f.kind == "audit"                            ? "graph-json"
                              : f.kind == "ticket"                           ? "ticket-csv"
                              : sc.health_shape == HealthShape::servicecomms ? "servicecomms-json"
                              : sc.health_shape == HealthShape::azure_alert  ? "azure-alert-json"
                                                                             : "graph-health-json";
    w.kv("format", format).kv("records", f.records).end_object();
  }
  w.end_array();

  w.key("findings").begin_array();
  for (const auto& f : sc.expect) {
    w.begin_object().kv("kind", f.kind).kv("cause", f.cause).kv("min_severity", f.min_severity);
    window(w, day, f.window);
    w.kv("window_tolerance_minutes", kWindowToleranceMinutes);
    w.key("health_incidents").begin_array();
    for (auto id : f.health_ids) w.value(id);
    w.end_array();
    if (!f.root_cause_contains.empty()) w.kv("root_cause_contains", f.root_cause_contains);
    w.end_object();
  }
  w.end_array();
  w.key("must_not").begin_array();
  for (auto k : sc.must_not) w.value(k);
  w.end_array();
  w.key("max_severity");
  if (sc.max_severity.empty())
    w.null();
  else
    w.value(sc.max_severity);
  w.key("victim");
  if (uses_victim(sc))
    w.value(world.users[plan.victim].upn);
  else
    w.null();

  // True counts per class (what `totals` of a triage over these files must say).
  std::array<std::uint64_t, kSigninClassCount> sc_counts{};
  for (const auto& e : plan.signins) ++sc_counts[static_cast<std::size_t>(signin_class(e, world))];
  std::array<std::uint64_t, kAuditClassCount> ac_counts{};
  for (const auto& e : plan.audits) ++ac_counts[static_cast<std::size_t>(audit_class(e))];
  std::vector<std::pair<std::string_view, std::uint64_t>> tc;
  for (const auto& t : plan.tickets) {
    auto it = std::find_if(tc.begin(), tc.end(), [&](const auto& p) { return p.first == t.tpl->expect_class; });
    if (it == tc.end())
      tc.emplace_back(t.tpl->expect_class, 1);
    else
      ++it->second;
  }
  std::sort(tc.begin(), tc.end());
  w.key("totals").begin_object();
  w.key("signin").begin_object();
  for (std::size_t i = 0; i < kSigninClassCount; ++i) w.kv(kSigninClassNames[i], sc_counts[i]);
  w.end_object();
  w.key("audit").begin_object();
  for (std::size_t i = 0; i < kAuditClassCount; ++i) w.kv(kAuditClassNames[i], ac_counts[i]);
  w.end_object();
  w.key("tickets").begin_object();
  for (const auto& [cls, n] : tc) w.kv(cls, n);
  w.end_object();
  w.end_object();

  w.key("health_issues").begin_array();
  for (const HealthSpec* h : plan.health) {
    w.begin_object().kv("id", h->id).kv("service", h->service).kv("classification", h->classification);
    window(w, day, {h->start_min, h->end_min == kOpen ? 1440 : h->end_min});
    w.end_object();
  }
  w.end_array();

  w.key("episodes").begin_array();
  for (const auto& e : plan.episodes) {
    w.begin_object().kv("part", e.part).kv("kind", e.kind).kv("label", e.label);
    window(w, day, e.window);
    w.kv("signins", e.signins).kv("audit", e.audit).kv("tickets", e.tickets).end_object();
  }
  w.end_array();
  w.end_object();
  return pretty_json(out);
}

}  // namespace

Result<Micros> parse_day(std::string_view d) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (d.size() != 10 || d[4] != '-' || d[7] != '-')
    return Error{"--date: expected YYYY-MM-DD, got '" + std::string(d) + "'"};
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!digit(d[i])) return Error{"--date: expected YYYY-MM-DD, got '" + std::string(d) + "'"};
  int y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
  int m = (d[5] - '0') * 10 + (d[6] - '0');
  int day = (d[8] - '0') * 10 + (d[9] - '0');
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (y < 1971 || m < 1 || m > 12 || day < 1 || day > kDays[m - 1] || (m == 2 && day == 29 && !leap))
    return Error{"--date: no such day '" + std::string(d) + "'"};
  return from_civil(y, m, day, 0, 0, 0, 0);
}

Result<SynthOutput> generate(const SynthOptions& o) {
  const Scenario* sc = find_scenario(o.scenario);
  if (sc == nullptr) {
    std::string names;
    for (const auto& s : all_scenarios()) names += (names.empty() ? "" : ", ") + std::string(s.name);
    return Error{"unknown scenario '" + o.scenario + "' (one of: " + names + ")"};
  }
  if (o.users < kMinUsers || o.users > kMaxUsers)
    return Error{"--users must be between " + std::to_string(kMinUsers) + " and " + std::to_string(kMaxUsers)};
  auto day = parse_day(o.date);
  if (!day) return day.error();

  World world(o.seed, o.users);
  Plan plan = make_plan(*sc, world, o.seed, *day);

  SynthOutput out;
  SynthFile signins{
      o.signin_shape == SigninShape::eventhub ? "signins.jsonl" : "signins.json", "signin", {}, plan.signins.size()};
  write_signins(signins.content, plan, world, o.signin_shape, o.seed);
  SynthFile audit{"audit.json", "audit", {}, plan.audits.size()};
  write_audit(audit.content, plan, world, o.seed);
  SynthFile tickets{"tickets.csv", "ticket", {}, plan.tickets.size()};
  write_tickets(tickets.content, plan, world);
  // Azure Service Health fires one alert per update: one record each.
  std::uint64_t health_records = plan.health.size();
  if (sc->health_shape == HealthShape::azure_alert) {
    health_records = 0;
    for (const HealthSpec* h : plan.health) health_records += h->posts.size();
  }
  SynthFile health{"health.json", "health", {}, health_records};
  write_health(health.content, plan, sc->health_shape);
  out.files.push_back(std::move(signins));
  out.files.push_back(std::move(audit));
  out.files.push_back(std::move(tickets));
  out.files.push_back(std::move(health));
  std::string expected = expected_json(*sc, o, plan, world, out.files);
  out.files.push_back({"EXPECTED.json", "expected", std::move(expected), 0});
  // The user list comes after EXPECTED.json: it is not a log a triage reads.
  SynthFile users{"users.csv", "users", {}, world.users.size() + 2};
  write_users(users.content, world);
  out.files.push_back(std::move(users));
  return out;
}

Result<bool> write_output(const SynthOutput& out, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Error{dir + ": cannot create directory: " + ec.message()};
  for (const auto& f : out.files) {
    const std::string path = (std::filesystem::path(dir) / f.name).string();
    if (auto err = write_file(path, f.content)) return Error{*err};
  }
  return true;
}

}  // namespace idt::synth
