// Why: see user_index.h.
#include "run/user_index.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <unordered_map>

#include "io/input.h"
#include "util/hash.h"
#include "util/stored_tsv.h"
#include "util/text.h"

namespace idt {
namespace {

// Fields are tab-separated, escaped losslessly (util/stored_tsv.h); lists
// inside a field are joined by U+001F, which is dropped from the items.
void esc(std::string& out, std::string_view s) { append_stored_field(out, s, '\x1f'); }
std::string unesc(std::string_view s) { return unescape_stored_field(s); }
std::vector<std::string_view> split(std::string_view s, char sep) { return split_fields(s, sep); }
void field(std::string& out, std::string_view s) {
  out += '\t';
  esc(out, s);
}
// Numbers; a missing time (kNoTime) is written "-".
void field(std::string& out, std::int64_t v) { out += v == kNoTime ? std::string("\t-") : fmt::format("\t{}", v); }
void list_field(std::string& out, const std::vector<std::string>& items) {
  out += '\t';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += '\x1f';
    esc(out, items[i]);
  }
}
std::int64_t num(std::string_view s) {
  if (s == "-") return kNoTime;
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() ? v : 0;
}
std::vector<std::string> list_of(std::string_view s) {
  std::vector<std::string> v;
  if (s.empty()) return v;
  for (auto p : split(s, '\x1f')) v.push_back(unesc(p));
  return v;
}

class IndexTee final : public TriageTee {
 public:
  void begin_file(std::size_t index, const std::string&, RecordKind) override {
    file_ = static_cast<std::uint32_t>(index);
  }
  void on_signin(const SignIn& s, const SigninClassification&, const SourcePos& p) override {
    add(s.upn, s.user_id, s.user_display, p);
  }
  void on_audit(const AuditEvent& e, const AuditClassification& c, const SourcePos& p) override {
    if (!user_relevant_audit(c.cls)) return;
    std::string first = add(e.initiator_upn, e.initiator_id, e.initiator_name, p);
    for (const auto& t : e.targets) {
      std::string_view who = !t.upn.empty() ? t.upn : t.id;
      if (!who.empty() && ascii_lower(who) != first) add(t.upn, t.id, t.display_name, p);
    }
  }
  void on_ticket(const Ticket& t, const TicketClassification& c, const SourcePos&) override {
    UserActivity one;
    one.add_ticket(t, c);
    tickets.push_back(std::move(one.all_tickets.front()));
  }
  std::unordered_map<std::string, IndexedUser> users;
  std::vector<UserTicket> tickets;

 private:
  std::string add(std::string_view upn, std::string_view id, std::string_view display, const SourcePos& p) {
    std::string key = ascii_lower(!upn.empty() ? upn : id);
    if (key.empty()) return key;
    IndexedUser& u = users[key];
    if (u.upn.empty() && !upn.empty()) u.upn = ascii_lower(upn);
    if (u.object_id.empty() && !id.empty()) u.object_id = ascii_lower(id);
    if (u.display.empty() && !display.empty()) u.display = normalize_name(display);
    if (u.records.empty() || u.records.back().input != file_ || u.records.back().offset != p.offset)
      u.records.push_back({file_, p.offset});
    return key;
  }
  std::uint32_t file_ = 0;
};

IndexedUser parse_user_line(std::string_view line) {
  auto f = split(line, '\t');
  IndexedUser u;
  if (f.size() < 5) return u;
  u.upn = unesc(f[1]);
  u.object_id = unesc(f[2]);
  u.display = unesc(f[3]);
  for (auto group : split(f[4], ';')) {
    std::size_t colon = group.find(':');
    if (colon == std::string_view::npos) continue;
    auto input = static_cast<std::uint32_t>(num(group.substr(0, colon)));
    for (auto off : split(group.substr(colon + 1), ','))
      if (!off.empty()) u.records.push_back({input, static_cast<std::uint64_t>(num(off))});
  }
  return u;
}

}  // namespace

std::vector<std::pair<std::string, RecordKind>> labelled_inputs(const TriageInputs& in) {
  std::vector<std::pair<std::string, RecordKind>> v;
  for (const auto& f : in.detect) v.emplace_back(f, RecordKind::unknown);
  for (const auto& f : in.signins) v.emplace_back(f, RecordKind::signin);
  for (const auto& f : in.audit) v.emplace_back(f, RecordKind::audit);
  for (const auto& f : in.tickets) v.emplace_back(f, RecordKind::ticket);
  for (const auto& f : in.health) v.emplace_back(f, RecordKind::health);
  return v;
}

std::string default_index_path(const TriageInputs& in) {
  auto all = labelled_inputs(in);
  std::filesystem::path first = all.empty() ? "." : all.front().first;
  std::filesystem::path dir = first.has_parent_path() ? first.parent_path() : ".";
  return (dir / std::string(kUserIndexName)).string();
}

std::optional<IndexedInput> fingerprint(const std::string& path, RecordKind label) {
  struct stat st {};
  if (path == "-" || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  IndexedInput i;
  std::error_code ec;
  i.path = std::filesystem::absolute(path, ec).lexically_normal().string();
  if (ec) i.path = path;
  i.label = label;
  i.size = static_cast<std::uint64_t>(st.st_size);
  i.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return std::nullopt;
  std::string head(65536, '\0');
  head.resize(std::fread(head.data(), 1, head.size(), f));
  std::fclose(f);
  i.head_hash = fnv1a(head);
  return i;
}

Result<UserIndex> UserIndex::build(const TriageInputs& in, const RunOptions& opts, const TriageOptions& topts,
                                   const TicketRules& rules, std::string& text, TriageRun* run_out) {
  UserIndex idx;
  idx.since = opts.since;
  idx.until = opts.until;
  for (const auto& [path, label] : labelled_inputs(in)) {
    auto fp = fingerprint(path, label);
    if (!fp) return Error{path + ": an index needs regular files (not stdin, not a missing file)"};
    idx.inputs.push_back(std::move(*fp));
  }
  IndexTee tee;
  TriageRun run = run_triage(in, opts, topts, rules, {}, &tee);
  for (std::size_t i = 0; i < run.inputs.size() && i < idx.inputs.size(); ++i) {
    idx.inputs[i].format = run.inputs[i].file.summary.format;
    idx.inputs[i].kind = run.inputs[i].file.summary.kind;
  }
  text.clear();
  text += kUserIndexSchema;
  text += '\n';
  auto t = [](Micros m) { return m == kNoTime ? std::string("-") : std::to_string(m); };
  text += fmt::format("W\t{}\t{}\n", t(opts.since), t(opts.until));
  for (const auto& i : idx.inputs) {
    text += 'I';
    field(text, static_cast<std::int64_t>(i.label));
    field(text, static_cast<std::int64_t>(i.size));
    field(text, i.mtime_ns);
    field(text, fmt::format("{:016x}", i.head_hash));
    field(text, i.format);
    field(text, static_cast<std::int64_t>(i.kind));
    field(text, i.path);
    text += '\n';
  }
  for (const auto& f : run.report.findings) {
    text += 'F';
    field(text, f.id);
    field(text, name(f.kind));
    field(text, name(f.severity));
    field(text, name(f.cause));
    field(text, f.suspected ? 1 : 0);
    field(text, f.start);
    field(text, f.end);
    field(text, f.playbook);
    field(text, f.summary);
    std::vector<std::string> users, ips;
    for (const auto& u : f.evidence.top_users) users.push_back(u.key);
    for (const auto& p : f.evidence.top_ips) ips.push_back(p.key);
    list_field(text, users);
    list_field(text, ips);
    list_field(text, f.evidence.health_incidents);
    text += '\n';
  }
  for (const auto& h : run.agg->health) {
    text += 'H';
    field(text, h.id);
    field(text, h.service);
    field(text, h.title);
    field(text, h.classification);
    field(text, h.status);
    field(text, h.start);
    field(text, h.end);
    field(text, h.last_update);
    field(text, h.identity_relevant ? 1 : 0);
    field(text, h.synthetic ? 1 : 0);
    text += '\n';
  }
  for (const auto& t : tee.tickets) {
    text += 'T';
    field(text, t.id);
    field(text, t.opened);
    field(text, t.caller);
    field(text, t.caller_name);
    field(text, t.title);
    field(text, t.state);
    field(text, t.category);
    field(text, static_cast<std::int64_t>(t.cls));
    field(text, t.rule);
    field(text, t.opened_text);
    text += '\n';
  }
  std::vector<const IndexedUser*> users;
  for (const auto& [k, u] : tee.users) users.push_back(&u);
  std::sort(users.begin(), users.end(),
            [](auto* a, auto* b) { return std::tie(a->upn, a->object_id) < std::tie(b->upn, b->object_id); });
  for (const IndexedUser* u : users) {
    text += "U";
    field(text, u->upn);
    field(text, u->object_id);
    field(text, u->display);
    text += '\t';
    std::uint32_t cur = UINT32_MAX;
    for (const auto& r : u->records) {
      if (r.input != cur) {
        if (cur != UINT32_MAX) text += ';';
        text += fmt::format("{}:", r.input);
        cur = r.input;
      } else {
        text += ',';
      }
      text += fmt::format("{}", r.offset);
    }
    text += '\n';
  }
  idx.users = users.size();
  idx.findings = run.report.findings;
  idx.health = run.agg->health;
  idx.tickets = std::move(tee.tickets);
  if (run_out) *run_out = std::move(run);
  return idx;
}

Result<UserIndex> UserIndex::parse(std::string text) {
  UserIndex idx;
  if (text.rfind(kUserIndexSchema, 0) != 0) return Error{"not an idtriage index (no idtriage.index/1 header)"};
  std::size_t pos = text.find('\n');
  while (pos != std::string::npos && pos + 1 < text.size()) {
    std::size_t b = pos + 1;
    std::size_t e = text.find('\n', b);
    if (e == std::string::npos) return Error{"index truncated (last line has no end)"};
    std::string_view line(text.data() + b, e - b);
    if (line.empty() || line[0] == 'U') {
      idx.users_at_ = b;
      break;
    }
    auto f = split(line, '\t');
    if (line[0] == 'W' && f.size() >= 3) {
      idx.since = num(f[1]);
      idx.until = num(f[2]);
    } else if (line[0] == 'I' && f.size() >= 8) {
      IndexedInput i;
      i.label = static_cast<RecordKind>(num(f[1]));
      i.size = static_cast<std::uint64_t>(num(f[2]));
      i.mtime_ns = num(f[3]);
      i.head_hash = std::stoull(std::string(f[4]), nullptr, 16);
      i.format = unesc(f[5]);
      i.kind = static_cast<RecordKind>(num(f[6]));
      i.path = unesc(f[7]);
      idx.inputs.push_back(std::move(i));
    } else if (line[0] == 'F' && f.size() >= 13) {
      Finding fd;
      fd.id = unesc(f[1]);
      if (auto k = parse_finding_kind(unesc(f[2]))) fd.kind = *k;
      if (auto s = parse_severity(unesc(f[3]))) fd.severity = *s;
      for (std::size_t c = 0; c < kCauseNames.size(); ++c)
        if (kCauseNames[c] == f[4]) fd.cause = static_cast<Cause>(c);
      fd.suspected = num(f[5]) != 0;
      fd.start = num(f[6]);
      fd.end = num(f[7]);
      fd.playbook = unesc(f[8]);
      fd.summary = unesc(f[9]);
      for (auto& u : list_of(f[10])) fd.evidence.top_users.push_back({u, 0});
      for (auto& p : list_of(f[11])) fd.evidence.top_ips.push_back({p, 0});
      fd.evidence.health_incidents = list_of(f[12]);
      idx.findings.push_back(std::move(fd));
    } else if (line[0] == 'H' && f.size() >= 11) {
      HealthIssueCopy h;
      h.id = unesc(f[1]);
      h.service = unesc(f[2]);
      h.title = unesc(f[3]);
      h.classification = unesc(f[4]);
      h.status = unesc(f[5]);
      h.start = num(f[6]);
      h.end = num(f[7]);
      h.last_update = num(f[8]);
      h.identity_relevant = num(f[9]) != 0;
      h.synthetic = num(f[10]) != 0;
      idx.health.push_back(std::move(h));
    } else if (line[0] == 'T' && f.size() >= 11) {
      UserTicket t;
      t.id = unesc(f[1]);
      t.opened = num(f[2]);
      t.caller = unesc(f[3]);
      t.caller_name = unesc(f[4]);
      t.title = unesc(f[5]);
      t.state = unesc(f[6]);
      t.category = unesc(f[7]);
      auto cls = num(f[8]);
      t.cls = cls >= 0 && cls < static_cast<std::int64_t>(kTicketClassCount) ? static_cast<TicketClass>(cls)
                                                                             : TicketClass::other;
      t.rule = unesc(f[9]);
      t.opened_text = unesc(f[10]);
      idx.tickets.push_back(std::move(t));
    }
    pos = e;
  }
  if (idx.users_at_ == 0) idx.users_at_ = text.size();
  idx.text_ = std::move(text);
  return idx;
}

std::string UserIndex::stale_reason(const TriageInputs& in, Micros from, Micros to) const {
  if (from != since || to != until) return "built with another --since/--until";
  auto now = labelled_inputs(in);
  if (now.size() != inputs.size())
    return fmt::format("built from {} inputs, this run has {}", inputs.size(), now.size());
  for (std::size_t i = 0; i < now.size(); ++i) {
    auto fp = fingerprint(now[i].first, now[i].second);
    if (!fp) return now[i].first + " cannot be read";
    const IndexedInput& old = inputs[i];
    if (fp->path != old.path || fp->label != old.label) return "built from other inputs (" + old.path + ")";
    if (fp->size != old.size || fp->mtime_ns != old.mtime_ns || fp->head_hash != old.head_hash)
      return now[i].first + " changed since the index was built";
  }
  return {};
}

template <class F>
void UserIndex::for_each_user_line(F&& f) const {
  std::string_view t = text_;
  for (std::size_t b = users_at_; b < t.size();) {
    std::size_t e = t.find('\n', b);
    if (e == std::string_view::npos) e = t.size();
    std::string_view line = t.substr(b, e - b);
    if (f(line, split(line, '\t'))) return;
    b = e + 1;
  }
}

std::optional<IndexedUser> UserIndex::find(const UserKey& key) const {
  std::string_view t = text_;
  if (!key.upn.empty()) {  // fast path: the line starts with the UPN
    std::string needle = "\nU\t";
    esc(needle, key.upn);
    needle += '\t';
    std::size_t hit = t.find(needle, users_at_ == 0 ? 0 : users_at_ - 1);
    if (hit != std::string_view::npos) {
      std::size_t e = t.find('\n', hit + 1);
      return parse_user_line(t.substr(hit + 1, e == std::string_view::npos ? t.npos : e - hit - 1));
    }
  }
  if (key.object_id.empty() && key.display.empty()) return std::nullopt;
  std::optional<IndexedUser> found;
  for_each_user_line([&](std::string_view line, const std::vector<std::string_view>& f) {
    if (f.size() >= 5 && ((!key.object_id.empty() && unesc(f[2]) == key.object_id) ||
                          (key.upn.empty() && key.object_id.empty() && unesc(f[3]) == key.display)))
      found = parse_user_line(line);
    return found.has_value();
  });
  return found;
}

std::vector<std::string> UserIndex::all_upns() const {
  std::vector<std::string> v;
  for_each_user_line([&](std::string_view, const std::vector<std::string_view>& f) {
    if (f.size() >= 2 && !f[1].empty()) v.push_back(unesc(f[1]));
    return false;
  });
  return v;
}

}  // namespace idt
