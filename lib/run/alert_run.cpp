// Why: see alert_run.h.
#include "run/alert_run.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "util/write_file.h"

namespace idt {

StateLoad load_alert_state(const std::string& path) {
  StateLoad l;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    l.status = errno == ENOENT ? StateStatus::missing : StateStatus::unreadable;
    l.detail = std::strerror(errno);
    return l;
  }
  if (!S_ISREG(st.st_mode)) {
    l.status = StateStatus::unreadable;
    l.detail = "not a regular file";
    return l;
  }
  if (static_cast<std::uint64_t>(st.st_size) > kMaxStateBytes) {
    l.status = StateStatus::damaged;
    l.detail = fmt::format("larger than {} bytes", kMaxStateBytes);
    return l;
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) {
    l.status = StateStatus::unreadable;
    l.detail = std::strerror(errno);
    return l;
  }
  std::string text;
  char buf[1 << 14];
  for (;;) {
    std::size_t n = std::fread(buf, 1, sizeof buf, f.get());
    text.append(buf, n);
    if (text.size() > kMaxStateBytes) return parse_alert_state(text);  // grew while read: damaged
    if (n < sizeof buf) break;
  }
  if (std::ferror(f.get())) {
    l.status = StateStatus::unreadable;
    l.detail = "read error";
    return l;
  }
  return parse_alert_state(text);
}

AlertReport judge_alerts(const TriageRun& run, const StateLoad& previous, const std::string& path, Severity fail_on,
                         Micros now) {
  AlertOptions o;
  o.fail_on = fail_on;
  o.now = now;
  o.partial = run.input_error || !run.report.incomplete.empty();
  return diff_alerts(run.report, previous, path, o);
}

std::optional<std::string> check_state_writable(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return path + ": " + std::strerror(EISDIR);
  std::size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? std::string(".")
                    : slash == 0               ? std::string("/")
                                               : path.substr(0, slash);
  if (::access(dir.c_str(), W_OK | X_OK) != 0) return path + ": " + std::strerror(errno);
  return std::nullopt;
}

std::optional<std::string> save_alert_state(const std::string& path, const AlertState& state) {
  return write_file(path, write_alert_state(state), true);
}

}  // namespace idt
