// Why: the KQL must classify exactly like the C++ classifiers, and there is
// no Kusto engine offline. So these tests read the emitted script back (its
// literals decoded the way Kusto's lexer does), check every datatable row
// against the C++ tables, and evaluate the emitted decision steps (case()
// branches in order, in~ lists, the MFA detail sources, the ticket regexes
// compiled with RE2's defaults as Kusto does) against classify_signin,
// classify_audit and TicketRules on the same inputs. tests/kql/run.sh then
// checks the same script with Microsoft's parser.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "aggregate/bucket_columns.h"
#include "classify/audit_classifier.h"
#include "classify/codes.h"
#include "classify/signin_classifier.h"
#include "classify/ticket_classifier.h"
#include "model/ticket.h"
#include "render/kql_text.h"
#include "render/rules_render.h"
#include "util/text.h"

using namespace idt;

namespace {

const TicketRules& builtin() {
  static const TicketRules r = [] {
    auto x = TicketRules::builtin();
    if (!x.ok()) FAIL(x.error().message);
    return std::move(x.value());
  }();
  return r;
}

const TicketRules& with_hostile() {
  static const TicketRules r = [] {
    auto x = TicketRules::builtin();
    if (!x.ok()) FAIL(x.error().message);
    auto added = x->add_file(std::string(IDTRIAGE_TESTDATA) + "/../tests/kql/hostile.rules");
    if (!added.ok()) FAIL(added.error().message);
    return std::move(x.value());
  }();
  return r;
}

std::string script(const TicketRules& rules, KqlFlavor flavor = KqlFlavor::log_analytics, std::string prefix = "Idt") {
  KqlOptions o;
  o.flavor = flavor;
  o.prefix = prefix;
  return rules_kql(rules, o);
}

// ---- reading KQL back: the literal forms kql_string writes, decoded as
// Kusto.Language's KustoFacts.GetStringLiteralValue does.
void append_utf8_cp(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool eat(std::string_view& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s.remove_prefix(prefix.size());
  return true;
}

void skip_space(std::string_view& s) {
  while (!s.empty() && (s[0] == ' ' || s[0] == '\n' || s[0] == ',')) s.remove_prefix(1);
}

// A string literal at the start of s (consumed); nullopt if there is none.
std::optional<std::string> literal(std::string_view& s) {
  std::string out;
  if (eat(s, "@\"")) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '"') {
        out += s[i];
      } else if (i + 1 < s.size() && s[i + 1] == '"') {
        out += '"';
        ++i;
      } else {
        s.remove_prefix(i + 1);
        return out;
      }
    }
    return std::nullopt;
  }
  if (!eat(s, "\"")) return std::nullopt;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"') {
      s.remove_prefix(i + 1);
      return out;
    }
    if (c == '\n' || c == '\r') return std::nullopt;  // Kusto ends the literal there: an error
    if (c != '\\') {
      out += c;
      continue;
    }
    char e = s[++i];
    switch (e) {
      case 't':
        out += '\t';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 'u':
        append_utf8_cp(out, static_cast<unsigned>(std::stoul(std::string(s.substr(i + 1, 4)), nullptr, 16)));
        i += 4;
        break;
      default:
        out += e;  // \\ \" \'
    }
  }
  return std::nullopt;
}

// One value of a datatable row: a string, a number or a bool, as text.
std::string value(std::string_view& s) {
  skip_space(s);
  if (auto l = literal(s)) return *l;
  std::size_t n = 0;
  while (n < s.size() && s[n] != ',' && s[n] != '\n' && s[n] != ']') ++n;
  std::string v(s.substr(0, n));
  s.remove_prefix(n);
  return v;
}

// The text of `let NAME = …` up to the next top-level comment line.
std::string_view def(const std::string& kql, std::string_view name) {
  std::string key = "\nlet " + std::string(name) + " = ";
  std::size_t at = kql.find(key);
  REQUIRE(at != std::string::npos);
  std::size_t end = kql.find("\n//", at + 1);
  return std::string_view(kql).substr(at + 1, (end == std::string::npos ? kql.size() : end) - at - 1);
}

std::vector<std::vector<std::string>> table_rows(const std::string& kql, std::string_view name, std::size_t& ncols) {
  std::string_view d = def(kql, name);
  std::size_t open = d.find('('), close = d.find(')');
  std::string_view head = d.substr(open + 1, close - open - 1);
  ncols = static_cast<std::size_t>(std::count(head.begin(), head.end(), ':'));
  std::string_view s = d.substr(d.find("\n[") + 2);
  std::vector<std::vector<std::string>> rows;
  for (;;) {
    skip_space(s);
    if (s.empty() || s[0] == ']') break;
    std::vector<std::string> row;
    for (std::size_t i = 0; i < ncols; ++i) row.push_back(value(s));
    rows.push_back(row);
  }
  return rows;
}

// The branches of the first case( after `marker` in a definition: each
// condition's text (literals left in) and its value.
struct Branch {
  std::string cond;
  std::string value;
};
std::vector<Branch> case_branches(std::string_view d, std::string_view marker) {
  std::size_t at = d.find(marker);
  REQUIRE(at != std::string_view::npos);
  std::string_view s = d.substr(d.find("case(\n", at) + 6);
  std::vector<Branch> out;
  for (;;) {
    std::size_t eol = s.find('\n');
    std::string_view line = trim(s.substr(0, eol));
    s.remove_prefix(eol + 1);
    if (line.ends_with(")")) break;  // the otherwise value
    // "<cond>, <literal>," — the value is the last literal on the line.
    std::size_t comma = line.rfind(", ", line.size() - 2);
    std::string_view v = line.substr(comma + 2, line.size() - comma - 3);
    auto lit = literal(v);
    REQUIRE(lit);
    out.push_back({std::string(line.substr(0, comma)), *lit});
  }
  return out;
}

std::vector<std::string> literal_list(std::string_view s) {  // ("a", "b") or == "a"
  std::vector<std::string> out;
  s = trim(s);
  if (eat(s, "== ") || eat(s, "=~ ")) {
    out.push_back(*literal(s));
    return out;
  }
  REQUIRE((eat(s, "in (") || eat(s, "in~ (")));
  while (auto l = literal(s)) {
    out.push_back(*l);
    eat(s, ", ");
  }
  return out;
}

bool any_iequal(const std::vector<std::string>& list, std::string_view v) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& x) { return iequals(x, v); });
}

// ---- sign-ins: the emitted steps evaluated over a SignIn
struct SigninKql {
  std::map<std::int64_t, std::vector<std::string>> codes;  // Code -> row
  std::vector<std::pair<std::string, std::string>> mfa;    // needle, rule id (case order)
  std::map<std::string, std::string> mfa_reason;           // rule id -> reason (datatable)
  std::vector<std::string> sources;                        // MfaDetailRule arguments, in coalesce order
  std::vector<std::string> app_ids, app_names;
  std::vector<std::pair<std::string, std::string>> overrides;  // from class -> to class (case order)

  explicit SigninKql(const std::string& kql) {
    std::size_t n = 0;
    for (auto& row : table_rows(kql, "IdtErrorCodes", n)) codes[std::stoll(row[0])] = row;
    CHECK(n == 8);
    for (auto& row : table_rows(kql, "IdtMfaDetailRules", n)) mfa_reason[row[1]] = row[3];
    for (const Branch& b : case_branches(def(kql, "IdtMfaDetailRule"), "{")) {
      std::string_view c = b.cond;
      REQUIRE(eat(c, "detail contains "));
      mfa.emplace_back(*literal(c), b.value);
    }
    std::string_view cls = def(kql, "IdtClassifySignin");
    for (std::size_t at = cls.find("IdtMfaDetailRule(tostring("); at != std::string_view::npos;
         at = cls.find("IdtMfaDetailRule(tostring(", at + 1)) {
      std::size_t start = at + 26;
      sources.emplace_back(cls.substr(start, cls.find("))", start) - start));
    }
    for (const Branch& b : case_branches(cls, "_Override = ")) {
      std::string_view c = b.cond;
      REQUIRE(eat(c, "IsPortal and Class == "));
      overrides.emplace_back(*literal(c), b.value);
    }
    std::string_view app = def(kql, "IdtIsSecurityInfoApp");
    const std::string trimmed = "trim(" + kql_string(kql_trim_regex()) + ", ";
    std::size_t ids_at = app.find(trimmed + "app_id) in"), names_at = app.find(trimmed + "app_name) in");
    REQUIRE(ids_at != std::string_view::npos);
    REQUIRE(names_at != std::string_view::npos);
    app_ids = literal_list(app.substr(ids_at + trimmed.size() + 7));
    app_names = literal_list(app.substr(names_at + trimmed.size() + 9));
  }

  std::string mfa_rule(std::string_view detail) const {
    for (const auto& [needle, id] : mfa)
      if (icontains(detail, needle)) return id;  // KQL contains: case-insensitive substring
    return "";
  }
  std::string_view source(const SignIn& r, const std::string& expr) const {
    if (expr == "Status.additionalDetails") return r.additional_details;
    if (expr == "MfaDetail.authDetail") return r.mfa_detail;
    REQUIRE(expr.starts_with("_Steps["));
    std::size_t i = std::stoul(expr.substr(7));
    REQUIRE(expr.ends_with("].authenticationStepResultDetail"));
    return i < r.auth_steps.size() ? r.auth_steps[i].detail : std::string_view();
  }
  bool is_app(std::string_view id, std::string_view name) const {
    id = trim(id);
    return !id.empty() ? any_iequal(app_ids, id) : any_iequal(app_names, trim(name));
  }

  // {class, reason, rule id} as the emitted IdtClassifySignin computes them.
  std::array<std::string, 3> classify(const SignIn& r) const {
    if (!r.has_error_code) return {"unknown", "no_code", "no_code"};
    auto it = codes.find(r.error_code);
    if (it == codes.end()) return {"unknown", "unrecognised_code", "unrecognised_code"};
    const auto& row = it->second;
    std::array<std::string, 3> out = {row[1], row[2], row[6]};
    if (out[0] == "mfa_failure") {
      std::string rule;
      for (const auto& s : sources)
        if (rule.empty()) rule = mfa_rule(source(r, s));  // coalesce: first non-empty
      if (!rule.empty()) {
        out[1] = mfa_reason.at(rule);
        out[2] = rule;
      }
    }
    bool portal = is_app(r.app_id, r.app_name) || is_app(r.resource_id, r.resource_name);
    for (const auto& [from, to] : overrides)
      if (portal && out[0] == from) {
        out[0] = to;
        out[2] = row[7];
        break;
      }
    return out;
  }
};

// ---- audit: the emitted case() evaluated over an AuditEvent
struct AuditBranch {
  std::string activity, service, category, id;
  bool failure = false;
};
std::vector<AuditBranch> audit_branches(const std::string& kql) {
  std::vector<AuditBranch> out;
  for (const Branch& b : case_branches(def(kql, "IdtClassifyAudit"), "RuleId = ")) {
    std::string_view c = b.cond;
    AuditBranch a;
    a.id = b.value;
    REQUIRE(eat(c, "_Activity =~ "));
    a.activity = *literal(c);
    if (eat(c, " and (isempty(_Service) or _Service =~ ")) {
      a.service = *literal(c);
      REQUIRE(eat(c, ")"));
    }
    if (eat(c, " and _Category =~ ")) a.category = *literal(c);
    a.failure = eat(c, " and _Failure");
    REQUIRE(c.empty());
    out.push_back(a);
  }
  return out;
}

std::string audit_kql(const std::vector<AuditBranch>& branches, const std::vector<std::string>& failures,
                      const AuditEvent& e) {
  std::string_view act = trim(e.activity), svc = trim(e.service), cat = trim(e.category);
  bool failure = any_iequal(failures, trim(e.result));
  for (const auto& b : branches) {
    if (!iequals(act, b.activity)) continue;
    if (!b.service.empty() && !(svc.empty() || iequals(svc, b.service))) continue;
    if (!b.category.empty() && !iequals(cat, b.category)) continue;
    if (b.failure && !failure) continue;
    return b.id;
  }
  return std::string(kNoAuditRule);
}

// ---- tickets: the emitted case() with RE2 defaults (Kusto's matches regex)
struct TicketBranch {
  std::unique_ptr<RE2> pattern, unless;
  std::string id;
};
std::vector<TicketBranch> ticket_branches(const std::string& kql) {
  std::vector<TicketBranch> out;
  for (const Branch& b : case_branches(def(kql, "IdtClassifyTicket"), "RuleId = ")) {
    std::string_view c = b.cond;
    TicketBranch t;
    t.id = b.value;
    REQUIRE(eat(c, "_Text matches regex "));
    t.pattern = std::make_unique<RE2>(*literal(c));
    if (eat(c, " and not(_Text matches regex ")) {
      t.unless = std::make_unique<RE2>(*literal(c));
      REQUIRE(eat(c, ")"));
    }
    REQUIRE(c.empty());
    INFO(t.id << ": " << t.pattern->error());
    REQUIRE(t.pattern->ok());  // compiles with RE2's default options, the flags inline
    REQUIRE((!t.unless || t.unless->ok()));
    out.push_back(std::move(t));
  }
  return out;
}

std::string ticket_kql(const std::vector<TicketBranch>& branches, std::string_view text) {
  for (const auto& b : branches)
    if (RE2::PartialMatch(text, *b.pattern) && !(b.unless && RE2::PartialMatch(text, *b.unless))) return b.id;
  return std::string(kNoTicketRule);
}

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return s;
}

}  // namespace

TEST_CASE("rules KQL: every datatable row equals the C++ table row") {
  const std::string kql = script(with_hostile());
  std::size_t n = 0;
  auto codes = table_rows(kql, "IdtErrorCodes", n);
  REQUIRE(codes.size() == all_codes().size());
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const CodeInfo& c = all_codes()[i];
    CHECK(codes[i] == std::vector<std::string>{std::to_string(c.code), std::string(name(c.cls)), std::string(c.reason),
                                               std::string(c.name), std::string(c.meaning), std::string(c.advice),
                                               std::string(code_rule_id(c)), std::string(portal_rule_id(c))});
  }
  auto mfa = table_rows(kql, "IdtMfaDetailRules", n);
  REQUIRE(mfa.size() == mfa_detail_rules().size());
  for (std::size_t i = 0; i < mfa.size(); ++i) {
    const auto& r = mfa_detail_rules()[i];
    CHECK(mfa[i] == std::vector<std::string>{std::to_string(i + 1), std::string(r.rule_id), std::string(r.needle),
                                             std::string(r.reason)});
  }
  auto overrides = table_rows(kql, "IdtPortalOverrides", n);
  REQUIRE(overrides.size() == portal_overrides().size());
  for (std::size_t i = 0; i < overrides.size(); ++i)
    CHECK(overrides[i] == std::vector<std::string>{std::to_string(i + 1), std::string(name(portal_overrides()[i].from)),
                                                   std::string(name(portal_overrides()[i].to))});
  auto apps = table_rows(kql, "IdtSecurityInfoApps", n);
  std::vector<std::vector<std::string>> want_apps;
  for (auto id : security_info_app_ids()) want_apps.push_back({"app_id", std::string(id)});
  for (auto nm : security_info_app_names()) want_apps.push_back({"app_name", std::string(nm)});
  CHECK(apps == want_apps);
  auto audit = table_rows(kql, "IdtAuditRules", n);
  REQUIRE(audit.size() == audit_rules().size());
  for (std::size_t i = 0; i < audit.size(); ++i) {
    const auto& r = audit_rules()[i];
    CHECK(audit[i] == std::vector<std::string>{std::to_string(i + 1), std::string(r.rule_id), std::string(r.service),
                                               std::string(r.category), std::string(r.activity),
                                               r.result == AuditResultMatch::failure ? "failure" : "any",
                                               std::string(name(r.cls))});
  }
  auto tickets = table_rows(kql, "IdtTicketRules", n);
  auto ordered = with_hostile().ordered_rules();
  REQUIRE(tickets.size() == ordered.size());
  for (std::size_t i = 0; i < tickets.size(); ++i) {
    const TicketRule& r = *ordered[i];
    CHECK(tickets[i] == std::vector<std::string>{std::to_string(i + 1), r.id, std::string(name(r.cls)),
                                                 std::to_string(r.priority), r.user ? "true" : "false",
                                                 kql_ticket_regex(joined_ticket_pattern(r.patterns)),
                                                 r.unless.empty() ? "" : kql_ticket_regex(r.unless)});
  }
  // The loaded rules flow through: user rules first, a disabled built-in gone.
  CHECK(tickets.front()[1] == "hostile.quotes");
  CHECK(std::none_of(tickets.begin(), tickets.end(), [](const auto& row) { return row[1] == "phishing.en"; }));
}

TEST_CASE("rules KQL: sign-in classification steps give classify_signin's answer") {
  const SigninKql k(script(builtin()));
  // Sources in C++ order: status details, MFA detail, then every kept step.
  REQUIRE(k.sources.size() == 2 + kMaxAuthSteps);
  constexpr std::string_view kOtherApp = "4765445b-32c6-49b0-83e6-1d93765276ca";
  std::size_t checked = 0;
  auto check = [&](const SignIn& r) {
    auto want = classify_signin(r);
    auto got = k.classify(r);
    INFO("code " << r.error_code << " app " << r.app_id << "/" << r.app_name << " resource " << r.resource_id);
    CHECK(got[0] == name(want.cls));
    CHECK(got[1] == want.reason);
    CHECK(got[2] == want.rule_id);
    ++checked;
  };
  SignIn none;
  check(none);
  for (std::int64_t code : {std::int64_t{1}, std::int64_t{4242424}}) {
    SignIn r;
    r.has_error_code = true;
    r.error_code = code;
    check(r);
  }
  struct App {
    std::string_view id, name, resource_id, resource_name;
  };
  const App apps[] = {{kOtherApp, "OfficeHome", "", ""},
                      {kMySigninsAppId, "My Signins", "", ""},
                      {" 19DB86C3-B2B9-44CC-B339-36DA233A3BE2 ", "", "", ""},    // case and spaces
                      {"", " my profile ", "", ""},                              // by name, no id
                      {kOtherApp, "My Apps", "", ""},                            // id decides: not the portal
                      {kOtherApp, "OfficeHome", kMyProfileAppId, "My Profile"},  // portal as the resource
                      {"", "", "", "My Sign-Ins"}};
  for (const CodeInfo& c : all_codes()) {
    for (const App& a : apps) {
      SignIn r;
      r.has_error_code = true;
      r.error_code = c.code;
      r.app_id = a.id;
      r.app_name = a.name;
      r.resource_id = a.resource_id;
      r.resource_name = a.resource_name;
      check(r);
      // Every MFA detail sample in every source, alone and behind another match.
      for (const MfaDetailRule& m : mfa_detail_rules()) {
        for (std::size_t s = 0; s < 2 + kMaxAuthSteps + 1; ++s) {
          SignIn x = r;
          std::string upper_sample = upper(std::string(m.sample));
          if (s == 0) x.additional_details = upper_sample;
          if (s == 1) x.mfa_detail = m.sample;
          for (std::size_t i = 2; i <= s && s >= 2; ++i) {
            AuthStep* st = x.auth_steps.push();
            if (!st) break;  // a 7th step is not kept, as the parser drops it
            st->detail = i == s ? m.sample : "Primary authentication succeeded";
          }
          check(x);
          SignIn y = x;
          y.mfa_detail = mfa_detail_rules().back().sample;  // an earlier source wins over later steps
          check(y);
        }
      }
    }
  }
  CHECK(checked > 10000);
}

TEST_CASE("rules KQL: the audit case() gives classify_audit's rule") {
  const std::string kql = script(builtin());
  auto branches = audit_branches(kql);
  REQUIRE(branches.size() == audit_rules().size());
  std::string_view cls = def(kql, "IdtClassifyAudit");
  const std::string trimmed = "trim(" + kql_string(kql_trim_regex()) + ", Result)";
  REQUIRE(cls.find(trimmed + " in") != std::string_view::npos);
  auto failures = literal_list(cls.substr(cls.find(trimmed + " in") + trimmed.size()));
  CHECK(failures == std::vector<std::string>(kAuditFailureResults.begin(), kAuditFailureResults.end()));
  std::size_t checked = 0;
  for (const AuditRule& r : audit_rules()) {
    const std::vector<std::string> activities = {std::string(r.sample), std::string(r.activity),
                                                 upper(std::string(r.activity)), "Something else"};
    for (const std::string& activity : activities) {
      const std::string padded = "  " + activity + "\t";
      for (const std::string& act : {activity, padded})
        for (std::string_view svc : {r.service, std::string_view(), std::string_view("Core Directory"),
                                     std::string_view(" authentication methods ")})
          for (std::string_view cat :
               {r.category, std::string_view(), std::string_view("Policy"), std::string_view("UserManagement")})
            for (std::string_view result : {"success", "failure", " Timeout ", ""}) {
              AuditEvent e;
              e.activity = act;
              e.service = svc;
              e.category = cat;
              e.result = result;
              INFO(act << " | " << svc << " | " << cat << " | " << result);
              CHECK(audit_kql(branches, failures, e) == classify_audit(e).rule_id);
              ++checked;
            }
    }
  }
  CHECK(checked > 5000);
}

TEST_CASE("rules KQL: ticket regexes decide like TicketRules (built-in and hostile --rules)") {
  for (const TicketRules* rules : {&builtin(), &with_hostile()}) {
    auto branches = ticket_branches(script(*rules));
    auto ordered = rules->ordered_rules();
    REQUIRE(branches.size() == ordered.size());
    for (std::size_t i = 0; i < ordered.size(); ++i) CHECK(branches[i].id == ordered[i]->id);
    std::vector<std::string> texts = {"", "nothing to see", "hello\nworld"};
    for (const TicketRule* r : ordered) {
      for (const auto& s : r->samples) texts.push_back(s);
      for (const auto& s : r->not_samples) texts.push_back(s);
    }
    std::size_t n = texts.size();
    for (std::size_t i = 0; i < n; ++i) {
      std::string spaced = texts[i], lines = texts[i];
      std::replace(lines.begin(), lines.end(), ' ', '\n');  // '.' must cross lines, [^\n] must not
      texts.push_back(upper(texts[i]));
      texts.push_back(lines);
      texts.push_back("Re: " + texts[i] + "\n\n(category)");
    }
    std::size_t differ = 0;
    for (const auto& t : texts) {
      INFO(t);
      std::string kql = ticket_kql(branches, t);
      CHECK(kql == rules->classify_text(t).rule_id);
      differ += kql != std::string(kNoTicketRule);
    }
    CHECK(differ > texts.size() / 3);  // the texts do reach rules
  }
  // The text KQL builds: title, description, category, each cut to its cap.
  const auto branches = ticket_branches(script(builtin()));
  Ticket t;
  std::string title(kTicketMaxTitle, 'x'), desc = "I am locked out of my account";
  t.title = title;
  t.description = desc;
  t.category = "Access";
  std::string text = title + "\n" + desc + "\nAccess";
  CHECK(ticket_kql(branches, text) == builtin().classify(t).rule_id);
  CHECK(builtin().classify(t).rule_id != kNoTicketRule);
}

TEST_CASE("rules KQL: the ticket regex carries the classifier's options inline") {
  CHECK(kql_ticket_regex("a.b") == "(?is)a.b");
  RE2 re(kql_ticket_regex("mfa.setup"));
  CHECK(RE2::PartialMatch("MFA\nSETUP", re));  // case-insensitive, '.' matches a newline
  CHECK(kql_ticket_regex("x\ty") == "(?is)x\\x{09}y");
}

TEST_CASE("rules KQL: the trim class is util/text.h trim()'s") {
  const RE2 cls{std::string(kql_trim_regex())};
  for (int c = 1; c < 128; ++c) {
    std::string s(1, static_cast<char>(c));
    INFO(c);
    CHECK(RE2::FullMatch(s, cls) == trim(s).empty());
  }
}

TEST_CASE("rules KQL: deterministic, flavours and prefix") {
  const std::string la = script(builtin());
  CHECK(la == script(builtin()));
  // Log Analytics: one query, no blank line (the portal runs the block around the cursor).
  CHECK(la.find("\n\n") == std::string::npos);
  CHECK(la.find("\nIdtTriageAggregate(ago(1d), now())\n") != std::string::npos);
  const std::string adx = script(builtin(), KqlFlavor::adx);
  std::size_t blocks = 0;
  for (std::size_t at = adx.find("\n\n"); at != std::string::npos; at = adx.find("\n\n", at + 1)) {
    ++blocks;
    std::string_view next = std::string_view(adx).substr(at + 2);
    CHECK((next.starts_with(".create-or-alter function with (folder = \"idtriage\", docstring = ") ||
           next.starts_with("// The ready query")));
  }
  std::size_t lets = 0;
  for (std::size_t at = la.find("\nlet "); at != std::string::npos; at = la.find("\nlet ", at + 1)) ++lets;
  CHECK(blocks == lets + 1);
  // The same bodies in both flavours.
  std::string_view body = def(la, "IdtClassifySignin");
  body = body.substr(body.find("{\n") + 2);
  body = body.substr(0, body.rfind("\n};"));
  CHECK(adx.find(body) != std::string::npos);
  // Every name defined or used carries the prefix.
  const std::string z = script(builtin(), KqlFlavor::log_analytics, "Zz");
  CHECK(z.find("Idt") == std::string::npos);
  CHECK(z.find("let ZzClassifySignin = ") != std::string::npos);
  CHECK(z.find("| invoke ZzClassifySignin()") != std::string::npos);
}

TEST_CASE("rules KQL: the ready query has the bucket columns and triage's defaults") {
  const std::string la = script(builtin());
  std::string_view agg = def(la, "IdtTriageAggregate");
  CHECK(agg.find("bucket:timespan = 15m, registration_timeout:timespan = 30m") != std::string_view::npos);
  const std::string_view marker = "\n    | project Section, ";
  std::size_t project = agg.find(marker);
  REQUIRE(project != std::string_view::npos);
  std::size_t from = project + marker.size();
  std::string_view cols = agg.substr(from, agg.find('\n', from) - from);
  std::vector<std::string> want;
  for (const BucketColumn& c : bucket_columns())
    if (std::find(want.begin(), want.end(), c.name) == want.end()) want.emplace_back(c.name);
  std::vector<std::string> got;
  for (std::string_view rest = cols; !rest.empty();) {
    std::size_t c = rest.find(", ");
    got.emplace_back(rest.substr(0, c));
    rest = c == std::string_view::npos ? std::string_view() : rest.substr(c + 2);
  }
  std::sort(got.begin(), got.end());
  std::sort(want.begin(), want.end());
  CHECK(got == want);  // Section, then exactly the table's columns
  KqlOptions o;
  o.triage.bucket = 3600 * kMicrosPerSecond;
  CHECK(rules_kql(builtin(), o).find("bucket:timespan = 1h,") != std::string::npos);
}
