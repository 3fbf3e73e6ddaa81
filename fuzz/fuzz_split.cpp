// Why: a large JSON file is read in parallel slices cut at guessed record
// boundaries. Whatever the bytes, that read must equal a one-thread read:
// the same counts, rejections (messages and positions) and fatal error.
// This fuzzer writes each input to a memory file and reads it both ways
// with tiny slices, so every guess, confirmation and fallback is exercised.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <deque>
#include <string>

#include "aggregate/log_stats.h"
#include "run/pipeline.h"

namespace {

struct CollectSink final : idt::UnitSink {
  idt::SigninStats s;
  idt::AuditStats a;
  void on_signin(const idt::SignIn& r, const idt::SigninClassification& c, const idt::SourcePos&) override {
    s.add(r, c);
  }
  void on_audit(const idt::AuditEvent& e, const idt::AuditClassification& c, const idt::SourcePos&) override {
    a.add(e, c);
  }
  void reset() override { *this = CollectSink(); }
};

struct Read {
  idt::FileResult file;
  std::uint64_t signins = 0, audits = 0;
  std::array<std::uint64_t, idt::kSigninClassCount> by_class{};
};

Read read(const std::string& path, unsigned threads, std::size_t slice) {
  idt::RunOptions o;
  o.threads = threads;
  o.split_min = 1;
  o.slice_min = slice;
  std::deque<CollectSink> sinks;
  auto res = idt::run_files_parallel({path}, o, [&](std::size_t) -> idt::UnitSink& { return sinks.emplace_back(); });
  Read r;
  r.file = std::move(res.at(0));
  for (const auto& k : sinks) {
    r.signins += k.s.total;
    r.audits += k.a.total;
    for (std::size_t i = 0; i < r.by_class.size(); ++i) r.by_class[i] += k.s.by_class[i];
  }
  return r;
}

void require_same(const Read& a, const Read& b) {
  const auto& x = a.file.summary;
  const auto& y = b.file.summary;
  if (x.records != y.records || x.rejected != y.rejected || x.fatal != y.fatal || x.first != y.first ||
      x.last != y.last || a.signins != b.signins || a.audits != b.audits || a.by_class != b.by_class)
    std::abort();
  if (a.file.rejections.size() != b.file.rejections.size()) std::abort();
  for (std::size_t i = 0; i < a.file.rejections.size(); ++i) {
    const auto& p = a.file.rejections[i];
    const auto& q = b.file.rejections[i];
    if (p.message != q.message || p.pos.line != q.pos.line || p.pos.offset != q.pos.offset ||
        p.pos.record != q.pos.record)
      std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  // The first byte picks the slice size; the rest is the file.
  const std::size_t slice = 16 + data[0] * 4;
  int fd = ::memfd_create("idtriage-fuzz", MFD_CLOEXEC);
  if (fd < 0) return 0;
  const char* p = reinterpret_cast<const char*>(data) + 1;
  std::size_t n = size - 1;
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w <= 0) break;
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  const std::string path = "/proc/self/fd/" + std::to_string(fd);
  Read one = read(path, 1, slice);
  require_same(one, read(path, 3, slice));
  ::close(fd);
  return 0;
}
