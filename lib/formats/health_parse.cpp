// Why: see health_parse.h.
#include "formats/health_parse.h"

#include <fmt/format.h>
#include <algorithm>
#include <cstring>

#include "formats/health_text.h"
#include "formats/log_json.h"
#include "formats/sniff_util.h"
#include "util/hash.h"
#include "util/text.h"
#include "util/time.h"

namespace idt::healthjson {
namespace {

constexpr std::size_t kMaxText = 64 * 1024;       // per record, after stripping
constexpr std::size_t kMaxDocument = 512u << 20;  // whole health file
constexpr std::size_t kMaxListItems = 8;          // services / regions shown

// Empty, null-ish and the .NET DateTime.MinValue ("0001-01-01T00:00:00")
// mean "no time"; anything else must parse.
Micros parse_time(std::string_view s, bool& bad) {
  s = trim(s);
  if (s.empty() || s == "null") return kNoTime;
  auto t = parse_iso8601(s);
  if (!t) t = parse_la_time(s);
  if (!t) {
    bad = true;
    return kNoTime;
  }
  if (to_civil(*t).year < 1900) return kNoTime;
  return *t;
}

// "Service restored" -> "serviceRestored", "PostIncidentReport" -> "postIncidentReport".
std::string lower_camel(std::string_view raw) {
  std::string out;
  bool up = false;
  for (char c : trim(raw)) {
    if (c == ' ' || c == '-' || c == '_' || c == '.' || c == '\t') {
      up = !out.empty();
      continue;
    }
    if (out.empty())
      c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    else if (up && c >= 'a' && c <= 'z')
      c = static_cast<char>(c - 32);
    up = false;
    out += c;
    if (out.size() >= 64) break;
  }
  return out;
}

std::string lower_word(std::string_view raw) {
  std::string out;
  for (char c : trim(raw)) {
    if (c == ' ' || c == '-' || c == '\t') {
      out += '_';
      continue;
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    if (out.size() >= 64) break;
  }
  return out;
}

std::string describe(error_code e) {
  switch (e) {
    case simdjson::EMPTY:
      return "empty input";
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
      return "unexpected end of input (an object or array is not closed)";
    case simdjson::UNCLOSED_STRING:
      return "unterminated string";
    case simdjson::TAPE_ERROR:
      return "malformed JSON";
    case simdjson::TRAILING_CONTENT:
      return "unexpected content after the JSON document";
    case simdjson::INCORRECT_TYPE:
      return "unexpected value type";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
      return "invalid literal";
    case simdjson::NUMBER_ERROR:
      return "invalid number";
    case simdjson::UTF8_ERROR:
      return "invalid UTF-8";
    case simdjson::STRING_ERROR:
      return "invalid string escape";
    case simdjson::DEPTH_ERROR:
      return "nesting too deep";
    default:
      return simdjson::error_message(e);
  }
}

// Cuts s to at most n bytes without splitting a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view s, std::size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

}  // namespace

error_code scalar_text(od::value& v, std::string_view& out) {
  out = {};
  od::json_type t;
  if (auto e = v.type().get(t)) return e;
  switch (t) {
    case od::json_type::string:
      return v.get_string().get(out);
    case od::json_type::number:
    case od::json_type::boolean:
      out = trim(v.raw_json_token());
      return simdjson::SUCCESS;
    default:
      return simdjson::SUCCESS;
  }
}

bool is_kind(od::value& v, od::json_type t) {
  od::json_type got;
  if (v.type().get(got)) return false;
  return got == t;
}

bool truthy(std::string_view s) { return iequals(trim(s), "true") || trim(s) == "1"; }

void RawIssue::clear() {
  id = title = service = feature = feature_group = classification = status = {};
  start = end = last_update = impact = latest_post_time = {};
  posts.clear();
  services.clear();
  regions.clear();
  latest_post = kNoTime;
  synthetic = false;
  source = HealthSource::graph_issue;
}

error_code parse_post_list(RawIssue& raw, od::value& list, std::uint64_t text_key, std::uint64_t time_key) {
  return for_each_element(list, [&](od::value& item, std::size_t) -> error_code {
    if (!is_kind(item, od::json_type::object)) return simdjson::SUCCESS;
    std::string_view text, when;
    auto e = for_each_field(item, [&](std::uint64_t k, std::string_view, od::value& v) -> error_code {
      if (k == text_key) return scalar_text(v, text);
      if (k == time_key) return scalar_text(v, when);
      return simdjson::SUCCESS;
    });
    if (e) return e;
    raw.posts.push_back(text);
    raw.see_post_time(when);
    return simdjson::SUCCESS;
  });
}

void RawIssue::see_post_time(std::string_view t) {
  bool bad = false;
  Micros m = parse_time(t, bad);
  if (m != kNoTime && (latest_post == kNoTime || m > latest_post)) {
    latest_post = m;
    latest_post_time = t;
  }
}

HealthEmitter::HealthEmitter(const Input& in, const ParseOptions& opts, RecordSink& sink, FileSummary& summary,
                             std::string_view format)
    : text_(in.text()), opts_(opts), sink_(sink), summary_(summary) {
  summary_.format = std::string(format);
  summary_.kind = RecordKind::health;
  if (summary_.path.empty()) summary_.path = in.path();
  pos_.file_index = opts.file_index;
}

void HealthEmitter::at(const char* p) {
  if (!p || p < text_.data() || p > text_.data() + text_.size()) return;
  std::size_t off = static_cast<std::size_t>(p - text_.data());
  if (off < line_off_) {
    line_off_ = 0;
    line_ = 1;
  }
  const char* s = text_.data() + line_off_;
  const char* e = text_.data() + off;
  while (s < e) {
    const void* nl = std::memchr(s, '\n', static_cast<std::size_t>(e - s));
    if (!nl) break;
    ++line_;
    s = static_cast<const char*>(nl) + 1;
  }
  line_off_ = off;
  pos_.offset = off;
  pos_.line = line_;
}

std::string_view HealthEmitter::join(const std::vector<std::string_view>& items, std::string_view lead,
                                     std::size_t cap) {
  scratch_.clear();
  std::size_t shown = 0, more = 0;
  auto add = [&](std::string_view v) {
    v = trim(v);
    if (v.empty()) return;
    // Already listed? (lists are short: capped)
    std::size_t p = 0;
    while (p < scratch_.size()) {
      std::size_t q = scratch_.find(", ", p);
      std::string_view have = std::string_view(scratch_).substr(p, q == std::string::npos ? std::string::npos : q - p);
      if (iequals(have, v)) return;
      if (q == std::string::npos) break;
      p = q + 2;
    }
    if (shown == cap) {
      ++more;
      return;
    }
    if (!scratch_.empty()) scratch_ += ", ";
    scratch_ += v;
    ++shown;
  };
  add(lead);
  for (auto v : items) add(v);
  if (more) scratch_ += " (+" + std::to_string(more) + " more)";
  return arena_.copy(scratch_);
}

void HealthEmitter::emit(const RawIssue& raw) {
  if (stopped_) return;
  pos_.record = record_index_;
  arena_.reset();
  issue_.clear();
  issue_.source = raw.source;
  issue_.id = trim(raw.id);
  issue_.title = strip_html(raw.title, arena_);
  if (issue_.id.empty() && issue_.title.empty()) {
    reject("record " + std::to_string(record_index_ + 1) + " has neither an id nor a title");
    return;
  }
  std::string who = issue_.id.empty() ? "" : " (" + std::string(issue_.id.substr(0, 64)) + ")";
  bool bad = false;
  issue_.start = parse_time(raw.start, bad);
  if (bad) {
    reject("record " + std::to_string(record_index_ + 1) + who + ": bad start time '" +
           std::string(raw.start.substr(0, 64)) + "'");
    return;
  }
  issue_.end = parse_time(raw.end, bad);
  if (bad) {
    reject("record " + std::to_string(record_index_ + 1) + who + ": bad end time '" +
           std::string(raw.end.substr(0, 64)) + "'");
    return;
  }
  issue_.last_update = parse_time(raw.last_update, bad);
  if (bad) {
    reject("record " + std::to_string(record_index_ + 1) + who + ": bad last-update time '" +
           std::string(raw.last_update.substr(0, 64)) + "'");
    return;
  }
  if (issue_.last_update == kNoTime) issue_.last_update = raw.latest_post;

  issue_.service = join(raw.services, raw.service, kMaxListItems);
  issue_.region = join(raw.regions, {}, kMaxListItems);
  issue_.feature = trim(raw.feature);
  issue_.feature_group = trim(raw.feature_group);

  if (!trim(raw.status).empty()) {
    issue_.status = canonical_health_status(raw.status);
    if (issue_.status.empty()) {
      std::string lc = lower_camel(raw.status);
      issue_.status = arena_.copy(lc);
      if (unknown_status_.size() < 16 &&
          std::find(unknown_status_.begin(), unknown_status_.end(), lc) == unknown_status_.end())
        unknown_status_.push_back(lc);
    }
  }
  if (!trim(raw.classification).empty()) {
    issue_.classification = canonical_health_classification(raw.classification);
    if (issue_.classification.empty()) {
      std::string lw = lower_word(raw.classification);
      issue_.classification = arena_.copy(lw);
      if (unknown_class_.size() < 16 &&
          std::find(unknown_class_.begin(), unknown_class_.end(), lw) == unknown_class_.end())
        unknown_class_.push_back(lw);
    }
  }

  seen_text_.clear();
  issue_.impact = strip_html(raw.impact, arena_);
  const std::uint64_t impact_hash = issue_.impact.empty() ? 0 : fnv1a(issue_.impact);
  joined_.clear();
  bool truncated = false;
  for (std::string_view p : raw.posts) {
    scratch_.clear();
    append_plain_text(scratch_, p);
    if (scratch_.empty()) continue;
    std::uint64_t h = fnv1a(scratch_);
    if (!seen_text_.insert(h).second) continue;
    ++issue_.posts;
    if (truncated || (impact_hash && h == impact_hash)) continue;  // the impact is already shown
    std::size_t room = kMaxText - joined_.size();
    if (!joined_.empty()) {
      if (room < 2) {
        truncated = true;
        continue;
      }
      joined_ += '\n';
      --room;
    }
    if (scratch_.size() > room) {
      joined_ += utf8_prefix(scratch_, room >= 3 ? room - 3 : 0);
      joined_ += "\u2026";
      truncated = true;
      continue;
    }
    joined_ += scratch_;
  }
  if (truncated) ++truncated_text_;
  issue_.text = arena_.copy(joined_);
  issue_.synthetic = raw.synthetic;

  if (!issue_.id.empty() && ids_.size() < 100000) ++ids_[std::string(issue_.id)];
  ++record_index_;
  ++summary_.records;
  summary_.see_time(issue_.start != kNoTime ? issue_.start : issue_.last_update);
  sink_.on_health(issue_, pos_);
}

void HealthEmitter::reject(std::string why) {
  if (stopped_) return;
  pos_.record = record_index_;
  ++record_index_;
  ++summary_.rejected;
  sink_.on_reject(Rejection{pos_, why});
  if (opts_.strict) {
    stopped_ = true;
    if (!summary_.fatal) summary_.fatal = "stopped at the first rejected record (--strict): " + why;
  }
}

std::string HealthEmitter::position_text(std::size_t offset) const {
  if (offset > text_.size()) offset = text_.size();
  std::uint64_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i)
    if (text_[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  return "line " + std::to_string(line) + ", column " + std::to_string(offset - line_start + 1) + " (byte " +
         std::to_string(offset) + ")";
}

void HealthEmitter::fatal(std::string msg) {
  stopped_ = true;
  if (!summary_.fatal) summary_.fatal = std::move(msg);
}

void HealthEmitter::fail(error_code e, const char* where) {
  std::size_t off = text_.size();
  if (where && where >= text_.data() && where <= text_.data() + text_.size())
    off = static_cast<std::size_t>(where - text_.data());
  std::string hint = describe(e);
  std::size_t comma = find_trailing_comma(text_);
  if (comma != std::string_view::npos && comma <= off) {
    off = comma;
    hint = "trailing comma";
  }
  std::string msg = "invalid JSON at " + position_text(off) + ": " + hint;
  if (summary_.records > 0) msg += " (after " + std::to_string(summary_.records) + " records)";
  fatal(std::move(msg));
}

void HealthEmitter::finish() {
  std::vector<std::string> dups;
  for (const auto& [id, n] : ids_)
    if (n > 1) dups.push_back(id + " x" + std::to_string(n));
  std::sort(dups.begin(), dups.end());
  if (!dups.empty()) note("records sharing an id (kept separately): " + list_for_note(dups));
  if (!unknown_status_.empty())
    note("status values outside the known vocabulary (kept as written): " + list_for_note(unknown_status_));
  if (!unknown_class_.empty())
    note("classification values outside the known vocabulary (kept as written): " + list_for_note(unknown_class_));
  if (truncated_text_)
    note(std::to_string(truncated_text_) + " records had post text over " + std::to_string(kMaxText / 1024) +
         " KiB (cut)");
  if (summary_.records == 0 && summary_.rejected == 0 && !summary_.fatal && summary_.notes.empty())
    note("no health issues in this file");
}

void run_document(HealthEmitter& em, const std::function<error_code(od::value&)>& body) {
  std::string_view text = em.text();
  if (text.size() > kMaxDocument) {
    em.fatal("health file is " + std::to_string(text.size()) + " bytes, over the limit of " +
             std::to_string(kMaxDocument) + " bytes");
    return;
  }
  char c = first_significant(text);
  if (c == 0) {
    em.fatal("empty input: no JSON document");
    return;
  }
  if (c != '{' && c != '[') {
    std::size_t off = 0;
    while (off < text.size() && text[off] != c) ++off;
    unsigned char u = static_cast<unsigned char>(c);
    std::string shown = u >= 0x20 && u < 0x7F ? std::string(1, c) : fmt::format("\\x{:02X}", u);
    em.fatal("not JSON: expected '{' or '[' at " + em.position_text(off) + ", found '" + shown + "'");
    return;
  }
  od::parser parser;
  od::document doc;
  // The input guarantees kInputPadding (>= SIMDJSON_PADDING) readable bytes after its end.
  static_assert(kInputPadding >= simdjson::SIMDJSON_PADDING);
  auto err = parser.iterate(text.data(), text.size(), text.size() + kInputPadding).get(doc);
  if (err) {
    em.fail(err, nullptr);
    return;
  }
  od::value root;
  err = doc.get_value().get(root);
  if (!err) err = body(root);
  if (!err && !em.stopped()) {
    // simdjson 3.0 has no document::at_end(): past the root value, a valid
    // location means more tokens follow.
    const char* rest = nullptr;
    if (!doc.current_location().get(rest)) err = simdjson::TRAILING_CONTENT;
  }
  if (err) {
    const char* loc = nullptr;
    if (doc.current_location().get(loc)) loc = nullptr;
    em.fail(err, loc);
    return;
  }
  // On Demand does not validate what it skips: say so when the skipped part
  // is not JSON either (the commonest case: a trailing comma).
  std::size_t comma = find_trailing_comma(text);
  if (comma != std::string_view::npos)
    em.note("invalid JSON in a part that was not needed (skipped): trailing comma at " + em.position_text(comma));
}

std::string list_for_note(const std::vector<std::string>& items, std::size_t cap) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < cap; ++i) {
    if (i) out += ", ";
    out += items[i];
  }
  if (items.size() > cap) out += " (+" + std::to_string(items.size() - cap) + " more)";
  return out;
}

bool looks_like_log_json(std::string_view h) {
  if (has_json_key(h, "createdDateTime") && (has_json_key(h, "appId") || has_json_key(h, "userPrincipalName")))
    return true;
  if (has_json_key(h, "activityDateTime") || has_json_key(h, "activityDisplayName")) return true;
  if (has_json_key(h, "TimeGenerated") || has_json_key(h, "OperationName")) return true;
  std::string_view cat = json_string_value(h, "category");
  if (has_json_key(h, "resultType") && (icontains(cat, "SignIn") || iequals(cat, "AuditLogs"))) return true;
  return false;
}

bool refuse_log_json(HealthEmitter& em) {
  std::string_view h = em.text().substr(0, 65536);
  if (!looks_like_log_json(h)) return false;
  static constexpr std::string_view kTells[] = {
      "appId",         "userPrincipalName", "activityDateTime", "activityDisplayName",
      "TimeGenerated", "OperationName",     "resultType",       "createdDateTime"};
  for (std::string_view k : kTells) {
    std::string quoted = "\"" + std::string(k) + "\"";
    std::size_t p = h.find(quoted);
    if (p == std::string_view::npos) continue;
    em.fatal("not service-health JSON: looks like a sign-in or audit log (key \"" + std::string(k) + "\" at " +
             em.position_text(p) + "); read it as a sign-in/audit input instead");
    return true;
  }
  em.fatal("not service-health JSON: looks like a sign-in or audit log");
  return true;
}

const char* where(od::value& v) {
  const char* p = nullptr;
  if (v.current_location().get(p)) return nullptr;
  return p;
}

}  // namespace idt::healthjson
