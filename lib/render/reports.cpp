// Why: see reports.h.
#include "render/reports.h"

#include <algorithm>
#include <cinttypes>

#include "render/json_values.h"
#include "util/json_writer.h"
#include "util/text.h"
#include "util/time.h"

namespace idt {

std::string thousands(std::uint64_t n) {
  std::string s = std::to_string(n), out;
  int c = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    if (c && c % 3 == 0) out += ',';
    out += *it;
    ++c;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

namespace {

std::string pct(std::uint64_t part, std::uint64_t whole) {
  if (!whole) return "-";
  char b[16];
  std::snprintf(b, sizeof b, "%.1f%%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return b;
}

std::string pad(std::string_view s, std::size_t w) {
  std::string o = fit_width(s, w);
  std::size_t dw = display_width(o);
  if (dw < w) o.append(w - dw, ' ');
  return o;
}
std::string rpad(std::string_view s, std::size_t w) {
  std::string o(s);
  if (o.size() < w) o.insert(0, w - o.size(), ' ');
  return o;
}

void section(Output& out, std::string_view title) {
  out.buf() += '\n';
  out.paint(sgr::bold, title);
  out.buf() += '\n';
}

void counts_json(JsonWriter& w, const CountMap& m) {
  w.begin_object();
  for (const auto& [k, v] : m.top()) w.kv(k, static_cast<std::uint64_t>(v));
  w.end_object();
}

std::string time_or_dash(Micros t) { return t == kNoTime ? "-" : format_rfc3339(t); }

void text_counts(Output& out, const CountMap& m, std::size_t top, std::uint64_t total, std::size_t w = 44) {
  auto rows = m.top(top);
  for (const auto& [k, v] : rows) {
    std::string clean;
    append_sanitized(clean, k);
    out.buf() += "  " + pad(clean, w) + rpad(thousands(v), 10) + rpad(pct(v, total), 8) + "\n";
  }
  if (m.size() > rows.size())
    out.buf() += "  … " + thousands(m.size() - rows.size()) + " more (--top N, or --format json for all)\n";
}

}  // namespace

namespace {
void file_json(std::string& b, const FileResult& f, const std::uint64_t* duplicates) {
  JsonWriter w(b);
  const FileSummary& s = f.summary;
  w.begin_object();
  w.kv("path", s.path);
  w.kv("kind", record_kind_name(s.kind));
  w.kv("format", s.format);
  w.kv("records", s.records);
  w.kv("kept", f.kept);
  w.kv("filtered", f.filtered);
  w.kv("rejected", s.rejected);
  w.kv("warnings", s.warnings);
  if (duplicates) w.kv("duplicates", *duplicates);
  w.key("first");
  time_or_null(w, s.first);
  w.key("last");
  time_or_null(w, s.last);
  w.key("error");
  if (s.fatal)
    w.value(*s.fatal);
  else
    w.null();
  w.key("notes").begin_array();
  for (const auto& n : s.notes) w.value(n);
  w.end_array();
  w.key("rejections").begin_array();
  for (const auto& r : f.rejections) {
    w.begin_object();
    w.kv("line", r.pos.line);
    w.kv("record", r.pos.record);
    w.kv("message", r.message);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

void append_file_json(std::string& b, const FileResult& f) { file_json(b, f, nullptr); }

void append_file_json(JsonWriter& w, const FileResult& f) {
  std::string one;
  append_file_json(one, f);
  w.raw(one);
}

void render_stats(Output& out, const StatsReport& r, OutputFormat fmt) {
  std::string& b = out.buf();
  if (fmt == OutputFormat::json || fmt == OutputFormat::jsonl) {
    JsonWriter w(b);
    w.begin_object();
    w.kv("schema", "idtriage.stats/1");
    w.key("inputs").begin_array();
    for (std::size_t i = 0; i < r.files.size(); ++i) {
      std::string one;
      file_json(one, r.files[i], i < r.duplicates.size() ? &r.duplicates[i] : nullptr);
      w.raw(one);
    }
    w.end_array();
    w.key("signin").begin_object();
    w.kv("total", r.signin.total);
    w.key("by_class").begin_object();
    for (std::size_t i = 0; i < kSigninClassCount; ++i) w.kv(kSigninClassNames[i], r.signin.by_class[i]);
    w.end_object();
    w.key("by_reason");
    counts_json(w, r.signin.by_reason);
    w.key("by_code");
    counts_json(w, r.signin.by_code);
    w.key("by_app");
    counts_json(w, r.signin.by_app);
    w.key("by_hour").begin_array();
    for (const auto& [h, arr] : r.signin.by_hour) {
      w.begin_object();
      w.key("hour");
      time_or_null(w, h);
      std::uint64_t t = 0;
      for (auto v : arr) t += v;
      w.kv("total", t);
      w.key("by_class").begin_object();
      for (std::size_t i = 0; i < kSigninClassCount; ++i)
        if (arr[i]) w.kv(kSigninClassNames[i], arr[i]);
      w.end_object();
      w.end_object();
    }
    w.end_array();
    w.end_object();
    w.key("audit").begin_object();
    w.kv("total", r.audit.total);
    w.key("by_class").begin_object();
    for (std::size_t i = 0; i < kAuditClassCount; ++i) w.kv(kAuditClassNames[i], r.audit.by_class[i]);
    w.end_object();
    w.key("by_activity");
    counts_json(w, r.audit.by_activity);
    w.key("by_service");
    counts_json(w, r.audit.by_service);
    w.key("by_result");
    counts_json(w, r.audit.by_result);
    w.key("by_hour").begin_array();
    for (const auto& [h, arr] : r.audit.by_hour) {
      w.begin_object();
      w.key("hour");
      time_or_null(w, h);
      std::uint64_t t = 0;
      for (auto v : arr) t += v;
      w.kv("total", t);
      w.end_object();
    }
    w.end_array();
    w.end_object();
    w.end_object();
    b += '\n';
    return;
  }
  // text
  std::uint64_t rejected = 0, filtered = 0, duplicates = 0;
  for (const auto& f : r.files) {
    rejected += f.summary.rejected;
    filtered += f.filtered;
  }
  for (auto d : r.duplicates) duplicates += d;
  out.paint(sgr::bold, "idtriage stats");
  b += "  " + thousands(r.files.size()) + (r.files.size() == 1 ? " file" : " files") + " · " +
       thousands(r.signin.total) + " sign-ins · " + thousands(r.audit.total) + " audit · " + thousands(rejected) +
       " rejected";
  if (filtered) b += " · " + thousands(filtered) + " outside --since/--until";
  if (duplicates) b += " · " + thousands(duplicates) + " duplicates (overlapping exports, counted once)";
  b += '\n';
  if (r.signin.total) {
    section(out, "SIGN-INS BY CLASS");
    for (std::size_t i = 0; i < kSigninClassCount; ++i)
      b += "  " + pad(kSigninClassNames[i], 24) + rpad(thousands(r.signin.by_class[i]), 10) +
           rpad(pct(r.signin.by_class[i], r.signin.total), 8) + "\n";
    section(out, "TOP REASONS (class/reason)");
    text_counts(out, r.signin.by_reason, r.top, r.signin.total);
    section(out, "TOP ERROR CODES");
    {
      auto rows = r.signin.by_code.top(r.top);
      for (const auto& [k, v] : rows) {
        long long code;
        std::string meaning = "-";
        if (parse_int(k, code)) {
          if (const CodeInfo* ci = lookup_code(code))
            meaning = std::string(name(ci->cls)) + "/" + std::string(ci->reason);
          else
            meaning = "not in the code table";
        }
        b += "  " + pad(k, 10) + rpad(thousands(v), 10) + rpad(pct(v, r.signin.total), 8) + "  " + meaning + "\n";
      }
      if (r.signin.by_code.size() > rows.size())
        b += "  … " + thousands(r.signin.by_code.size() - rows.size()) + " more\n";
    }
    section(out, "TOP APPS");
    text_counts(out, r.signin.by_app, r.top, r.signin.total);
    if (!r.signin.by_user_failures.empty()) {
      section(out, "USERS WITH MOST FAILURES (not success/interrupt)");
      text_counts(out, r.signin.by_user_failures, r.top, r.signin.total);
    }
    section(out, "BY HOUR (UTC)            total    failures  service/portal");
    for (const auto& hour : r.signin.by_hour) {
      const auto h = hour.first;
      const auto& arr = hour.second;  // a plain reference: clang 14 cannot capture a structured binding
      std::uint64_t t = 0;
      for (auto v : arr) t += v;
      auto at = [&](SigninClass c) { return arr[static_cast<std::size_t>(c)]; };
      std::uint64_t fail = t - at(SigninClass::success) - at(SigninClass::interrupt) - at(SigninClass::unknown);
      std::uint64_t svc = at(SigninClass::service_error) + at(SigninClass::portal_unreachable);
      std::string label = h == kNoTime ? "(no time)" : format_rfc3339(h).substr(0, 16);
      b += "  " + pad(label, 20) + rpad(thousands(t), 10) + rpad(thousands(fail), 12) + rpad(thousands(svc), 16) + "\n";
    }
  }
  if (r.audit.total) {
    section(out, "AUDIT BY CLASS");
    for (std::size_t i = 0; i < kAuditClassCount; ++i)
      b += "  " + pad(kAuditClassNames[i], 26) + rpad(thousands(r.audit.by_class[i]), 10) +
           rpad(pct(r.audit.by_class[i], r.audit.total), 8) + "\n";
    section(out, "TOP ACTIVITIES");
    text_counts(out, r.audit.by_activity, r.top, r.audit.total);
    section(out, "BY SERVICE");
    text_counts(out, r.audit.by_service, r.top, r.audit.total);
  }
  section(out, "FILES");
  for (std::size_t i = 0; i < r.files.size(); ++i) {
    const FileResult& f = r.files[i];
    const FileSummary& s = f.summary;
    std::string name;
    append_sanitized(name, s.path);
    b += "  " + name + "\n    " + (s.format.empty() ? std::string("?") : s.format) + " · " +
         std::string(record_kind_name(s.kind)) + " · read " + thousands(s.records) + " · classified " +
         thousands(f.kept) + " · rejected " + thousands(s.rejected);
    if (f.filtered) b += " · outside window " + thousands(f.filtered);
    if (i < r.duplicates.size() && r.duplicates[i]) b += " · duplicates " + thousands(r.duplicates[i]);
    if (s.first != kNoTime) b += " · " + time_or_dash(s.first) + " → " + time_or_dash(s.last);
    b += '\n';
    if (s.fatal) {
      std::string m;
      append_sanitized(m, *s.fatal);
      b += "    ";
      out.paint(sgr::red, "error: " + m);
      b += '\n';
    }
  }
}

void render_detect(Output& out, const std::vector<FileResult>& files, OutputFormat fmt) {
  std::string& b = out.buf();
  if (fmt == OutputFormat::json || fmt == OutputFormat::jsonl) {
    if (fmt == OutputFormat::json) b += "{\"schema\":\"idtriage.detect/1\",\"inputs\":[";
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (i && fmt == OutputFormat::json) b += ',';
      append_file_json(b, files[i]);
      if (fmt == OutputFormat::jsonl) b += '\n';
    }
    if (fmt == OutputFormat::json) b += "]}\n";
    return;
  }
  if (fmt == OutputFormat::csv || fmt == OutputFormat::tsv) {
    char d = fmt == OutputFormat::csv ? ',' : '\t';
    b += std::string("path") + d + "kind" + d + "format" + d + "records" + d + "rejected" + d + "first" + d + "last" +
         d + "error\n";
    for (const auto& f : files) {
      const FileSummary& s = f.summary;
      std::string cells[8] = {s.path,
                              std::string(record_kind_name(s.kind)),
                              s.format,
                              std::to_string(s.records),
                              std::to_string(s.rejected),
                              time_or_dash(s.first),
                              time_or_dash(s.last),
                              s.fatal.value_or("")};
      for (int i = 0; i < 8; ++i) {
        if (i) b += d;
        if (d == ',')
          append_csv_field(b, cells[i]);
        else
          append_tsv_field(b, cells[i]);
      }
      b += '\n';
    }
    return;
  }
  for (const auto& f : files) {
    const FileSummary& s = f.summary;
    std::string name;
    append_sanitized(name, s.path);
    out.paint(sgr::bold, name);
    b += '\n';
    if (!s.format.empty()) {
      b += "  kind     " + std::string(record_kind_name(s.kind)) + "\n";
      b += "  format   " + s.format + "\n";
      b += "  records  " + thousands(s.records) + (s.rejected ? " (+" + thousands(s.rejected) + " rejected)" : "") +
           "\n";
      b += "  first    " + time_or_dash(s.first) + "\n";
      b += "  last     " + time_or_dash(s.last) + "\n";
      for (const auto& n : s.notes) {
        std::string m;
        append_sanitized(m, n);
        b += "  note     " + m + "\n";
      }
    }
    if (s.fatal) {
      std::string m;
      append_sanitized(m, *s.fatal);
      b += "  ";
      out.paint(sgr::red, "error    " + m);
      b += '\n';
    }
  }
}

void render_explain(Output& out, std::int64_t code, const CodeInfo* ci, OutputFormat fmt) {
  std::string& b = out.buf();
  if (fmt == OutputFormat::json || fmt == OutputFormat::jsonl) {
    JsonWriter w(b);
    w.begin_object();
    w.kv("code", static_cast<std::int64_t>(code));
    w.kv("known", ci != nullptr);
    if (ci) {
      w.kv("class", name(ci->cls));
      w.kv("reason", ci->reason);
      w.kv("name", ci->name);
      w.kv("meaning", ci->meaning);
      w.kv("advice", ci->advice);
      w.kv("on_security_info_apps", ci->cls == SigninClass::service_error ? "portal_unreachable" : name(ci->cls));
    }
    w.end_object();
    b += '\n';
    return;
  }
  if (!ci) {
    b += "AADSTS" + std::to_string(code) +
         ": not in idtriage's code table.\n"
         "  class    unknown (records with this code are counted as unknown/unrecognised_code, never dropped)\n"
         "  advice   Look the code up in Microsoft's AADSTS error reference; check the failure reason text in\n"
         "           the sign-in record (`idtriage classify --fields time,user,app,code,failure_reason`).\n";
    return;
  }
  out.paint(sgr::bold, "AADSTS" + std::to_string(code));
  if (!ci->name.empty()) b += "  " + std::string(ci->name);
  b += "\n  class    " + std::string(name(ci->cls)) + "\n  reason   " + std::string(ci->reason) + "\n  meaning  " +
       std::string(ci->meaning) + "\n  advice   " + std::string(ci->advice) + "\n";
  if (ci->cls == SigninClass::service_error)
    b += "  note     on My Signins / My Profile / My Apps this counts as portal_unreachable\n";
}

void render_code_list(Output& out, OutputFormat fmt) {
  std::string& b = out.buf();
  if (fmt == OutputFormat::json || fmt == OutputFormat::jsonl) {
    if (fmt == OutputFormat::json) b += '[';
    bool first = true;
    for (const CodeInfo& c : all_codes()) {
      if (!first) b += fmt == OutputFormat::json ? "," : "";
      first = false;
      JsonWriter w(b);
      w.begin_object();
      w.kv("code", static_cast<std::int64_t>(c.code));
      w.kv("class", name(c.cls));
      w.kv("reason", c.reason);
      w.kv("name", c.name);
      w.kv("meaning", c.meaning);
      w.end_object();
      if (fmt == OutputFormat::jsonl) b += '\n';
    }
    if (fmt == OutputFormat::json) b += "]\n";
    return;
  }
  for (const CodeInfo& c : all_codes())
    b += pad(std::to_string(c.code), 9) + pad(name(c.cls), 22) + pad(c.reason, 34) + std::string(c.meaning) + "\n";
}

std::size_t report_problems(std::FILE* err, const std::vector<FileResult>& files, bool quiet) {
  std::size_t n = 0;
  for (const auto& f : files) {
    const FileSummary& s = f.summary;
    std::string name;
    append_sanitized(name, s.path);
    if (!quiet) {
      for (const auto& r : f.rejections) {
        std::string m;
        append_sanitized(m, r.message);
        std::fprintf(err, "idtriage: %s:%" PRIu64 ": rejected: %s\n", name.c_str(),
                     static_cast<std::uint64_t>(r.pos.line), m.c_str());
        ++n;
      }
      if (s.rejected > f.rejections.size()) {
        std::fprintf(err, "idtriage: %s: … and %" PRIu64 " more rejected records\n", name.c_str(),
                     static_cast<std::uint64_t>(s.rejected - f.rejections.size()));
        ++n;
      }
      for (const auto& w : s.warning_list) {
        std::string m;
        append_sanitized(m, w.message);
        std::fprintf(err, "idtriage: %s:%" PRIu64 ": warning: %s\n", name.c_str(),
                     static_cast<std::uint64_t>(w.pos.line), m.c_str());
        ++n;
      }
      if (s.warnings > s.warning_list.size()) {
        std::fprintf(err, "idtriage: %s: … and %" PRIu64 " more warnings\n", name.c_str(),
                     static_cast<std::uint64_t>(s.warnings - s.warning_list.size()));
        ++n;
      }
    }
    if (s.fatal) {
      std::string m;
      append_sanitized(m, *s.fatal);
      std::fprintf(err, "idtriage: %s: error: %s\n", name.c_str(), m.c_str());
      ++n;
    }
  }
  return n;
}

void report_footer(std::FILE* err, const std::vector<FileResult>& files) {
  std::uint64_t records = 0, rejected = 0, filtered = 0, errors = 0;
  for (const auto& f : files) {
    records += f.summary.records;
    rejected += f.summary.rejected;
    filtered += f.filtered;
    errors += f.summary.fatal ? 1 : 0;
  }
  std::string line = "inputs: " + thousands(files.size()) + (files.size() == 1 ? " file, " : " files, ") +
                     thousands(records) + " records, " + thousands(rejected) + " rejected";
  if (filtered) line += ", " + thousands(filtered) + " outside --since/--until";
  if (errors) line += ", " + thousands(errors) + (errors == 1 ? " file with errors" : " files with errors");
  std::fprintf(err, "%s\n", line.c_str());
}

}  // namespace idt
