// Why: a file truncated by another process while idtriage reads it used to
// kill every command with SIGBUS. Through the whole pipeline (one thread,
// parallel slices, JSON and CSV) the records read before the cut are kept,
// nothing read from the lost bytes is passed on (no junk rejections), and
// the file's error names the position (exit 3 in the CLI).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <deque>
#include <fstream>
#include <mutex>
#include <string>

#include "run/pipeline.h"

using namespace idt;

namespace {

struct Scratch {
  std::string path;
  explicit Scratch(std::string_view bytes, const char* suffix) {
    char tmpl[] = "/tmp/idt_changed_test_XXXXXX";
    int fd = mkstemp(tmpl);
    REQUIRE(fd >= 0);
    ::close(fd);
    path = std::string(tmpl) + suffix;
    std::rename(tmpl, path.c_str());
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  ~Scratch() { std::remove(path.c_str()); }
};

// Cuts the file at `cut` bytes when the `at`-th record arrives.
struct CuttingSink final : UnitSink {
  const std::string* path = nullptr;
  std::size_t cut = 0;
  std::atomic<std::uint64_t>* seen = nullptr;
  std::uint64_t at = 0;
  std::uint64_t records = 0;
  std::vector<std::string> users;
  void reset() override {
    records = 0;
    users.clear();
  }
  void note(std::string_view upn) {
    ++records;
    users.emplace_back(upn);
    if (seen->fetch_add(1) + 1 == at) REQUIRE(::truncate(path->c_str(), static_cast<off_t>(cut)) == 0);
  }
  void on_signin(const SignIn& r, const SigninClassification&, const SourcePos&) override { note(r.upn); }
  void on_audit(const AuditEvent& e, const AuditClassification&, const SourcePos&) override { note(e.initiator_upn); }
};

std::string json_lines(int n) {
  std::string s;
  for (int i = 0; i < n; ++i)
    s += R"({"time":"2026-06-01T05:50:00Z","category":"SignInLogs","properties":{"userPrincipalName":"u)" +
         std::to_string(i) + R"(@contoso.com","status":{"errorCode":50126},"appDisplayName":")" +
         std::string(200, 'x') + "\"}}\n";
  return s;
}

std::string portal_csv(int n) {
  std::string s = "Date (UTC),Request ID,User,Username,Application,Status,Sign-in error code,Failure reason\n";
  for (int i = 0; i < n; ++i)
    s += "2026-06-01T05:50:00Z,req" + std::to_string(i) + ",User,u" + std::to_string(i) +
         "@contoso.com,App,Failure,50126," + std::string(200, 'y') + "\n";
  return s;
}

}  // namespace

TEST_CASE("a file truncated during the read: records before the cut, an error with the position", "[run][faults]") {
  const int n = 4000;  // about 1 MB
  for (bool csv : {false, true}) {
    for (unsigned threads : {1u, 2u}) {
      INFO((csv ? "csv" : "json lines") << ", threads " << threads);
      const std::string text = csv ? portal_csv(n) : json_lines(n);
      Scratch f(text, csv ? ".csv" : ".json");
      const std::size_t cut = text.size() / 3;
      std::atomic<std::uint64_t> seen{0};
      RunOptions o;
      o.threads = threads;
      o.split_min = 1;
      o.slice_min = 64 * 1024;
      std::deque<CuttingSink> sinks;
      auto results = run_files_parallel({f.path}, o, [&](std::size_t) -> UnitSink& {
        CuttingSink& s = sinks.emplace_back();
        s.path = &f.path;
        s.cut = cut;
        s.seen = &seen;
        s.at = 10;
        return s;
      });
      REQUIRE(results.size() == 1);
      const FileResult& r = results[0];
      REQUIRE(r.summary.fatal);
      // With one thread the next read faults past the cut; with slices, the
      // others may have finished first and only the size check notices.
      CHECK(r.summary.fatal->find("changed or truncated while reading") == 0);
      if (threads == 1) CHECK(r.summary.fatal->find("changed or truncated while reading: byte ") == 0);
      CHECK(r.summary.fatal->find(std::to_string(cut) + " now") != std::string::npos);
      CHECK(r.summary.rejected == 0);  // nothing read from the lost bytes
      CHECK(r.kept == r.summary.records);
      CHECK(r.kept >= 10);
      CHECK(r.kept < static_cast<std::uint64_t>(n));
      // Every record passed on is a whole, real record.
      for (const auto& s : sinks)
        for (const auto& u : s.users) {
          CHECK(u.rfind("u", 0) == 0);
          CHECK(u.size() > std::string("@contoso.com").size());
          CHECK(u.find('\0') == std::string::npos);
        }
    }
  }
}
