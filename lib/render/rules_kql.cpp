// Why: see rules_render.h. The KQL mirrors the C++ decision order step by
// step (classify_signin, classify_audit, TicketRules::classify,
// TriageAggregate): lookups go through datatables generated from the C++
// tables, ordered first-match rules become case() branches in table order.
// docs/scale.md explains each step and what differs from the C++ path.
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "aggregate/bucket_columns.h"
#include "classify/audit_classifier.h"
#include "classify/codes.h"
#include "classify/signin_classifier.h"
#include "render/kql_text.h"
#include "render/rules_render.h"

namespace idt {
namespace {

// TimeGenerated is filtered with this slack around the window (it is the
// indexed column), then the record's own time decides.
constexpr Micros kTimeGeneratedSlack = 3600 * kMicrosPerSecond;

// Sign-in columns the functions read. Log Analytics stores the objects as
// dynamic in SigninLogs but as JSON strings in AADNonInteractiveUserSignInLogs;
// a plain union would split them into Status_dynamic / Status_string, so each
// table is projected to these types first.
struct SourceColumn {
  std::string_view name;
  bool dynamic;  // converted with todynamic() where the table keeps a string
};
constexpr SourceColumn kSigninColumns[] = {
    {"TimeGenerated", false},
    {"CreatedDateTime", false},
    {"Id", false},
    {"UserPrincipalName", false},
    {"UserId", false},
    {"IPAddress", false},
    {"AppId", false},
    {"AppDisplayName", false},
    {"ResourceIdentity", false},
    {"ResourceDisplayName", false},
    {"ResultType", false},
    {"Status", true},
    {"MfaDetail", true},
    {"AuthenticationDetails", false},
};
struct SourceTable {
  std::string_view name;
  bool objects_as_strings;
};
constexpr SourceTable kSigninTables[] = {{"SigninLogs", false}, {"AADNonInteractiveUserSignInLogs", true}};

// Literals. No bool overload: a string literal argument would pick it.
std::string lit(std::string_view s) { return kql_string(s); }
std::string lit(std::int64_t v) { return std::to_string(v); }
std::string lit_bool(bool b) { return b ? "true" : "false"; }

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

// "x in (a, b)" / "x == a", or with ci the case-insensitive in~ / =~.
std::string in_list(std::string_view expr, const std::vector<std::string>& literals, bool ci = false) {
  if (literals.size() == 1) return fmt::format("{} {} {}", expr, ci ? "=~" : "==", literals[0]);
  return fmt::format("{} {} ({})", expr, ci ? "in~" : "in", join(literals, ", "));
}

// A case() over ordered branches (condition, value); `otherwise` when none.
std::string case_expr(const std::vector<std::pair<std::string, std::string>>& branches, const std::string& otherwise,
                      std::string_view indent) {
  if (branches.empty()) return otherwise;
  std::string out = "case(\n";
  for (const auto& [cond, value] : branches) out += fmt::format("{}    {}, {},\n", indent, cond, value);
  out += fmt::format("{}    {})", indent, otherwise);
  return out;
}

struct Column {
  std::string name, type;
};
std::string datatable(const std::vector<Column>& cols, const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::string> decl;
  for (const auto& c : cols) decl.push_back(c.name + ":" + c.type);
  std::string out = "datatable(" + join(decl, ", ") + ")\n[";
  for (std::size_t i = 0; i < rows.size(); ++i) out += (i ? ",\n    " : "\n    ") + join(rows[i], ", ");
  out += rows.empty() ? "]" : "\n]";
  return out;
}

struct Def {
  std::string name;
  std::string params;  // empty: a table, used without arguments
  std::string body;    // unindented; lines joined by '\n'
  std::string doc;
};

std::string indented(std::string_view body, std::string_view indent) {
  std::string out(indent);
  for (char c : body) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

std::string class_literals_in(std::span<const SigninClass> classes, std::string_view column) {
  std::vector<std::string> l;
  for (auto c : classes) l.push_back(lit(name(c)));
  return in_list(column, l);
}

// The KQL predicate of a SigninWhen over the classified columns (Class, Code,
// IsPortal, _HasIp); empty when it holds for every row.
std::string when_kql(const SigninWhen& w) {
  std::vector<std::string> parts;
  if (!w.classes.empty()) parts.push_back(class_literals_in(w.classes, "Class"));
  if (!w.codes.empty()) {
    std::vector<std::string> l;
    for (auto c : w.codes) l.push_back(lit(c));
    parts.push_back(in_list("Code", l));
  }
  if (w.portal == PortalMatch::yes) parts.push_back("IsPortal");
  if (w.portal == PortalMatch::no) parts.push_back("not(IsPortal)");
  if (w.needs_ip) parts.push_back("_HasIp");
  return join(parts, " and ");
}

std::string any_of_kql(std::span<const SigninWhen> rows) {
  std::vector<std::string> parts;
  for (const auto& w : rows) {
    std::string p = when_kql(w);
    if (p.empty()) return "";  // one alternative holds for every row
    parts.push_back(rows.size() > 1 ? "(" + p + ")" : p);
  }
  return join(parts, " or ");
}

// Which stage-0 rows need a key: any of some sets of sign-ins, or all of them.
struct AnyOf {
  bool all = false;
  std::vector<SigninWhen> alts;
  void add(std::span<const SigninWhen> rows) {
    if (rows.empty()) all = true;
    alts.insert(alts.end(), rows.begin(), rows.end());
  }
  bool empty() const { return !all && alts.empty(); }
  std::string kql() const {
    if (all) return "true";
    std::vector<SigninWhen> unique;  // the same set listed twice adds nothing
    for (const SigninWhen& w : alts)
      if (std::none_of(unique.begin(), unique.end(), [&](const SigninWhen& u) { return when_kql(u) == when_kql(w); }))
        unique.push_back(w);
    std::string p = any_of_kql(unique);
    return p.empty() ? "true" : p;
  }
};

bool user_kind(ColumnKind k) { return k == ColumnKind::distinct_users || k == ColumnKind::sample_users; }

class Builder {
 public:
  Builder(const TicketRules& tickets, const KqlOptions& o) : tickets_(tickets), o_(o) {}

  std::string script() {
    add_tables();
    add_signin_classifier();
    add_audit_classifier();
    add_ticket_classifier();
    add_sources();
    add_aggregate();
    return o_.flavor == KqlFlavor::adx ? adx() : log_analytics();
  }

 private:
  std::string n(std::string_view base) const { return o_.prefix + std::string(base); }
  // util/text.h trim(), written out: a call to a one-line function per use
  // costs more in the parser than the expression itself.
  std::string trim(std::string_view expr) const { return fmt::format("trim({}, {})", lit(kql_trim_regex()), expr); }
  void add(std::string_view base, std::string params, std::string body, std::string doc) {
    defs_.push_back({n(base), std::move(params), std::move(body), std::move(doc)});
  }

  void add_tables() {
    std::vector<std::vector<std::string>> rows;
    for (const CodeInfo& c : all_codes())
      rows.push_back({lit(c.code), lit(name(c.cls)), lit(c.reason), lit(c.name), lit(c.meaning), lit(c.advice),
                      lit(code_rule_id(c)), lit(portal_rule_id(c))});
    add("ErrorCodes", "",
        datatable({{"Code", "long"},
                   {"Class", "string"},
                   {"Reason", "string"},
                   {"Name", "string"},
                   {"Meaning", "string"},
                   {"Advice", "string"},
                   {"RuleId", "string"},
                   {"PortalRuleId", "string"}},
                  rows),
        "Entra sign-in error codes: class, reason, AADSTS name, meaning, help-desk advice and rule ids.");
    rows.clear();
    std::int64_t rank = 0;
    for (const MfaDetailRule& r : mfa_detail_rules())
      rows.push_back({lit(++rank), lit(r.rule_id), lit(r.needle), lit(r.reason)});
    add("MfaDetailRules", "",
        datatable({{"Rank", "long"}, {"RuleId", "string"}, {"Needle", "string"}, {"Reason", "string"}}, rows),
        "MFA result-detail rules: an mfa_failure whose detail contains Needle (any case) gets Reason; first rank "
        "wins.");
    rows.clear();
    rank = 0;
    for (const PortalOverride& p : portal_overrides())
      rows.push_back({lit(++rank), lit(name(p.from)), lit(name(p.to))});
    add("PortalOverrides", "", datatable({{"Rank", "long"}, {"FromClass", "string"}, {"ToClass", "string"}}, rows),
        "Class changes for sign-ins on the security-info apps.");
    rows.clear();
    for (auto id : security_info_app_ids()) rows.push_back({lit("app_id"), lit(id)});
    for (auto nm : security_info_app_names()) rows.push_back({lit("app_name"), lit(nm)});
    add("SecurityInfoApps", "", datatable({{"Kind", "string"}, {"Value", "string"}}, rows),
        "The security-info portal apps: ids, and display names used only when a record has no app id.");
    rows.clear();
    rank = 0;
    for (const AuditRule& r : audit_rules())
      rows.push_back({lit(++rank), lit(r.rule_id), lit(r.service), lit(r.category), lit(r.activity),
                      lit(r.result == AuditResultMatch::failure ? "failure" : "any"), lit(name(r.cls))});
    add("AuditRules", "",
        datatable({{"Rank", "long"},
                   {"RuleId", "string"},
                   {"Service", "string"},
                   {"Category", "string"},
                   {"Activity", "string"},
                   {"Result", "string"},
                   {"Class", "string"}},
                  rows),
        "Audit activity rules; the first matching rank wins, unmatched events are other.");
    rows.clear();
    rank = 0;
    for (const TicketRule* r : tickets_.ordered_rules())
      rows.push_back({lit(++rank), lit(r->id), lit(name(r->cls)), lit(std::int64_t{r->priority}), lit_bool(r->user),
                      lit(kql_ticket_regex(joined_ticket_pattern(r->patterns))),
                      lit(r->unless.empty() ? std::string() : kql_ticket_regex(r->unless))});
    add("TicketRules", "",
        datatable({{"Rank", "long"},
                   {"RuleId", "string"},
                   {"Class", "string"},
                   {"Priority", "long"},
                   {"UserRule", "bool"},
                   {"Pattern", "string"},
                   {"Unless", "string"}},
                  rows),
        "Ticket rules in the order they are tried (--rules files first, then by priority).");
  }

  // classify_signin, step by step.
  void add_signin_classifier() {
    std::vector<std::string> ids, names;
    for (auto id : security_info_app_ids()) ids.push_back(lit(id));
    for (auto nm : security_info_app_names()) names.push_back(lit(nm));
    add("IsSecurityInfoApp", "(app_id:string, app_name:string)",
        fmt::format("iff(isnotempty({}), {}, {})", trim("app_id"), in_list(trim("app_id"), ids, true),
                    in_list(trim("app_name"), names, true)),
        "True for the security-info portal apps: by id, or by display name when the id is empty.");
    std::vector<std::pair<std::string, std::string>> branches;
    for (const MfaDetailRule& r : mfa_detail_rules())
      branches.emplace_back(fmt::format("detail contains {}", lit(r.needle)), lit(r.rule_id));
    add("MfaDetailRule", "(detail:string)", case_expr(branches, lit(""), ""),
        "The id of the first MFA result-detail rule whose needle the detail contains, else empty.");

    std::vector<std::string> details = {fmt::format("{}(tostring(Status.additionalDetails))", n("MfaDetailRule")),
                                        fmt::format("{}(tostring(MfaDetail.authDetail))", n("MfaDetailRule"))};
    for (std::size_t i = 0; i < kMaxAuthSteps; ++i)
      details.push_back(fmt::format("{}(tostring(_Steps[{}].authenticationStepResultDetail))", n("MfaDetailRule"), i));
    std::vector<std::pair<std::string, std::string>> overrides;
    for (const PortalOverride& p : portal_overrides())
      overrides.emplace_back(fmt::format("IsPortal and Class == {}", lit(name(p.from))), lit(name(p.to)));
    const std::string unknown = lit(name(SigninClass::unknown));
    std::string body = fmt::format(
        "T\n"
        "// 1. the error code (status, else ResultType) looked up in the code table\n"
        "| extend Code = coalesce(tolong(Status.errorCode), tolong({trim_rt}))\n"
        "| lookup kind=leftouter ({codes} | project Code, _CodeClass = Class, _CodeReason = Reason, "
        "_CodeRule = RuleId, _PortalRule = PortalRuleId) on Code\n"
        "| extend Class = case(isnull(Code), {unknown}, isempty(_CodeClass), {unknown}, _CodeClass),\n"
        "    Reason = case(isnull(Code), {no_code}, isempty(_CodeClass), {unrecognised}, _CodeReason),\n"
        "    RuleId = case(isnull(Code), {no_code}, isempty(_CodeClass), {unrecognised}, _CodeRule)\n"
        "// 2. an mfa_failure takes the reason of the first MFA detail rule that matches: status details, MFA "
        "detail, then the first {steps} authentication steps\n"
        "| extend _Steps = todynamic(AuthenticationDetails)\n"
        "| extend _MfaRule = iff(Class == {mfa}, coalesce(\n"
        "    {details}), \"\")\n"
        "| lookup kind=leftouter ({mfa_rules} | project _MfaRule = RuleId, _MfaReason = Reason) on _MfaRule\n"
        "| extend Reason = iff(isnotempty(_MfaReason), _MfaReason, Reason),\n"
        "    RuleId = iff(isnotempty(_MfaReason), _MfaRule, RuleId)\n"
        "// 3. on a security-info app (app or resource) the portal overrides change the class; rule portal:<code>\n"
        "| extend IsPortal = {is_app}(AppId, AppDisplayName) or {is_app}(ResourceIdentity, ResourceDisplayName)\n"
        "| extend _Override = {overrides}\n"
        "| extend Class = iff(isnotempty(_Override), _Override, Class),\n"
        "    RuleId = iff(isnotempty(_Override), _PortalRule, RuleId)\n"
        "| project-away _CodeClass, _CodeReason, _CodeRule, _PortalRule, _Steps, _MfaRule, _MfaReason, _Override",
        fmt::arg("trim_rt", trim("ResultType")), fmt::arg("codes", n("ErrorCodes")), fmt::arg("unknown", unknown),
        fmt::arg("no_code", lit(kNoCodeReason)), fmt::arg("unrecognised", lit(kUnrecognisedCodeReason)),
        fmt::arg("steps", kMaxAuthSteps), fmt::arg("mfa", lit(name(SigninClass::mfa_failure))),
        fmt::arg("details", join(details, ",\n    ")), fmt::arg("mfa_rules", n("MfaDetailRules")),
        fmt::arg("is_app", n("IsSecurityInfoApp")), fmt::arg("overrides", case_expr(overrides, lit(""), "")));
    add("ClassifySignin",
        "(T:(ResultType:string, Status:dynamic, MfaDetail:dynamic, AuthenticationDetails:string, AppId:string, "
        "AppDisplayName:string, ResourceIdentity:string, ResourceDisplayName:string))",
        body, "Adds Code, Class, Reason, RuleId and IsPortal to sign-ins, as idtriage classifies them.");
  }

  // classify_audit: rules in table order, first match.
  void add_audit_classifier() {
    std::vector<std::string> failures;
    for (auto f : kAuditFailureResults) failures.push_back(lit(f));
    std::vector<std::pair<std::string, std::string>> rules;
    for (const AuditRule& r : audit_rules()) {
      std::vector<std::string> cond = {fmt::format("_Activity =~ {}", lit(r.activity))};
      if (!r.service.empty()) cond.push_back(fmt::format("(isempty(_Service) or _Service =~ {})", lit(r.service)));
      if (!r.category.empty()) cond.push_back(fmt::format("_Category =~ {}", lit(r.category)));
      if (r.result == AuditResultMatch::failure) cond.push_back("_Failure");
      rules.emplace_back(join(cond, " and "), lit(r.rule_id));
    }
    std::string body = fmt::format(
        "T\n"
        "// the activity (display name, else operation name), service, category and result, trimmed\n"
        "| extend _Activity = coalesce({act}, {op}), _Service = {svc}, _Category = {cat},\n"
        "    _Failure = {failure}\n"
        "// the first matching rule wins; a rule's service also accepts events without one\n"
        "| extend RuleId = {rules}\n"
        "| lookup kind=leftouter ({table} | project RuleId, _RuleClass = Class) on RuleId\n"
        "| extend Class = iff(isempty(_RuleClass), {other}, _RuleClass)\n"
        "| project-away _Activity, _Service, _Category, _Failure, _RuleClass",
        fmt::arg("act", trim("ActivityDisplayName")), fmt::arg("op", trim("OperationName")),
        fmt::arg("svc", trim("LoggedByService")), fmt::arg("cat", trim("Category")),
        fmt::arg("failure", in_list(trim("Result"), failures, true)),
        fmt::arg("rules", case_expr(rules, lit(kNoAuditRule), "")), fmt::arg("table", n("AuditRules")),
        fmt::arg("other", lit(name(AuditClass::other))));
    add("ClassifyAudit",
        "(T:(ActivityDisplayName:string, OperationName:string, LoggedByService:string, Category:string, "
        "Result:string))",
        body, "Adds Class and RuleId to audit events, as idtriage classifies them.");
  }

  // TicketRules::classify: the rules in try order, first that applies.
  void add_ticket_classifier() {
    std::vector<std::pair<std::string, std::string>> rules;
    for (const TicketRule* r : tickets_.ordered_rules()) {
      std::string cond =
          fmt::format("_Text matches regex {}", lit(kql_ticket_regex(joined_ticket_pattern(r->patterns))));
      if (!r->unless.empty()) cond += fmt::format(" and not(_Text matches regex {})", lit(kql_ticket_regex(r->unless)));
      rules.emplace_back(cond, lit(r->id));
    }
    std::string body = fmt::format(
        "T\n"
        "// title, description and category, each cut to its cap, one per line\n"
        "| extend _Text = strcat(substring(Title, 0, {t}), \"\\n\", substring(Description, 0, {d}), \"\\n\", "
        "substring(Category, 0, {c}))\n"
        "// the rules in the order they are tried: a rule applies when its pattern matches and its 'unless' does "
        "not\n"
        "| extend RuleId = {rules}\n"
        "| lookup kind=leftouter ({table} | project RuleId, _RuleClass = Class) on RuleId\n"
        "| extend Class = iff(isempty(_RuleClass), {other}, _RuleClass)\n"
        "| project-away _Text, _RuleClass",
        fmt::arg("t", kTicketMaxTitle), fmt::arg("d", kTicketMaxDescription), fmt::arg("c", kTicketMaxCategory),
        fmt::arg("rules", case_expr(rules, lit(kNoTicketRule), "")), fmt::arg("table", n("TicketRules")),
        fmt::arg("other", lit(name(TicketClass::other))));
    add("ClassifyTicket", "(T:(Title:string, Description:string, Category:string))", body,
        "Adds Class and RuleId to help-desk tickets (columns Title, Description, Category), as idtriage classifies "
        "them.");
  }

  // The Log Analytics tables, projected to one shape and classified.
  void add_sources() {
    const std::string window = fmt::format("| where TimeGenerated >= start - {0} and TimeGenerated < end + {0}",
                                           kql_timespan(kTimeGeneratedSlack));
    std::vector<std::string> parts;
    for (const SourceTable& t : kSigninTables) {
      std::vector<std::string> cols;
      for (const SourceColumn& c : kSigninColumns)
        cols.push_back(c.dynamic && t.objects_as_strings ? fmt::format("{0} = todynamic({0})", c.name)
                                                         : std::string(c.name));
      parts.push_back(fmt::format("({}\n    {}\n    | project {})", t.name, window, join(cols, ", ")));
    }
    add("Signins", "(start:datetime, end:datetime)",
        fmt::format("union\n    {}\n| extend Time = coalesce(CreatedDateTime, TimeGenerated)\n"
                    "| where Time >= start and Time < end\n| invoke {}()",
                    join(parts, ",\n    "), n("ClassifySignin")),
        "Interactive and non-interactive user sign-ins in [start, end), classified.");
    add("Audit", "(start:datetime, end:datetime)",
        fmt::format("AuditLogs\n{}\n| extend Time = coalesce(ActivityDateTime, TimeGenerated)\n"
                    "| where Time >= start and Time < end\n"
                    "// the user of the registration funnel: the first target's UPN, else the initiator\n"
                    "| extend User = coalesce(tostring(TargetResources[0].userPrincipalName), "
                    "tostring(InitiatedBy.user.userPrincipalName), tostring(InitiatedBy.user.id), "
                    "tostring(InitiatedBy.app.servicePrincipalId), tostring(InitiatedBy.app.appId))\n"
                    "| invoke {}()",
                    window, n("ClassifyAudit")),
        "Directory audit events in [start, end), classified.");
  }

  // TriageAggregate as one query: every section of bucket_columns().
  void add_aggregate() {
    std::vector<std::string> lets;
    std::vector<std::string> sections, keys, values;
    auto note = [](std::vector<std::string>& v, std::string_view s) {
      if (std::find(v.begin(), v.end(), s) == v.end()) v.emplace_back(s);
    };
    for (const BucketColumn& c : bucket_columns()) note(is_key(c.kind) ? keys : values, c.name);

    // Stage 0: one pass over the sign-ins, grouped finely enough for every
    // section (keys a section does not need stay empty).
    AnyOf app_rows, ip_rows, user_rows;
    for (const BucketSectionInfo& s : bucket_sections()) {
      if (s.source != RecordKind::signin) continue;
      for (const BucketColumn& c : bucket_columns()) {
        if (c.section != s.section) continue;
        if (c.kind == ColumnKind::key_app) app_rows.add(s.rows);
        if (c.kind == ColumnKind::key_ip) ip_rows.add(s.rows);
        if (user_kind(c.kind)) user_rows.add(std::span<const SigninWhen>(&c.when, 1));
      }
    }
    std::string s0 =
        fmt::format("let _S0 = materialize({}(start, end)\n    | extend _HasIp = isnotempty(IPAddress)", n("Signins"));
    std::vector<std::string> by = {"_Bucket = bin(Time, bucket)", "Class", "Code", "IsPortal", "_HasIp"};
    std::string aggs = "_N = count(), _First = min(Time), _Last = max(Time)";
    if (!app_rows.empty()) {
      s0 += fmt::format("\n    | extend _App = iff({}, coalesce(AppDisplayName, AppId, {}), \"\")", app_rows.kql(),
                        lit(kNoAppKey));
      by.push_back("_App");
    }
    if (!ip_rows.empty()) {
      s0 += fmt::format("\n    | extend _Ip = iff({}, IPAddress, \"\")", ip_rows.kql());
      by.push_back("_Ip");
    }
    if (!user_rows.empty()) {
      s0 += fmt::format(
          "\n    | extend _UserKey = iff({}, strcat(\"u:\", tolower(coalesce(UserPrincipalName, UserId))), \"\")",
          user_rows.kql());
      by.push_back("_UserKey");
      aggs += ", _UserName = take_any(coalesce(UserPrincipalName, UserId))";
    }
    s0 += fmt::format("\n    | summarize {}\n        by {});", aggs, join(by, ", "));
    lets.push_back(s0);

    for (const BucketSectionInfo& s : bucket_sections()) {
      sections.push_back("_" + std::string(name(s.section)));
      lets.push_back(s.source == RecordKind::audit ? audit_section(s) : signin_section(s));
    }
    std::vector<std::string> order = {"Section"};
    for (const auto& k : keys) order.push_back(k);
    std::string body = join(lets, "\n") + "\n";
    body += fmt::format("union {}\n| project Section, {}, {}\n| order by {}", join(sections, ", "), join(keys, ", "),
                        join(values, ", "), join(order, " asc, ") + " asc");
    add("TriageAggregate",
        fmt::format("(start:datetime, end:datetime, bucket:timespan = {}, registration_timeout:timespan = {})",
                    kql_timespan(o_.triage.bucket), kql_timespan(o_.triage.registration_timeout)),
        body,
        "The numbers idtriage triage reads, per time bucket and per IP address: one row per Section "
        "(docs/scale.md).");
  }

  static std::string key_source(const BucketColumn& c) {
    switch (c.kind) {
      case ColumnKind::key_bucket:
        return "_Bucket";
      case ColumnKind::key_code:
        return "Code";
      case ColumnKind::key_app:
        return "_App";
      default:
        return "_Ip";
    }
  }

  std::string signin_section(const BucketSectionInfo& s) const {
    std::vector<const BucketColumn*> keys, values;
    bool two_stage = false;
    for (const BucketColumn& c : bucket_columns()) {
      if (c.section != s.section) continue;
      (is_key(c.kind) ? keys : values).push_back(&c);
      two_stage = two_stage || user_kind(c.kind);
    }
    std::string q = fmt::format("let _{} = _S0", name(s.section));
    AnyOf rows;
    rows.add(s.rows);
    if (!rows.all) q += fmt::format("\n    | where {}", rows.kql());
    std::vector<std::string> by, by_names;
    for (const BucketColumn* k : keys) {
      std::string src = key_source(*k);
      by.push_back(src == k->name ? src : fmt::format("{} = {}", k->name, src));
      by_names.emplace_back(k->name);
    }
    // A column counting exactly the section's rows needs no condition.
    const std::string section_rows = rows.all ? std::string() : rows.kql();
    auto cond = [&](const BucketColumn& c) {
      std::string p = when_kql(c.when);
      return p == section_rows ? std::string() : p;
    };
    auto agg = [&](const BucketColumn& c, std::string_view out) -> std::string {
      std::string p = cond(c);
      switch (c.kind) {
        case ColumnKind::first_time:
          return p.empty() ? fmt::format("{} = min(_First)", out) : fmt::format("{} = minif(_First, {})", out, p);
        case ColumnKind::last_time:
          return p.empty() ? fmt::format("{} = max(_Last)", out) : fmt::format("{} = maxif(_Last, {})", out, p);
        default:  // count; in stage 1 also the per-user counts behind distinct and sample columns
          return p.empty() ? fmt::format("{} = sum(_N)", out) : fmt::format("{} = sumif(_N, {})", out, p);
      }
    };
    if (!two_stage) {
      std::vector<std::string> a;
      for (const BucketColumn* c : values) a.push_back(agg(*c, c->name));
      q += fmt::format("\n    | summarize\n        {}\n        by {}", join(a, ",\n        "), join(by, ", "));
    } else {
      // Stage 1 per user (distinct users are exact), stage 2 per key.
      std::vector<std::string> a1, a2;
      bool names = false;
      for (const BucketColumn* c : values) {
        std::string tmp = "_" + std::string(c->name);
        a1.push_back(agg(*c, tmp));
        switch (c->kind) {
          case ColumnKind::distinct_users:
            a2.push_back(fmt::format("{} = countif({} > 0)", c->name, tmp));
            break;
          case ColumnKind::sample_users:
            names = true;
            a2.push_back(
                fmt::format("{} = array_sort_asc(make_set_if(_UserName, {} > 0, {}))", c->name, tmp, kSampleUsers));
            break;
          case ColumnKind::first_time:
            a2.push_back(fmt::format("{} = min({})", c->name, tmp));
            break;
          case ColumnKind::last_time:
            a2.push_back(fmt::format("{} = max({})", c->name, tmp));
            break;
          default:
            a2.push_back(fmt::format("{} = sum({})", c->name, tmp));
        }
      }
      if (names) a1.push_back("_UserName = take_any(_UserName)");
      q += fmt::format("\n    | summarize\n        {}\n        by {}, _UserKey", join(a1, ",\n        "),
                       join(by, ", "));
      q += fmt::format("\n    | summarize\n        {}\n        by {}", join(a2, ",\n        "), join(by_names, ", "));
    }
    if (!s.keep_if_positive.empty()) q += fmt::format("\n    | where {} > 0", s.keep_if_positive);
    q += fmt::format("\n    | extend Section = {};", lit(name(s.section)));
    return q;
  }

  std::string audit_section(const BucketSectionInfo& s) const {
    const std::string started = lit(name(AuditClass::registration_started));
    const std::string completed = lit(name(AuditClass::registration_completed));
    const std::string cancelled = lit(name(AuditClass::registration_cancelled));
    std::vector<std::string> counts, funnel, sums;
    std::string bucket = "Bucket";
    for (const BucketColumn& c : bucket_columns()) {
      if (c.section != s.section) continue;
      if (c.kind == ColumnKind::key_bucket) {
        bucket = std::string(c.name);
        continue;
      }
      if (c.kind == ColumnKind::count)
        counts.push_back(fmt::format("{} = countif(Class == {})", c.name, lit(name(c.audit))));
      else if (c.kind == ColumnKind::reg_starts_completed)
        funnel.push_back(fmt::format("{} = countif(_Closed and _NextClass == {})", c.name, completed));
      else if (c.kind == ColumnKind::reg_abandoned)
        funnel.push_back(fmt::format("{} = countif(not(_Closed) and _DataEnd - Time >= registration_timeout)", c.name));
      sums.push_back(fmt::format("{0} = sum({0})", c.name));
    }
    std::string q = fmt::format("let _A = materialize({}(start, end) | project Time, Class, _RegUser = tolower(User));",
                                n("Audit"));
    std::string parts = fmt::format("(_A\n        | summarize\n            {}\n            by {} = bin(Time, bucket))",
                                    join(counts, ",\n            "), bucket);
    if (!funnel.empty()) {
      // TriageAggregate::finish: per user in time order (starts before
      // completions before cancellations at equal times), a start is closed by
      // the next start/completion/cancellation when that is a completion or a
      // cancellation within the timeout; an open start is abandoned once the
      // data reaches a timeout past it. Failed registrations are skipped.
      q += "\nlet _DataEnd = toscalar(union (_S0 | summarize _T = max(_Last)), (_A | summarize _T = max(Time))"
           " | summarize max(_T));";
      q += fmt::format(
          "\nlet _funnel = _A\n"
          "    | where Class in ({s}, {c}, {x})\n"
          "    | extend _Order = case(Class == {s}, 0, Class == {c}, 1, 2)\n"
          "    | sort by _RegUser asc, Time asc, _Order asc\n"
          "    | extend _NextUser = next(_RegUser), _NextTime = next(Time), _NextClass = next(Class)\n"
          "    | where Class == {s}\n"
          "    | extend _Closed = _NextUser == _RegUser and _NextClass != {s} and _NextTime - Time <= "
          "registration_timeout\n"
          "    | summarize\n        {f}\n        by {b} = bin(Time, bucket);",
          fmt::arg("s", started), fmt::arg("c", completed), fmt::arg("x", cancelled),
          fmt::arg("f", join(funnel, ",\n        ")), fmt::arg("b", bucket));
      parts += ", _funnel";
    }
    q +=
        fmt::format("\nlet _{} = union\n    {}\n    | summarize\n        {}\n        by {}\n    | extend Section = {};",
                    name(s.section), parts, join(sums, ",\n        "), bucket, lit(name(s.section)));
    return q;
  }

  std::string header(std::string_view how) const {
    std::size_t user = 0, rules = 0;
    for (const TicketRule* r : tickets_.ordered_rules()) {
      ++rules;
      user += r->user;
    }
    return fmt::format(
        "// idtriage {ver}: the classification rules and the triage aggregate as KQL ({flavor}).\n"
        "// Generated by `idtriage rules --kql --flavor {flag}` from the tables idtriage classifies with:\n"
        "// {codes} sign-in error codes, {mfa} MFA detail rules, {audit} audit rules, {rules} ticket rules "
        "({user} from --rules files).\n"
        "// Regenerate instead of editing. {how}",
        fmt::arg("ver", IDTRIAGE_VERSION),
        fmt::arg("flavor", o_.flavor == KqlFlavor::adx ? "Azure Data Explorer" : "Log Analytics / Microsoft Sentinel"),
        fmt::arg("flag", kKqlFlavorNames[static_cast<std::size_t>(o_.flavor)]), fmt::arg("codes", all_codes().size()),
        fmt::arg("mfa", mfa_detail_rules().size()), fmt::arg("audit", audit_rules().size()), fmt::arg("rules", rules),
        fmt::arg("user", user), fmt::arg("how", how));
  }

  std::string ready_query() const {
    return fmt::format(
        "// The ready query: the last day, {} buckets (edit the window; docs/scale.md lists the columns).\n"
        "{}(ago(1d), now())\n",
        kql_timespan(o_.triage.bucket), n("TriageAggregate"));
  }

  // One query: every definition a let statement, no blank line (the portal
  // runs the block around the cursor).
  std::string log_analytics() const {
    std::string out = header(
        "Paste everything into a Log Analytics query and run it; to keep\n"
        "// the definitions, save each let statement as a workspace function of the same name (docs/scale.md).\n");
    for (const Def& d : defs_) {
      out += fmt::format("// {}: {}\n", d.name, d.doc);
      if (d.params.empty())
        out += fmt::format("let {} = {};\n", d.name, d.body);
      else
        out += fmt::format("let {} = {} {{\n{}\n}};\n", d.name, d.params, indented(d.body, "    "));
    }
    return out + ready_query();
  }

  // Control commands, one block each (blank lines between), then the query.
  std::string adx() const {
    std::string out = header(
        "Run it as a script (Kusto Explorer, the web UI):\n"
        "// each block creates or replaces one function in the current database, the last block is the ready "
        "query.\n");
    for (const Def& d : defs_)
      out += fmt::format("\n.create-or-alter function with (folder = {}, docstring = {}) {}{} {{\n{}\n}}\n",
                         lit("idtriage"), lit(d.doc), d.name, d.params.empty() ? "()" : d.params,
                         indented(d.body, "    "));
    return out + "\n" + ready_query();
  }

  const TicketRules& tickets_;
  const KqlOptions& o_;
  std::vector<Def> defs_;
};

}  // namespace

std::optional<KqlFlavor> parse_kql_flavor(std::string_view s) {
  for (std::size_t i = 0; i < kKqlFlavorNames.size(); ++i)
    if (s == kKqlFlavorNames[i]) return static_cast<KqlFlavor>(i);
  return std::nullopt;
}

std::string_view kql_trim_regex() { return "[ \\t\\r\\n]+"; }

std::string kql_ticket_regex(const std::string& joined_pattern) {
  std::string flags;
  if (kTicketRulesCaseInsensitive) flags += 'i';
  if (kTicketRulesDotMatchesNewline) flags += 's';
  return (flags.empty() ? std::string() : "(?" + flags + ")") + re2_without_controls(joined_pattern);
}

std::string rules_kql(const TicketRules& tickets, const KqlOptions& o) { return Builder(tickets, o).script(); }

}  // namespace idt
