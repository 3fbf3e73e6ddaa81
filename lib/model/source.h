// Why: every record and every rejection can be traced back to a file and a
// position in it; messages name both.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace idt {

enum class RecordKind : std::uint8_t { signin, audit, ticket, health, unknown };
std::string_view record_kind_name(RecordKind k);

struct SourcePos {
  std::uint32_t file_index = 0;  // index into the run's input list
  std::uint64_t line = 0;        // 1-based line where the record starts (0 = n/a)
  std::uint64_t offset = 0;      // byte offset of the record in the decoded text
  std::uint64_t record = 0;      // 0-based record index within the file
};

struct Rejection {
  SourcePos pos;
  std::string message;  // what was wrong (without the file name)
};

}  // namespace idt
