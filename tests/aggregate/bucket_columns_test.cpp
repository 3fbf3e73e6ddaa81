// Why: the ready KQL aggregate computes each bucket column from its table row
// (bucket_columns.cpp), while triage counts in TriageAggregate. Feeding both
// the same classified records must give the same numbers for every counting
// column, so a change to either side without the other fails here.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "aggregate/bucket_columns.h"
#include "aggregate/triage_aggregate.h"
#include "classify/audit_classifier.h"
#include "classify/codes.h"
#include "classify/signin_classifier.h"
#include "util/text.h"

using namespace idt;

namespace {

constexpr Micros kBucket = 15 * 60 * kMicrosPerSecond;
constexpr Micros kT0 = 1780300800LL * kMicrosPerSecond;  // a bucket start (a multiple of 15 minutes)

struct Rec {
  SignIn r;
  SigninClassification c;
  std::string id, user, ip;
};

// Every code of the table (and none / an unknown one) on a portal app and on
// another app, with and without an IP, from a few users, over three buckets.
std::vector<Rec> records() {
  std::vector<Rec> out;
  std::vector<std::optional<std::int64_t>> codes = {std::nullopt, 4242424};
  for (const CodeInfo& c : all_codes()) codes.push_back(c.code);
  const char* users[] = {"alice@contoso.com", "ALICE@contoso.com", "bob@contoso.com", ""};
  const char* ips[] = {"203.0.113.7", "", "198.51.100.2"};
  struct App {
    const char* id;
    const char* name;
  } apps[] = {{"19db86c3-b2b9-44cc-b339-36da233a3be2", "My Signins"},
              {"4765445b-32c6-49b0-83e6-1d93765276ca", "OfficeHome"},
              {"", ""},
              {"00000003-0000-0000-c000-000000000000", ""}};
  // Codes repeat a different number of times each, so no two codes (and no
  // two sets of codes) count alike.
  std::size_t n = 0;
  for (std::size_t k = 0; k < codes.size(); ++k)
    for (std::size_t rep = 0; rep <= k % 7; ++rep)
      for (const App& a : apps)
        for (const char* ip : ips) {
          const auto& code = codes[k];
          Rec x;
          ++n;
          x.id = "id-" + std::to_string(n);
          x.user = users[n % 4];
          x.ip = ip;
          x.r.app_id = a.id;
          x.r.app_name = a.name;
          x.r.time =
              kT0 + static_cast<Micros>((n * 7 + k) % 3) * kBucket + static_cast<Micros>(n % 600) * kMicrosPerSecond;
          if (code) {
            x.r.has_error_code = true;
            x.r.error_code = *code;
          }
          out.push_back(std::move(x));
        }
  for (Rec& x : out) {  // the views point into the vector's final strings
    x.r.id = x.id;
    x.r.upn = x.user;
    x.r.ip = x.ip;
    x.c = classify_signin(x.r);
  }
  return out;
}

bool portal(const SignIn& r) {
  return is_security_info_app(r.app_id, r.app_name) || is_security_info_app(r.resource_id, r.resource_name);
}
std::optional<std::int64_t> code_of(const SignIn& r) {
  return r.has_error_code ? std::optional<std::int64_t>(r.error_code) : std::nullopt;
}
bool in_rows(std::span<const SigninWhen> rows, const Rec& x) {
  if (rows.empty()) return true;
  for (const auto& w : rows)
    if (matches(w, x.c.cls, code_of(x.r), portal(x.r), !x.r.ip.empty())) return true;
  return false;
}
bool counts(const BucketColumn& c, const Rec& x) {
  return in_rows(section_info(c.section).rows, x) &&
         matches(c.when, x.c.cls, code_of(x.r), portal(x.r), !x.r.ip.empty());
}
// TriageAggregate counts per minute; the KQL aggregate per --bucket. The
// 15-minute key of a time, and the per-minute counters summed into it.
std::int64_t bucket_key(Micros t) { return t / kBucket; }
template <class Bucket>
std::map<std::int64_t, Bucket> rebucket(const std::map<std::int64_t, Bucket>& by_minute) {
  std::map<std::int64_t, Bucket> out;
  for (const auto& [minute, b] : by_minute) out[bucket_key(TriageAggregate::minute_start(minute))].merge(b);
  return out;
}

}  // namespace

TEST_CASE("bucket columns: every sign-in counting column equals TriageAggregate's number") {
  const auto recs = records();
  TriageAggregate agg;
  for (const Rec& x : recs) agg.add_signin(x.r, x.c);
  agg.finish();
  const auto buckets = rebucket(agg.signin);
  REQUIRE(buckets.size() == 3);
  std::size_t compared = 0, nonzero = 0;
  for (auto& [key, bucket] : buckets) {
    SigninBucket b = bucket;
    // by_class[mfa_failure] and mfa_fail are one number; the table has it once.
    CHECK(b.mfa_fail == b.by_class[static_cast<std::size_t>(SigninClass::mfa_failure)]);
    std::map<std::string, std::uint64_t> codes, apps;
    for (const Rec& x : recs) {
      if (bucket_key(x.r.time) != key) continue;
      for (const BucketColumn& c : bucket_columns()) {
        if (c.kind != ColumnKind::count || !counts(c, x)) continue;
        if (c.section == BucketSection::signin_code) ++codes[std::to_string(x.r.error_code)];
        if (c.section == BucketSection::signin_app)
          ++apps[!x.r.app_name.empty() ? std::string(x.r.app_name)
                 : !x.r.app_id.empty() ? std::string(x.r.app_id)
                                       : std::string(kNoAppKey)];
      }
    }
    for (const BucketColumn& c : bucket_columns()) {
      if (c.section != BucketSection::signin || c.kind != ColumnKind::count) continue;
      REQUIRE(c.signin_field != nullptr);
      std::uint32_t want = 0;
      for (const Rec& x : recs) want += bucket_key(x.r.time) == key && counts(c, x);
      INFO(c.name);
      CHECK(*c.signin_field(b) == want);
      ++compared;
      nonzero += want > 0;
    }
    for (const auto& [k, v] : codes) CHECK(b.fail_codes.get(k) == v);
    CHECK(b.fail_codes.size() == codes.size());
    for (const auto& [k, v] : apps) CHECK(b.service_apps.get(k) == v);
    CHECK(b.service_apps.size() == apps.size());
    CHECK(!codes.empty());
    CHECK(!apps.empty());
  }
  CHECK(compared == 3 * 21);
  CHECK(nonzero > 40);
}

TEST_CASE("bucket columns: the IP columns equal TriageAggregate's IpFailures") {
  const auto recs = records();
  TriageAggregate agg;
  for (const Rec& x : recs) agg.add_signin(x.r, x.c);
  agg.finish();
  std::size_t ips_with_failures = 0;
  for (auto& [ip, f] : agg.ip_failures) {
    std::map<std::string, std::uint64_t> codes;
    std::set<std::string> users, locked;
    Micros first = kNoTime, last = kNoTime;
    for (const BucketColumn& c : bucket_columns()) {
      if (c.section != BucketSection::ip && c.section != BucketSection::ip_code) continue;
      std::uint32_t n = 0;
      for (const Rec& x : recs) {
        if (x.ip != ip || !counts(c, x)) continue;
        ++n;
        if (c.kind == ColumnKind::distinct_users) (c.name == "IpUsers" ? users : locked).insert(ascii_lower(x.user));
        if (c.kind == ColumnKind::first_time && (first == kNoTime || x.r.time < first)) first = x.r.time;
        if (c.kind == ColumnKind::last_time && (last == kNoTime || x.r.time > last)) last = x.r.time;
        if (c.section == BucketSection::ip_code && c.kind == ColumnKind::count) ++codes[std::to_string(x.r.error_code)];
      }
      INFO(ip << " " << c.name);
      if (c.ip_field) CHECK(*c.ip_field(f) == n);
    }
    // Only IPs with credential failures carry their details (IpCredentials).
    CHECK((f.cred != nullptr) == (f.failures > 0));
    const IpCredentials none;
    const IpCredentials& fc = f.cred ? *f.cred : none;
    CHECK(fc.users.size() == users.size());
    CHECK(fc.locked_users.size() == locked.size());
    CHECK(fc.first == first);
    CHECK(fc.last == last);
    for (const auto& [k, v] : codes) CHECK(fc.codes.get(k) == v);
    CHECK(fc.codes.size() == codes.size());
    ips_with_failures += f.failures > 0;
  }
  // The section keeps IPs with failures; TriageAggregate also keeps success-only IPs.
  CHECK(section_info(BucketSection::ip).keep_if_positive == "IpFailures");
  CHECK(ips_with_failures == 2);
  std::size_t ip_fields = 0;
  for (const BucketColumn& c : bucket_columns()) ip_fields += c.ip_field != nullptr;
  CHECK(ip_fields == 3);
}

TEST_CASE("bucket columns: every audit count column equals TriageAggregate's number") {
  TriageAggregate agg;
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < 3 * audit_rules().size(); ++i) ids.push_back("a-" + std::to_string(i));
  std::map<std::int64_t, std::map<AuditClass, std::uint32_t>> want;
  std::size_t i = 0;
  for (int pass = 0; pass < 3; ++pass)
    for (const AuditRule& r : audit_rules()) {
      AuditEvent e;
      e.id = ids[i];
      e.activity = r.sample;
      e.service = r.service;
      e.category = r.category;
      e.result = pass == 1 ? "failure" : "success";
      e.time = kT0 + static_cast<Micros>(i % 4) * kBucket;
      ++i;
      auto c = classify_audit(e);
      agg.add_audit(e, c);
      ++want[bucket_key(e.time)][c.cls];
    }
  agg.finish();
  const auto buckets = rebucket(agg.audit);
  REQUIRE(buckets.size() == 4);
  std::size_t compared = 0;
  for (auto& [key, bucket] : buckets) {
    AuditBucket b = bucket;
    for (const BucketColumn& c : bucket_columns()) {
      if (c.section != BucketSection::audit || c.kind != ColumnKind::count) continue;
      REQUIRE(c.audit_field != nullptr);
      INFO(c.name);
      CHECK(*c.audit_field(b) == want[key][c.audit]);
      ++compared;
    }
  }
  CHECK(compared == 4 * (kAuditClassCount - 1));
}

TEST_CASE("bucket columns: the funnel columns point at the funnel counters") {
  TriageOptions o;
  TriageAggregate agg(o);
  // One user: a start completed in 10 minutes, then a start never closed
  // (the data runs on for an hour after it).
  const Micros m = 60 * kMicrosPerSecond;
  struct Ev {
    const char* activity;
    Micros t;
    const char* id;
  } evs[] = {{"User started security info registration", kT0, "s1"},
             {"User registered security info", kT0 + 10 * m, "c1"},
             {"User started security info registration", kT0 + 20 * m, "s2"},
             {"Update conditional access policy", kT0 + 90 * m, "x"}};
  for (const Ev& ev : evs) {
    AuditEvent e;
    e.id = ev.id;
    e.activity = ev.activity;
    e.service = ev.activity[0] == 'U' && ev.activity[1] == 's' ? "Authentication Methods" : "Conditional Access";
    e.result = "success";
    e.time = ev.t;
    AuditTarget* t = e.targets.push();
    t->upn = "carol@contoso.com";
    agg.add_audit(e, classify_audit(e));
  }
  agg.finish();
  AuditBucket b = agg.audit.at(TriageAggregate::minute_key(kT0));
  AuditBucket b2 = agg.audit.at(TriageAggregate::minute_key(kT0 + 20 * m));
  for (const BucketColumn& c : bucket_columns()) {
    if (c.kind == ColumnKind::reg_starts_completed) CHECK(*c.audit_field(b) == 1);
    if (c.kind == ColumnKind::reg_abandoned) {
      CHECK(*c.audit_field(b) == 0);
      CHECK(*c.audit_field(b2) == 1);
    }
  }
}
