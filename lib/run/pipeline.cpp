// Why: see pipeline.h.
#include "run/pipeline.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <memory>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "formats/json_splitter.h"

#include "classify/audit_classifier.h"
#include "classify/health_relevance.h"
#include "classify/signin_classifier.h"
#include "classify/ticket_classifier.h"
#include "model/health.h"
#include "model/ticket.h"

namespace idt {
namespace {

// Between a parser and the consumer: time window, accounting, classification.
class FilteringSink final : public RecordSink {
 public:
  FilteringSink(const RunOptions& o, Sink& out, FileResult& res) : o_(o), out_(out), res_(res) {}
  bool in_window(Micros t) const {
    if (o_.since == kNoTime && o_.until == kNoTime) return true;
    if (t == kNoTime) return false;  // undated records cannot be placed in a window
    return (o_.since == kNoTime || t >= o_.since) && (o_.until == kNoTime || t < o_.until);
  }
  void on_signin(const SignIn& r, const SourcePos& p) override {
    if (!in_window(r.time)) {
      ++res_.filtered;
      return;
    }
    ++res_.kept;
    out_.on_signin(r, classify_signin(r), p);
  }
  void on_audit(const AuditEvent& e, const SourcePos& p) override {
    if (!in_window(e.time)) {
      ++res_.filtered;
      return;
    }
    ++res_.kept;
    out_.on_audit(e, classify_audit(e), p);
  }
  void on_ticket(const Ticket& t, const SourcePos& p) override {
    // Undated tickets are kept (the consumer counts them as undated).
    if (t.opened != kNoTime && !in_window(t.opened)) {
      ++res_.filtered;
      return;
    }
    ++res_.kept;
    out_.on_ticket(t, ticket_rules().classify(t), p);
  }
  void on_health(const HealthIssue& h, const SourcePos& p) override {
    // Health issues are windows, not events: consumers select by overlap.
    ++res_.kept;
    HealthIssue judged = h;
    HealthRelevance rel = apply_health_relevance(judged);
    out_.on_health(judged, rel, p);
  }
  void on_reject(const Rejection& r) override {
    if (res_.rejections.size() < o_.keep_rejections) res_.rejections.push_back(r);
    out_.on_reject(r);
  }

 private:
  const TicketRules& ticket_rules() const { return o_.ticket_rules ? *o_.ticket_rules : TicketRules::builtin_shared(); }
  const RunOptions& o_;
  Sink& out_;
  FileResult& res_;
};

OpenOptions open_options(const RunOptions& opts) {
  OpenOptions o;
  o.encoding = opts.encoding;
  o.max_decoded = opts.max_decoded;
  return reading_options(o, opts.want, opts.forced);
}

FileResult run_one(const std::string& path, std::size_t index, const RunOptions& opts, Sink& sink) {
  FileResult res;
  FilteringSink filter(opts, sink, res);
  ParseOptions po = opts.parse;
  po.file_index = static_cast<std::uint32_t>(index);
  res.summary = read_file(path, po, filter, opts.want, opts.forced, open_options(opts));
  return res;
}

}  // namespace

FileResult run_input(const Input& in, std::size_t index, const RunOptions& opts, Sink& sink) {
  FileResult res;
  FilteringSink filter(opts, sink, res);
  ParseOptions po = opts.parse;
  po.file_index = static_cast<std::uint32_t>(index);
  res.summary = read_input(in, po, filter, opts.want, opts.forced);
  return res;
}

namespace {

// RunOptions::from_directory: unrecognised files found in a directory
// become notes.
void skip_unrecognised(std::vector<FileResult>& results, const std::vector<std::string>& paths,
                       const RunOptions& opts) {
  if (opts.from_directory.empty()) return;
  for (std::size_t i = 0; i < results.size() && i < paths.size(); ++i) {
    FileSummary& s = results[i].summary;
    if (!s.fatal || !s.unrecognised ||
        !std::binary_search(opts.from_directory.begin(), opts.from_directory.end(), paths[i]))
      continue;
    s.notes.push_back("skipped: found in a directory, and not a sign-in, audit, ticket or health export (" + *s.fatal +
                      ")");
    s.fatal.reset();  // `unrecognised` stays: stderr lists the file as skipped
  }
}

}  // namespace

std::vector<FileResult> run_files(const std::vector<std::string>& paths, const RunOptions& opts, Sink& sink) {
  std::vector<FileResult> out;
  out.reserve(paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) out.push_back(run_one(paths[i], i, opts, sink));
  skip_unrecognised(out, paths, opts);
  return out;
}

namespace {

// One piece of work: a whole file, or one slice of a large file.
struct Unit {
  std::size_t file = 0;
  std::shared_ptr<const Input> input;  // null: open the path in the worker
  std::size_t begin = 0, end = 0;      // end == 0: the whole input
  const Format* format = nullptr;
  RecordKind kind = RecordKind::unknown;
  std::shared_ptr<const SliceOrigin> origin;

  static Unit path_only(std::size_t file) { return Unit{file, nullptr, 0, 0, nullptr, RecordKind::unknown, nullptr}; }
  static Unit whole(std::size_t file, std::shared_ptr<const Input> in) {
    return Unit{file, std::move(in), 0, 0, nullptr, RecordKind::unknown, nullptr};
  }
};

bool splittable(const Format* f) {
  return f && (f->name() == "eventhub-json" || f->name() == "loganalytics-json" || f->name() == "graph-json");
}

// JSON lines when the first record ends on its first line.
bool looks_like_json_lines(std::string_view text) {
  JsonSplitter sp(text.substr(0, 1u << 20));
  JsonRecordRange r;
  if (!sp.next(r) || sp.layout() != JsonLayout::json_lines) return false;
  return text.substr(r.begin, r.end - r.begin).find('\n') == std::string_view::npos;
}

// Cuts a large JSON-lines file at line starts, or a large document of
// records at likely record starts (checked while reading: see SliceOrigin).
// Only the bytes near each cut are looked at. Returns false (and nothing)
// when the file should be read whole.
bool plan_slices(std::size_t file, const std::shared_ptr<const Input>& in, const RunOptions& opts, unsigned threads,
                 std::vector<Unit>& units) {
  std::string_view t = in->text();
  if (threads <= 1 || opts.parse.strict || t.size() < opts.split_min) return false;
  Detected d =
      opts.forced ? Detected{opts.forced, opts.want.value_or(RecordKind::unknown)} : detect_format(t, opts.want);
  if (!splittable(d.format)) return false;
  const bool lines = looks_like_json_lines(t);
  RecordShape shape;
  if (!lines) {
    shape = learn_record_shape(t);
    if (!shape.ok) return false;
  }
  std::size_t k = std::min<std::size_t>(threads * 2, t.size() / std::max<std::size_t>(opts.slice_min, 1));
  if (k < 2) return false;
  std::vector<std::size_t> cuts{0};
  for (std::size_t i = 1; i < k; ++i) {
    std::size_t target = std::max(t.size() / k * i, cuts.back() + 1);
    std::size_t at;
    if (lines) {
      std::size_t nl = t.find('\n', target);
      at = nl == std::string_view::npos ? t.size() : nl + 1;
    } else {
      at = find_record_start(t, target, target + opts.slice_min, shape);
    }
    if (at == std::string_view::npos || at >= t.size()) break;
    cuts.push_back(at);
  }
  if (cuts.size() < 2) return false;
  for (std::size_t i = 0; i < cuts.size(); ++i) {
    const bool last = i + 1 == cuts.size();
    std::size_t end = last ? t.size() : cuts[i + 1];
    auto origin = std::make_shared<const SliceOrigin>(*in, cuts[i], lines, shape.layout, shape.in_wrapper, last);
    units.push_back(Unit{file, in, cuts[i], end, d.format, d.kind, std::move(origin)});
  }
  return true;
}

// Worth opening up front to split: a regular file of split_min bytes, or a
// .gz that may expand to that (gzip'd JSON logs shrink about 10-20 times).
bool may_be_large(const std::string& path, std::size_t split_min) {
  struct stat st {};
  if (path == "-" || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size >= split_min) return true;
  if (size < split_min / 32) return false;
  unsigned char magic[2] = {0, 0};
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool gz = ::pread(fd, magic, 2, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
  ::close(fd);
  return gz;
}

FileResult run_unit(const Unit& u, const std::string& path, const RunOptions& opts, Sink& sink) {
  if (!u.input) return run_one(path, u.file, opts, sink);
  FileResult res;
  FilteringSink filter(opts, sink, res);
  ParseOptions po = opts.parse;
  po.file_index = static_cast<std::uint32_t>(u.file);
  if (u.end == 0) {  // whole file, already opened
    res.summary = read_input(*u.input, po, filter, opts.want, opts.forced);
    return res;
  }
  po.slice = u.origin.get();
  Input slice = u.input->slice(u.begin, u.end);
  res.summary =
      read_input(slice, po, filter, u.kind == RecordKind::unknown ? opts.want : std::optional(u.kind), u.format);
  return res;
}

void merge_into(FileResult& dst, FileResult&& src, bool first, std::size_t keep) {
  if (first) {
    dst = std::move(src);
    return;
  }
  FileSummary& d = dst.summary;
  FileSummary& s = src.summary;
  d.records += s.records;
  d.rejected += s.rejected;
  d.warnings += s.warnings;
  for (auto& w : s.warning_list)
    if (d.warning_list.size() < 20) d.warning_list.push_back(std::move(w));
  for (auto& n : s.notes)  // what a later slice noticed (e.g. records read as Windows-1252)
    if (std::find(d.notes.begin(), d.notes.end(), n) == d.notes.end()) d.notes.push_back(std::move(n));
  d.skipped += s.skipped;
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
                                           const std::function<UnitSink&(std::size_t)>& sink_for) {
  unsigned threads = opts.threads ? opts.threads : std::max(1u, std::thread::hardware_concurrency());
  // Phase 1 (parallel over files): large JSON files are opened and cut into
  // slices; every other file stays one unit, opened by its worker.
  std::vector<std::vector<Unit>> per_file(paths.size());
  parallel_for(paths.size(), threads, [&](std::size_t i) {
    if (threads > 1 && !opts.parse.strict && may_be_large(paths[i], opts.split_min)) {
      auto in = open_input(paths[i], open_options(opts));
      // Kept open when split or mapped (a mapping holds no memory until
      // read); a small .gz decoded in memory is dropped and decoded again by
      // its worker, so phase 1 never holds many decoded files at once.
      if (in.ok() && (in->text().size() >= opts.split_min || in->spooled() || !in->was_gzip())) {
        auto shared = std::make_shared<const Input>(std::move(in.value()));
        if (plan_slices(i, shared, opts, threads, per_file[i])) return;
        per_file[i].push_back(Unit::whole(i, shared));  // read whole, without opening it twice
        return;
      }
    }
    per_file[i].push_back(Unit::path_only(i));
  });
  std::vector<Unit> units;
  for (auto& v : per_file) units.insert(units.end(), v.begin(), v.end());
  per_file.clear();
  // Phase 2 (parallel over units): each unit gets its own sink.
  std::vector<FileResult> unit_results(units.size());
  std::vector<UnitSink*> sinks(units.size());
  for (std::size_t u = 0; u < units.size(); ++u) sinks[u] = &sink_for(units[u].file);
  parallel_for(units.size(), threads,
               [&](std::size_t u) { unit_results[u] = run_unit(units[u], paths[units[u].file], opts, *sinks[u]); });
  // A document whose slices did not meet where guessed is read again in one
  // piece, into its first unit's sink (the others are emptied).
  std::vector<bool> reread(paths.size(), false);
  for (const Unit& u : units)
    if (u.origin && u.origin->unconfirmed()) reread[u.file] = true;
  parallel_for(paths.size(), threads, [&](std::size_t f) {
    if (!reread[f]) return;
    std::size_t first = units.size();
    for (std::size_t u = 0; u < units.size(); ++u) {
      if (units[u].file != f) continue;
      sinks[u]->reset();
      unit_results[u] = FileResult{};
      if (first == units.size()) first = u;
    }
    unit_results[first] = run_unit(Unit::whole(f, units[first].input), paths[f], opts, *sinks[first]);
    unit_results[first].summary.notes.push_back(
        "its parallel slices did not meet at record boundaries; read again in one piece");
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
    if (n > 1 && !reread[units[u].file])
      out[units[u].file].summary.notes.push_back("read in " + std::to_string(n) + " parallel slices");
  }
  skip_unrecognised(out, paths, opts);
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
