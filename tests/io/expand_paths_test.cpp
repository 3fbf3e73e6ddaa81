// Why: a directory argument must stand for exactly its visible files, in an
// order that does not depend on the file system, and an empty one or a
// pattern that matched nothing must end in a message that says so.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "io/expand_paths.h"
#include "io/input.h"

using namespace idt;
namespace fs = std::filesystem;

namespace {
struct TempTree {
  fs::path root = fs::temp_directory_path() / ("idtriage_expand_" + std::to_string(::getpid()));
  TempTree() { fs::create_directories(root); }
  ~TempTree() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  std::string file(const std::string& rel, const std::string& text = "x\n") {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel) << text;
    return (root / rel).string();
  }
  std::string dir(const std::string& rel) {
    fs::create_directories(root / rel);
    return (root / rel).string();
  }
};
}  // namespace

TEST_CASE("expand_directories: sorted, recursive, hidden skipped, in argument order", "[io][expand]") {
  TempTree t;
  const std::string d = t.dir("exports");
  const std::string b = t.file("exports/b.json"), a = t.file("exports/a.csv"), deep = t.file("exports/sub/z/c.log");
  const std::string sub_first = t.file("exports/sub/0.json");
  t.file("exports/.hidden.json");
  t.file("exports/.git/config");
  t.dir("exports/empty-sub");
  const std::string loose = t.file("loose.csv");
  const ExpandedPaths e = expand_directories({loose, d, "-"});
  const std::vector<std::string> want = {loose, a, b, sub_first, deep, "-"};
  CHECK(e.paths == want);
  const std::vector<std::string> from = {a, b, sub_first, deep};  // sorted, without the loose file and stdin
  CHECK(e.from_directory == from);
  CHECK(files_under(d) == from);
  CHECK(any_file_under(d));
}

TEST_CASE("expand_directories: an empty directory stays, and opening it says it is empty", "[io][expand]") {
  TempTree t;
  const std::string empty = t.dir("empty");
  t.file("empty/.only-hidden");
  const ExpandedPaths e = expand_directories({empty});
  CHECK(e.paths == std::vector<std::string>{empty});
  CHECK(e.from_directory.empty());
  CHECK_FALSE(any_file_under(empty));
  auto in = open_input(empty);
  REQUIRE_FALSE(in.ok());
  CHECK(in.error().message == empty + ": is a directory with no files to read (hidden ones are skipped)");
}

TEST_CASE("a shell pattern that matched nothing is named as such", "[io][expand]") {
  CHECK(looks_like_glob("logs/*.json"));
  CHECK(looks_like_glob("signin-?.csv"));
  CHECK(looks_like_glob("x[12].csv"));
  CHECK_FALSE(looks_like_glob("logs/signins.json"));
  auto in = open_input("/nonexistent-idtriage/*.json");
  REQUIRE_FALSE(in.ok());
  CHECK(in.error().message == "/nonexistent-idtriage/*.json: no file matches this pattern");
  auto plain = open_input("/nonexistent-idtriage/a.json");
  REQUIRE_FALSE(plain.ok());
  CHECK(plain.error().message.find("cannot open") != std::string::npos);
}
