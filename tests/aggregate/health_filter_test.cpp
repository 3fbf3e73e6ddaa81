// Why: `health` hides issues on request (identity only, active at a time,
// outside --since/--until) and must count each hidden issue under the filter
// that hid it, so the summary line never lets an issue vanish silently.
#include <catch2/catch.hpp>

#include "aggregate/health_filter.h"
#include "util/time.h"

using namespace idt;

namespace {

Micros at(const char* s) { return *parse_iso8601(s); }

HealthListed issue(const char* id, bool identity, Micros start, Micros end) {
  HealthListed l;
  l.issue.id = id;
  l.issue.identity_relevant = identity;
  l.issue.start = start;
  l.issue.end = end;
  return l;
}

std::vector<HealthListed> sample() {
  std::vector<HealthListed> v;
  v.push_back(issue("MO1", true, at("2026-06-01T05:00:00Z"), kNoTime));                      // open
  v.push_back(issue("EX2", false, at("2026-06-01T04:00:00Z"), at("2026-06-01T06:00:00Z")));  // not identity
  v.push_back(issue("MO3", true, at("2026-05-20T08:00:00Z"), at("2026-05-20T09:00:00Z")));   // long over
  return v;
}

std::vector<std::string> ids(const HealthSelection& s) {
  std::vector<std::string> out;
  for (const auto& l : s.issues) out.push_back(l.issue.id);
  return out;
}

}  // namespace

TEST_CASE("health filter: no filter keeps everything in input order", "[aggregate][health]") {
  HealthSelection s;
  select_health(sample(), HealthFilter{}, s);
  CHECK(ids(s) == std::vector<std::string>{"MO1", "EX2", "MO3"});
  CHECK(s.total == 3);
  CHECK(s.hidden_not_identity + s.hidden_inactive + s.hidden_outside_window == 0);
}

TEST_CASE("health filter: each hidden issue is counted under the first filter that hid it", "[aggregate][health]") {
  HealthFilter f;
  f.identity_only = true;
  f.active_at = at("2026-06-01T05:30:00Z");
  HealthSelection s;
  select_health(sample(), f, s);
  CHECK(ids(s) == std::vector<std::string>{"MO1"});
  CHECK(s.total == 3);
  CHECK(s.hidden_not_identity == 1);  // EX2 (also active then, but identity comes first)
  CHECK(s.hidden_inactive == 1);      // MO3
  CHECK(s.hidden_outside_window == 0);
}

TEST_CASE("health filter: --since/--until keep issues overlapping the window", "[aggregate][health]") {
  HealthFilter f;
  f.since = at("2026-06-01T00:00:00Z");
  HealthSelection s;
  select_health(sample(), f, s);
  CHECK(ids(s) == std::vector<std::string>{"MO1", "EX2"});
  CHECK(s.hidden_outside_window == 1);

  HealthFilter before;
  before.until = at("2026-06-01T04:30:00Z");  // EX2 started 04:00, MO1 05:00
  HealthSelection b;
  select_health(sample(), before, b);
  CHECK(ids(b) == std::vector<std::string>{"EX2", "MO3"});
  CHECK(b.hidden_outside_window == 1);

  // Selections accumulate over several files.
  select_health(sample(), before, b);
  CHECK(b.total == 6);
  CHECK(b.issues.size() == 4);
}
