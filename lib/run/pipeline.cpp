// Why: see pipeline.h.
#include "run/pipeline.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "classify/audit_classifier.h"
#include "classify/signin_classifier.h"

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

std::vector<FileResult> run_files_parallel(const std::vector<std::string>& paths, const RunOptions& opts,
                                           const std::function<ClassifiedSink&(std::size_t)>& sink_for) {
  std::vector<FileResult> out(paths.size());
  unsigned threads = opts.threads ? opts.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(paths.size()));
  if (threads <= 1) {
    for (std::size_t i = 0; i < paths.size(); ++i) out[i] = run_one(paths[i], i, opts, sink_for(i));
    return out;
  }
  std::atomic<std::size_t> next{0};
  auto worker = [&]() {
    for (std::size_t i; (i = next.fetch_add(1)) < paths.size();) out[i] = run_one(paths[i], i, opts, sink_for(i));
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
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
