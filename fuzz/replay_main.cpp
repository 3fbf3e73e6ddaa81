// Why: CI replays each fuzz target's corpus (fuzz/corpus/<target>/ plus the
// small files of testdata/) through the ASan/UBSan build with this driver,
// so every input a fuzzer once kept or crashed on is checked on every run
// without clang or libFuzzer (building the fuzz targets costs more than the
// CI budget allows; `./dev fuzz` runs the real fuzzers).
// Usage: fuzz_replay_<target> MAX_BYTES PATH... (files, or directories read
// recursively; files larger than MAX_BYTES are skipped, as -max_len does).
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

int main(int argc, char** argv) {
  if (argc < 3) {
    fmt::print(stderr, "usage: {} MAX_BYTES PATH...\n", argv[0]);
    return 2;
  }
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  const std::uintmax_t max_bytes = std::stoull(argv[1]);
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (int i = 2; i < argc; ++i) {
    fs::path p = argv[i];
    if (fs::is_directory(p)) {
      for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file() && e.file_size() <= max_bytes) files.push_back(e.path());
    } else if (fs::is_regular_file(p) && fs::file_size(p) <= max_bytes) {
      files.push_back(p);
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  fmt::print("{}: {} inputs replayed\n", argv[0], files.size());
  return files.empty() ? 1 : 0;  // an empty corpus is a broken test, not a pass
}
