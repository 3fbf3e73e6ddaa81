// Why: inputs are hostile (docs/security.md). A mapped file cut short while it
// is read must not kill the process (SIGBUS) but say where reading stopped;
// a file changed in place must be noticed; decoding must stay within its
// limits (--max-decoded, free space, the head check before spooling) and
// transcode as a stream, chunk boundaries included. Each case is built here
// from bytes; none needs a large file in the repository.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "gzip_bytes.h"
#include "io/input.h"

using namespace idt;
using idt::test::gzip_bytes;

namespace {

struct Scratch {
  std::string path;
  explicit Scratch(std::string_view bytes) {
    char tmpl[] = "/tmp/idt_faults_test_XXXXXX";
    int fd = mkstemp(tmpl);
    REQUIRE(fd >= 0);
    ::close(fd);
    path = tmpl;
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  ~Scratch() { std::remove(path.c_str()); }
  void truncate(std::size_t size) const { REQUIRE(::truncate(path.c_str(), static_cast<off_t>(size)) == 0); }
};

struct SpoolMemory {
  explicit SpoolMemory(std::size_t bytes) { set_spool_memory_limit(bytes); }
  ~SpoolMemory() { set_spool_memory_limit(32u << 20); }
};

struct SpoolReserve {
  explicit SpoolReserve(std::uint64_t bytes) { set_spool_free_space_reserve(bytes); }
  ~SpoolReserve() { set_spool_free_space_reserve(UINT64_MAX); }
};

std::size_t page() { return static_cast<std::size_t>(sysconf(_SC_PAGESIZE)); }

// Sums bytes so the compiler cannot drop the reads.
std::uint64_t touch(std::string_view t) {
  std::uint64_t s = 0;
  for (std::size_t i = 0; i < t.size(); i += 512) s += static_cast<unsigned char>(t[i]);
  return s;
}

std::string lines(std::size_t bytes) {
  std::string s;
  for (int i = 0; s.size() < bytes; ++i) s += "line " + std::to_string(i) + " " + std::string(50, 'a' + i % 26) + "\n";
  return s;
}

}  // namespace

TEST_CASE("a mapped file truncated while it is read: zeros past the cut, damage with the position", "[io][faults]") {
  const std::string text = lines(16 * page());
  Scratch f(text);
  auto in = open_input(f.path);
  REQUIRE(in.ok());
  REQUIRE(in->text().size() == text.size());
  CHECK_FALSE(in->stale());
  CHECK_FALSE(in->damage());
  // Another process cuts the file to three pages; the pages were never read.
  f.truncate(3 * page() + 100);
  std::string_view t = in->text();
  CHECK(t.substr(0, 100) == std::string_view(text).substr(0, 100));  // before the cut: the data
  (void)touch(t);                                                     // past it: SIGBUS without the watch
  CHECK(t[8 * page()] == '\0');
  CHECK(t[t.size() - 1] == '\0');
  CHECK(in->stale());
  auto d = in->damage();
  REQUIRE(d);
  INFO(*d);
  // The first lost byte: at or past the cut (a kernel may keep the rest of a
  // large folio that straddles the new end readable, as zeros).
  const std::string lead = "changed or truncated while reading: byte ";
  REQUIRE(d->find(lead) == 0);
  const std::size_t lost = std::stoull(d->substr(lead.size()));
  CHECK(lost >= 3 * page() + 100);
  CHECK(lost < text.size());
  CHECK(lost % page() == 0);
  CHECK(d->find(" and after could not be read") != std::string::npos);
  CHECK(d->find("it had " + std::to_string(text.size()) + " bytes when opened, " +
                std::to_string(3 * page() + 100) + " now") != std::string::npos);
  // A slice sees the same damage.
  Input s = in->slice(0, 10);
  CHECK(s.stale());
  CHECK(s.damage());
}

TEST_CASE("a mapped file changed in place (same size) is reported after reading", "[io][faults]") {
  const std::string text = lines(4 * page());
  Scratch f(text);
  auto in = open_input(f.path);
  REQUIRE(in.ok());
  (void)touch(in->text());
  struct timespec later[2] = {{0, UTIME_OMIT}, {time(nullptr) + 5, 0}};
  {
    std::fstream io(f.path, std::ios::in | std::ios::out | std::ios::binary);
    io.seekp(10);
    io.write("CHANGED", 7);
  }
  REQUIRE(::utimensat(AT_FDCWD, f.path.c_str(), later, 0) == 0);  // coarse clocks: make the change visible
  CHECK_FALSE(in->stale());                                        // nothing was cut
  auto d = in->damage();
  REQUIRE(d);
  CHECK(d->find("changed or truncated while reading (it had " + std::to_string(text.size()) + " bytes when opened, " +
                std::to_string(text.size()) + " now, modified)") == 0);
}

TEST_CASE("a .gz or transcoded file cut while it is decoded keeps the text before the cut", "[io][faults]") {
  // The head check runs after the first 64 KiB are decoded: it cuts the
  // source file there, as another process could at any time.
  std::string text = lines(4u << 20);
  for (bool gz : {true, false}) {
    INFO("gzip " << gz);
    std::string bytes = text;
    if (!gz) bytes[10] = '\xE9';  // not UTF-8: transcoded from the mapping
    Scratch f(gz ? gzip_bytes(text, 0) : bytes);  // level 0: the source is as large as the text
    OpenOptions o;
    o.check_head = [&](std::string_view head) {
      CHECK(head.size() == kHeadBytes);
      f.truncate(1u << 20);
      return std::string();
    };
    auto in = open_input(f.path, o);
    REQUIRE(in.ok());
    auto d = in->damage();
    REQUIRE(d);
    CHECK(d->find("changed or truncated while reading: byte ") == 0);
    CHECK(in->text().size() < text.size());
    CHECK(in->text().size() >= kHeadBytes);
    if (gz) CHECK(std::string_view(text).substr(0, 1000) == in->text().substr(0, 1000));
  }
}

TEST_CASE("the head check refuses an input before anything is spooled", "[io][faults]") {
  SpoolMemory small(4096);  // would go to a temporary file after 4 KiB
  std::string zeros(8u << 20, '\0');
  Scratch bomb(gzip_bytes(zeros, 9));
  CHECK(bomb.path.size() > 0);
  int calls = 0;
  OpenOptions o;
  o.check_head = [&](std::string_view head) {
    ++calls;
    CHECK(head.size() == kHeadBytes);
    CHECK(head.find_first_not_of('\0') == std::string_view::npos);
    return std::string("binary data");
  };
  auto in = open_input(bomb.path, o);
  REQUIRE_FALSE(in.ok());
  CHECK(in.error().message == bomb.path + ": binary data");
  CHECK(calls == 1);
  // Short inputs are checked at their end.
  Scratch small_gz(gzip_bytes("tiny"));
  o.check_head = [&](std::string_view head) {
    CHECK(head == "tiny");
    return std::string("unrecognised");
  };
  CHECK_FALSE(open_input(small_gz.path, o).ok());
}

TEST_CASE("a decoding limit (--max-decoded) stops decoding and keeps what came before", "[io][faults]") {
  std::string text = lines(1u << 20);
  Scratch gz(gzip_bytes(text));
  OpenOptions o;
  o.max_decoded = 100000;
  auto in = open_input(gz.path, o);
  REQUIRE(in.ok());
  CHECK(in->text() == std::string_view(text).substr(0, 100000));
  REQUIRE(in->damage());
  CHECK(*in->damage() == "decodes to more than 97.7 KiB (--max-decoded); the text after that is not read");
  o.max_decoded = 0;  // no limit
  auto all = open_input(gz.path, o);
  REQUIRE(all.ok());
  CHECK(all->text() == text);
  CHECK_FALSE(all->damage());
}

TEST_CASE("spooling stops short of the free-space reserve", "[io][faults]") {
  SpoolMemory small(64 * 1024);
  std::string text = lines(2u << 20);
  Scratch gz(gzip_bytes(text));
  {
    SpoolReserve all(UINT64_MAX - 1);  // no file system has that much: nothing goes to disk
    auto in = open_input(gz.path);
    REQUIRE(in.ok());
    CHECK_FALSE(in->spooled());
    CHECK(in->text().size() >= 64 * 1024);  // what was held in memory is kept
    CHECK(in->text().size() < text.size());
    REQUIRE(in->damage());
    CHECK(in->damage()->find("the temporary copy in") != std::string::npos);
    CHECK(in->damage()->find("would leave less than") != std::string::npos);
  }
  SpoolReserve none(0);
  auto in = open_input(gz.path);
  REQUIRE(in.ok());
  CHECK(in->spooled());
  CHECK(in->text() == text);
  CHECK_FALSE(in->damage());
}

TEST_CASE("transcoding streams: chunk boundaries inside UTF-16 pairs and UTF-8 sequences", "[io][faults]") {
  // Over 1 MiB so the mapping is decoded in several chunks; the odd
  // lengths put surrogate pairs and multi-byte sequences across them.
  std::u16string u16;
  std::string want;
  for (int i = 0; want.size() < (3u << 20); ++i) {
    u16 += u"a\u00E9";
    want += "a\xC3\xA9";
    if (i % 7 == 0) {
      u16 += u"\U0001F600";
      want += "\xF0\x9F\x98\x80";
    }
  }
  std::string le = "\xFF\xFE";
  for (char16_t c : u16) {
    le += static_cast<char>(c & 0xFF);
    le += static_cast<char>(c >> 8);
  }
  Scratch f16(le);
  auto in16 = open_input(f16.path);
  REQUIRE(in16.ok());
  CHECK(in16->source_encoding() == Encoding::utf16le);
  CHECK(in16->text() == want);
  CHECK_FALSE(in16->damage());

  // UTF-8 text with one stray Windows-1252 byte: only that byte changes.
  std::string utf8;
  for (int i = 0; utf8.size() < (3u << 20) + 5; ++i) utf8 += i % 3 ? "caf\xC3\xA9;" : "\xE2\x82\xAC;";
  const std::size_t at = utf8.find(';', 2u << 20) + 1;
  std::string bad = utf8;
  bad.insert(at, "\x93");  // a curly quote in Windows-1252
  std::string expect = utf8;
  expect.insert(at, "\xE2\x80\x9C");
  for (std::size_t mem : {std::size_t{32} << 20, std::size_t{64} << 10}) {
    INFO("spool memory " << mem);
    SpoolMemory limit(mem);
    Scratch f8(bad);
    auto in8 = open_input(f8.path);
    REQUIRE(in8.ok());
    CHECK(in8->source_encoding() == Encoding::windows1252);
    CHECK(in8->invalid_utf8_at() == at);
    CHECK(in8->text() == expect);
    CHECK(in8->spooled() == (mem < expect.size()));
  }
}
