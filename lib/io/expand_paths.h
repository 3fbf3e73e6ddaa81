// Why: a nightly job points idtriage at an export folder, not at a list of
// files: a directory argument stands for the files under it (recursively,
// sorted, hidden ones skipped), and a shell pattern that matched nothing
// must say so instead of "cannot open".
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace idt {

// The regular files under `dir`, recursively, sorted by path (byte order,
// so every run reads them in the same order); names starting with '.' are
// skipped, files and folders alike, and so is what cannot be listed.
std::vector<std::string> files_under(const std::string& dir);
// Whether files_under(dir) would list anything (stops at the first file).
bool any_file_under(const std::string& dir);

struct ExpandedPaths {
  // The arguments in order, each directory replaced by files_under(it); a
  // directory with none stays as it is (opening it is then the error that
  // says so).
  std::vector<std::string> paths;
  // The paths that came from a directory, sorted.
  std::vector<std::string> from_directory;
};
ExpandedPaths expand_directories(const std::vector<std::string>& args);

// "*", "?" or "[" in a path: a shell pattern passed on unexpanded when it
// matched nothing.
bool looks_like_glob(std::string_view path);

}  // namespace idt
