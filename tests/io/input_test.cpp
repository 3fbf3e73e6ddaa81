// Why: every parser relies on Input giving it padded UTF-8, whatever the
// bytes were (BOM, UTF-16, Windows-1252, gzip, mmapped file); each decoding
// path is pinned here with bytes built by hand or with zlib.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "gzip_bytes.h"
#include "io/input.h"

using namespace idt;
namespace fs = std::filesystem;
using idt::test::gzip_bytes;

namespace {

// A temporary file removed at scope exit.
struct TempFile {
  std::string path;
  explicit TempFile(std::string_view bytes, const char* suffix = "") {
    char tmpl[] = "/tmp/idt_input_test_XXXXXX";
    int fd = mkstemp(tmpl);
    REQUIRE(fd >= 0);
    ::close(fd);
    path = std::string(tmpl) + suffix;
    if (*suffix) std::rename(tmpl, path.c_str());
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  ~TempFile() { std::remove(path.c_str()); }
};

bool padding_is_zero(const Input& in) {
  const char* end = in.text().data() + in.text().size();
  for (std::size_t i = 0; i < kInputPadding; ++i)
    if (end[i] != '\0') return false;
  return true;
}

std::string utf16(std::u16string_view s, bool be, bool bom = true) {
  std::string out;
  if (bom) out = be ? "\xFE\xFF" : "\xFF\xFE";
  for (char16_t c : s) {
    char hi = static_cast<char>(c >> 8), lo = static_cast<char>(c & 0xFF);
    if (be) {
      out += hi;
      out += lo;
    } else {
      out += lo;
      out += hi;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("from_string: plain UTF-8 is kept, padded with zeros", "[io][input]") {
  Input in = Input::from_string("a,b\n1,2\n", "x.csv");
  CHECK(in.text() == "a,b\n1,2\n");
  CHECK(in.path() == "x.csv");
  CHECK(in.source_encoding() == Encoding::utf8);
  CHECK_FALSE(in.had_bom());
  CHECK_FALSE(in.was_gzip());
  CHECK(in.invalid_utf8_at() == std::string_view::npos);
  CHECK(padding_is_zero(in));
  Input empty = Input::from_string("");
  CHECK(empty.text().empty());
  CHECK(padding_is_zero(empty));
}

TEST_CASE("from_string: UTF-8 BOM is removed", "[io][input]") {
  Input in = Input::from_string("\xEF\xBB\xBF{\"value\":[]}");
  CHECK(in.had_bom());
  CHECK(in.text() == "{\"value\":[]}");
  CHECK(in.source_encoding() == Encoding::utf8);
  CHECK(padding_is_zero(in));
}

TEST_CASE("from_string: UTF-16LE and UTF-16BE with BOM become UTF-8", "[io][input]") {
  // "Zürich,€,😀\n": ü U+00FC, € U+20AC, 😀 U+1F600 as a surrogate pair.
  std::u16string_view s = u"Z\u00FCrich,\u20AC,\U0001F600\n";
  const std::string want = "Z\xC3\xBCrich,\xE2\x82\xAC,\xF0\x9F\x98\x80\n";
  Input le = Input::from_string(utf16(s, false));
  CHECK(le.text() == want);
  CHECK(le.source_encoding() == Encoding::utf16le);
  CHECK(le.had_bom());
  CHECK(padding_is_zero(le));
  Input be = Input::from_string(utf16(s, true));
  CHECK(be.text() == want);
  CHECK(be.source_encoding() == Encoding::utf16be);
  // Forced UTF-16LE without a BOM.
  Input forced = Input::from_string(utf16(u"ab", false, false), "<m>", Encoding::utf16le);
  CHECK(forced.text() == "ab");
  // A lone surrogate and an odd trailing byte become U+FFFD.
  std::string bad = utf16(u"a", false) + std::string("\x00\xD8", 2) + "b";
  Input broken = Input::from_string(bad);
  CHECK(broken.text() == "a\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("from_string: invalid UTF-8 falls back to Windows-1252", "[io][input]") {
  // 0xE9 = é, 0x80 = €, 0x93/0x94 = curly quotes in Windows-1252.
  Input in = Input::from_string("caf\xE9 \x80 \x93ok\x94");
  CHECK(in.source_encoding() == Encoding::windows1252);
  CHECK(in.invalid_utf8_at() == 3);
  CHECK(in.text() == "caf\xC3\xA9 \xE2\x82\xAC \xE2\x80\x9Cok\xE2\x80\x9D");
  // Forced ISO-8859-1 maps 0x80 to U+0080, not €.
  Input latin = Input::from_string("\x80\xE9", "<m>", Encoding::latin1);
  CHECK(latin.text() == "\xC2\x80\xC3\xA9");
  CHECK(latin.source_encoding() == Encoding::latin1);
  // Forced UTF-8 keeps the bytes (parsers report them).
  Input raw = Input::from_string("caf\xE9", "<m>", Encoding::utf8);
  CHECK(raw.text() == "caf\xE9");
  CHECK(raw.source_encoding() == Encoding::utf8);
}

TEST_CASE("from_string: gzip (single and concatenated members)", "[io][input]") {
  std::string plain = "{\"time\":\"2026-06-01T05:50:00Z\"}\n";
  Input in = Input::from_string(gzip_bytes(plain));
  CHECK(in.was_gzip());
  CHECK(in.text() == plain);
  CHECK(padding_is_zero(in));
  Input two = Input::from_string(gzip_bytes("first\n") + gzip_bytes("second\n"));
  CHECK(two.text() == "first\nsecond\n");
  // gzip of UTF-16LE with BOM: both layers undone.
  Input both = Input::from_string(gzip_bytes(utf16(u"x,y", false)));
  CHECK(both.was_gzip());
  CHECK(both.text() == "x,y");
}

TEST_CASE("slices borrow the parent's bytes and survive a move", "[io][input]") {
  Input parent = Input::from_string("line1\nline2\nline3\n");
  Input s = parent.slice(6, 12);
  CHECK(s.text() == "line2\n");
  Input moved = std::move(s);
  CHECK(moved.text() == "line2\n");
  CHECK(moved.text().data() == parent.text().data() + 6);
  Input assigned;
  assigned = std::move(moved);
  CHECK(assigned.text() == "line2\n");
  // The parent itself, moved, keeps its text.
  Input p2 = std::move(parent);
  CHECK(p2.text() == "line1\nline2\nline3\n");
  CHECK(padding_is_zero(p2));
  // Slices of an mmapped file too.
  TempFile f("aaaa\nbbbb\n");
  auto r = open_input(f.path);
  REQUIRE(r.ok());
  Input ms = r->slice(5, 10);
  Input ms2 = std::move(ms);
  CHECK(ms2.text() == "bbbb\n");
}

TEST_CASE("parse_encoding and encoding_name", "[io][input]") {
  Encoding e{};
  CHECK(parse_encoding("UTF-8", e));
  CHECK(e == Encoding::utf8);
  CHECK(parse_encoding("cp1252", e));
  CHECK(e == Encoding::windows1252);
  CHECK(parse_encoding("Latin1", e));
  CHECK(e == Encoding::latin1);
  CHECK(parse_encoding("utf-16be", e));
  CHECK(e == Encoding::utf16be);
  CHECK_FALSE(parse_encoding("ebcdic", e));
  CHECK(encoding_name(Encoding::windows1252) == "windows-1252");
}

TEST_CASE("open_input: mmapped file, padding readable and zero", "[io][input]") {
  TempFile f("a,b\n1,2\n");
  auto r = open_input(f.path);
  REQUIRE(r.ok());
  CHECK(r->text() == "a,b\n1,2\n");
  CHECK(r->raw_size() == 8);
  CHECK(padding_is_zero(*r));
  // A file of exactly one page: the padding lies on the next page.
  std::string page(static_cast<std::size_t>(sysconf(_SC_PAGESIZE)), 'x');
  TempFile fp(page);
  auto rp = open_input(fp.path);
  REQUIRE(rp.ok());
  CHECK(rp->text().size() == page.size());
  CHECK(padding_is_zero(*rp));
  // Moving an Input keeps its view valid.
  Input moved = std::move(rp.value());
  CHECK(moved.text().size() == page.size());
  CHECK(moved.text().back() == 'x');
  CHECK(padding_is_zero(moved));
}

TEST_CASE("open_input: BOM, Windows-1252 and gzip files", "[io][input]") {
  TempFile bom("\xEF\xBB\xBFh1,h2\r\n");
  auto b = open_input(bom.path);
  REQUIRE(b.ok());
  CHECK(b->had_bom());
  CHECK(b->text() == "h1,h2\r\n");
  CHECK(padding_is_zero(*b));

  TempFile cp("Jos\xE9;S\xE3o Paulo\n");
  auto c = open_input(cp.path);
  REQUIRE(c.ok());
  CHECK(c->source_encoding() == Encoding::windows1252);
  CHECK(c->invalid_utf8_at() == 3);
  CHECK(c->text() == "Jos\xC3\xA9;S\xC3\xA3o Paulo\n");

  TempFile gz(gzip_bytes("line1\nline2\n"), ".gz");
  auto g = open_input(gz.path);
  REQUIRE(g.ok());
  CHECK(g->was_gzip());
  CHECK_FALSE(g->spooled());  // small: decoded in memory
  CHECK(g->text() == "line1\nline2\n");
  CHECK(padding_is_zero(*g));

  TempFile le(utf16(u"k;v\n", false));
  auto l = open_input(le.path);
  REQUIRE(l.ok());
  CHECK(l->source_encoding() == Encoding::utf16le);
  CHECK(l->text() == "k;v\n");
}

TEST_CASE("open_input: a truncated or corrupt gzip keeps what was decoded and says where it ended", "[io][input]") {
  std::string plain;
  for (int i = 0; i < 2000; ++i) plain += "record " + std::to_string(i) + " " + std::string(i % 37, 'x') + "\n";
  std::string full = gzip_bytes(plain);
  TempFile cut(full.substr(0, full.size() / 2));
  auto r = open_input(cut.path);
  REQUIRE(r.ok());
  auto d = r->damage();
  REQUIRE(d);
  CHECK(d->find("truncated gzip data: the compressed stream ends at byte " + std::to_string(full.size() / 2)) == 0);
  // Everything zlib could decode before the cut is there, as zcat gives it.
  CHECK(r->text().size() > plain.size() / 4);
  CHECK(std::string_view(plain).substr(0, r->text().size()) == r->text());
  CHECK(padding_is_zero(*r));
  // Lost CRC/size trailer only: every byte decoded, still reported.
  TempFile notrailer(full.substr(0, full.size() - 4));
  auto r2 = open_input(notrailer.path);
  REQUIRE(r2.ok());
  CHECK(r2->text() == plain);
  REQUIRE(r2->damage());
  CHECK(r2->damage()->find("truncated gzip data") == 0);
  // Garbage after the gzip magic: nothing decodes.
  TempFile corrupt(std::string("\x1f\x8b\x08\x00garbage-garbage-garbage", 27));
  auto r3 = open_input(corrupt.path);
  REQUIRE(r3.ok());
  CHECK(r3->text().empty());
  REQUIRE(r3->damage());
  CHECK(r3->damage()->find("corrupt gzip data near compressed byte") == 0);
  // Junk after a complete member.
  TempFile junk(gzip_bytes("whole\n") + "not gzip at all");
  auto r4 = open_input(junk.path);
  REQUIRE(r4.ok());
  CHECK(r4->text() == "whole\n");
  REQUIRE(r4->damage());
  CHECK(r4->damage()->find("are not gzip data") != std::string::npos);
  // An intact file has no damage.
  TempFile ok(full);
  auto r5 = open_input(ok.path);
  REQUIRE(r5.ok());
  CHECK_FALSE(r5->damage());
}

TEST_CASE("open_input: missing file, directory, empty file", "[io][input]") {
  auto missing = open_input("/nonexistent/idt/file.json");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message.find("/nonexistent/idt/file.json: cannot open") == 0);
  auto dir = open_input("/tmp");
  REQUIRE_FALSE(dir.ok());
  CHECK(dir.error().message.find("is a directory") != std::string::npos);
  TempFile empty("");
  auto e = open_input(empty.path);
  REQUIRE(e.ok());
  CHECK(e->text().empty());
  CHECK(padding_is_zero(*e));
}

namespace {
// Lowers the in-memory spool limit for one test.
struct SpoolLimit {
  explicit SpoolLimit(std::size_t bytes) { set_spool_memory_limit(bytes); }
  ~SpoolLimit() { set_spool_memory_limit(32u << 20); }
};
std::string numbered_lines(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += "{\"line\":" + std::to_string(i) + ",\"pad\":\"" + std::string(40, 'x') + "\"}\n";
  return s;
}
}  // namespace

TEST_CASE("open_input: a large .gz is decoded into a mapped temporary file, not memory", "[io][input]") {
  SpoolLimit limit(4096);
  std::string text = numbered_lines(5000);  // ~300 KB, far over the limit
  TempFile gz(gzip_bytes(text.substr(0, 100000)) + gzip_bytes(text.substr(100000)), ".gz");  // two members
  auto g = open_input(gz.path);
  REQUIRE(g.ok());
  CHECK(g->was_gzip());
  CHECK(g->spooled());
  CHECK(g->text() == text);
  CHECK(padding_is_zero(*g));
  CHECK(g->raw_size() < text.size());  // the compressed size
  // Slices and page release work on it as on any mapped file.
  Input s = g->slice(1000, 2000);
  CHECK(s.text() == std::string_view(text).substr(1000, 1000));
  g->release_before(text.size());
  CHECK(g->text().substr(text.size() - 10) == std::string_view(text).substr(text.size() - 10));
  // A truncated one keeps the records before the cut, in the temporary file.
  std::string full = gzip_bytes(text);
  TempFile cut(full.substr(0, full.size() / 2), ".gz");
  auto c = open_input(cut.path);
  REQUIRE(c.ok());
  CHECK(c->spooled());
  CHECK(c->text().size() > text.size() / 4);
  CHECK(std::string_view(text).substr(0, c->text().size()) == c->text());
  REQUIRE(c->damage());
  CHECK(c->damage()->find("truncated gzip data") == 0);
}

TEST_CASE("open_input: a pipe is spooled (plain and gzip), small or large", "[io][input]") {
  std::string text = numbered_lines(3000);
  for (bool gzip : {false, true}) {
    for (std::size_t lim : {std::size_t{1} << 30, std::size_t{2048}}) {
      INFO("gzip " << gzip << ", memory limit " << lim);
      SpoolLimit limit(lim);
      std::string fifo = (fs::temp_directory_path() / ("idtriage_fifo_" + std::to_string(::getpid()))).string();
      ::unlink(fifo.c_str());
      REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
      std::string bytes = gzip ? gzip_bytes(text) : text;
      std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << bytes; });
      auto in = open_input(fifo);
      writer.join();
      ::unlink(fifo.c_str());
      REQUIRE(in.ok());
      CHECK(in->was_gzip() == gzip);
      CHECK(in->spooled() == (lim < text.size()));
      CHECK(in->text() == text);
      CHECK(in->raw_size() == bytes.size());
      CHECK(padding_is_zero(*in));
    }
  }
}
