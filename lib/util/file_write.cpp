// Why: see file_write.h.
#include "util/file_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace idt {
namespace {

// Writes all of `bytes` to `fd`; 0 or the errno of the failure.
int write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) return EIO;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

std::string failed(const std::string& path, int err) { return path + ": " + std::strerror(err); }

}  // namespace

std::optional<std::string> write_file_atomic(const std::string& path, std::string_view bytes) {
  if (path.empty()) return std::string("(empty file name): ") + std::strerror(ENOENT);
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) return failed(path, EISDIR);
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return failed(path, errno);
    int err = write_all(fd, bytes);
    if (::close(fd) != 0 && err == 0 && errno != EINTR) err = errno;
    if (err) return failed(path, err);
    return std::nullopt;
  }
  // The temporary file sits beside the target (rename(2) is atomic within
  // one file system) and carries the process id, so two runs never share it.
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return failed(path, errno);
  int err = write_all(fd, bytes);
  if (err == 0 && ::fsync(fd) != 0 && errno != EINVAL && errno != EROFS) err = errno;
  if (::close(fd) != 0 && err == 0 && errno != EINTR) err = errno;
  if (err == 0 && ::rename(tmp.c_str(), path.c_str()) != 0) err = errno;
  if (err) {
    ::unlink(tmp.c_str());
    return failed(path, err);
  }
  return std::nullopt;
}

}  // namespace idt
