// Why: see rules_render.h: the rules as a readable listing and as the
// idtriage.rules/1 JSON document (docs/output.md); the KQL is rules_kql.cpp.
#include "render/rules_render.h"

#include <fmt/format.h>

#include "aggregate/bucket_columns.h"
#include "classify/audit_classifier.h"
#include "classify/codes.h"
#include "classify/signin_classifier.h"
#include "render/json_values.h"
#include "render/text_table.h"
#include "util/json_writer.h"
#include "util/text.h"

namespace idt {
namespace {

constexpr std::array<std::string_view, 11> kColumnKindNames = {
    "key_bucket",     "key_code",   "key_app",   "key_ip",       "count",
    "distinct_users", "first_time", "last_time", "sample_users", "reg_starts_completed",
    "reg_abandoned"};
static_assert(static_cast<std::size_t>(ColumnKind::reg_abandoned) + 1 == kColumnKindNames.size(),
              "every ColumnKind needs a name");
std::string_view kind_name(ColumnKind k) { return kColumnKindNames[static_cast<std::size_t>(k)]; }

std::string_view kql_type(ColumnKind k) {
  switch (k) {
    case ColumnKind::key_bucket:
    case ColumnKind::first_time:
    case ColumnKind::last_time:
      return "datetime";
    case ColumnKind::key_app:
    case ColumnKind::key_ip:
      return "string";
    case ColumnKind::sample_users:
      return "dynamic";
    default:
      return "long";
  }
}

void when_json(JsonWriter& w, const SigninWhen& when) {
  w.begin_object();
  w.key("classes").begin_array();
  for (auto c : when.classes) w.value(name(c));
  w.end_array();
  w.key("codes").begin_array();
  for (auto c : when.codes) w.value(c);
  w.end_array();
  w.kv("portal", when.portal == PortalMatch::any ? "any" : when.portal == PortalMatch::yes ? "yes" : "no");
  w.kv("needs_ip", when.needs_ip);
  w.end_object();
}

void render_json(std::string& b, const TicketRules& tickets) {
  JsonWriter w(b);
  w.begin_object();
  w.kv("schema", "idtriage.rules/1");
  w.kv("version", IDTRIAGE_VERSION);

  w.key("signin").begin_object();
  w.kv("no_code", kNoCodeReason);
  w.kv("unrecognised_code", kUnrecognisedCodeReason);
  w.key("codes").begin_array();
  for (const CodeInfo& c : all_codes()) {
    w.begin_object();
    w.kv("code", c.code);
    w.kv("class", name(c.cls));
    w.kv("reason", c.reason);
    w.kv("name", c.name);
    w.kv("meaning", c.meaning);
    w.kv("advice", c.advice);
    w.kv("rule_id", code_rule_id(c));
    w.kv("portal_rule_id", portal_rule_id(c));
    w.end_object();
  }
  w.end_array();
  w.kv("mfa_detail_max_auth_steps", static_cast<std::int64_t>(kMaxAuthSteps));
  w.key("mfa_detail_rules").begin_array();
  for (const MfaDetailRule& r : mfa_detail_rules()) {
    w.begin_object();
    w.kv("rule_id", r.rule_id);
    w.kv("needle", r.needle);
    w.kv("reason", r.reason);
    w.kv("sample", r.sample);
    w.end_object();
  }
  w.end_array();
  w.key("portal_overrides").begin_array();
  for (const PortalOverride& p : portal_overrides()) {
    w.begin_object();
    w.kv("from", name(p.from));
    w.kv("to", name(p.to));
    w.end_object();
  }
  w.end_array();
  w.key("security_info_apps").begin_object();
  w.key("ids").begin_array();
  for (auto id : security_info_app_ids()) w.value(id);
  w.end_array();
  w.key("names").begin_array();
  for (auto nm : security_info_app_names()) w.value(nm);
  w.end_array();
  w.end_object();
  w.end_object();

  w.key("audit").begin_object();
  w.kv("no_match", kNoAuditRule);
  w.key("failure_results").begin_array();
  for (auto f : kAuditFailureResults) w.value(f);
  w.end_array();
  w.key("rules").begin_array();
  for (const AuditRule& r : audit_rules()) {
    w.begin_object();
    w.kv("rule_id", r.rule_id);
    w.kv("service", r.service);
    w.kv("category", r.category);
    w.kv("activity", r.activity);
    w.kv("result", r.result == AuditResultMatch::failure ? "failure" : "any");
    w.kv("class", name(r.cls));
    w.kv("sample", r.sample);
    w.end_object();
  }
  w.end_array();
  w.end_object();

  w.key("tickets").begin_object();
  w.kv("no_match", kNoTicketRule);
  w.kv("case_insensitive", kTicketRulesCaseInsensitive);
  w.kv("dot_matches_newline", kTicketRulesDotMatchesNewline);
  w.key("max_bytes").begin_object();
  w.kv("title", static_cast<std::int64_t>(kTicketMaxTitle));
  w.kv("description", static_cast<std::int64_t>(kTicketMaxDescription));
  w.kv("category", static_cast<std::int64_t>(kTicketMaxCategory));
  w.end_object();
  w.key("rules").begin_array();
  for (const TicketRule* r : tickets.ordered_rules()) {
    w.begin_object();
    w.kv("rule_id", r->id);
    w.kv("class", name(r->cls));
    w.kv("priority", r->priority);
    w.kv("user", r->user);
    strings_json(w, "patterns", r->patterns);
    w.kv("unless", r->unless);
    w.kv("kql_pattern", kql_ticket_regex(joined_ticket_pattern(r->patterns)));
    w.kv("kql_unless", r->unless.empty() ? std::string() : kql_ticket_regex(r->unless));
    strings_json(w, "samples", r->samples);
    strings_json(w, "not_samples", r->not_samples);
    w.end_object();
  }
  w.end_array();
  w.end_object();

  w.key("triage_buckets").begin_object();
  w.key("sections").begin_array();
  for (const BucketSectionInfo& s : bucket_sections()) {
    w.begin_object();
    w.kv("section", name(s.section));
    w.kv("source", record_kind_name(s.source));
    w.key("rows_any_of").begin_array();
    for (const SigninWhen& when : s.rows) when_json(w, when);
    w.end_array();
    w.kv("keep_if_positive", s.keep_if_positive);
    w.kv("meaning", s.meaning);
    w.end_object();
  }
  w.end_array();
  w.key("columns").begin_array();
  for (const BucketColumn& c : bucket_columns()) {
    w.begin_object();
    w.kv("section", name(c.section));
    w.kv("name", c.name);
    w.kv("kind", kind_name(c.kind));
    w.kv("type", kql_type(c.kind));
    if (c.section == BucketSection::audit && c.kind == ColumnKind::count) w.kv("audit_class", name(c.audit));
    if (c.section != BucketSection::audit && !is_key(c.kind)) {
      w.key("when");
      when_json(w, c.when);
    }
    w.kv("meaning", c.meaning);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.end_document();
}

void render_table(std::string& b, const TicketRules& tickets) {
  b += fmt::format("Sign-in error codes ({}; meanings and advice: idtriage explain CODE)\n", all_codes().size());
  b += fmt::format("  {:<9}{:<22}{}\n", "CODE", "CLASS", "REASON");
  for (const CodeInfo& c : all_codes()) b += fmt::format("  {:<9}{:<22}{}\n", c.code, name(c.cls), c.reason);
  b += fmt::format(
      "\nMFA result-detail rules (an mfa_failure gets the reason of the first match; details tried: status, MFA "
      "detail, {} authentication steps)\n",
      kMaxAuthSteps);
  b += fmt::format("  {:<32}{:<20}{}\n", "RULE", "REASON", "DETAIL CONTAINS");
  for (const MfaDetailRule& r : mfa_detail_rules())
    b += fmt::format("  {:<32}{:<20}{}\n", r.rule_id, r.reason, r.needle);
  b += "\nSecurity-info apps (by id; by name only when a record has no app id)\n";
  for (auto id : security_info_app_ids()) b += fmt::format("  id    {}\n", id);
  for (auto nm : security_info_app_names()) b += fmt::format("  name  {}\n", nm);
  for (const PortalOverride& p : portal_overrides())
    b += fmt::format("  on these apps {} becomes {} (rule portal:<code>)\n", name(p.from), name(p.to));
  b += fmt::format("\nAudit activity rules ({}; first match wins, else {})\n", audit_rules().size(), kNoAuditRule);
  b += fmt::format("  {:<34}{:<26}{:<8}{}\n", "RULE", "CLASS", "RESULT", "SERVICE / CATEGORY: ACTIVITY");
  for (const AuditRule& r : audit_rules())
    b += fmt::format(
        "  {:<34}{:<26}{:<8}{}{}\n", r.rule_id, name(r.cls), r.result == AuditResultMatch::failure ? "failure" : "any",
        r.service.empty() && r.category.empty() ? std::string()
                                                : std::string(r.service.empty() ? r.category : r.service) + ": ",
        r.activity);
  auto rules = tickets.ordered_rules();
  b += fmt::format("\nTicket rules ({}, in the order they are tried; first that applies wins, else {})\n", rules.size(),
                   kNoTicketRule);
  b += fmt::format("  {:<5}{:<28}{:<20}{:<10}{}\n", "RANK", "RULE", "CLASS", "PRIORITY", "PATTERNS");
  std::size_t rank = 0;
  for (const TicketRule* r : rules)
    b += fmt::format("  {:<5}{:<28}{:<20}{:<10}{}{}\n", ++rank, clean(r->id), name(r->cls), r->priority,
                     r->patterns.size(), r->user ? " (--rules)" : "");
  b += "\nTriage bucket columns (idtriage rules --kql computes them; docs/scale.md)\n";
  b += fmt::format("  {:<13}{:<21}{:<22}{}\n", "SECTION", "COLUMN", "KIND", "MEANING");
  for (const BucketColumn& c : bucket_columns())
    b += fmt::format("  {:<13}{:<21}{:<22}{}\n", name(c.section), c.name, kind_name(c.kind), c.meaning);
}

}  // namespace

void render_rules(Output& out, const TicketRules& tickets, OutputFormat fmt) {
  if (fmt == OutputFormat::json)
    render_json(out.buf(), tickets);
  else
    render_table(out.buf(), tickets);
  out.flush();
}

}  // namespace idt
