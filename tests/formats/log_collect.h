// Why: records handed to a sink are views valid only during the callback;
// the sign-in/audit reader tests copy them into owned rows (with their
// classification) so they can be inspected after parsing.
#pragma once
#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "classify/audit_classifier.h"
#include "classify/signin_classifier.h"
#include "formats/format.h"
#include "io/input.h"
#include "model/sink.h"

#ifndef IDTRIAGE_TESTDATA
#define IDTRIAGE_TESTDATA "testdata"
#endif

namespace idt::test {

struct OwnedSignIn {
  Micros time = kNoTime;
  std::string id, request_id, correlation_id, user_id, upn, user_display, app_id, app_name, resource_id, resource_name,
      ip, country, state, city, client_app, user_agent, browser, os, category, failure_reason, additional_details,
      ca_status, auth_requirement, mfa_method, mfa_detail, risk_level, user_type;
  Tri interactive = Tri::unknown;
  bool has_error_code = false;
  std::int64_t error_code = 0;
  std::vector<std::pair<std::string, std::string>> ca_policies;  // name, result
  std::size_t ca_overflow = 0;
  struct Step {
    std::string method, detail, requirement;
    Tri succeeded = Tri::unknown;
  };
  std::vector<Step> steps;
  std::string cls, reason;  // classification
  SourcePos pos;
};

struct OwnedAudit {
  Micros time = kNoTime;
  std::string id, correlation_id, service, category, activity, operation_type, result, result_reason, initiator_upn,
      initiator_name, initiator_id, initiator_ip;
  struct Target {
    std::string id, display_name, type, upn;
  };
  std::vector<Target> targets;
  std::string cls;  // classification
  SourcePos pos;
};

class Collect final : public RecordSink {
 public:
  std::vector<OwnedSignIn> signins;
  std::vector<OwnedAudit> audits;
  std::vector<Rejection> rejections;

  void on_signin(const SignIn& r, const SourcePos& p) override {
    OwnedSignIn o;
    o.time = r.time;
    o.id = r.id;
    o.request_id = r.request_id;
    o.correlation_id = r.correlation_id;
    o.user_id = r.user_id;
    o.upn = r.upn;
    o.user_display = r.user_display;
    o.app_id = r.app_id;
    o.app_name = r.app_name;
    o.resource_id = r.resource_id;
    o.resource_name = r.resource_name;
    o.ip = r.ip;
    o.country = r.country;
    o.state = r.state;
    o.city = r.city;
    o.client_app = r.client_app;
    o.user_agent = r.user_agent;
    o.browser = r.browser;
    o.os = r.os;
    o.category = r.category;
    o.interactive = r.interactive;
    o.has_error_code = r.has_error_code;
    o.error_code = r.error_code;
    o.failure_reason = r.failure_reason;
    o.additional_details = r.additional_details;
    o.ca_status = r.ca_status;
    for (const auto& c : r.ca_policies) o.ca_policies.emplace_back(std::string(c.name), std::string(c.result));
    o.ca_overflow = r.ca_policies.overflow;
    o.auth_requirement = r.auth_requirement;
    o.mfa_method = r.mfa_method;
    o.mfa_detail = r.mfa_detail;
    for (const auto& s : r.auth_steps)
      o.steps.push_back({std::string(s.method), std::string(s.detail), std::string(s.requirement), s.succeeded});
    o.risk_level = r.risk_level;
    o.user_type = r.user_type;
    SigninClassification c = classify_signin(r);
    o.cls = std::string(name(c.cls));
    o.reason = std::string(c.reason);
    o.pos = p;
    signins.push_back(std::move(o));
  }
  void on_audit(const AuditEvent& e, const SourcePos& p) override {
    OwnedAudit o;
    o.time = e.time;
    o.id = e.id;
    o.correlation_id = e.correlation_id;
    o.service = e.service;
    o.category = e.category;
    o.activity = e.activity;
    o.operation_type = e.operation_type;
    o.result = e.result;
    o.result_reason = e.result_reason;
    o.initiator_upn = e.initiator_upn;
    o.initiator_name = e.initiator_name;
    o.initiator_id = e.initiator_id;
    o.initiator_ip = e.initiator_ip;
    for (const auto& t : e.targets)
      o.targets.push_back({std::string(t.id), std::string(t.display_name), std::string(t.type), std::string(t.upn)});
    o.cls = std::string(name(classify_audit(e).cls));
    o.pos = p;
    audits.push_back(std::move(o));
  }
  void on_reject(const Rejection& r) override { rejections.push_back(r); }

  // "class" or "class/reason" -> count
  std::map<std::string, int> signin_classes(bool with_reason = false) const {
    std::map<std::string, int> m;
    for (const auto& s : signins) ++m[with_reason ? s.cls + "/" + s.reason : s.cls];
    return m;
  }
  std::map<std::int64_t, int> codes() const {
    std::map<std::int64_t, int> m;
    for (const auto& s : signins) ++m[s.has_error_code ? s.error_code : -1];
    return m;
  }
  std::map<std::string, int> audit_classes() const {
    std::map<std::string, int> m;
    for (const auto& a : audits) ++m[a.cls];
    return m;
  }
};

struct Parsed {
  Collect sink;
  FileSummary summary;
};

inline std::string testdata(std::string_view rel) { return std::string(IDTRIAGE_TESTDATA) + "/" + std::string(rel); }

inline std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline Parsed read_path(const std::string& path, std::optional<RecordKind> want = std::nullopt,
                        const ParseOptions& o = {}) {
  Parsed p;
  p.summary = read_file(path, o, p.sink, want);
  return p;
}
inline Parsed read_text(std::string_view bytes, std::optional<RecordKind> want = std::nullopt,
                        const ParseOptions& o = {}) {
  Parsed p;
  Input in = Input::from_string(bytes, "<test>");
  p.summary = read_input(in, o, p.sink, want);
  return p;
}
inline bool contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

}  // namespace idt::test
