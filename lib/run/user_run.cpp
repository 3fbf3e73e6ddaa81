// Why: see user_run.h.
#include "run/user_run.h"

#include <algorithm>
#include <memory>

#include "formats/format.h"
#include "playbook/caller_texts.h"
#include "run/user_index.h"
#include "util/folded_search.h"
#include "util/json_scan.h"
#include "util/text.h"

namespace idt {
namespace {

class UserSink final : public UnitSink {
 public:
  explicit UserSink(const UserKey& key) : key_(key), act(key) {}
  void on_signin(const SignIn& s, const SigninClassification& c, const SourcePos& p) override {
    act.add_signin(s, c, p);
  }
  void on_audit(const AuditEvent& e, const AuditClassification& c, const SourcePos& p) override {
    act.add_audit(e, c, p);
  }
  void on_ticket(const Ticket& t, const TicketClassification& c, const SourcePos&) override { act.add_ticket(t, c); }
  void reset() override { act = UserActivity(key_); }

 private:
  UserKey key_;

 public:
  UserActivity act;
};

// The same, riding along a triage run (positions name the input).
class UserTee final : public TriageTee {
 public:
  explicit UserTee(const UserKey& key) : act(key) {}
  void begin_file(std::size_t index, const std::string&, RecordKind) override {
    file_ = static_cast<std::uint32_t>(index);
  }
  void on_signin(const SignIn& s, const SigninClassification& c, const SourcePos& p) override {
    SourcePos q = p;
    q.file_index = file_;
    act.add_signin(s, c, q);
  }
  void on_audit(const AuditEvent& e, const AuditClassification& c, const SourcePos& p) override {
    SourcePos q = p;
    q.file_index = file_;
    act.add_audit(e, c, q);
  }
  void on_ticket(const Ticket& t, const TicketClassification& c, const SourcePos&) override { act.add_ticket(t, c); }
  UserActivity act;

 private:
  std::uint32_t file_ = 0;
};

bool is_guid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (i == 8 || i == 13 || i == 18 || i == 23 ? c != '-' : !hex) return false;
  }
  return true;
}

// Ticket exports are CSV; big JSON / gzip logs are not opened a second time
// just to look for a ticket id.
bool may_hold_tickets(const std::string& path) {
  for (std::string_view ext : {".gz", ".json", ".jsonl", ".log", ".ndjson"})
    if (path.size() >= ext.size() && iequals(std::string_view(path).substr(path.size() - ext.size()), ext))
      return false;
  return true;
}

NeedleSet needles_for(const UserKey& k) {
  NeedleSet set;
  auto add = [&](std::string_view q) {
    if (q.empty()) return;
    FoldedNeedle n(q);
    if (n.matches_everything()) {
      set.needles.clear();  // a needle that matches everything makes the set useless
      set.needles.push_back(n);
      return;
    }
    set.needles.push_back(std::move(n));
  };
  add(k.upn);
  add(k.object_id);
  if (!k.display.empty()) {  // the longest word: spacing in names varies between exports
    std::string_view d = k.display, best;
    for (std::size_t i = 0; i <= d.size();) {
      std::size_t j = d.find(' ', i);
      if (j == std::string_view::npos) j = d.size();
      if (j - i > best.size()) best = d.substr(i, j - i);
      i = j + 1;
    }
    add(best);
  }
  for (const auto& n : set.needles)
    if (n.matches_everything()) return NeedleSet{};
  return set;
}

// Reads `paths` (as `want`) in parallel into per-unit UserSinks, merged in order.
void scan(const std::vector<std::string>& paths, std::optional<RecordKind> want, RunOptions ro, const UserKey& key,
          const NeedleSet* filter, UserRun& out) {
  if (paths.empty()) return;
  ro.want = want;
  ro.parse.prefilter = filter;
  std::vector<std::unique_ptr<UserSink>> sinks;
  std::vector<std::size_t> file_of;
  auto results = run_files_parallel(paths, ro, [&](std::size_t f) -> UnitSink& {
    sinks.push_back(std::make_unique<UserSink>(key));
    file_of.push_back(f);
    return *sinks.back();
  });
  for (std::size_t i = 0; i < sinks.size(); ++i) {  // positions name the file among all inputs
    auto file = static_cast<std::uint32_t>(out.inputs.size() + file_of[i]);
    for (auto& r : sinks[i]->act.signins) r.pos.file_index = file;
    for (auto& r : sinks[i]->act.audits) r.pos.file_index = file;
    out.activity.merge(std::move(sinks[i]->act));
  }
  for (auto& r : results) {
    out.skipped += r.summary.skipped;
    out.input_error |= r.summary.fatal.has_value() || (ro.parse.strict && r.summary.rejected > 0);
    InputReport rep;
    rep.file = std::move(r);
    out.inputs.push_back(std::move(rep));
  }
}

// With an index: each JSON input contributes only the person's records,
// gathered into one small JSON array and read through the same pipeline
// (window, classification); CSV inputs are scanned behind the pre-filter;
// ticket exports are read whole (small, and matched by name).
void lookup_indexed(const UserIndex& ix, const TriageInputs& in, const RunOptions& ro, const UserKey& key,
                    UserRun& run) {
  auto all = labelled_inputs(in);
  std::optional<IndexedUser> iu = ix.find(key);
  NeedleSet needles = needles_for(key);
  UserSink sink(key);
  sink.act.all_tickets = ix.tickets;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const IndexedInput& meta = ix.inputs[i];
    const std::string& path = all[i].first;
    RunOptions r = ro;
    r.want = all[i].second == RecordKind::unknown ? std::nullopt : std::optional(all[i].second);
    FileResult res;
    if (meta.kind == RecordKind::ticket) {
      continue;  // the index keeps every ticket with its class (UserIndex::tickets)
    } else if (meta.kind == RecordKind::signin || meta.kind == RecordKind::audit) {
      if (meta.format.find("csv") != std::string::npos) {
        r.parse.prefilter = needles.needles.empty() ? nullptr : &needles;
        res = run_files({path}, r, sink).front();
      } else {
        std::string buf = "[";
        if (iu) {
          auto opened = open_input(path, ro.encoding);
          if (opened) {
            std::string_view text = opened->text();
            for (const auto& rec : iu->records) {
              if (rec.input != i || rec.offset >= text.size()) continue;
              std::size_t end = json_value_end(text, rec.offset);
              if (end == std::string_view::npos) continue;
              if (buf.size() > 1) buf += ',';
              buf.append(text.substr(rec.offset, end - rec.offset));
            }
          }
        }
        buf += "]";
        r.forced = find_format(meta.format);
        r.want = meta.kind;
        res = run_input(Input::from_string(buf, path), i, r, sink);
        res.summary.path = path;
      }
    } else {
      continue;  // health: taken from the index
    }
    run.skipped += res.summary.skipped;
    run.input_error |= res.summary.fatal.has_value();
    InputReport rep;
    rep.file = std::move(res);
    run.inputs.push_back(std::move(rep));
  }
  run.activity.merge(std::move(sink.act));
}

}  // namespace

std::string_view name(UserQueryKind k) {
  switch (k) {
    case UserQueryKind::upn:
      return "upn";
    case UserQueryKind::object_id:
      return "object_id";
    case UserQueryKind::ticket:
      return "ticket";
    case UserQueryKind::display_name:
      return "display_name";
  }
  return "upn";
}

UserQueryKind guess_query_kind(std::string_view q) {
  q = trim(q);
  if (q.find('@') != std::string_view::npos) return UserQueryKind::upn;
  if (is_guid(q)) return UserQueryKind::object_id;
  return UserQueryKind::ticket;
}

std::vector<std::string> close_matches(std::string_view word, const std::vector<std::string>& candidates,
                                       std::size_t max) {
  std::string w = ascii_lower(trim(word));
  std::vector<std::pair<std::size_t, std::string>> scored;
  const std::size_t limit = std::max<std::size_t>(3, w.size() / 3);
  for (const auto& c : candidates) {
    std::string lc = ascii_lower(c);
    std::size_t d = edit_distance(w, lc);
    // A UPN typed without its domain, or a name typed as its local part.
    std::size_t at = lc.find('@');
    if (at != std::string::npos && w.find('@') == std::string::npos)
      d = std::min(d, edit_distance(w, lc.substr(0, at)));
    if (w.size() >= 3 && lc.find(w) != std::string::npos) d = std::min<std::size_t>(d, 1);
    if (d <= limit) scored.emplace_back(d, c);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (auto& [d, c] : scored) {
    if (out.size() == max) break;
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(std::move(c));
  }
  return out;
}

UserRun run_user(const TriageInputs& in, const RunOptions& opts, const TriageOptions& topts, const TicketRules* rules,
                 std::string_view query, const UserRunOptions& uopts) {
  UserRun run;
  run.query = std::string(trim(query));
  run.kind = guess_query_kind(run.query);
  RunOptions ro = opts;
  ro.ticket_rules = rules;

  UserKey key;
  std::vector<std::string> ticket_ids;
  if (run.kind == UserQueryKind::upn) key.upn = ascii_lower(run.query);
  if (run.kind == UserQueryKind::object_id) key.object_id = ascii_lower(run.query);
  if (run.kind == UserQueryKind::ticket) {
    // A ticket id names the caller: read the ticket exports first.
    UserSink sink(UserKey{});
    if (uopts.index) {
      sink.act.all_tickets = uopts.index->tickets;
    } else {
      std::vector<std::string> ticket_files = in.tickets;
      for (const auto& f : in.detect)
        if (may_hold_tickets(f)) ticket_files.push_back(f);
      RunOptions tro = ro;
      tro.want = RecordKind::ticket;
      run_files(ticket_files, tro, sink);
    }
    if (const UserTicket* t = sink.act.find_ticket(run.query)) {
      run.via_ticket = *t;
      for (std::string_view who : {std::string_view(t->caller), std::string_view(t->caller_name)}) {
        who = trim(who);
        if (who.empty()) continue;
        if (who.find('@') != std::string_view::npos) {
          if (key.upn.empty()) key.upn = ascii_lower(who);
        } else if (key.display.empty()) {
          key.display = normalize_name(who);
        }
      }
    } else {
      run.kind = UserQueryKind::display_name;  // not a ticket id: try it as a person's name
      key.display = normalize_name(run.query);
      for (const auto& t : sink.act.all_tickets)
        if (!t.id.empty()) ticket_ids.push_back(t.id);
    }
  }
  run.activity = UserActivity(key);

  if (uopts.index) {
    lookup_indexed(*uopts.index, in, ro, key, run);
    run.triage.agg = std::make_unique<TriageAggregate>(topts);
    run.triage.report.findings = uopts.index->findings;
    run.triage.agg->health = uopts.index->health;
    run.correlated = true;
    run.from_index = true;
  } else if (uopts.quick) {
    NeedleSet needles = needles_for(key);
    const NeedleSet* filter = uopts.prefilter && !needles.needles.empty() ? &needles : nullptr;
    scan(in.detect, std::nullopt, ro, key, filter, run);
    scan(in.signins, RecordKind::signin, ro, key, filter, run);
    scan(in.audit, RecordKind::audit, ro, key, filter, run);
    scan(in.tickets, RecordKind::ticket, ro, key, nullptr, run);
    run.triage.agg = std::make_unique<TriageAggregate>(topts);
  } else {
    UserTee sink(key);
    run.triage = run_triage(in, ro, topts, rules ? *rules : TicketRules::builtin_shared(), {}, &sink);
    run.activity = std::move(sink.act);
    run.correlated = true;
    run.input_error = run.triage.input_error;
    run.inputs = run.triage.inputs;
  }
  run.activity.finish();
  if (run.via_ticket)  // the index keeps only id, time and caller: show the ticket as read
    for (const auto& t : run.activity.tickets)
      if (iequals(t.id, run.via_ticket->id)) {
        run.via_ticket = t;
        run.via_ticket->matched_by.clear();
      }
  const UserActivity& a = run.activity;
  run.found = !a.signins.empty() || !a.audits.empty() || !a.tickets.empty() || run.via_ticket.has_value();
  if (!run.found) {
    if (uopts.index) {
      auto upns = uopts.index->all_upns();
      run.activity.upns_seen.insert(upns.begin(), upns.end());
    } else if (uopts.quick && uopts.prefilter) {
      // The pre-filter parsed only the person's records; "did you mean" needs every UPN.
      UserRun full;
      UserKey none;
      scan(in.detect, std::nullopt, ro, none, nullptr, full);
      scan(in.signins, RecordKind::signin, ro, none, nullptr, full);
      run.activity.upns_seen = std::move(full.activity.upns_seen);
      run.activity.names_seen = std::move(full.activity.names_seen);
    }
    std::vector<std::string> cands(run.activity.upns_seen.begin(), run.activity.upns_seen.end());
    if (run.kind == UserQueryKind::display_name) {
      cands.assign(run.activity.names_seen.begin(), run.activity.names_seen.end());
      cands.insert(cands.end(), ticket_ids.begin(), ticket_ids.end());
      run.not_found = "no ticket with this id and no user with this display name in the inputs";
    } else if (run.kind == UserQueryKind::object_id) {
      run.not_found = "no sign-in, audit event or ticket of this object id in the inputs";
      cands.clear();
    } else {
      run.not_found = "no sign-in, audit event or ticket of this user in the inputs";
    }
    run.suggestions = close_matches(run.query, cands);
  }
  run.caller = assess_caller(run.activity, run.triage.report,
                             run.triage.agg ? run.triage.agg->health : std::vector<HealthIssueCopy>{});
  write_caller_texts(run.caller);
  if (!run.correlated && run.found)  // never let a records-only answer pass for the whole picture
    run.caller.diagnosis = "findings not checked (--quick), from their own records only: " + run.caller.diagnosis;
  return run;
}

}  // namespace idt
