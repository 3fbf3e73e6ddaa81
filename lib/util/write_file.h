// Why: every file a command writes besides stdout (--affected-users, the
// campaign .ics, the user index, reports, the alert state, synth's scenario
// files) is written the same way and fails the same way: cannot create, disk
// full, /dev/full, a missing directory all come back as one message naming
// the path, which the CLI turns into exit 6 (output could not be written).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace idt {

// Writes `data` to `path` (created or truncated) and closes it, checking
// every step. With `via_temp`, writes `path`.tmp.PID, syncs it and renames it
// over `path`, so a reader (or the next scheduled run) never sees half a file
// (the temporary is removed on failure); a path that is not a regular file
// (/dev/full, a pipe) is written directly.
// Returns nothing on success, else "PATH: reason" (e.g. "No space left on device").
std::optional<std::string> write_file(const std::string& path, std::string_view data, bool via_temp = false);

}  // namespace idt
