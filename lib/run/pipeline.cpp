// Why: see pipeline.h.
#include "run/pipeline.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <cstring>
#include <memory>

#include <sys/stat.h>

#include "formats/json_splitter.h"

#include "classify/audit_classifier.h"
#include "classify/signin_classifier.h"
#include "model/ticket.h"

namespace idt {
namespace {

class FilteringSink final : public RecordSink {
 public:
  FilteringSink(const RunOptions& o, ClassifiedSink& out, FileResult& res) : o_(o), out_(out), res_(res) {}
  bool in_window(Micros t) const {
    if (o_.since == kNoTime && o_.until == kNoTime) return true;
    if (t == kNoTime) return false;  // undated records cannot be placed in a window
    return (o_.since == kNoTime || t >= o_.since) && (o_.until == kNoTime || t < o_.until);
  }
  void on_signin(const SignIn& r, const SourcePos& p) override {
    if (!in_window(r.time)) { ++res_.filtered; return; }
    ++res_.kept;
    out_.on_signin(r, classify_signin(r), p);
  }
  void on_audit(const AuditEvent& e, const SourcePos& p) override {
    if (!in_window(e.time)) { ++res_.filtered; return; }
    ++res_.kept;
    out_.on_audit(e, classify_audit(e), p);
  }
  void on_ticket(const Ticket& t, const SourcePos& p) override {
    // Undated tickets are kept (the consumer counts them as undated).
    if (t.opened != kNoTime && !in_window(t.opened)) { ++res_.filtered; return; }
    if (RecordSink* s = out_.passthrough()) { ++res_.kept; s->on_ticket(t, p); }
  }
  void on_health(const HealthIssue& h, const SourcePos& p) override {
    if (RecordSink* s = out_.passthrough()) { ++res_.kept; s->on_health(h, p); }
  }
  void on_reject(const Rejection& r) override {
    if (res_.rejections.size() < o_.keep_rejections) res_.rejections.push_back(r);
  }

 private:
  const RunOptions& o_;
  ClassifiedSink& out_;
  FileResult& res_;
};

FileResult run_one(const std::string& path, std::size_t index, const RunOptions& opts, ClassifiedSink& sink) {
  FileResult res;
  FilteringSink filter(opts, sink, res);
  ParseOptions po = opts.parse;
  po.file_index = static_cast<std::uint32_t>(index);
  res.summary = read_file(path, po, filter, opts.want, opts.forced, opts.encoding);
  return res;
}

}  // namespace

std::vector<FileResult> run_files(const std::vector<std::string>& paths, const RunOptions& opts,
                                  ClassifiedSink& sink) {
  std::vector<FileResult> out;
  out.reserve(paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) out.push_back(run_one(paths[i], i, opts, sink));
  return out;
}

namespace {

// One piece of work: a whole file, or one slice of a large JSON-lines file.
struct Unit {
  std::size_t file = 0;
  std::shared_ptr<const Input> input;  // null: open the path in the worker
  std::size_t begin = 0, end = 0;
  std::uint64_t line_base = 0;
  const Format* format = nullptr;
  RecordKind kind = RecordKind::unknown;
};

constexpr std::size_t kSplitMin = 64u << 20;    // files smaller than this are one unit
constexpr std::size_t kSliceMin = 16u << 20;    // slices are at least this big

bool splittable(const Format* f) {
  return f && (f->name() == "eventhub-json" || f->name() == "loganalytics-json");
}

// JSON lines when the first record ends on its first line.
bool looks_like_json_lines(std::string_view text) {
  JsonSplitter sp(text.substr(0, 1u << 20));
  JsonRecordRange r;
  if (!sp.next(r) || sp.layout() != JsonLayout::json_lines) return false;
  return text.substr(r.begin, r.end - r.begin).find('\n') == std::string_view::npos;
}

// Splits a large JSON-lines input into slices at line starts; returns false
// (and nothing) when the file should be read whole.
bool plan_slices(std::size_t file, const std::shared_ptr<const Input>& in, const RunOptions& opts, unsigned threads,
                 std::vector<Unit>& units) {
  std::string_view t = in->text();
  if (threads <= 1 || t.size() < kSplitMin) return false;
  Detected d = opts.forced ? Detected{opts.forced, opts.want.value_or(RecordKind::unknown)} : detect_format(t, opts.want);
  if (!splittable(d.format) || !looks_like_json_lines(t)) return false;
  std::size_t k = std::min<std::size_t>(threads * 2, t.size() / kSliceMin);
  if (k < 2) return false;
  std::size_t begin = 0;
  std::uint64_t lines = 0;
  for (std::size_t i = 1; i <= k && begin < t.size(); ++i) {
    std::size_t end = i == k ? t.size() : t.size() / k * i;
    if (end < t.size()) {
      std::size_t nl = t.find('\n', end);
      end = nl == std::string_view::npos ? t.size() : nl + 1;
    }
    if (end <= begin) continue;
    units.push_back(Unit{file, in, begin, end, lines, d.format, d.kind});
    // Count this slice's lines for the next one's base, releasing pages as we go.
    for (std::size_t at = begin; at < end;) {
      std::size_t step = std::min<std::size_t>(end - at, 8u << 20);
      const char* p = t.data() + at;
      const char* e = p + step;
      while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(e - p))))) { ++lines; ++p; }
      at += step;
      in->release_before(at);
    }
    begin = end;
  }
  return true;
}

FileResult run_unit(const Unit& u, const std::string& path, const RunOptions& opts, ClassifiedSink& sink) {
  if (!u.input) return run_one(path, u.file, opts, sink);
  FileResult res;
  FilteringSink filter(opts, sink, res);
  ParseOptions po = opts.parse;
  po.file_index = static_cast<std::uint32_t>(u.file);
  if (u.end == 0) {  // whole file, already opened
    res.summary = read_input(*u.input, po, filter, opts.want, opts.forced);
    return res;
  }
  po.line_base = u.line_base;
  po.offset_base = u.begin;
  po.json_lines = true;
  Input slice = u.input->slice(u.begin, u.end);
  res.summary = read_input(slice, po, filter, u.kind == RecordKind::unknown ? opts.want : std::optional(u.kind), u.format);
  return res;
}

void merge_into(FileResult& dst, FileResult&& src, bool first, std::size_t keep) {
  if (first) { dst = std::move(src); return; }
  FileSummary& d = dst.summary;
  FileSummary& s = src.summary;
  d.records += s.records;
  d.rejected += s.rejected;
  if (s.first != kNoTime) d.see_time(s.first);
  if (s.last != kNoTime) d.see_time(s.last);
  if (!d.fatal && s.fatal) d.fatal = std::move(s.fatal);
  dst.kept += src.kept;
  dst.filtered += src.filtered;
  for (auto& r : src.rejections)
    if (dst.rejections.size() < keep) dst.rejections.push_back(std::move(r));
}

template <class F>
void parallel_for(std::size_t n, unsigned threads, F fn) {
  if (threads <= 1 || n <= 1) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < std::min<std::size_t>(threads, n); ++t)
    pool.emplace_back([&] {
      for (std::size_t i; (i = next.fetch_add(1)) < n;) fn(i);
    });
  for (auto& t : pool) t.join();
}

}  // namespace

std::vector<FileResult> run_files_parallel(const std::vector<std::string>& paths, const RunOptions& opts,
                                           const std::function<ClassifiedSink&(std::size_t)>& sink_for) {
  unsigned threads = opts.threads ? opts.threads : std::max(1u, std::thread::hardware_concurrency());
  // Phase 1 (parallel over files): large JSON-lines files are opened and cut
  // into slices; every other file stays one unit, opened by its worker.
  std::vector<std::vector<Unit>> per_file(paths.size());
  parallel_for(paths.size(), threads, [&](std::size_t i) {
    struct stat st{};
    bool big = paths[i] != "-" && ::stat(paths[i].c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
               static_cast<std::size_t>(st.st_size) >= kSplitMin;
    if (big && threads > 1) {
      auto in = open_input(paths[i], opts.encoding);
      if (in.ok() && !in->was_gzip()) {
        auto shared = std::make_shared<const Input>(std::move(in.value()));
        if (plan_slices(i, shared, opts, threads, per_file[i])) return;
        per_file[i].push_back(Unit{i, shared});  // read whole, without opening it twice
        return;
      }
    }
    per_file[i].push_back(Unit{i});
  });
  std::vector<Unit> units;
  for (auto& v : per_file) units.insert(units.end(), v.begin(), v.end());
  per_file.clear();
  // Phase 2 (parallel over units): each unit gets its own sink.
  std::vector<FileResult> unit_results(units.size());
  std::vector<ClassifiedSink*> sinks(units.size());
  for (std::size_t u = 0; u < units.size(); ++u) sinks[u] = &sink_for(units[u].file);
  parallel_for(units.size(), threads, [&](std::size_t u) {
    unit_results[u] = run_unit(units[u], paths[units[u].file], opts, *sinks[u]);
  });
  std::vector<FileResult> out(paths.size());
  std::vector<bool> seen(paths.size(), false);
  for (std::size_t u = 0; u < units.size(); ++u) {
    std::size_t f = units[u].file;
    merge_into(out[f], std::move(unit_results[u]), !seen[f], opts.keep_rejections);
    seen[f] = true;
  }
  for (std::size_t u = 0, n = 0; u < units.size(); u += n) {
    n = 1;
    while (u + n < units.size() && units[u + n].file == units[u].file) ++n;
    if (n > 1) out[units[u].file].summary.notes.push_back("read in " + std::to_string(n) + " parallel slices");
  }
  return out;
}

bool any_input_error(const std::vector<FileResult>& results, bool strict) {
  for (const auto& r : results) {
    if (r.summary.fatal) return true;
    if (strict && r.summary.rejected > 0) return true;
  }
  return false;
}

}  // namespace idt
