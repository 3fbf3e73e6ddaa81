// Why: see expand_paths.h.
#include "io/expand_paths.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace idt {

namespace fs = std::filesystem;

namespace {

// Calls `found` with each visible regular file under `dir` (directory
// order) until it returns false.
template <class F>
void walk_files(const std::string& dir, F&& found) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      ec.clear();
      continue;
    }
    const bool file = it->is_regular_file(ec);  // follows a link to a file
    ec.clear();
    if (file && !found(it->path().string())) return;
  }
}

}  // namespace

std::vector<std::string> files_under(const std::string& dir) {
  std::vector<std::string> out;
  walk_files(dir, [&](std::string p) {
    out.push_back(std::move(p));
    return true;
  });
  std::sort(out.begin(), out.end());
  return out;
}

bool any_file_under(const std::string& dir) {
  bool any = false;
  walk_files(dir, [&](const std::string&) { return !(any = true); });
  return any;
}

ExpandedPaths expand_directories(const std::vector<std::string>& args) {
  ExpandedPaths e;
  for (const std::string& a : args) {
    std::error_code ec;
    if (a == "-" || !fs::is_directory(a, ec)) {
      e.paths.push_back(a);
      continue;
    }
    std::vector<std::string> files = files_under(a);
    if (files.empty()) {
      e.paths.push_back(a);
      continue;
    }
    e.from_directory.insert(e.from_directory.end(), files.begin(), files.end());
    e.paths.insert(e.paths.end(), files.begin(), files.end());
  }
  std::sort(e.from_directory.begin(), e.from_directory.end());
  e.from_directory.erase(std::unique(e.from_directory.begin(), e.from_directory.end()), e.from_directory.end());
  return e;
}

bool looks_like_glob(std::string_view path) { return path.find_first_of("*?[") != std::string_view::npos; }

}  // namespace idt
