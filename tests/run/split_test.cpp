// Why: a large JSON file is read in parallel slices (JSON lines cut at line
// starts, one document cut at guessed record starts). Whatever the slice
// size and thread count, the result must equal a one-thread read: the same
// counts, the same rejections with the same file positions, the same fatal
// error. Wrong guesses must be caught and the file read again in one piece.
#include <catch2/catch.hpp>

#include <deque>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "../formats/log_collect.h"
#include "../io/gzip_bytes.h"
#include "aggregate/log_stats.h"
#include "run/pipeline.h"
#include "synth/synth.h"

using namespace idt;
using idt::test::contains;
namespace fs = std::filesystem;

namespace {

struct CollectSink final : UnitSink {
  SigninStats s;
  AuditStats a;
  void on_signin(const SignIn& r, const SigninClassification& c, const SourcePos&) override { s.add(r, c); }
  void on_audit(const AuditEvent& e, const AuditClassification& c, const SourcePos&) override { a.add(e, c); }
  void reset() override { *this = CollectSink(); }
};

struct Outcome {
  FileResult file;
  SigninStats s;
  std::size_t units = 0;
};

Outcome read(const std::string& path, unsigned threads, std::size_t slice_min) {
  RunOptions o;
  o.threads = threads;
  o.split_min = 1;
  o.slice_min = slice_min;
  std::deque<CollectSink> sinks;
  Outcome out;
  auto res = run_files_parallel({path}, o, [&](std::size_t) -> UnitSink& { return sinks.emplace_back(); });
  REQUIRE(res.size() == 1);
  out.file = std::move(res[0]);
  for (const auto& k : sinks) out.s.merge(k.s);
  out.units = sinks.size();
  return out;
}

bool has_note(const FileResult& f, std::string_view what) {
  for (const auto& n : f.summary.notes)
    if (contains(n, what)) return true;
  return false;
}

// Requires `many` to equal the one-thread read `one`, and returns whether the
// file was really read in slices.
bool require_same(const Outcome& one, const Outcome& many) {
  CHECK(many.s.total == one.s.total);
  CHECK(many.s.by_class == one.s.by_class);
  CHECK(many.s.by_code.top() == one.s.by_code.top());
  CHECK(many.s.by_app.top() == one.s.by_app.top());
  CHECK(many.s.by_hour == one.s.by_hour);
  const FileSummary& a = one.file.summary;
  const FileSummary& b = many.file.summary;
  CHECK(b.records == a.records);
  CHECK(b.rejected == a.rejected);
  CHECK(b.first == a.first);
  CHECK(b.last == a.last);
  CHECK(b.fatal == a.fatal);
  CHECK(b.kind == a.kind);
  CHECK(b.format == a.format);
  CHECK(many.file.kept == one.file.kept);
  REQUIRE(many.file.rejections.size() == one.file.rejections.size());
  for (std::size_t i = 0; i < one.file.rejections.size(); ++i) {
    const Rejection& x = one.file.rejections[i];
    const Rejection& y = many.file.rejections[i];
    CHECK(y.message == x.message);
    CHECK(y.pos.line == x.pos.line);
    CHECK(y.pos.offset == x.pos.offset);
    CHECK(y.pos.record == x.pos.record);
  }
  return has_note(many.file, "read in ");  // "read in N parallel slices"
}

struct TempFile {
  fs::path path;
  TempFile(std::string_view name, std::string_view content) {
    path = fs::temp_directory_path() / ("idtriage_split_" + std::to_string(::getpid()) + "_" + std::string(name));
    std::ofstream(path, std::ios::binary) << content;
  }
  ~TempFile() { fs::remove(path); }
};

std::string synth_signins(synth::SigninShape shape, std::uint64_t seed) {
  synth::SynthOptions o;
  o.scenario = "portal_outage";
  o.users = 60;
  o.seed = seed;
  o.signin_shape = shape;
  auto out = synth::generate(o);
  REQUIRE(out.ok());
  return out->files.front().content;
}

// Re-indents compact JSON (two spaces a level), as `jq .` or PowerShell would.
std::string pretty(std::string_view j) {
  std::string out;
  int depth = 0;
  bool in_str = false;
  auto newline = [&] {
    out += '\n';
    out.append(static_cast<std::size_t>(2 * depth), ' ');
  };
  for (std::size_t i = 0; i < j.size(); ++i) {
    char c = j[i];
    if (in_str) {
      out += c;
      if (c == '\\')
        out += j[++i];
      else if (c == '"')
        in_str = false;
      continue;
    }
    switch (c) {
      case '"':
        in_str = true;
        out += c;
        break;
      case '{':
      case '[':
        out += c;
        ++depth;
        newline();
        break;
      case '}':
      case ']':
        --depth;
        newline();
        out += c;
        break;
      case ',':
        out += c;
        newline();
        break;
      case ':':
        out += ": ";
        break;
      case '\n':
      case ' ':
        break;
      default:
        out += c;
    }
  }
  return out + "\n";
}

// Every slice size and thread count against one thread.
void check_all_ways(std::string_view name, std::string_view content, bool expect_split = true) {
  TempFile f(name, content);
  Outcome one = read(f.path.string(), 1, 1);
  CHECK(one.units == 1);
  bool split_seen = false;
  for (std::size_t slice : {std::size_t{2000}, std::size_t{30000}, content.size() / 3}) {
    for (unsigned threads : {2u, 3u, 4u}) {
      INFO(name << ": slices of at least " << slice << " bytes, " << threads << " threads");
      split_seen |= require_same(one, read(f.path.string(), threads, slice));
    }
  }
  CHECK(split_seen == expect_split);
}

}  // namespace

TEST_CASE("split: Graph document, compact records one per line", "[run][split]") {
  std::string g = synth_signins(synth::SigninShape::graph, 1);
  REQUIRE(g.size() > 200000);
  check_all_ways("graph.json", g);
}

TEST_CASE("split: Graph document pretty-printed, bare array, concatenated pages", "[run][split]") {
  std::string g = synth_signins(synth::SigninShape::graph, 1);
  check_all_ways("pretty.json", pretty(g));
  // A bare array: the value array alone.
  std::size_t open = g.find('[');
  std::size_t close = g.rfind(']');
  REQUIRE(open != std::string::npos);
  check_all_ways("bare.json", g.substr(open, close - open + 1));
  // Two saved pages back to back.
  check_all_ways("pages.json", g + synth_signins(synth::SigninShape::graph, 2));
}

TEST_CASE("split: a bad record keeps its record number and line, a truncated document fails the same way",
          "[run][split]") {
  std::string g = synth_signins(synth::SigninShape::graph, 1);
  // Break a record about two thirds in.
  std::size_t at = g.find("\"createdDateTime\":", g.size() * 2 / 3);
  REQUIRE(at != std::string::npos);
  std::string bad = g;
  bad.insert(at, ",,");
  {
    TempFile f("bad.json", bad);
    Outcome one = read(f.path.string(), 1, 1);
    REQUIRE(one.file.rejections.size() == 1);
    CHECK(contains(one.file.rejections[0].message, "invalid JSON in record "));
    CHECK(one.file.rejections[0].pos.record > 100);
  }
  check_all_ways("bad.json", bad);
  check_all_ways("bad-pretty.json", pretty(bad));
  // Cut inside a late record: the structural error names the same position,
  // and records after the cut point never count.
  std::string cut = g.substr(0, g.size() * 9 / 10);
  {
    TempFile f("cut.json", cut);
    Outcome one = read(f.path.string(), 1, 1);
    REQUIRE(one.file.summary.fatal);
    CHECK(contains(*one.file.summary.fatal, "truncated"));
    Outcome two = read(f.path.string(), 2, 2000);
    CHECK(has_note(two.file, "read again in one piece"));
  }
  check_all_ways("cut.json", cut, false);
}

TEST_CASE("split: records holding look-alike objects are caught and read again in one piece", "[run][split]") {
  // Each record nests objects that start with the same two keys, so some
  // guessed cuts land inside records; the slice before must notice.
  std::string doc = "{\"value\":[";
  for (int i = 0; i < 3000; ++i) {
    if (i) doc += ',';
    std::string t = "2026-06-01T10:" + std::string(i % 60 < 10 ? "0" : "") + std::to_string(i % 60) + ":00Z";
    doc +=
        "{\"id\":\"r" + std::to_string(i) + "\",\"createdDateTime\":\"" + t +
        "\",\"appId\":\"a\",\"appDisplayName\":\"App\",\"status\":{\"errorCode\":" + std::to_string(i % 3 ? 0 : 50126) +
        "},\"nested\":[{\"id\":\"n1\",\"createdDateTime\":\"x\"},{\"id\":\"n2\",\"createdDateTime\":\"y\"},"
        "{\"id\":\"n3\",\"createdDateTime\":\"z\"}]}";
  }
  doc += "]}";
  TempFile f("lookalike.json", doc);
  Outcome one = read(f.path.string(), 1, 1);
  CHECK(one.file.summary.records == 3000);
  CHECK_FALSE(one.file.summary.fatal);
  bool reread = false;
  for (std::size_t slice : {std::size_t{1000}, std::size_t{5000}, std::size_t{20000}}) {
    for (unsigned threads : {2u, 3u, 4u}) {
      INFO("slices of " << slice << ", threads " << threads);
      Outcome many = read(f.path.string(), threads, slice);
      require_same(one, many);
      reread |= has_note(many.file, "read again in one piece");
    }
  }
  CHECK(reread);
}

TEST_CASE("split: JSON lines keep exact line and record numbers in rejections", "[run][split]") {
  std::string eh = synth_signins(synth::SigninShape::eventhub, 3);
  // Two bad lines: one early, one late.
  std::size_t l1 = eh.find('\n', eh.size() / 5);
  std::size_t l2 = eh.find('\n', eh.size() * 4 / 5);
  REQUIRE(l2 != std::string::npos);
  eh.insert(l2 + 1, "{\"broken\": \n");
  eh.insert(l1 + 1, "not json at all\n");
  {
    TempFile f("bad.jsonl", eh);
    Outcome one = read(f.path.string(), 1, 1);
    REQUIRE(one.file.rejections.size() == 2);
    CHECK(contains(one.file.rejections[0].message, "the record on line "));
    CHECK(one.file.rejections[1].pos.record > one.file.rejections[0].pos.record);
  }
  check_all_ways("bad.jsonl", eh);
}

TEST_CASE("split: --strict files are not split", "[run][split]") {
  std::string g = synth_signins(synth::SigninShape::graph, 1);
  TempFile f("strict.json", g);
  RunOptions o;
  o.threads = 4;
  o.split_min = 1;
  o.slice_min = 2000;
  o.parse.strict = true;
  std::deque<CollectSink> sinks;
  auto res = run_files_parallel({f.path.string()}, o, [&](std::size_t) -> UnitSink& { return sinks.emplace_back(); });
  CHECK(sinks.size() == 1);
  CHECK_FALSE(has_note(res[0], "read in "));
}

TEST_CASE("split: a .gz document is split like the plain file", "[run][split]") {
  std::string g = synth_signins(synth::SigninShape::graph, 4);
  std::string gz = test::gzip_bytes(g, 1);
  TempFile plain("plain.json", g), packed("packed.json.gz", gz);
  Outcome one = read(plain.path.string(), 1, 1);
  for (unsigned threads : {2u, 4u}) {
    Outcome many = read(packed.path.string(), threads, 20000);
    CHECK(require_same(one, many));  // and really read in slices
  }
}

TEST_CASE("split: a bare array followed by a wrapped page is read right", "[run][split]") {
  // Slices guess from the first record that records sit in a bare array;
  // the ones that start inside the wrapper's array must not be trusted.
  std::string g = synth_signins(synth::SigninShape::graph, 1);
  std::size_t open = g.find('[');
  std::size_t close = g.rfind(']');
  std::string mixed = g.substr(open, close - open + 1) + "\n" + synth_signins(synth::SigninShape::graph, 2);
  check_all_ways("mixed.json", mixed);
}
