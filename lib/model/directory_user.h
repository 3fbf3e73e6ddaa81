// Why: the people a registration campaign plans for, and the members of a
// group a Conditional Access policy names, come from directory exports
// (Entra "Download users" / "Download members", Microsoft 365 admin center
// "Export users", HR and Export-Csv files). One owning record for them all.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/signin.h"
#include "model/source.h"

namespace idt {

struct DirectoryUser {
  std::string upn;  // lower-cased; mail when the file has no UPN column
  std::string id;   // object id, lower-cased
  std::string display, department;
  std::string country, usage_location, region, office, city, state;  // as written (trimmed)
  std::string timezone;                                              // as written: IANA name or UTC offset
  std::string user_type;                                             // Member / Guest
  Tri enabled = Tri::unknown;
  std::uint64_t line = 0;  // line in the file where the row starts
};

struct DirectoryFile {
  std::string path;
  std::vector<DirectoryUser> users;
  std::uint64_t rows = 0, rejected = 0, duplicates = 0;
  std::vector<Rejection> rejections;  // first 100
  std::vector<std::string> notes;     // "columns: upn=userPrincipalName, …", skipped preamble, encoding
  std::optional<std::string> fatal;   // the file could not be read as a user list
};

}  // namespace idt
