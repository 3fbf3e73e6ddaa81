// Why: the playbook files are compiled into the binary (one binary, no
// runtime file lookup). cmake/EmbedPlaybooks.cmake generates the definition
// of embedded_playbook_files() from playbooks/*.md at build time.
#pragma once
#include <span>
#include <string_view>

namespace idt {

struct EmbeddedFile {
  std::string_view name;  // file name, e.g. "provider_portal_outage.md"
  std::string_view text;
};

// Sorted by file name. Defined in ${build}/generated/playbooks_data.cpp.
std::span<const EmbeddedFile> embedded_playbook_files();

}  // namespace idt
