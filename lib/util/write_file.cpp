// Why: see write_file.h.
#include "util/write_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace idt {

std::optional<std::string> write_file(const std::string& path, std::string_view data, bool via_temp) {
  // A device or a pipe (/dev/full, /dev/stdout) is written as it is: never
  // renamed over.
  std::error_code ec;
  const auto st = std::filesystem::status(path, ec);
  if (via_temp && std::filesystem::exists(st) && !std::filesystem::is_regular_file(st)) via_temp = false;
  const std::string target = via_temp ? path + ".tmp" : path;
  std::FILE* f = std::fopen(target.c_str(), "wb");
  if (f == nullptr) return path + ": " + std::strerror(errno);
  int err = 0;
  errno = 0;
  if (std::fwrite(data.data(), 1, data.size(), f) != data.size() || std::fflush(f) != 0) err = errno ? errno : EIO;
  if (std::fclose(f) != 0 && err == 0) err = errno ? errno : EIO;
  if (err == 0 && via_temp) {
    std::filesystem::rename(target, path, ec);
    if (ec) err = ec.value();
  }
  if (err == 0) return std::nullopt;
  if (via_temp) std::filesystem::remove(target, ec);
  return path + ": " + std::strerror(err);
}

}  // namespace idt
