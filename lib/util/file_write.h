// Why: every file a run writes beside stdout (reports, the alert state, the
// user index, --affected-users) is written the same way: whole or not at
// all. A regular file goes to a temporary file in the same directory that is
// renamed over the target only when every byte was written and closed, so a
// reader (or the next scheduled run) never sees half a file; a target that
// exists and is not a regular file (/dev/stdout, a pipe, /dev/full) is
// written in place. A failure names the file and the system error; the
// command maps it to exit 6.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace idt {

// nullopt on success, else "PATH: reason".
std::optional<std::string> write_file_atomic(const std::string& path, std::string_view bytes);

}  // namespace idt
