// Why: see alert.h.
#include "workflow/alert.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <optional>

#include "util/stored_tsv.h"
#include "util/text.h"

namespace idt {
namespace {

constexpr std::string_view kMagic = "# idtriage alert state, version ";
constexpr std::string_view kColumns =
    "kind\tsubject\tstart\tend\tseverity\tcause\tsuspected\tongoing\tstatus\tfirst_reported\troot_cause";
constexpr std::size_t kFields = 11;

std::optional<Cause> parse_cause(std::string_view s) {
  for (std::size_t i = 0; i < kCauseNames.size(); ++i)
    if (kCauseNames[i] == s) return static_cast<Cause>(i);
  return std::nullopt;
}

std::string time_field(Micros t) { return t == kNoTime ? std::string("-") : format_rfc3339(t); }
std::optional<Micros> parse_time_field(std::string_view s) {
  if (s == "-") return kNoTime;
  return parse_iso8601(s);
}
std::optional<bool> parse_yes_no(std::string_view s) {
  if (s == "yes") return true;
  if (s == "no") return false;
  return std::nullopt;
}

StateLoad damaged(std::size_t line, std::string what) {
  StateLoad l;
  l.status = StateStatus::damaged;
  l.detail = line ? fmt::format("line {}: {}", line, what) : what;
  return l;
}

// Start ≤ end and both times or neither.
bool window_ok(Micros s, Micros e) { return (s == kNoTime) == (e == kNoTime) && (s == kNoTime || s <= e); }

bool overlaps(Micros a0, Micros a1, Micros b0, Micros b1) { return a0 < b1 && b0 < a1; }

Micros tolerance(const TriageReport& r) { return std::max(kAlertTolerance, 2 * r.bucket); }

// A finding without a window (a standing condition such as an untested
// break-glass account) is in progress while it is reported.
bool in_progress(const Finding& f) { return f.start == kNoTime || f.ongoing; }

AlertEntry entry_of(const Finding& f, Micros now) {
  AlertEntry e;
  e.kind = f.kind;
  e.subject = alert_subject(f);
  e.start = f.start;
  e.end = f.start == kNoTime ? kNoTime : f.end;
  e.severity = f.severity;
  e.cause = f.cause;
  e.suspected = f.suspected;
  e.ongoing = in_progress(f);
  e.ended = !e.ongoing;
  e.first_reported = now;
  e.root_cause = f.root_cause;
  return e;
}

std::string over_at(Micros end) { return "over at " + format_day_minute(end) + " UTC"; }

}  // namespace

std::string alert_subject(const Finding& f) {
  switch (kAlertSubjects[static_cast<std::size_t>(f.kind)]) {
    case AlertSubject::top_user:
      return f.evidence.top_users.empty() ? std::string() : ascii_lower(f.evidence.top_users.front().key);
    case AlertSubject::none:
      break;
  }
  return {};
}

StateLoad parse_alert_state(std::string_view text) {
  if (text.size() > kMaxStateBytes) return damaged(0, fmt::format("larger than {} bytes", kMaxStateBytes));
  if (text.empty()) return damaged(0, "empty");
  if (text.back() != '\n') return damaged(0, "cut short (no newline at the end)");
  std::vector<std::string_view> lines = split_fields(text.substr(0, text.size() - 1), '\n');
  // Line 1: the magic and the version.
  std::string_view head = lines[0];
  if (!head.starts_with(kMagic)) return damaged(1, "not an idtriage alert state file");
  std::string_view v = head.substr(kMagic.size());
  v = v.substr(0, v.find_first_not_of("0123456789"));
  int version = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), version);
  if (v.empty() || ec != std::errc()) return damaged(1, "no version number");
  if (version > kStateVersion) {
    StateLoad l;
    l.status = StateStatus::newer;
    l.detail = fmt::format("version {}", version);
    return l;
  }
  if (version != kStateVersion) return damaged(1, fmt::format("unknown version {}", version));
  StateLoad out;
  out.status = StateStatus::ok;
  bool columns = false, end = false;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    const std::size_t n = i + 1;
    if (end) return damaged(n, "text after the end line");
    if (l.ends_with('\r')) l.remove_suffix(1);  // edited on Windows: still readable
    if (l.starts_with("# end: ")) {
      std::string_view c = l.substr(7);
      c = c.substr(0, c.find(' '));
      std::size_t count = 0;
      auto [q, ec2] = std::from_chars(c.data(), c.data() + c.size(), count);
      if (ec2 != std::errc() || q != c.data() + c.size()) return damaged(n, "the end line has no entry count");
      if (count != out.state.entries.size())
        return damaged(n,
                       fmt::format("the end line counts {} entries, the file has {}", count, out.state.entries.size()));
      end = true;
      continue;
    }
    if (l.starts_with("# written: ")) {
      auto t = parse_time_field(trim(l.substr(11)));
      if (!t) return damaged(n, "the written time cannot be read");
      out.state.written = *t;
      continue;
    }
    if (l.starts_with("# period: ")) {
      auto parts = split_fields(trim(l.substr(10)), ' ');
      auto s = parts.size() == 2 ? parse_time_field(parts[0]) : std::nullopt;
      auto e = parts.size() == 2 ? parse_time_field(parts[1]) : std::nullopt;
      if (!s || !e) return damaged(n, "the period cannot be read");
      out.state.period_start = *s;
      out.state.period_end = *e;
      continue;
    }
    if (l.starts_with('#') || l.empty()) continue;  // a comment
    if (!columns) {
      if (l != kColumns) return damaged(n, "the column line is not the expected one");
      columns = true;
      continue;
    }
    if (out.state.entries.size() == kMaxStateEntries)
      return damaged(n, fmt::format("more than {} entries", kMaxStateEntries));
    auto f = split_fields(l, '\t');
    if (f.size() != kFields) return damaged(n, fmt::format("{} fields, expected {}", f.size(), kFields));
    AlertEntry e;
    auto kind = parse_finding_kind(f[0]);
    if (!kind) return damaged(n, "unknown finding kind");
    e.kind = *kind;
    e.subject = f[1] == "-" ? std::string() : unescape_stored_field(f[1]);
    auto s = parse_time_field(f[2]), t = parse_time_field(f[3]);
    if (!s || !t || !window_ok(*s, *t)) return damaged(n, "the window cannot be read");
    e.start = *s;
    e.end = *t;
    auto sev = parse_severity(f[4]);
    auto cause = parse_cause(f[5]);
    auto sus = parse_yes_no(f[6]), ong = parse_yes_no(f[7]);
    if (!sev || !cause || !sus || !ong) return damaged(n, "severity, cause, suspected or ongoing cannot be read");
    e.severity = *sev;
    e.cause = *cause;
    e.suspected = *sus;
    e.ongoing = *ong;
    if (f[8] != "active" && f[8] != "ended") return damaged(n, "status is neither active nor ended");
    e.ended = f[8] == "ended";
    auto first = parse_time_field(f[9]);
    if (!first) return damaged(n, "first_reported cannot be read");
    e.first_reported = *first;
    e.root_cause = unescape_stored_field(f[10]);
    out.state.entries.push_back(std::move(e));
  }
  if (!columns) return damaged(0, "no column line");
  if (!end) return damaged(0, "cut short (no end line)");
  return out;
}

std::string write_alert_state(const AlertState& s) {
  std::string o = fmt::format(
      "{}{} (written by `idtriage triage --state`; docs/alerting.md). Safe to delete: every finding is then new "
      "again.\n",
      kMagic, kStateVersion);
  o += "# written: " + time_field(s.written) + "\n";
  o += "# period: " + time_field(s.period_start) + " " + time_field(s.period_end) + "\n";
  o += kColumns;
  o += '\n';
  for (const AlertEntry& e : s.entries) {
    o += name(e.kind);
    o += '\t';
    if (e.subject.empty())
      o += '-';
    else
      append_stored_field(o, e.subject);
    o += fmt::format("\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t", time_field(e.start), time_field(e.end), name(e.severity),
                     name(e.cause), e.suspected ? "yes" : "no", e.ongoing ? "yes" : "no", e.ended ? "ended" : "active",
                     time_field(e.first_reported));
    append_stored_field(o, e.root_cause);
    o += '\n';
  }
  o += fmt::format("# end: {} entries\n", s.entries.size());
  return o;
}

AlertReport diff_alerts(const TriageReport& report, const StateLoad& previous, const std::string& path,
                        const AlertOptions& opts) {
  AlertReport out;
  out.path = path;
  out.status = previous.status;
  out.partial = opts.partial;
  const std::string& shown = path;
  switch (previous.status) {
    case StateStatus::ok:
      out.previous_run = previous.state.written;
      break;
    case StateStatus::missing:
      out.note = "no state file " + shown + " yet (first run, or it was deleted): every finding is reported as new";
      break;
    case StateStatus::unreadable:
      out.note =
          "state file " + shown + " could not be read (" + previous.detail + "): every finding is reported as new";
      break;
    case StateStatus::damaged:
      out.note = "state file " + shown + " is damaged (" + previous.detail +
                 "): every finding is reported as new; it is written anew";
      break;
    case StateStatus::newer:
      out.note = "state file " + shown + " was written by a newer idtriage (" + previous.detail +
                 "): every finding is reported as new; it is written anew as version " + std::to_string(kStateVersion);
      break;
    case StateStatus::count_:
      break;
  }
  const std::vector<AlertEntry> none;
  const std::vector<AlertEntry>& before = previous.status == StateStatus::ok ? previous.state.entries : none;
  std::vector<bool> used(before.size(), false);
  const Micros tol = tolerance(report);

  for (const Finding& f : report.findings) {
    AlertItem it;
    it.finding = &f;
    const std::string subject = alert_subject(f);
    // The earlier entry of the same kind and subject whose widened window
    // overlaps this one, nearest start first.
    std::size_t best = before.size();
    Micros best_d = std::numeric_limits<Micros>::max();
    for (std::size_t i = 0; i < before.size(); ++i) {
      const AlertEntry& e = before[i];
      if (used[i] || e.kind != f.kind || e.subject != subject) continue;
      Micros d;
      if (f.start == kNoTime || e.start == kNoTime) {
        if (f.start != e.start) continue;
        d = 0;
      } else {
        if (!overlaps(e.start - tol, e.end + tol, f.start, std::max(f.end, f.start + 1))) continue;
        d = e.start > f.start ? e.start - f.start : f.start - e.start;
      }
      if (d < best_d) {
        best_d = d;
        best = i;
      }
    }
    if (best == before.size()) {
      it.change = Change::new_;
      it.entry = entry_of(f, opts.now);
      if (!it.entry.ongoing) it.detail = over_at(f.end);
    } else {
      used[best] = true;
      const AlertEntry& e = before[best];
      AlertEntry n = e;
      std::vector<std::string> what;
      if (f.severity > e.severity) {
        what.push_back(fmt::format("severity {} → {}", name(e.severity), name(f.severity)));
        n.severity = f.severity;
      }
      if (e.suspected && !f.suspected) {
        what.push_back("confirmed: " + f.root_cause);
        n.suspected = false;
      }
      if (f.cause != e.cause && f.cause != Cause::unknown) {
        what.push_back(fmt::format("cause {} → {}", name(e.cause), name(f.cause)));
        n.cause = f.cause;
      }
      const bool now_in_progress = in_progress(f);
      if (now_in_progress && e.ended) {
        what.push_back("in progress again");
        n.ended = false;
      }
      // Reported over, and the data now shows it went on for longer (thin
      // traffic made it look over): the end that was announced was wrong.
      if (e.ended && !now_in_progress && f.start != kNoTime && e.end != kNoTime && f.end > e.end + tol)
        what.push_back("went on after the reported end: " + over_at(f.end));
      // Over only after a quiet stretch as long as the tolerance at the end
      // of the data, so a pause in thin traffic does not end it and start it
      // again ten minutes later.
      const bool quiet = report.window_end == kNoTime || f.end + tol <= report.window_end;
      const bool ends = !now_in_progress && !e.ended && !opts.partial && quiet;
      if (ends) {
        what.push_back(over_at(f.end));
        n.ended = true;
      }
      if (!opts.partial || now_in_progress) n.ongoing = now_in_progress;
      if (f.start != kNoTime && e.start != kNoTime) {
        n.start = std::min(e.start, f.start);
        n.end = std::max(e.end, f.end);
      }
      n.root_cause = f.root_cause;
      it.entry = n;
      it.change = what.empty() ? Change::unchanged : (what.size() == 1 && ends) ? Change::ended : Change::changed;
      for (const auto& w : what) it.detail += (it.detail.empty() ? "" : "; ") + w;
    }
    out.next.entries.push_back(it.entry);
    out.items.push_back(std::move(it));
  }

  // Earlier findings this run does not report.
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (used[i]) continue;
    const AlertEntry& e = before[i];
    if (opts.partial) {  // not judged: kept as it was, never declared ended
      out.next.entries.push_back(e);
      ++out.carried;
      continue;
    }
    const bool windowless = e.start == kNoTime;
    const bool inside = !windowless && report.window_start != kNoTime && e.end + tol >= report.window_start;
    if (!e.ended) {
      AlertItem it;
      it.change = Change::ended;
      it.detail = inside || windowless ? "no longer found" : "no longer found (before the analysed period)";
      it.entry = e;
      it.entry.ended = true;
      it.entry.ongoing = false;
      out.items.push_back(it);
      if (inside) out.next.entries.push_back(it.entry);
    } else if (inside) {
      out.next.entries.push_back(e);  // reported ended already; kept so it is not new if it shows again
    }
  }
  for (AlertItem& it : out.items) {
    it.alert = it.change != Change::unchanged && it.entry.severity >= opts.fail_on;
    out.alert |= it.alert;
    ++out.counts[static_cast<std::size_t>(it.change)];
  }
  out.next.written = opts.now;
  out.next.period_start = report.window_start;
  out.next.period_end = report.window_end;
  return out;
}

}  // namespace idt
