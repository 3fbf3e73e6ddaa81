// Why: see health_render.h. Every string from an input is sanitised before
// it reaches a terminal; JSON goes through the one JsonWriter.
#include "render/health_render.h"

#include <algorithm>
#include <array>
#include <numeric>
#include <string>

#include "render/inputs_render.h"
#include "render/json_values.h"
#include "render/text_table.h"
#include "util/json_writer.h"
#include "util/text.h"
#include "util/time.h"

namespace idt {
namespace {

std::vector<std::size_t> display_order(const std::vector<HealthListed>& v) {
  std::vector<std::size_t> idx(v.size());
  std::iota(idx.begin(), idx.end(), std::size_t{0});
  std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
    Micros sa = v[a].issue.start, sb = v[b].issue.start;
    if (sa == kNoTime || sb == kNoTime) return sa != kNoTime && sb == kNoTime;
    return sa > sb;
  });
  return idx;
}

void time_json(JsonWriter& w, std::string_view key, Micros t) {
  w.key(key);
  time_or_null(w, t);
}

void issue_json(std::string& b, const HealthListed& l, const std::vector<FileResult>& files) {
  const HealthIssueCopy& h = l.issue;
  JsonWriter w(b);
  w.begin_object();
  w.kv("id", h.id);
  w.kv("service", h.service);
  w.kv("feature", h.feature);
  w.kv("feature_group", h.feature_group);
  w.kv("title", h.title);
  w.kv("classification", h.classification);
  w.kv("status", h.status);
  w.kv("region", h.region);
  time_json(w, "start", h.start);
  time_json(w, "end", h.end);
  time_json(w, "last_update", h.last_update);
  w.kv("open", h.end == kNoTime);
  w.kv("identity_relevant", h.identity_relevant);
  w.key("relevance_reason");
  if (h.identity_relevant)
    w.value(h.relevance_reason);
  else
    w.null();
  w.key("relevance_rule");
  if (h.identity_relevant)
    w.value(h.relevance_rule);
  else
    w.null();
  w.kv("synthetic", h.synthetic);
  w.kv("source", name(h.source));
  w.kv("posts", static_cast<std::uint64_t>(h.posts));
  w.kv("impact", h.impact);
  w.kv("text", h.text);
  w.kv("file", l.file_index < files.size() ? std::string_view(files[l.file_index].summary.path) : std::string_view());
  w.kv("line", l.line);
  w.end_object();
}

void render_table(Output& out, const HealthReport& r) {
  std::string& b = out.buf();
  const auto order = display_order(r.issues);
  enum { kId, kStatus, kClass, kStart, kEnd, kService, kIdentity, kTitle, kCols };
  static constexpr std::array<std::string_view, kCols> kHead = {"ID",  "STATUS",  "CLASS",    "START (UTC)",
                                                                "END", "SERVICE", "IDENTITY", "TITLE"};
  static constexpr std::array<std::size_t, kCols> kMax = {14, 27, 14, 16, 16, 28, 34, 90};
  std::array<std::size_t, kCols> width{};
  for (int c = 0; c < kCols; ++c) width[c] = display_width(kHead[c]);
  auto cells_of = [](const HealthListed& l) {
    const HealthIssueCopy& h = l.issue;
    return std::array<std::string, kCols>{h.id,
                                          h.status.empty() ? "-" : h.status,
                                          h.classification.empty() ? "-" : h.classification,
                                          minute(h.start),
                                          h.end == kNoTime ? "open" : minute(h.end),
                                          h.service.empty() ? "-" : h.service,
                                          h.identity_relevant ? std::string(h.relevance_reason) : "-",
                                          (h.synthetic ? "[test] " : "") + (!h.title.empty()    ? h.title
                                                                            : !h.impact.empty() ? h.impact
                                                                                                : h.text)};
  };
  for (const auto& l : r.issues) {
    auto cs = cells_of(l);
    for (int c = 0; c < kCols; ++c) width[c] = std::max(width[c], std::min(kMax[c], display_width(clean(cs[c]))));
  }
  if (!r.issues.empty()) {
    std::string head;
    for (int c = 0; c < kCols - 1; ++c) head += pad(kHead[c], width[c]) + "  ";
    head += fit_width(kHead[kCols - 1], width[kCols - 1]);
    out.paint(sgr::bold, head);
    b += '\n';
  }
  std::uint64_t relevant = 0, open = 0;
  for (std::size_t i : order) {
    const HealthListed& l = r.issues[i];
    auto cs = cells_of(l);
    relevant += l.issue.identity_relevant;
    open += l.issue.end == kNoTime;
    for (int c = 0; c < kCols; ++c) {
      std::string_view color = c == kIdentity && l.issue.identity_relevant ? sgr::yellow
                               : c == kEnd && l.issue.end == kNoTime       ? sgr::red
                                                                           : std::string_view{};
      bool last = c == kCols - 1;
      cell(out, cs[c], width[c], color, last);
      if (!last) b += "  ";
    }
    while (!b.empty() && b.back() == ' ') b.pop_back();
    b += '\n';
    out.maybe_flush();
  }
  // Summary line: what is shown and what was left out, so nothing vanishes silently.
  std::string summary = count_of(r.issues.size(), "issue", "issues");
  summary += " (" + thousands(relevant) + " identity-relevant, " + thousands(open) + " open)";
  if (r.active_at != kNoTime) summary += " active at " + format_rfc3339(r.active_at);
  std::string hidden;
  auto add_hidden = [&](std::uint64_t n, const char* why) {
    if (!n) return;
    hidden += (hidden.empty() ? "" : ", ") + thousands(n) + " " + why;
  };
  add_hidden(r.hidden_not_identity, "not identity-relevant");
  add_hidden(r.hidden_inactive, "not active then");
  add_hidden(r.hidden_outside_window, "outside --since/--until");
  if (!hidden.empty()) summary += "; hidden: " + hidden;
  if (!r.issues.empty()) b += '\n';
  b += summary + "\n";
  // File notes carry what a file held besides issues (status lists, message-center posts).
  for (const auto& f : r.files) {
    for (const auto& n : f.summary.notes) {
      std::string line = "note " + clean(f.summary.path) + ": " + clean(n);
      out.paint(sgr::dim, line);
      b += '\n';
    }
  }
}

}  // namespace

void render_health(Output& out, const HealthReport& r, OutputFormat fmt) {
  std::string& b = out.buf();
  if (fmt == OutputFormat::jsonl) {
    for (std::size_t i : display_order(r.issues)) {
      issue_json(b, r.issues[i], r.files);
      b += '\n';
      out.maybe_flush();
    }
    return;
  }
  if (fmt == OutputFormat::json) {
    JsonWriter w(b);
    w.begin_object();
    w.kv("schema", "idtriage.health/1");
    time_json(w, "active_at", r.active_at);
    time_json(w, "since", r.since);
    time_json(w, "until", r.until);
    w.kv("identity_only", r.identity_only);
    w.kv("total", r.total);
    w.kv("shown", static_cast<std::uint64_t>(r.issues.size()));
    w.key("hidden").begin_object();
    w.kv("not_identity_relevant", r.hidden_not_identity);
    w.kv("not_active", r.hidden_inactive);
    w.kv("outside_window", r.hidden_outside_window);
    w.end_object();
    w.key("issues").begin_array();
    bool first = true;
    for (std::size_t i : display_order(r.issues)) {
      if (!first) b += ',';
      first = false;
      issue_json(b, r.issues[i], r.files);
    }
    w.end_array();
    w.key("inputs").begin_array();
    for (std::size_t i = 0; i < r.files.size(); ++i) {
      if (i) b += ',';
      append_file_json(b, r.files[i]);
    }
    w.end_array();
    w.end_document();
    return;
  }
  render_table(out, r);
}

}  // namespace idt
