// Why: a calm day's export is often empty — Graph's {"value":[]} (with or
// without @odata.context), [], Event Hub's {"records":[]}, a Log Analytics
// result with no rows. That is zero records of that kind, not an unreadable
// file. The kind comes from @odata.context when there is one.
#pragma once
#include <optional>
#include <string_view>

#include "model/source.h"

namespace idt {

struct EmptyExport {
  RecordKind kind = RecordKind::unknown;  // unknown when the document does not say
  std::string_view shape;                 // "graph", "array", "eventhub", "loganalytics"
};

// nullopt unless `text` is one of the empty shapes above (whitespace around it allowed).
std::optional<EmptyExport> recognise_empty_export(std::string_view text);

}  // namespace idt
