// Why: see user_activity.h.
#include "aggregate/user_activity.h"

#include <algorithm>

#include "util/text.h"

namespace idt {
namespace {

std::string_view tri_name(Tri t) { return t == Tri::yes ? "yes" : t == Tri::no ? "no" : ""; }

}  // namespace

bool user_relevant_audit(AuditClass c) {
  switch (c) {
    case AuditClass::registration_started:
    case AuditClass::registration_completed:
    case AuditClass::registration_cancelled:
    case AuditClass::registration_failed:
    case AuditClass::method_deleted:
    case AuditClass::method_admin_change:
      return true;
    default:
      return false;
  }
}

bool UserActivity::match_upn_id(std::string_view upn, std::string_view id) const {
  if (!key_.upn.empty() && !upn.empty() && iequals(upn, key_.upn)) return true;
  if (!key_.object_id.empty() && !id.empty() && iequals(id, key_.object_id)) return true;
  return false;
}

bool UserActivity::matches(const SignIn& s) const {
  if (match_upn_id(s.upn, s.user_id)) return true;
  return !key_.display.empty() && !s.user_display.empty() && normalize_name(s.user_display) == key_.display;
}

bool UserActivity::matches(const AuditEvent& e) const {
  if (match_upn_id(e.initiator_upn, e.initiator_id)) return true;
  for (const auto& t : e.targets)
    if (match_upn_id(t.upn, t.id)) return true;
  if (key_.display.empty()) return false;
  if (!e.initiator_name.empty() && normalize_name(e.initiator_name) == key_.display) return true;
  for (const auto& t : e.targets)
    if (!t.display_name.empty() && normalize_name(t.display_name) == key_.display) return true;
  return false;
}

void UserActivity::add_signin(const SignIn& s, const SigninClassification& c, const SourcePos& pos) {
  ++signins_read;
  if (!s.upn.empty() && upns_seen.size() < 200000 && upns_seen.insert(ascii_lower(s.upn)).second && !s.user_display.empty())
    names_seen.insert(std::string(s.user_display));
  if (key_.empty() || !matches(s)) return;
  UserSignin u;
  u.time = s.time;
  u.upn = s.upn;
  u.user_id = s.user_id;
  u.display = s.user_display;
  u.app = !s.app_name.empty() ? s.app_name : s.app_id;
  u.ip = s.ip;
  u.country = s.country;
  u.city = s.city;
  u.client = s.client_app;
  u.browser = s.browser;
  u.os = s.os;
  u.has_code = s.has_error_code;
  u.code = s.error_code;
  u.cls = c.cls;
  u.reason = c.reason;
  u.rule = c.rule_id;
  u.failure_reason = s.failure_reason;
  u.mfa_method = s.mfa_method;
  u.mfa_detail = s.mfa_detail;
  if (u.mfa_detail.empty())
    for (const auto& st : s.auth_steps)
      if (!st.detail.empty()) u.mfa_detail = st.detail;
  if (u.mfa_method.empty() && s.auth_steps.size() > 1) u.mfa_method = s.auth_steps.back().method;
  u.ca_status = s.ca_status;
  u.interactive = tri_name(s.interactive);
  u.pos = pos;
  signins.push_back(std::move(u));
}

void UserActivity::add_audit(const AuditEvent& e, const AuditClassification& c, const SourcePos& pos) {
  ++audits_read;
  if (key_.empty() || !user_relevant_audit(c.cls) || !matches(e)) return;
  UserAudit a;
  a.time = e.time;
  a.activity = e.activity;
  a.result = e.result;
  a.result_reason = e.result_reason;
  a.service = e.service;
  a.initiator = !e.initiator_upn.empty() ? e.initiator_upn : e.initiator_name;
  a.by_admin = !match_upn_id(e.initiator_upn, e.initiator_id) &&
               !(e.initiator_upn.empty() && e.initiator_id.empty() && !key_.display.empty() &&
                 normalize_name(e.initiator_name) == key_.display);
  a.cls = c.cls;
  a.pos = pos;
  audits.push_back(std::move(a));
}

void UserActivity::add_ticket(const Ticket& t, const TicketClassification& c) {
  UserTicket u;
  u.id = t.id;
  u.opened = t.opened;
  u.opened_text = t.opened_text;
  u.title = t.title;
  u.caller = t.caller;
  u.caller_name = t.caller_name;
  u.state = t.state;
  u.category = t.category;
  u.cls = c.cls;
  u.rule = c.rule_id;
  all_tickets.push_back(std::move(u));
}

void UserActivity::merge(UserActivity&& o) {
  for (auto& s : o.signins) signins.push_back(std::move(s));
  for (auto& a : o.audits) audits.push_back(std::move(a));
  for (auto& t : o.all_tickets) all_tickets.push_back(std::move(t));
  upns_seen.merge(o.upns_seen);
  names_seen.merge(o.names_seen);
  signins_read += o.signins_read;
  audits_read += o.audits_read;
}

const UserTicket* UserActivity::find_ticket(std::string_view id) const {
  for (const auto& t : all_tickets)
    if (!t.id.empty() && iequals(t.id, trim(id))) return &t;
  return nullptr;
}

void UserActivity::finish() {
  auto by_time = [](const auto& a, const auto& b) {
    return a.time != b.time ? a.time < b.time
                            : a.pos.file_index != b.pos.file_index ? a.pos.file_index < b.pos.file_index
                                                                   : a.pos.offset < b.pos.offset;
  };
  std::stable_sort(signins.begin(), signins.end(), by_time);
  std::stable_sort(audits.begin(), audits.end(), by_time);
  // Learn the person from their sign-ins: the UPN, id and name most records carry.
  std::set<std::string> upns;
  for (const auto& s : signins) {
    if (!s.upn.empty()) upns.insert(ascii_lower(s.upn));
    if (key_.upn.empty() && !s.upn.empty()) key_.upn = ascii_lower(s.upn);
    if (key_.object_id.empty() && !s.user_id.empty()) key_.object_id = ascii_lower(s.user_id);
    if (key_.display.empty() && !s.display.empty()) key_.display = normalize_name(s.display);
  }
  if (upns.size() > 1)
    for (const auto& u : upns)
      if (u != key_.upn) other_upns.insert(u);
  // Tickets: by caller e-mail / login = UPN, or by display name (exports carry names).
  tickets.clear();
  for (const auto& t : all_tickets) {
    std::string why;
    for (std::string_view who : {std::string_view(t.caller), std::string_view(t.caller_name)}) {
      if (who.empty() || !why.empty()) continue;
      if (!key_.upn.empty() && iequals(trim(who), key_.upn))
        why = "upn";
      else if (!key_.upn.empty() && who.find('@') != std::string_view::npos &&
               iequals(trim(who).substr(0, trim(who).find('@')), std::string_view(key_.upn).substr(0, key_.upn.find('@'))))
        why = "e-mail";
      else if (!key_.display.empty() && normalize_name(who) == key_.display)
        why = "display name";
    }
    if (why.empty()) continue;
    UserTicket m = t;
    m.matched_by = why;
    tickets.push_back(std::move(m));
  }
  std::stable_sort(tickets.begin(), tickets.end(), [](const UserTicket& a, const UserTicket& b) { return a.opened < b.opened; });
}

}  // namespace idt
