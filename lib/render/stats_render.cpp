// Why: see stats_render.h.
#include "render/stats_render.h"

#include "classify/codes.h"
#include "render/inputs_render.h"
#include "render/json_values.h"
#include "render/text_table.h"
#include "util/json_writer.h"
#include "util/text.h"

namespace idt {
namespace {

void counts_json(JsonWriter& w, const CountMap& m) {
  w.begin_object();
  for (const auto& [k, v] : m.top()) w.kv(k, static_cast<std::uint64_t>(v));
  w.end_object();
}

void text_counts(Output& out, const CountMap& m, std::size_t top, std::uint64_t total, std::size_t w = 44) {
  auto rows = m.top(top);
  for (const auto& [k, v] : rows) out.buf() += "  " + pad(k, w) + count_cells(v, total) + "\n";
  more_line(out, rows.size(), m.size(), " (--top N, or --format json for all)");
}

template <std::size_t N>
void class_rows(Output& out, const std::array<std::string_view, N>& names, const std::array<std::uint64_t, N>& counts,
                std::uint64_t total, std::size_t width) {
  for (std::size_t i = 0; i < N; ++i) out.buf() += "  " + pad(names[i], width) + count_cells(counts[i], total) + "\n";
}

// One record kind's counts: total, every class, the top tables, the hours.
template <std::size_t N>
void kind_json(JsonWriter& w, std::uint64_t total, const std::array<std::string_view, N>& names,
               const std::array<std::uint64_t, N>& by_class,
               std::initializer_list<std::pair<std::string_view, const CountMap*>> tops,
               const std::map<Micros, std::array<std::uint64_t, N>>& by_hour, bool hour_classes) {
  w.begin_object();
  w.kv("total", total);
  w.key("by_class");
  class_counts_json(w, names, by_class);
  for (const auto& [key, counts] : tops) {
    w.key(key);
    counts_json(w, *counts);
  }
  w.key("by_hour");
  hourly_json(w, by_hour,
              hour_classes ? std::span<const std::string_view>(names) : std::span<const std::string_view>());
  w.end_object();
}

void render_json(Output& out, const StatsReport& r) {
  JsonWriter w(out.buf());
  w.begin_object();
  w.kv("schema", "idtriage.stats/1");
  w.key("inputs").begin_array();
  for (std::size_t i = 0; i < r.files.size(); ++i)
    append_file_json(w, r.files[i], i < r.duplicates.size() ? &r.duplicates[i] : nullptr);
  w.end_array();
  const SigninStats& si = r.signin;
  w.key("signin");
  kind_json(w, si.total, kSigninClassNames, si.by_class,
            {{"by_reason", &si.by_reason}, {"by_code", &si.by_code}, {"by_app", &si.by_app}}, si.by_hour, true);
  const AuditStats& au = r.audit;
  w.key("audit");  // audit hours carry totals only
  kind_json(w, au.total, kAuditClassNames, au.by_class,
            {{"by_activity", &au.by_activity}, {"by_service", &au.by_service}, {"by_result", &au.by_result}},
            au.by_hour, false);
  w.end_object();
  out.buf() += '\n';
}

void top_codes(Output& out, const SigninStats& s, std::size_t top) {
  auto rows = s.by_code.top(top);
  for (const auto& [k, v] : rows) {
    long long code;
    std::string meaning = "-";
    if (parse_int(k, code)) {
      if (const CodeInfo* ci = lookup_code(code))
        meaning = std::string(name(ci->cls)) + "/" + std::string(ci->reason);
      else
        meaning = "not in the code table";
    }
    out.buf() += "  " + pad(k, 10) + count_cells(v, s.total) + "  " + meaning + "\n";
  }
  more_line(out, rows.size(), s.by_code.size(), "");
}

void signin_hours(Output& out, const SigninStats& s) {
  section(out, "BY HOUR (UTC)            total    failures  service/portal");
  for (const auto& hour : s.by_hour) {
    const auto h = hour.first;
    const auto& arr = hour.second;  // a plain reference: clang 14 cannot capture a structured binding
    auto at = [&](SigninClass c) { return arr[static_cast<std::size_t>(c)]; };
    std::uint64_t t = sum(arr);
    std::uint64_t fail = t - at(SigninClass::success) - at(SigninClass::interrupt) - at(SigninClass::unknown);
    std::uint64_t svc = at(SigninClass::service_error) + at(SigninClass::portal_unreachable);
    std::string label = h == kNoTime ? "(no time)" : format_rfc3339(h).substr(0, 16);
    out.buf() +=
        "  " + pad(label, 20) + rpad(thousands(t), 10) + rpad(thousands(fail), 12) + rpad(thousands(svc), 16) + "\n";
  }
}

void files_section(Output& out, const std::vector<FileResult>& files, const std::vector<std::uint64_t>& duplicates) {
  std::string& b = out.buf();
  section(out, "FILES");
  for (std::size_t i = 0; i < files.size(); ++i) {
    const FileResult& f = files[i];
    const FileSummary& s = f.summary;
    b += "  " + clean(s.path) + "\n    " + (s.format.empty() ? std::string("?") : s.format) + " · " +
         std::string(record_kind_name(s.kind)) + " · read " + thousands(s.records) + " · classified " +
         thousands(f.kept) + " · rejected " + thousands(s.rejected);
    if (f.filtered) b += " · outside window " + thousands(f.filtered);
    if (i < duplicates.size() && duplicates[i]) b += " · duplicates " + thousands(duplicates[i]);
    if (s.first != kNoTime) b += " · " + time_or_dash(s.first) + " → " + time_or_dash(s.last);
    b += '\n';
    if (s.fatal) file_error_line(out, "    ", "error: ", *s.fatal);
  }
}

void render_text(Output& out, const StatsReport& r) {
  std::string& b = out.buf();
  const InputTotals totals = input_totals(r.files);
  out.paint(sgr::bold, "idtriage stats");
  b += "  " + count_of(r.files.size(), "file", "files") + " · " + thousands(r.signin.total) + " sign-ins · " +
       thousands(r.audit.total) + " audit · " + thousands(totals.rejected) + " rejected";
  if (totals.filtered) b += " · " + thousands(totals.filtered) + " outside --since/--until";
  std::uint64_t duplicates = 0;
  for (auto d : r.duplicates) duplicates += d;
  if (duplicates) b += " · " + thousands(duplicates) + " duplicates (overlapping exports, counted once)";
  b += '\n';
  if (r.signin.total) {
    section(out, "SIGN-INS BY CLASS");
    class_rows(out, kSigninClassNames, r.signin.by_class, r.signin.total, 24);
    section(out, "TOP REASONS (class/reason)");
    text_counts(out, r.signin.by_reason, r.top, r.signin.total);
    section(out, "TOP ERROR CODES");
    top_codes(out, r.signin, r.top);
    section(out, "TOP APPS");
    text_counts(out, r.signin.by_app, r.top, r.signin.total);
    if (!r.signin.by_user_failures.empty()) {
      section(out, "USERS WITH MOST FAILURES (not success/interrupt)");
      text_counts(out, r.signin.by_user_failures, r.top, r.signin.total);
    }
    signin_hours(out, r.signin);
  }
  if (r.audit.total) {
    section(out, "AUDIT BY CLASS");
    class_rows(out, kAuditClassNames, r.audit.by_class, r.audit.total, 26);
    section(out, "TOP ACTIVITIES");
    text_counts(out, r.audit.by_activity, r.top, r.audit.total);
    section(out, "BY SERVICE");
    text_counts(out, r.audit.by_service, r.top, r.audit.total);
  }
  files_section(out, r.files, r.duplicates);
}

}  // namespace

void render_stats(Output& out, const StatsReport& r, OutputFormat fmt) {
  if (fmt == OutputFormat::json || fmt == OutputFormat::jsonl)
    render_json(out, r);
  else
    render_text(out, r);
}

}  // namespace idt
