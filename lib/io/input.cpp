// Why: see input.h. mmap trick: reserve file+padding as anonymous zero pages,
// then map the file over the front, so the padding never faults.
//
// A mapped file that shrinks while it is read (another process truncates or
// rewrites it) makes the next touch of a page past its new end raise SIGBUS,
// which kills the process by default; every command, format and path that
// reads a mapping is exposed (parsers, the UTF-8 pass, gunzip from the
// mapping, sinks holding views). ripgrep documents the same crash and only
// offers --no-mmap (BurntSushi/ripgrep#581). Reading through read() into
// memory would cost the bounded-memory design; siglongjmp out of a parser
// would skip C++ destructors in simdjson and our sinks. So, as Sapling's
// indexedlog does for bad pages (facebook/sapling, lib/indexedlog
// sigbus.rs), a SIGBUS handler that knows every live file mapping (a
// lock-free table, Input::Watch) maps zero pages over the lost part and
// records the first lost offset; the faulting read then resumes and sees
// zeros. Parsers check stale() before emitting a record, so nothing read
// from the zeros is passed on, and read_input() turns damage() into the
// file's error with the position ("changed or truncated while reading",
// exit 3). A file changed in place without shrinking cannot fault; the
// descriptor stays open and its size and mtime are compared after reading.
// Faults outside our mappings go to the previous handler (ASan, libFuzzer,
// or the default action), so real bugs still crash.
#include "io/input.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <mutex>

#include <simdjson.h>

#include "io/expand_paths.h"
#include "util/text.h"

namespace idt {
namespace {

std::string errno_text(int e) { return std::strerror(e); }
std::size_t g_spool_memory_limit = 32u << 20;
std::uint64_t g_spool_reserve = UINT64_MAX;  // UINT64_MAX: the default rule (see input.h)
constexpr std::size_t kChunk = 1u << 20;     // bytes decoded from a mapping at a time

std::size_t page_size() {
  static const std::size_t p = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  return p;
}

std::int64_t mtime_ns(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

// "1.5 GiB", "64 MiB", "512 bytes": sizes in messages.
std::string size_text(std::uint64_t n) {
  const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  if (n < 1024) return std::to_string(n) + " bytes";
  double v = static_cast<double>(n);
  int u = 0;
  while (v >= 1024 && u < 4) {
    v /= 1024;
    ++u;
  }
  std::string s = std::to_string(static_cast<std::uint64_t>(v * 10 + 0.5));
  if (s.size() == 1) s.insert(0, "0");
  if (s.back() == '0')
    s.pop_back();
  else
    s.insert(s.size() - 1, ".");
  if (s.back() == '.') s.pop_back();
  return s + " " + units[u];
}

}  // namespace

// ---------------------------------------------------------------------------
// The SIGBUS watch: live file mappings, readable from a signal handler
// (atomics only; blocks of slots are chained and never freed).

struct Input::Watch {
  std::atomic<std::uintptr_t> begin{0}, end{0};  // the file's pages in the mapping; 0 = free
  std::atomic<int> fd{-1};                       // to tell a truncation from an I/O error
  std::atomic<std::size_t> fault{SIZE_MAX};      // lowest file offset that could not be read
  std::atomic<bool> used{false};
};

namespace {

struct WatchBlock {
  Input::Watch slots[64];
  std::atomic<WatchBlock*> next{nullptr};
};
WatchBlock g_watches;
struct sigaction g_previous_sigbus;
std::size_t g_page = 4096;

void on_sigbus(int sig, siginfo_t* info, void* ctx) {
  const auto addr = reinterpret_cast<std::uintptr_t>(info ? info->si_addr : nullptr);
  for (WatchBlock* b = &g_watches; b && addr; b = b->next.load(std::memory_order_acquire)) {
    for (Input::Watch& w : b->slots) {
      const std::uintptr_t lo = w.begin.load(std::memory_order_acquire);
      const std::uintptr_t hi = w.end.load(std::memory_order_acquire);
      if (lo == 0 || addr < lo || addr >= hi) continue;
      const std::uintptr_t page = addr & ~(static_cast<std::uintptr_t>(g_page) - 1);
      const std::size_t offset = page - lo;
      // Past the file's end now: everything from here on is gone, so one
      // mapping of zeros covers it (one signal, not one per page). Inside
      // the file (an I/O error): only this page.
      std::uintptr_t zero_end = page + g_page;
      struct stat st;
      if (::fstat(w.fd.load(std::memory_order_relaxed), &st) == 0 &&
          static_cast<std::uint64_t>(st.st_size) < offset + g_page)
        zero_end = hi;
      if (::mmap(reinterpret_cast<void*>(page), zero_end - page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1,
                 0) == MAP_FAILED)
        break;  // cannot repair: the previous disposition decides
      std::size_t seen = w.fault.load(std::memory_order_relaxed);
      while (offset < seen && !w.fault.compare_exchange_weak(seen, offset, std::memory_order_release)) {}
      return;  // the faulting read resumes and sees zeros
    }
  }
  // Not one of ours: whoever handled SIGBUS before (ASan, libFuzzer) or the
  // default action (a crash with a core, as without this handler).
  const struct sigaction& prev = g_previous_sigbus;
  if (prev.sa_flags & SA_SIGINFO) {
    if (prev.sa_sigaction) return prev.sa_sigaction(sig, info, ctx);
  } else if (prev.sa_handler != SIG_DFL && prev.sa_handler != SIG_IGN) {
    return prev.sa_handler(sig);
  }
  ::sigaction(SIGBUS, &prev, nullptr);  // the fault repeats on return and takes the default action
}

void install_sigbus_handler() {
  static std::once_flag once;
  std::call_once(once, [] {
    g_page = page_size();
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sigbus;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGBUS, &sa, &g_previous_sigbus);
  });
}

Input::Watch* watch_mapping(const void* begin, std::size_t len, int fd) {
  install_sigbus_handler();
  for (WatchBlock* b = &g_watches;;) {
    for (Input::Watch& w : b->slots) {
      bool free = false;
      if (!w.used.compare_exchange_strong(free, true, std::memory_order_acq_rel)) continue;
      w.fault.store(SIZE_MAX, std::memory_order_relaxed);
      w.fd.store(fd, std::memory_order_relaxed);
      w.end.store(reinterpret_cast<std::uintptr_t>(begin) + len, std::memory_order_release);
      w.begin.store(reinterpret_cast<std::uintptr_t>(begin), std::memory_order_release);
      return &w;
    }
    WatchBlock* next = b->next.load(std::memory_order_acquire);
    if (!next) {
      auto* fresh = new WatchBlock;
      if (b->next.compare_exchange_strong(next, fresh, std::memory_order_acq_rel))
        next = fresh;
      else
        delete fresh;
    }
    b = next;
  }
}

void unwatch(Input::Watch* w) {
  if (!w) return;
  w->begin.store(0, std::memory_order_release);
  w->end.store(0, std::memory_order_release);
  w->fd.store(-1, std::memory_order_relaxed);
  w->used.store(false, std::memory_order_release);
}

// What a watched mapping says after a read: the first lost offset, or a
// change of size or mtime. Empty when the file is as it was.
std::string change_message(const Input::Watch* w, int fd, std::int64_t opened_size, std::int64_t opened_mtime) {
  const std::size_t fault = w ? w->fault.load(std::memory_order_acquire) : SIZE_MAX;
  struct stat st {};
  const bool have = fd >= 0 && ::fstat(fd, &st) == 0;
  const std::string sizes = have && opened_size >= 0 ? "it had " + std::to_string(opened_size) +
                                                           " bytes when opened, " + std::to_string(st.st_size) + " now"
                                                     : std::string();
  if (fault != SIZE_MAX)
    return "changed or truncated while reading: byte " + std::to_string(fault) + " and after could not be read" +
           (sizes.empty() ? "" : " (" + sizes + ")") + "; records from there on are missing";
  if (have && opened_size >= 0 && (st.st_size != opened_size || mtime_ns(st) != opened_mtime))
    return "changed or truncated while reading (" + (sizes.empty() ? std::string("modified") : sizes + ", modified") +
           "): what was read may mix old and new content; read it again once it is no longer written to";
  return {};
}

struct Mapping {
  void* region = nullptr;
  std::size_t len = 0;
};

// Reserves size+padding of zero pages and maps the file over the front.
Result<Mapping> map_padded(int fd, std::size_t size, const std::string& name) {
  std::size_t page = page_size();
  Mapping m;
  m.len = ((size + kInputPadding + page - 1) / page) * page;
  m.region = ::mmap(nullptr, m.len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m.region == MAP_FAILED) return Error{name + ": cannot map: " + errno_text(errno)};
  if (size > 0 && ::mmap(m.region, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED) {
    int e = errno;
    ::munmap(m.region, m.len);
    return Error{name + ": cannot map: " + errno_text(e)};
  }
  return m;
}

bool is_gzip(std::string_view b) {
  return b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1f && static_cast<unsigned char>(b[1]) == 0x8b;
}

// ---------------------------------------------------------------------------
// Spool: decoded text of unknown size, in memory up to a limit, then in an
// unlinked temporary file. Nothing reaches the file before check_head has
// seen the first kHeadBytes; the file never grows past max_decoded, nor
// into the file system's free-space reserve.

class Spool {
 public:
  Spool(std::string name, const OpenOptions& o, std::size_t memory_limit = g_spool_memory_limit)
      : name_(std::move(name)), o_(o), limit_(memory_limit) {}
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;
  ~Spool() {
    if (fd_ >= 0) ::close(fd_);
  }

  // False: stop decoding (refused() or damage() says why).
  bool append(const char* p, std::size_t n) {
    if (stopped_) return false;
    if (o_.max_decoded && total_ + n > o_.max_decoded) {
      const std::size_t fit = static_cast<std::size_t>(o_.max_decoded - total_);
      if (fit > 0 && !store(p, fit)) return false;
      stop("decodes to more than " + size_text(o_.max_decoded) + " (--max-decoded); the text after that is not read");
      return false;
    }
    return store(p, n);
  }
  // End of the input: short inputs are checked here.
  bool finish() {
    if (!stopped_ && !head_done_) return check_head();
    return !refused_;
  }
  const std::optional<Error>& refused() const { return refused_; }
  const std::string& damage() const { return damage_; }
  std::uint64_t size() const { return total_; }
  bool in_file() const { return fd_ >= 0; }
  int release_fd() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }
  std::string take_memory() { return std::move(mem_); }

 private:
  bool store(const char* p, std::size_t n) {
    if (!head_done_) {
      head_.append(p, std::min(n, kHeadBytes - head_.size()));
      if (head_.size() >= kHeadBytes && !check_head()) return false;
    }
    if (fd_ < 0 && (mem_.size() + n <= limit_ || !head_done_)) {
      mem_.append(p, n);
      total_ += n;
      return true;
    }
    if (fd_ < 0 && !to_file()) return false;
    return write_all(p, n);
  }
  bool check_head() {
    head_done_ = true;
    if (o_.check_head) {
      std::string why = o_.check_head(head_);
      if (!why.empty()) {
        refused_ = Error{name_ + ": " + why};
        stopped_ = true;
        return false;
      }
    }
    std::string().swap(head_);
    return true;
  }
  void stop(std::string why) {
    if (damage_.empty()) damage_ = std::move(why);
    stopped_ = true;
  }
  // Free bytes the temporary file system must keep: 1 GiB or 5% of it.
  std::uint64_t reserve(const struct statvfs& vs) const {
    if (g_spool_reserve != UINT64_MAX) return g_spool_reserve;
    const std::uint64_t total = static_cast<std::uint64_t>(vs.f_blocks) * vs.f_frsize;
    return std::min<std::uint64_t>(std::uint64_t{1} << 30, total / 20);
  }
  // Room for `more` bytes in the temporary file system (checked before the
  // first write and every 64 MiB after).
  bool room_for(std::uint64_t more) {
    struct statvfs vs {};
    if (::fstatvfs(fd_, &vs) != 0) return true;  // cannot tell: the writes will say
    const std::uint64_t avail = static_cast<std::uint64_t>(vs.f_bavail) * vs.f_frsize;
    const std::uint64_t keep = reserve(vs);
    if (avail >= keep && avail - keep >= more) return true;
    stop("stopped after " + size_text(total_) + " decoded: the temporary copy in " + dir_ + " would leave less than " +
         size_text(keep) + " free (" + size_text(avail) + " available); set TMPDIR to a larger file system");
    return false;
  }
  bool to_file() {
    const char* env = std::getenv("TMPDIR");
    std::string dir = env && *env ? env : "/tmp";
#ifdef O_TMPFILE
    fd_ = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
#endif
    if (fd_ < 0) {  // no O_TMPFILE here: a named file, unlinked at once
      std::string tmpl = dir + "/idtriage-spool-XXXXXX";
      fd_ = ::mkstemp(tmpl.data());
      if (fd_ >= 0) ::unlink(tmpl.c_str());
    }
    dir_ = dir;
    if (fd_ < 0) {
      stop("stopped after " + size_text(total_) + " decoded: cannot create a temporary file in " + dir + ": " +
           errno_text(errno));
      return false;
    }
    if (!room_for(mem_.size() + (std::uint64_t{64} << 20))) {  // keeps what is in memory
      ::close(fd_);
      fd_ = -1;
      return false;
    }
    const std::uint64_t held = total_;
    total_ = 0;
    if (!write_all(mem_.data(), mem_.size())) {
      total_ = held;  // the memory copy stays whole
      ::close(fd_);
      fd_ = -1;
      return false;
    }
    std::string().swap(mem_);
    return true;
  }
  bool write_all(const char* p, std::size_t n) {
    constexpr std::uint64_t kCheckEvery = std::uint64_t{64} << 20;
    while (n > 0) {
      if (total_ >= next_room_check_) {
        if (!room_for(kCheckEvery)) return false;
        next_room_check_ = total_ + kCheckEvery;
      }
      ssize_t w = ::write(fd_, p, std::min<std::size_t>(n, 1 << 20));
      if (w < 0) {
        if (errno == EINTR) continue;
        stop("stopped after " + size_text(total_) + " decoded: cannot write the temporary copy in " + dir_ + ": " +
             errno_text(errno));
        return false;
      }
      p += w;
      n -= static_cast<std::size_t>(w);
      total_ += static_cast<std::size_t>(w);
    }
    return true;
  }

  std::string name_, dir_;
  const OpenOptions& o_;
  std::size_t limit_;
  std::string mem_, head_;
  int fd_ = -1;
  std::uint64_t total_ = 0, next_room_check_ = std::uint64_t{64} << 20;
  bool head_done_ = false, stopped_ = false;
  std::optional<Error> refused_;
  std::string damage_;
};

// ---------------------------------------------------------------------------
// Decoder: bytes → UTF-8 as a stream (BOM, UTF-16, Windows-1252/Latin-1,
// and in auto mode bytes that are not UTF-8 read as Windows-1252 one by one:
// valid UTF-8 around them stays as it is). Memory: one chunk.

// Length of the valid UTF-8 sequence at p (non-ASCII lead), 0 if invalid,
// or SIZE_MAX if it is a valid start cut off by the end of the buffer.
std::size_t utf8_sequence(const unsigned char* p, std::size_t avail) {
  const unsigned char c = p[0];
  std::size_t len;
  unsigned cp;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  for (std::size_t k = 1; k < len; ++k) {
    if (k >= avail) return SIZE_MAX;
    if ((p[k] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[k] & 0x3F);
    // Reject overlong, surrogate and out-of-range forms as soon as they show.
    if (k == 1 && len == 3 && ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F))) return 0;
    if (k == 1 && len == 4 && ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F))) return 0;
  }
  return len;
}

// The bytes [0, n) of u as UTF-8 into out: valid sequences kept, any other
// byte read as Windows-1252. Returns the index of the first such byte, or npos.
std::size_t lenient_utf8(const unsigned char* u, std::size_t n, std::string& out);

constexpr unsigned short kWindows1252[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                             0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                             0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                             0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_single_byte(std::string& out, unsigned char c, bool cp1252) {
  if (c < 0x80)
    out += static_cast<char>(c);
  else if (cp1252 && c < 0xA0)
    append_utf8(out, kWindows1252[c - 0x80] ? kWindows1252[c - 0x80] : 0xFFFD);  // undefined: U+FFFD
  else
    append_utf8(out, c);
}

std::size_t lenient_utf8(const unsigned char* u, std::size_t n, std::string& out) {
  std::size_t first_bad = std::string_view::npos;
  out.reserve(out.size() + n + n / 8);
  for (std::size_t i = 0; i < n;) {
    if (u[i] < 0x80) {
      out += static_cast<char>(u[i++]);
      continue;
    }
    std::size_t len = utf8_sequence(u + i, n - i);
    if (len != 0 && len != SIZE_MAX) {
      out.append(reinterpret_cast<const char*>(u) + i, len);
      i += len;
      continue;
    }
    if (first_bad == std::string_view::npos) first_bad = i;
    append_single_byte(out, u[i++], true);
  }
  return first_bad;
}

class Decoder {
 public:
  explicit Decoder(Encoding requested) : requested_(requested) {}
  // False: the spool stopped.
  bool feed(const char* p, std::size_t n, Spool& out) {
    if (mode_ == Mode::undecided) {
      pending_.append(p, n);
      if (!decide(false)) return true;
      std::string head = std::move(pending_);
      pending_.clear();
      return convert(head.data(), head.size(), false, out);
    }
    if (!pending_.empty()) {
      std::string joint = std::move(pending_);
      pending_.clear();
      joint.append(p, n);
      return convert(joint.data(), joint.size(), false, out);
    }
    return convert(p, n, false, out);
  }
  bool finish(Spool& out) {
    if (mode_ == Mode::undecided) decide(true);
    std::string rest = std::move(pending_);
    pending_.clear();
    if (!convert(rest.data(), rest.size(), true, out)) return false;
    if (high_surrogate_) {
      out_.clear();
      append_utf8(out_, 0xFFFD);
      high_surrogate_ = 0;
      return out.append(out_.data(), out_.size());
    }
    return true;
  }
  Encoding encoding() const { return encoding_; }
  bool bom() const { return bom_; }
  std::size_t invalid_at() const { return invalid_at_; }

 private:
  enum class Mode { undecided, raw, utf8_or_1252, utf16le, utf16be, cp1252, latin1 };

  bool decide(bool at_end) {
    std::string_view b(pending_);
    if (b.size() < 3 && !at_end) return false;
    auto starts = [&](std::string_view bom) { return b.substr(0, bom.size()) == bom; };
    std::size_t skip = 0;
    if (starts("\xEF\xBB\xBF")) {
      bom_ = true;
      skip = 3;
      set(Mode::raw, Encoding::utf8);
    } else if (starts("\xFF\xFE")) {
      bom_ = true;
      skip = 2;
      set(Mode::utf16le, Encoding::utf16le);
    } else if (starts("\xFE\xFF")) {
      bom_ = true;
      skip = 2;
      set(Mode::utf16be, Encoding::utf16be);
    } else if (requested_ == Encoding::utf16le || requested_ == Encoding::utf16be) {
      set(requested_ == Encoding::utf16le ? Mode::utf16le : Mode::utf16be, requested_);
    } else if (requested_ == Encoding::windows1252 || requested_ == Encoding::latin1) {
      set(requested_ == Encoding::latin1 ? Mode::latin1 : Mode::cp1252, requested_);
    } else if (requested_ == Encoding::utf8) {
      set(Mode::raw, Encoding::utf8);
    } else {
      // JSON must be UTF-8 and simdjson validates every record it parses
      // (a record with bad bytes is rejected with its position), so JSON is
      // passed through; other text is checked here.
      // (The first non-blank byte within kHeadBytes, as map_file looks.)
      const std::size_t look = std::min(b.size(), kHeadBytes);
      std::size_t i = 0;
      while (i < look && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) ++i;
      if (i == look && !at_end && b.size() < kHeadBytes) return false;
      set(i < look && (b[i] == '{' || b[i] == '[') ? Mode::raw : Mode::utf8_or_1252, Encoding::utf8);
    }
    pending_.erase(0, skip);
    offset_ += skip;
    return true;
  }
  void set(Mode m, Encoding e) {
    mode_ = m;
    encoding_ = e;
  }

  bool convert(const char* p, std::size_t n, bool at_end, Spool& out) {
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    switch (mode_) {
      case Mode::undecided:
      case Mode::raw:
        offset_ += n;
        return n == 0 || out.append(p, n);
      case Mode::cp1252:
      case Mode::latin1:
        out_.clear();
        out_.reserve(n + n / 4);
        for (std::size_t i = 0; i < n; ++i) append_single_byte(out_, u[i], mode_ == Mode::cp1252);
        offset_ += n;
        return out_.empty() || out.append(out_.data(), out_.size());
      case Mode::utf16le:
      case Mode::utf16be: {
        const bool be = mode_ == Mode::utf16be;
        out_.clear();
        out_.reserve(n + n / 2);
        std::size_t i = 0;
        for (; i + 1 < n; i += 2) {
          unsigned v = be ? (unsigned{u[i]} << 8 | u[i + 1]) : (unsigned{u[i + 1]} << 8 | u[i]);
          if (high_surrogate_) {
            if (v >= 0xDC00 && v <= 0xDFFF) {
              append_utf8(out_, 0x10000 + ((high_surrogate_ - 0xD800) << 10) + (v - 0xDC00));
              high_surrogate_ = 0;
              continue;
            }
            append_utf8(out_, 0xFFFD);  // a high surrogate without its low half
            high_surrogate_ = 0;
          }
          if (v >= 0xD800 && v <= 0xDBFF) {
            high_surrogate_ = v;
            continue;
          }
          append_utf8(out_, v >= 0xDC00 && v <= 0xDFFF ? 0xFFFD : v);
        }
        if (i < n) {  // an odd byte: the next chunk completes it
          if (at_end)
            append_utf8(out_, 0xFFFD);
          else
            pending_.assign(p + i, 1);
        }
        offset_ += i;
        return out_.empty() || out.append(out_.data(), out_.size());
      }
      case Mode::utf8_or_1252: {
        // Hold back a sequence cut by the chunk's end.
        std::size_t keep = n;
        if (!at_end) {
          std::size_t back = 0;
          while (back < 3 && back < n && (u[n - 1 - back] & 0xC0) == 0x80) ++back;
          if (back < n && u[n - 1 - back] >= 0xC0 && utf8_sequence(u + n - 1 - back, back + 1) == SIZE_MAX)
            keep = n - 1 - back;
        }
        bool ok = true;
        if (simdjson::validate_utf8(p, keep)) {
          ok = keep == 0 || out.append(p, keep);
        } else {
          out_.clear();
          const std::size_t bad = lenient_utf8(u, keep, out_);
          if (bad != std::string_view::npos && invalid_at_ == std::string_view::npos) invalid_at_ = offset_ + bad;
          ok = out_.empty() || out.append(out_.data(), out_.size());
        }
        if (invalid_at_ != std::string_view::npos) encoding_ = Encoding::windows1252;
        pending_.assign(p + keep, n - keep);
        offset_ += keep;
        return ok;
      }
    }
    return true;
  }

  Encoding requested_, encoding_ = Encoding::utf8;
  Mode mode_ = Mode::undecided;
  bool bom_ = false;
  std::string pending_;  // undecided head, or bytes cut off at a chunk's end
  std::string out_;      // one chunk, converted
  std::uint64_t offset_ = 0;
  std::size_t invalid_at_ = std::string_view::npos;
  unsigned high_surrogate_ = 0;
};

// ---------------------------------------------------------------------------
// Gunzip: all members of a (concatenated) gzip stream, into a decoder. A
// truncated or corrupt stream keeps what was decoded before the damage.

class Gunzip {
 public:
  Gunzip() = default;
  Gunzip(const Gunzip&) = delete;
  Gunzip& operator=(const Gunzip&) = delete;
  ~Gunzip() {
    if (init_) inflateEnd(&zs_);
  }
  // False: stop (the spool stopped, or the data is corrupt: damage()).
  bool feed(const char* p, std::size_t n, Decoder& dec, Spool& out) {
    if (!init_) {
      if (inflateInit2(&zs_, 15 + 32) != Z_OK) {
        damage_ = "cannot initialise the gzip decoder";
        return false;
      }
      init_ = true;
    }
    zs_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(p));
    zs_.avail_in = static_cast<uInt>(n);
    char buf[1 << 16];
    do {
      if (ended_) {
        if (zs_.avail_in == 0) break;
        inflateReset(&zs_);  // another member follows (concatenated .gz)
        ended_ = false;
        member_start_ = consumed_ + (n - zs_.avail_in);
        member_output_ = 0;
      }
      zs_.next_out = reinterpret_cast<Bytef*>(buf);
      zs_.avail_out = sizeof buf;
      const int rc = inflate(&zs_, Z_NO_FLUSH);
      const std::size_t produced = sizeof buf - zs_.avail_out;
      decoded_ += produced;
      member_output_ += produced;
      if (produced > 0 && !dec.feed(buf, produced, out)) return false;
      if (rc == Z_STREAM_END) {
        ended_ = true;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        const std::uint64_t at = consumed_ + (n - zs_.avail_in);
        if (member_start_ > 0 && member_output_ == 0)
          damage_ = "the bytes after the gzip data (from compressed byte " + std::to_string(member_start_) +
                    ") are not gzip data; they are not read";
        else
          damage_ = "corrupt gzip data near compressed byte " + std::to_string(at) + " (" + std::to_string(decoded_) +
                    " bytes decoded before it, all read); the rest is not read";
        return false;
      }
      if (rc == Z_BUF_ERROR && produced == 0) break;  // needs more input
    } while (zs_.avail_in > 0 || zs_.avail_out == 0);
    consumed_ += n;
    return true;
  }
  // End of the compressed bytes: a member left open is a truncated file.
  bool finish() {
    if (init_ && !ended_ && damage_.empty())
      damage_ = "truncated gzip data: the compressed stream ends at byte " + std::to_string(consumed_) +
                " inside a member (" + std::to_string(decoded_) +
                " bytes decoded before the cut, all read); the rest is missing";
    return damage_.empty();
  }
  const std::string& damage() const { return damage_; }

 private:
  z_stream zs_{};
  bool init_ = false, ended_ = false;
  std::uint64_t consumed_ = 0, decoded_ = 0, member_start_ = 0, member_output_ = 0;
  std::string damage_;
};

}  // namespace

// ---------------------------------------------------------------------------

class InputBuilder {
 public:
  // Decoded text of a source read front to back: a stream (pipe), a
  // mapping (.gz or text to transcode) or memory.
  struct Decoding {
    Decoding(const std::string& name, const OpenOptions& o, std::size_t memory_limit)
        : spool(name, o, memory_limit), decoder(o.encoding) {}
    Spool spool;
    Decoder decoder;
    std::unique_ptr<Gunzip> gunzip;
    bool stopped = false;
    bool feed(const char* p, std::size_t n) {
      if (stopped) return false;
      stopped = gunzip ? !gunzip->feed(p, n, decoder, spool) : !decoder.feed(p, n, spool);
      return !stopped;
    }
    // Ends decoding. Returns the damage (empty: none); refused() is checked by the caller.
    std::string finish() {
      if (gunzip && !stopped) gunzip->finish();
      if (!stopped) stopped = !decoder.finish(spool);
      if (!stopped) spool.finish();
      if (gunzip && !gunzip->damage().empty()) return gunzip->damage();
      return spool.damage();
    }
  };

  // Turns a finished decoding into an input: memory, or the temporary file mapped.
  static Result<Input> from_decoding(Input in, Decoding& d, std::string damage, Encoding requested) {
    if (d.spool.refused()) return *d.spool.refused();
    in.lenient_utf8_ = requested == Encoding::auto_detect;
    in.encoding_ = d.decoder.encoding();
    in.bom_ = d.decoder.bom();
    in.invalid_utf8_at_ = d.decoder.invalid_at();
    in.damage_ = std::move(damage);
    if (!d.spool.in_file()) {
      in.owned_ = d.spool.take_memory();
      in.size_ = in.owned_.size();
      in.owned_.append(kInputPadding, '\0');
      in.data_ = in.owned_.data();
      return in;
    }
    const std::string name(in.display_name());
    const std::size_t size = static_cast<std::size_t>(d.spool.size());
    int fd = d.spool.release_fd();
    auto m = map_padded(fd, size, name);
    if (!m.ok()) {
      ::close(fd);
      return m.error();
    }
    adopt_mapping(in, *m, fd, size);
    in.spooled_ = true;
    return in;
  }

  static void adopt_mapping(Input& in, const Mapping& m, int fd, std::size_t size) {
    in.map_ = m.region;
    in.map_len_ = m.len;
    in.data_ = static_cast<const char*>(m.region);
    in.size_ = size;
    in.fd_ = fd;
    in.owns_fd_ = true;
    struct stat st {};
    if (::fstat(fd, &st) == 0) {
      in.opened_size_ = st.st_size;
      in.opened_mtime_ns_ = mtime_ns(st);
    }
    const std::size_t page = page_size();
    in.watch_ = watch_mapping(m.region, ((size + page - 1) / page) * page, fd);
  }

  // A regular file: mapped in place, or decoded from its mapping (.gz,
  // UTF-16, a forced single-byte encoding, or text that is not UTF-8).
  static Result<Input> map_file(Input in, int fd, std::size_t size, const OpenOptions& o) {
    const std::string name(in.display_name());
    in.raw_size_ = size;
    auto m = map_padded(fd, size, name);
    if (!m.ok()) {
      ::close(fd);
      return m.error();
    }
    adopt_mapping(in, *m, fd, size);
    ::madvise(m->region, size, MADV_SEQUENTIAL);
    std::string_view raw(static_cast<const char*>(m->region), size);
    const Encoding enc = o.encoding;
    bool decode = is_gzip(raw) || raw.substr(0, 2) == "\xFF\xFE" || raw.substr(0, 2) == "\xFE\xFF" ||
                  enc == Encoding::utf16le || enc == Encoding::utf16be || enc == Encoding::windows1252 ||
                  enc == Encoding::latin1;
    // JSON skips the whole-file pass (see Decoder::decide); other text
    // without a BOM is validated in chunks whose pages are dropped right
    // after, so even this pass does not make a multi-GB file resident.
    // (Within the first kHeadBytes, as the stream decoder decides.)
    std::size_t first = raw.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    const std::size_t look = std::min(raw.size(), kHeadBytes + first);
    while (first < look && (raw[first] == ' ' || raw[first] == '\t' || raw[first] == '\r' || raw[first] == '\n'))
      ++first;
    const bool looks_json = first < look && (raw[first] == '{' || raw[first] == '[');
    if (!decode && enc == Encoding::auto_detect && !looks_json && raw.substr(0, 3) != "\xEF\xBB\xBF") {
      constexpr std::size_t kValidate = 16u << 20;
      const std::size_t page = page_size();
      for (std::size_t at = 0; at < raw.size() && !decode && !in.stale();) {
        std::size_t end = std::min(raw.size(), at + kValidate);
        // never split a UTF-8 sequence: back up over continuation bytes
        while (end < raw.size() && end > at && (static_cast<unsigned char>(raw[end]) & 0xC0) == 0x80) --end;
        decode = !simdjson::validate_utf8(raw.data() + at, end - at);
        std::size_t drop = (end / page) * page, from = (at / page) * page;
        if (drop > from) ::madvise(static_cast<char*>(m->region) + from, drop - from, MADV_DONTNEED);
        at = end;
      }
    }
    if (!decode) {
      in.encoding_ = Encoding::utf8;
      in.lenient_utf8_ = enc == Encoding::auto_detect;
      if (raw.substr(0, 3) == "\xEF\xBB\xBF") {
        in.bom_ = true;
        in.data_ += 3;
        in.size_ -= 3;
      }
      return in;
    }
    // Decoded from the mapping in chunks whose pages are dropped once read,
    // into a spool: a large .gz or transcoded file is never resident whole.
    Decoding d(name, o, g_spool_memory_limit);
    if (is_gzip(raw)) d.gunzip = std::make_unique<Gunzip>();
    const std::size_t page = page_size();
    for (std::size_t at = 0; at < raw.size() && !in.stale(); at += kChunk) {
      if (!d.feed(raw.data() + at, std::min(kChunk, raw.size() - at))) break;
      const std::size_t done = std::min(raw.size(), at + kChunk);
      const std::size_t from = (at / page) * page, to = (done / page) * page;
      if (to > from) ::madvise(static_cast<char*>(m->region) + from, to - from, MADV_DONTNEED);
    }
    std::string damage = in.stale() ? std::string() : d.finish();
    // The source was read once, here: a change during that read is the
    // decoded text's damage; later changes do not matter.
    std::string changed = change_message(in.watch_, in.fd_, in.opened_size_, in.opened_mtime_ns_);
    if (!changed.empty()) damage = changed;
    const bool gz = d.gunzip != nullptr;
    in.release();  // the mapping and descriptor of the source
    in.map_ = nullptr;
    in.data_ = nullptr;
    in.size_ = 0;
    auto out = from_decoding(std::move(in), d, std::move(damage), enc);
    if (out.ok()) {
      out->gzip_ = gz;
      out->raw_size_ = size;
    }
    return out;
  }

  // A pipe, a character device or an empty-looking file (/proc): read to
  // its end, decompressing gzip (recognised by its magic bytes).
  static Result<Input> read_stream(Input in, int fd, const OpenOptions& o) {
    const std::string name(in.display_name());
    Decoding d(name, o, g_spool_memory_limit);
    char tmp[1 << 16];
    bool first = true;
    std::size_t raw = 0;
    std::string read_error;
    for (;;) {
      ssize_t n = ::read(fd, tmp, sizeof tmp);
      if (n < 0) {
        if (errno == EINTR) continue;
        read_error =
            "read error after " + std::to_string(raw) + " bytes: " + errno_text(errno) + "; the rest is not read";
        break;
      }
      if (n == 0) break;
      std::size_t got = static_cast<std::size_t>(n);
      if (first && got == 1) {  // the magic spans two reads: get one more byte
        ssize_t m;
        do m = ::read(fd, tmp + 1, 1);
        while (m < 0 && errno == EINTR);
        if (m > 0) got += static_cast<std::size_t>(m);
      }
      raw += got;
      if (first) {
        if (is_gzip(std::string_view(tmp, got))) d.gunzip = std::make_unique<Gunzip>();
        first = false;
      }
      if (!d.feed(tmp, got)) break;
    }
    std::string damage = d.finish();
    if (!read_error.empty() && damage.empty()) damage = read_error;
    in.raw_size_ = raw;
    const bool gz = d.gunzip != nullptr;
    auto out = from_decoding(std::move(in), d, std::move(damage), o.encoding);
    if (out.ok()) out->gzip_ = gz;
    return out;
  }

  static Input from_memory(std::string_view bytes, std::string name, Encoding enc) {
    Input in;
    in.path_ = std::move(name);
    in.raw_size_ = bytes.size();
    OpenOptions o;
    o.encoding = enc;
    o.max_decoded = 0;  // tests and sub-documents are small (and the fuzzer's bombs are 64 KiB at most)
    Decoding d(in.path_, o, SIZE_MAX);
    if (is_gzip(bytes)) d.gunzip = std::make_unique<Gunzip>();
    for (std::size_t at = 0; at < bytes.size(); at += kChunk)
      if (!d.feed(bytes.data() + at, std::min(kChunk, bytes.size() - at))) break;
    std::string damage = d.finish();
    const bool gz = d.gunzip != nullptr;
    auto out = from_decoding(std::move(in), d, std::move(damage), enc);
    out->gzip_ = gz;
    return std::move(out.value());
  }
};

std::string_view encoding_name(Encoding e) {
  switch (e) {
    case Encoding::auto_detect:
      return "auto";
    case Encoding::utf8:
      return "utf-8";
    case Encoding::utf16le:
      return "utf-16le";
    case Encoding::utf16be:
      return "utf-16be";
    case Encoding::windows1252:
      return "windows-1252";
    case Encoding::latin1:
      return "iso-8859-1";
  }
  return "?";
}

bool parse_encoding(std::string_view n, Encoding& out) {
  std::string s = normalize_name(n);
  if (s == "auto")
    out = Encoding::auto_detect;
  else if (s == "utf-8" || s == "utf8")
    out = Encoding::utf8;
  else if (s == "utf-16le" || s == "utf16le" || s == "utf-16")
    out = Encoding::utf16le;
  else if (s == "utf-16be" || s == "utf16be")
    out = Encoding::utf16be;
  else if (s == "windows-1252" || s == "cp1252" || s == "win1252")
    out = Encoding::windows1252;
  else if (s == "iso-8859-1" || s == "latin1" || s == "latin-1" || s == "iso8859-1")
    out = Encoding::latin1;
  else
    return false;
  return true;
}

Input::Input(Input&& o) noexcept { *this = std::move(o); }
Input& Input::operator=(Input&& o) noexcept {
  if (this == &o) return *this;
  release();
  // Text inside o's own buffer moves with it; any other text (a mapping, or
  // the parent's bytes for a slice) stays where it is.
  const bool in_owned = o.data_ && o.data_ >= o.owned_.data() && o.data_ <= o.owned_.data() + o.owned_.size();
  const std::size_t owned_offset = in_owned ? static_cast<std::size_t>(o.data_ - o.owned_.data()) : 0;
  path_ = std::move(o.path_);
  owned_ = std::move(o.owned_);
  map_ = o.map_;
  map_len_ = o.map_len_;
  released_ = o.released_;
  populated_ = o.populated_;
  owns_map_ = o.owns_map_;
  size_ = o.size_;
  raw_size_ = o.raw_size_;
  encoding_ = o.encoding_;
  bom_ = o.bom_;
  gzip_ = o.gzip_;
  spooled_ = o.spooled_;
  invalid_utf8_at_ = o.invalid_utf8_at_;
  watch_ = o.watch_;
  fd_ = o.fd_;
  owns_fd_ = o.owns_fd_;
  opened_size_ = o.opened_size_;
  opened_mtime_ns_ = o.opened_mtime_ns_;
  damage_ = std::move(o.damage_);
  lenient_utf8_ = o.lenient_utf8_;
  data_ = in_owned ? owned_.data() + owned_offset : o.data_ ? o.data_ : owned_.data();
  o.map_ = nullptr;
  o.map_len_ = 0;
  o.data_ = nullptr;
  o.size_ = 0;
  o.watch_ = nullptr;
  o.fd_ = -1;
  o.owns_fd_ = false;
  return *this;
}
Input::~Input() { release(); }

std::optional<std::string> Input::damage() const {
  if (!damage_.empty()) return damage_;
  std::string changed = change_message(watch_, fd_, opened_size_, opened_mtime_ns_);
  if (!changed.empty()) return changed;
  return std::nullopt;
}

bool Input::stale() const { return watch_ && watch_->fault.load(std::memory_order_relaxed) != SIZE_MAX; }

void Input::release_before(std::size_t offset) const {
  if (!map_) return;
  // Batch the syscalls, but keep little mapped: each reading thread holds
  // at most about kStep behind and kStep ahead (peak RSS scales with threads).
  constexpr std::size_t kStep = 2u << 20;
  std::size_t page = page_size();
  std::size_t base = static_cast<std::size_t>(data_ - static_cast<const char*>(map_));  // BOM skip
  std::size_t end = ((base + offset) / page) * page;
#ifdef MADV_POPULATE_READ
  // Map the pages ahead in one call instead of faulting them in one by one
  // (a fault per 64 KiB costs as much as parsing it on a virtual machine).
  // A file cut short fails this call (EFAULT); the read that follows then
  // faults and the SIGBUS watch takes over.
  if (populated_ < end + kStep / 2 && populated_ != SIZE_MAX) {
    std::size_t file_end = ((base + size_ + page - 1) / page) * page;
    std::size_t from = std::max(populated_, end);
    std::size_t to = std::min(file_end, end + kStep);
    if (to > from && ::madvise(static_cast<char*>(map_) + from, to - from, MADV_POPULATE_READ) != 0)
      populated_ = SIZE_MAX;  // not supported here: fault as usual
    else
      populated_ = to;
  }
#endif
  if (end < released_ + kStep) return;
  ::madvise(static_cast<char*>(map_) + released_, end - released_, MADV_DONTNEED);
  released_ = end;
}

Input Input::slice(std::size_t begin, std::size_t end) const {
  Input s;
  s.path_ = path_;
  s.data_ = data_ + begin;
  s.size_ = end - begin;
  s.raw_size_ = end - begin;
  s.map_ = map_;
  s.map_len_ = map_len_;
  s.owns_map_ = false;
  s.encoding_ = encoding_;
  s.gzip_ = gzip_;
  s.spooled_ = spooled_;
  s.watch_ = watch_;
  s.fd_ = fd_;
  s.owns_fd_ = false;
  s.opened_size_ = opened_size_;
  s.opened_mtime_ns_ = opened_mtime_ns_;
  s.damage_ = damage_;
  s.lenient_utf8_ = lenient_utf8_;
  if (map_) {
    std::size_t page = page_size();
    s.released_ = ((static_cast<std::size_t>(s.data_ - static_cast<const char*>(map_))) / page) * page;
    s.populated_ = s.released_;
  }
  return s;
}

void Input::release() {
  if (map_ && owns_map_) {
    unwatch(watch_);  // before the range can be reused by another mapping
    ::munmap(map_, map_len_);
  }
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
  map_ = nullptr;
  map_len_ = 0;
  watch_ = nullptr;
  fd_ = -1;
  owns_fd_ = false;
}

Input Input::from_string(std::string_view bytes, std::string name, Encoding enc) {
  return InputBuilder::from_memory(bytes, std::move(name), enc);
}

void append_utf8_lenient(std::string& out, std::string_view bytes) {
  lenient_utf8(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), out);
}

void set_spool_memory_limit(std::size_t bytes) { g_spool_memory_limit = bytes; }
void set_spool_free_space_reserve(std::uint64_t bytes) { g_spool_reserve = bytes; }

Result<Input> open_input(const std::string& path, Encoding enc) {
  OpenOptions o;
  o.encoding = enc;
  return open_input(path, o);
}

Result<Input> open_input(const std::string& path, const OpenOptions& o) {
  Input in;
  in.path_ = path;
  struct stat st0 {};
  if (path == "-" && ::fstat(0, &st0) == 0 && S_ISREG(st0.st_mode) && st0.st_size > 0 && ::lseek(0, 0, SEEK_CUR) == 0) {
    // `idtriage … - < file`: map the file behind stdin instead of copying it.
    auto mapped = open_input("/proc/self/fd/0", o);
    if (mapped.ok()) {
      mapped->path_ = "-";
      return mapped;
    }
  }
  int fd = 0;
  if (path != "-") {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      const int e = errno;
      if (e == ENOENT && looks_like_glob(path))  // the shell found no match and passed the pattern on
        return Error{path + ": no file matches this pattern"};
      return Error{path + ": cannot open: " + errno_text(e)};
    }
  }
  const std::string name(in.display_name());
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int e = errno;
    if (fd) ::close(fd);
    return Error{name + ": cannot stat: " + errno_text(e)};
  }
  if (S_ISDIR(st.st_mode)) {
    if (fd) ::close(fd);
    // Commands read a directory's files (expand_directories): one reaching
    // here holds none.
    return Error{name + (!any_file_under(path) ? ": is a directory with no files to read (hidden ones are skipped)"
                                               : ": is a directory")};
  }
  if (path == "-" || !S_ISREG(st.st_mode) || st.st_size == 0) {
    // pipes, /dev/stdin, devices, empty files: read (and gunzip) into a spool
    auto r = InputBuilder::read_stream(std::move(in), fd, o);
    if (fd) ::close(fd);
    return r;
  }
  return InputBuilder::map_file(std::move(in), fd, static_cast<std::size_t>(st.st_size), o);
}

}  // namespace idt
