// Why: names for RecordKind, used in JSON and messages.
#include "model/source.h"

namespace idt {
std::string_view record_kind_name(RecordKind k) {
  switch (k) {
    case RecordKind::signin:
      return "signin";
    case RecordKind::audit:
      return "audit";
    case RecordKind::ticket:
      return "ticket";
    case RecordKind::health:
      return "health";
    case RecordKind::unknown:
      return "unknown";
  }
  return "unknown";
}
}  // namespace idt
