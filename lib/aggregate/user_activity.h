// Why: `idtriage user` needs one person's records out of a whole day: their
// sign-ins, registration events and tickets, copied (records are views valid
// only during the sink call), plus what a lookup needs when the person is not
// found (the UPNs and ticket ids seen, for "did you mean"). Mergeable like
// every aggregate, so files and slices can be read in parallel.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "model/audit.h"
#include "model/classes.h"
#include "model/signin.h"
#include "model/source.h"
#include "model/ticket.h"
#include "util/time.h"

namespace idt {

// Who is looked for. Empty fields are unknown; values compare without case
// (display names after normalize_name).
struct UserKey {
  std::string upn;        // user principal name (or e-mail)
  std::string object_id;  // Entra object id (GUID)
  std::string display;    // display name, normalised (ticket exports carry names)
  bool empty() const { return upn.empty() && object_id.empty() && display.empty(); }
};

struct UserSignin {
  Micros time = kNoTime;
  std::string upn, user_id, display;
  std::string app, ip, country, city, client, browser, os;
  bool has_code = false;
  std::int64_t code = 0;
  SigninClass cls = SigninClass::unknown;
  std::string reason, rule, failure_reason, mfa_method, mfa_detail, ca_status, interactive;
  SourcePos pos;
};

struct UserAudit {
  Micros time = kNoTime;
  std::string activity, result, result_reason, service, initiator;
  AuditClass cls = AuditClass::other;
  bool by_admin = false;  // initiated by someone else than the user
  SourcePos pos;
};

struct UserTicket {
  std::string id, opened_text, title, caller, caller_name, state, category;
  Micros opened = kNoTime;
  TicketClass cls = TicketClass::other;
  std::string rule;
  std::string matched_by;  // "id", "upn", "e-mail", "display name"
};

class UserActivity {
 public:
  UserActivity() = default;
  explicit UserActivity(UserKey key) : key_(std::move(key)) {}
  const UserKey& key() const { return key_; }

  bool matches(const SignIn& s) const;
  bool matches(const AuditEvent& e) const;
  void add_signin(const SignIn& s, const SigninClassification& c, const SourcePos& pos);
  void add_audit(const AuditEvent& e, const AuditClassification& c, const SourcePos& pos);
  // Every ticket is offered: which ones are the person's is known only after
  // the sign-ins named them (finish()).
  void add_ticket(const Ticket& t, const TicketClassification& c);
  void merge(UserActivity&& o);
  // Sorts by time, learns the person's UPN / id / name from their records
  // and keeps the tickets that are theirs.
  void finish();

  // The ticket with this id (any case) among those offered, or nullptr.
  const UserTicket* find_ticket(std::string_view id) const;

  std::vector<UserSignin> signins;  // sorted by time after finish()
  std::vector<UserAudit> audits;    // registration and method events, sorted
  std::vector<UserTicket> tickets;  // theirs, after finish()
  std::set<std::string> upns_seen;  // every UPN read (lower-case), for suggestions
  std::set<std::string> names_seen;  // display names (as written) of those UPNs
  std::vector<UserTicket> all_tickets;  // every ticket offered (kept for id lookups)
  std::set<std::string> other_upns;  // more than one account carries the display name looked for
  std::uint64_t signins_read = 0, audits_read = 0;

 private:
  bool match_upn_id(std::string_view upn, std::string_view id) const;
  UserKey key_;
};

// Registration and method events a caller's screen lists.
bool user_relevant_audit(AuditClass c);

}  // namespace idt
