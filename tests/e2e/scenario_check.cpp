// Why: see scenario_check.h.
#include "e2e/scenario_check.h"

#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "classify/ticket_classifier.h"
#include "synth/synth.h"
#include "util/time.h"

namespace idt::e2e {

namespace fs = std::filesystem;

ScenarioRun run_scenario(const std::string& scenario, std::uint32_t users, std::uint64_t seed) {
  ScenarioRun out;
  out.spec.name = scenario;
  synth::SynthOptions o;
  o.scenario = scenario;
  o.users = users;
  o.seed = seed;
  auto gen = synth::generate(o);
  if (!gen.ok()) throw std::runtime_error("synth: " + gen.error().message);
  fs::path dir = fs::temp_directory_path() / ("idtriage-e2e-" + scenario + "-" + std::to_string(users) + "-" +
                                              std::to_string(seed) + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  if (!synth::write_output(gen.value(), dir.string()).ok()) throw std::runtime_error("cannot write " + dir.string());
  TriageInputs in;
  std::string expected;
  for (const auto& f : gen->files) {
    if (f.kind == "expected")
      expected = f.content;
    else
      in.detect.push_back((dir / f.name).string());  // no labels: detected by content
  }
  simdjson::dom::parser p;
  simdjson::dom::element doc = p.parse(expected);
  for (simdjson::dom::element f : doc["findings"].get_array()) {
    ExpectedFinding e;
    e.kind = std::string(f["kind"].get_string().value());
    e.cause = std::string(f["cause"].get_string().value());
    e.min_severity = std::string(f["min_severity"].get_string().value());
    e.start = *parse_iso8601(f["window"]["start"].get_string().value());
    e.end = *parse_iso8601(f["window"]["end"].get_string().value());
    e.tolerance = f["window_tolerance_minutes"].get_int64().value() * 60 * kMicrosPerSecond;
    for (simdjson::dom::element h : f["health_incidents"].get_array()) e.health.emplace_back(h.get_string().value());
    std::string_view rc;
    if (!f["root_cause_contains"].get_string().get(rc)) e.root_cause_contains = std::string(rc);
    out.spec.findings.push_back(e);
  }
  std::string_view ms;
  if (!doc["max_severity"].get_string().get(ms)) out.spec.max_severity = std::string(ms);
  simdjson::dom::array arr;
  if (!doc["must_not"].get_array().get(arr))
    for (simdjson::dom::element k : arr) out.spec.must_not.emplace_back(k.get_string().value());
  if (!doc["breakglass"].get_array().get(arr))
    for (simdjson::dom::element k : arr) out.spec.breakglass.emplace_back(k.get_string().value());
  std::int64_t days = 1;
  if (!doc["days"].get_int64().get(days)) out.spec.days = static_cast<int>(days);
  std::uint64_t phishing = 0;
  if (!doc["totals"]["tickets"]["phishing_report"].get_uint64().get(phishing)) out.spec.phishing_tickets = phishing;

  auto rules = TicketRules::builtin();
  if (!rules.ok()) throw std::runtime_error("ticket rules: " + rules.error().message);
  TriageOptions to;
  to.breakglass = out.spec.breakglass;
  out.run = run_triage(in, RunOptions{}, to, rules.value());
  fs::remove_all(dir);
  return out;
}

namespace {

bool has_placeholder(std::string_view s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    if (s[i] != '{') continue;
    std::size_t j = i + 1;
    while (j < s.size() && ((s[j] >= 'a' && s[j] <= 'z') || s[j] == '_')) ++j;
    if (j < s.size() && s[j] == '}' && j > i + 1) return true;
  }
  return false;
}

std::string minutes(Micros d) {
  std::ostringstream o;
  o << static_cast<double>(d) / (60.0 * kMicrosPerSecond);
  return o.str();
}

}  // namespace

Verdict judge(const TriageReport& r, const ScenarioSpec& spec, bool allow_incomplete) {
  Verdict v;
  auto fail = [&](std::string m) { v.problems.push_back(spec.name + ": " + std::move(m)); };
  const bool incomplete = r.state == VerdictState::incomplete;
  if (allow_incomplete && incomplete) {
    if (r.incomplete.empty()) fail("incomplete without a reason");
    return v;
  }
  for (const auto& e : spec.findings) {
    const Finding* hit = nullptr;
    for (const auto& f : r.findings)
      if (name(f.kind) == e.kind &&
          (hit == nullptr || (e.start != kNoTime && f.start != kNoTime &&
                              std::llabs(f.start - e.start) < std::llabs(hit->start - e.start))))
        hit = &f;
    if (!hit) {
      fail("missing " + e.kind);
      continue;
    }
    if (name(hit->cause) != e.cause)
      fail(e.kind + ": cause " + std::string(name(hit->cause)) + ", expected " + e.cause);
    if (hit->severity < *parse_severity(e.min_severity))
      fail(e.kind + ": severity " + std::string(name(hit->severity)) + " < " + e.min_severity);
    if (e.kind == "breakglass_stale") {
      if (hit->start != kNoTime) fail("breakglass_stale has a window");
    } else if (e.kind == "outage_phishing") {
      // Built from individual reports: inside the expected period, and all of them.
      if (hit->start < e.start - e.tolerance || hit->end > e.end + e.tolerance)
        fail("outage_phishing outside its period");
      if (hit->evidence.tickets != spec.phishing_tickets)
        fail("outage_phishing counts " + std::to_string(hit->evidence.tickets) + " of " +
             std::to_string(spec.phishing_tickets) + " phishing reports");
      if (hit->evidence.ticket_ids.size() != spec.phishing_tickets) fail("outage_phishing lists not every ticket id");
    } else {
      const Micros ds = hit->start - e.start, de = hit->end - e.end;
      v.window_errors.emplace_back(static_cast<double>(ds) / 6e7, static_cast<double>(de) / 6e7);
      if (std::llabs(ds) > e.tolerance || std::llabs(de) > e.tolerance)
        fail(e.kind + ": window off by " + minutes(ds) + " / " + minutes(de) + " min (" +
             format_day_minute(hit->start) + "–" + format_day_minute(hit->end) + ")");
    }
    for (const auto& id : e.health)
      if (std::find(hit->evidence.health_incidents.begin(), hit->evidence.health_incidents.end(), id) ==
          hit->evidence.health_incidents.end())
        fail(e.kind + ": health issue " + id + " not matched");
    if (!e.root_cause_contains.empty() && hit->root_cause.find(e.root_cause_contains) == std::string::npos)
      fail(e.kind + ": root cause \"" + hit->root_cause + "\" does not name " + e.root_cause_contains);
    if (hit->do_not.empty() || hit->playbook != e.kind) fail(e.kind + ": playbook not attached");
  }
  std::set<std::string> expected_kinds;
  for (const auto& e : spec.findings) expected_kinds.insert(e.kind);
  for (const auto& f : r.findings) {
    std::string k(name(f.kind));
    if (f.severity >= Severity::medium && !expected_kinds.count(k))
      fail("unexpected " + k + " " + std::string(name(f.severity)) + ": " + f.summary);
    if (std::find(spec.must_not.begin(), spec.must_not.end(), k) != spec.must_not.end())
      fail("must not report " + k + ": " + f.summary);
    if (!spec.max_severity.empty() && f.severity > *parse_severity(spec.max_severity))
      fail(k + " above " + spec.max_severity);
    for (const auto& a : f.actions)
      if (has_placeholder(a)) fail(k + ": placeholder left in a step: " + a);
    for (const auto& a : f.do_not)
      if (has_placeholder(a)) fail(k + ": placeholder left in the do-not list: " + a);
    if (has_placeholder(f.message) || has_placeholder(f.message_subject)) fail(k + ": placeholder left in the message");
  }
  if (has_placeholder(r.verdict) || has_placeholder(r.verdict_detail)) fail("placeholder left in the verdict");
  // The verdict state.
  bool actionable = false;
  for (const auto& e : spec.findings) actionable |= *parse_severity(e.min_severity) >= Severity::medium;
  if (actionable && r.state != VerdictState::findings)
    fail("state " + std::string(name(r.state)) + ", expected findings");
  if (!actionable && spec.findings.empty() && r.state != VerdictState::all_clear)
    fail("state " + std::string(name(r.state)) + ", expected all_clear" +
         (r.incomplete.empty() ? "" : " (" + r.incomplete.front().detail + ")"));
  if (actionable && !r.findings.empty() && r.findings.front().start != kNoTime) {
    // The verdict names the date of its finding.
    std::string date = format_day_minute(r.findings.front().start).substr(0, 10);
    if (r.verdict.find(date) == std::string::npos) fail("verdict does not name the date " + date + ": " + r.verdict);
  }
  return v;
}

}  // namespace idt::e2e
