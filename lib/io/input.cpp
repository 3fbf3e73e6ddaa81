// Why: see input.h. mmap trick: reserve file+padding as anonymous zero pages,
// then map the file over the front, so the padding never faults.
#include "io/input.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include <simdjson.h>

#include "util/text.h"

namespace idt {
namespace {
std::string errno_text(int e);
std::size_t g_spool_memory_limit = 32u << 20;
}  // namespace

// Bytes of unknown size (a pipe, a .gz stream) are collected in memory up to
// g_spool_memory_limit, then moved to an unlinked temporary file that is
// mapped like any file: gigabytes from a pipe or a .gz never sit in RAM.
class Spool {
 public:
  explicit Spool(std::string name, std::size_t memory_limit = g_spool_memory_limit)
      : name_(std::move(name)), limit_(memory_limit) {}
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;
  ~Spool() {
    if (fd_ >= 0) ::close(fd_);
  }

  Result<bool> append(const char* p, std::size_t n) {
    if (fd_ < 0 && mem_.size() + n <= limit_) {
      mem_.append(p, n);
      return true;
    }
    if (fd_ < 0) {
      if (auto r = open_temp(); !r.ok()) return r.error();
      if (auto r = write_all(mem_.data(), mem_.size()); !r.ok()) return r.error();
      std::string().swap(mem_);
    }
    return write_all(p, n);
  }
  bool in_file() const { return fd_ >= 0; }
  int release_fd() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }
  std::size_t file_size() const { return file_size_; }
  std::string take_memory() { return std::move(mem_); }

 private:
  Result<bool> open_temp() {
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
    if (fd_ < 0)
      return Error{name_ + ": input too large for memory and cannot create a temporary file in " + dir + ": " +
                   errno_text(errno)};
    dir_ = dir;
    return true;
  }
  Result<bool> write_all(const char* p, std::size_t n) {
    while (n > 0) {
      ssize_t w = ::write(fd_, p, n);
      if (w < 0) {
        if (errno == EINTR) continue;
        return Error{name_ + ": cannot write the temporary copy in " + dir_ + ": " + errno_text(errno)};
      }
      p += w;
      n -= static_cast<std::size_t>(w);
      file_size_ += static_cast<std::size_t>(w);
    }
    return true;
  }

  std::string name_, dir_;
  std::size_t limit_;
  std::string mem_;
  int fd_ = -1;
  std::size_t file_size_ = 0;
};

namespace {

std::string errno_text(int e) { return std::strerror(e); }

bool is_gzip(std::string_view b) {
  return b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1f && static_cast<unsigned char>(b[1]) == 0x8b;
}

// Streaming gzip decoder (all members of a concatenated stream) into a spool.
class Gunzip {
 public:
  explicit Gunzip(std::string name) : name_(std::move(name)) {}
  ~Gunzip() {
    if (init_) inflateEnd(&zs_);
  }
  Result<bool> feed(const char* p, std::size_t n, Spool& out) {
    if (!init_) {
      if (inflateInit2(&zs_, 15 + 32) != Z_OK) return Error{name_ + ": cannot initialise gzip decoder"};
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
      }
      zs_.next_out = reinterpret_cast<Bytef*>(buf);
      zs_.avail_out = sizeof buf;
      int rc = inflate(&zs_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END)
        ended_ = true;
      else if (rc != Z_OK && rc != Z_BUF_ERROR)
        return Error{name_ + ": corrupt or truncated gzip data near compressed byte " + std::to_string(zs_.total_in)};
      std::size_t produced = sizeof buf - zs_.avail_out;
      if (auto r = out.append(buf, produced); !r.ok()) return r.error();
      if (rc == Z_BUF_ERROR && produced == 0) break;  // needs more input
    } while (zs_.avail_in > 0 || zs_.avail_out == 0);
    return true;
  }
  Result<bool> finish() const {
    if (!ended_) return Error{name_ + ": truncated gzip data (stream ended early)"};
    return true;
  }

 private:
  std::string name_;
  z_stream zs_{};
  bool init_ = false, ended_ = false;
};

// `mapped`: `in` is a private file mapping whose pages are dropped once
// decoded, so a large .gz is never resident as a whole either.
Result<bool> gunzip_into(std::string_view in, const std::string& name, Spool& out, bool mapped = false) {
  Gunzip g(name);
  constexpr std::size_t kChunk = 1u << 20;
  const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  const auto base = reinterpret_cast<std::uintptr_t>(in.data());
  for (std::size_t at = 0; at < in.size(); at += kChunk) {
    if (auto r = g.feed(in.data() + at, std::min(kChunk, in.size() - at), out); !r.ok()) return r.error();
    const std::size_t done = std::min(in.size(), at + kChunk);
    if (mapped && base % page == 0 && done / page > 0)
      ::madvise(const_cast<char*>(in.data()) + (at / page) * page, (done / page) * page - (at / page) * page,
                MADV_DONTNEED);
  }
  return g.finish();
}

// Reads a descriptor to its end into a spool, decompressing gzip on the fly
// (recognised by its magic bytes). `raw` counts the bytes read.
Result<bool> spool_fd(int fd, const std::string& name, Spool& out, bool& gzip, std::size_t& raw) {
  std::unique_ptr<Gunzip> g;
  char tmp[1 << 16];
  bool first = true;
  for (;;) {
    ssize_t n = ::read(fd, tmp, sizeof tmp);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Error{name + ": read error: " + errno_text(errno)};
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
      gzip = is_gzip(std::string_view(tmp, got));
      if (gzip) g = std::make_unique<Gunzip>(name);
      first = false;
    }
    if (g) {
      if (auto r = g->feed(tmp, got, out); !r.ok()) return r.error();
    } else if (auto r = out.append(tmp, got); !r.ok()) {
      return r.error();
    }
  }
  if (g) return g->finish();
  return true;
}

std::string from_utf16(std::string_view in, bool big_endian) {
  std::string out;
  out.reserve(in.size());
  auto unit = [&](std::size_t i) -> unsigned {
    auto a = static_cast<unsigned char>(in[i]), b = static_cast<unsigned char>(in[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  for (std::size_t i = 0; i + 1 < in.size(); i += 2) {
    unsigned u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < in.size()) {
      unsigned lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) u = 0xFFFD;
    append_utf8(out, u);
  }
  if (in.size() % 2) append_utf8(out, 0xFFFD);
  return out;
}

std::string from_single_byte(std::string_view in, bool cp1252) {
  // Windows-1252 0x80..0x9F; 0 = undefined (kept as U+FFFD).
  static constexpr unsigned short w1252[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                               0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                               0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                               0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  std::string out;
  out.reserve(in.size() + in.size() / 8);
  for (unsigned char c : in) {
    if (c < 0x80)
      out += static_cast<char>(c);
    else if (cp1252 && c < 0xA0)
      append_utf8(out, w1252[c - 0x80] ? w1252[c - 0x80] : 0xFFFD);
    else
      append_utf8(out, c);
  }
  return out;
}

}  // namespace

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
  data_ = in_owned ? owned_.data() + owned_offset : o.data_ ? o.data_ : owned_.data();
  o.map_ = nullptr;
  o.map_len_ = 0;
  o.data_ = nullptr;
  o.size_ = 0;
  return *this;
}
Input::~Input() { release(); }

void Input::release_before(std::size_t offset) const {
  if (!map_) return;
  // Batch the syscalls, but keep little mapped: each reading thread holds
  // at most about kStep behind and kStep ahead (peak RSS scales with threads).
  constexpr std::size_t kStep = 2u << 20;
  std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  std::size_t base = static_cast<std::size_t>(data_ - static_cast<const char*>(map_));  // BOM skip
  std::size_t end = ((base + offset) / page) * page;
#ifdef MADV_POPULATE_READ
  // Map the pages ahead in one call instead of faulting them in one by one
  // (a fault per 64 KiB costs as much as parsing it on a virtual machine).
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
  if (map_) {
    std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    s.released_ = ((static_cast<std::size_t>(s.data_ - static_cast<const char*>(map_))) / page) * page;
    s.populated_ = s.released_;
  }
  return s;
}

void Input::release() {
  if (map_ && owns_map_) ::munmap(map_, map_len_);
  map_ = nullptr;
  map_len_ = 0;
}

// Takes raw bytes (already decompressed), strips BOM, transcodes to UTF-8.
void Input::adopt_owned(std::string&& buf, Encoding enc) {
  std::string_view b(buf);
  auto starts = [&](const char* bom, std::size_t n) { return b.size() >= n && std::memcmp(b.data(), bom, n) == 0; };
  std::string text;
  bool converted = false;
  if (starts("\xEF\xBB\xBF", 3)) {
    bom_ = true;
    buf.erase(0, 3);
    encoding_ = Encoding::utf8;
  } else if (starts("\xFF\xFE", 2)) {
    bom_ = true;
    text = from_utf16(b.substr(2), false);
    encoding_ = Encoding::utf16le;
    converted = true;
  } else if (starts("\xFE\xFF", 2)) {
    bom_ = true;
    text = from_utf16(b.substr(2), true);
    encoding_ = Encoding::utf16be;
    converted = true;
  } else if (enc == Encoding::utf16le || enc == Encoding::utf16be) {
    text = from_utf16(b, enc == Encoding::utf16be);
    encoding_ = enc;
    converted = true;
  } else if (enc == Encoding::windows1252 || enc == Encoding::latin1) {
    text = from_single_byte(b, enc == Encoding::windows1252);
    encoding_ = enc;
    converted = true;
  } else if (enc == Encoding::auto_detect && (invalid_utf8_at_ = find_invalid_utf8(b)) != std::string_view::npos) {
    text = from_single_byte(b, true);
    encoding_ = Encoding::windows1252;
    converted = true;
  } else {
    encoding_ = Encoding::utf8;
  }
  if (converted) buf = std::move(text);
  size_ = buf.size();
  buf.append(kInputPadding, '\0');
  owned_ = std::move(buf);
  data_ = owned_.data();
}

Input Input::from_string(std::string_view bytes, std::string name, Encoding enc) {
  Input in;
  in.path_ = std::move(name);
  in.raw_size_ = bytes.size();
  std::string buf(bytes);
  if (is_gzip(buf)) {
    Spool sp(in.path_, SIZE_MAX);  // in memory: tests and sub-documents are small
    if (gunzip_into(buf, in.path_, sp).ok()) {
      buf = sp.take_memory();
      in.gzip_ = true;
    }
  }
  in.adopt_owned(std::move(buf), enc);
  return in;
}

void set_spool_memory_limit(std::size_t bytes) { g_spool_memory_limit = bytes; }

// A spool holds the decoded bytes of a pipe or a .gz: small ones in memory,
// large ones in an unlinked temporary file, mapped like any file.
Result<Input> Input::from_spool(Input in, Spool& sp, Encoding enc) {
  if (!sp.in_file()) {
    in.adopt_owned(sp.take_memory(), enc);
    return in;
  }
  std::size_t raw = in.raw_size_;
  bool gzip = in.gzip_;
  auto mapped = map_fd(std::move(in), sp.release_fd(), sp.file_size(), enc);
  if (!mapped.ok()) return mapped;
  mapped->raw_size_ = raw;
  mapped->gzip_ = gzip;
  mapped->spooled_ = true;
  return mapped;
}

Result<Input> open_input(const std::string& path, Encoding enc) {
  Input in;
  in.path_ = path;
  struct stat st0 {};
  if (path == "-" && ::fstat(0, &st0) == 0 && S_ISREG(st0.st_mode) && st0.st_size > 0 && ::lseek(0, 0, SEEK_CUR) == 0) {
    // `idtriage … - < file`: map the file behind stdin instead of copying it.
    auto mapped = open_input("/proc/self/fd/0", enc);
    if (mapped.ok()) {
      mapped->path_ = "-";
      return mapped;
    }
  }
  int fd = 0;
  if (path != "-") {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Error{path + ": cannot open: " + errno_text(errno)};
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
    return Error{name + ": is a directory"};
  }
  if (path == "-" || !S_ISREG(st.st_mode) || st.st_size == 0) {
    // pipes, /dev/stdin, empty files: read (and gunzip) into a spool
    Spool sp(name);
    bool gzip = false;
    std::size_t raw = 0;
    auto r = spool_fd(fd, name, sp, gzip, raw);
    if (fd) ::close(fd);
    if (!r.ok()) return r.error();
    in.raw_size_ = raw;
    in.gzip_ = gzip;
    return Input::from_spool(std::move(in), sp, enc);
  }
  return Input::map_fd(std::move(in), fd, static_cast<std::size_t>(st.st_size), enc);
}

// Maps a regular file (and closes fd). The file behind a .gz, UTF-16 or
// non-UTF-8 text is decoded instead (a .gz through a spool).
Result<Input> Input::map_fd(Input in, int fd, std::size_t file_size, Encoding enc) {
  const std::string path(in.display_name());
  const std::size_t size = file_size;
  in.raw_size_ = size;
  std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  std::size_t len = ((size + kInputPadding + page - 1) / page) * page;
  void* region = ::mmap(nullptr, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (region == MAP_FAILED) {
    int e = errno;
    ::close(fd);
    return Error{path + ": cannot map: " + errno_text(e)};
  }
  void* file = ::mmap(region, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0);
  ::close(fd);
  if (file == MAP_FAILED) {
    int e = errno;
    ::munmap(region, len);
    return Error{path + ": cannot map: " + errno_text(e)};
  }
  ::madvise(region, size, MADV_SEQUENTIAL);
  std::string_view raw(static_cast<const char*>(region), size);
  bool needs_copy =
      is_gzip(raw) || (raw.size() >= 2 && (raw.substr(0, 2) == "\xFF\xFE" || raw.substr(0, 2) == "\xFE\xFF")) ||
      enc == Encoding::utf16le || enc == Encoding::utf16be || enc == Encoding::windows1252 || enc == Encoding::latin1;
  // JSON must be UTF-8 and simdjson validates every record it parses (an
  // invalid record is rejected with its position), so JSON skips the
  // whole-file pass; other text is checked here to decide on the
  // Windows-1252 fallback.
  std::size_t first = raw.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (first < raw.size() && (raw[first] == ' ' || raw[first] == '\t' || raw[first] == '\r' || raw[first] == '\n'))
    ++first;
  bool looks_json = first < raw.size() && (raw[first] == '{' || raw[first] == '[');
  if (!needs_copy && enc == Encoding::auto_detect && !looks_json) {
    // Only pay for a full validation scan when something looks non-ASCII;
    // simdjson validates JSON strings itself, CSV text is checked here.
    // Validated in chunks whose pages are dropped right after, so even this
    // pass does not make a multi-GB file resident.
    constexpr std::size_t kChunk = 16u << 20;
    std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    for (std::size_t at = 0; at < raw.size() && !needs_copy;) {
      std::size_t end = std::min(raw.size(), at + kChunk);
      // never split a UTF-8 sequence: back up over continuation bytes
      while (end < raw.size() && end > at && (static_cast<unsigned char>(raw[end]) & 0xC0) == 0x80) --end;
      needs_copy = !simdjson::validate_utf8(raw.data() + at, end - at);
      std::size_t drop = (end / page) * page;
      std::size_t from = (at / page) * page;
      if (drop > from) ::madvise(static_cast<char*>(region) + from, drop - from, MADV_DONTNEED);
      at = end;
    }
  }
  if (is_gzip(raw)) {  // decoded straight from the mapping, in bounded memory
    Spool sp(path);
    auto g = gunzip_into(raw, path, sp, true);
    ::munmap(region, len);
    if (!g.ok()) return g.error();
    in.gzip_ = true;
    return from_spool(std::move(in), sp, enc);
  }
  if (needs_copy) {
    std::string buf(raw);
    ::munmap(region, len);
    in.adopt_owned(std::move(buf), enc);
    return in;
  }
  in.map_ = region;
  in.map_len_ = len;
  in.data_ = static_cast<const char*>(region);
  in.size_ = size;
  in.encoding_ = Encoding::utf8;
  if (raw.size() >= 3 && raw.substr(0, 3) == "\xEF\xBB\xBF") {
    in.bom_ = true;
    in.data_ += 3;
    in.size_ -= 3;
  }
  return in;
}

}  // namespace idt
