// Why: read a directory user list (or a group's member list) from any CSV
// export into DirectoryUser rows, columns found by synonyms. Rows that
// cannot be used (no UPN/mail, not an address) are rejected with their line;
// a file that is not a user list is refused with the reason.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "io/input.h"
#include "model/directory_user.h"

namespace idt {

struct UserReadOptions {
  std::vector<std::pair<std::string, std::string>> column_map;  // --map role=Column
  Encoding encoding = Encoding::auto_detect;
  bool strict = false;  // the first rejected row makes the file fatal
};

DirectoryFile read_directory(const std::string& path, const UserReadOptions& opts = {});
DirectoryFile parse_directory(std::string_view text, std::string_view name, const UserReadOptions& opts = {});

}  // namespace idt
