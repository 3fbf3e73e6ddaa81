// Why: see write_file.h.
#include "util/write_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
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

// Opens, writes and closes `path` in place; 0 or the errno.
int write_in_place(const std::string& path, std::string_view data, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC, 0644);
  if (fd < 0) return errno;
  int err = write_all(fd, data);
  if (::close(fd) != 0 && err == 0 && errno != EINTR) err = errno;
  return err;
}

}  // namespace

std::optional<std::string> write_file(const std::string& path, std::string_view data, bool via_temp) {
  if (path.empty()) return std::string("(empty file name): ") + std::strerror(ENOENT);
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) return failed(path, EISDIR);
  // A device or a pipe (/dev/full, /dev/stdout) is written as it is: never
  // renamed over.
  if (!via_temp || (exists && !S_ISREG(st.st_mode))) {
    int err = write_in_place(path, data, O_WRONLY | O_CREAT | O_TRUNC);
    return err ? std::optional(failed(path, err)) : std::nullopt;
  }
  // The temporary file sits beside the target (rename(2) is atomic within
  // one file system) and carries the process id, so two runs never share it;
  // it is synced before the rename so a crash leaves the old file or the new.
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return failed(path, errno);
  int err = write_all(fd, data);
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
