// Why: the record splitter and its 64-byte bitmask scan decide where every
// JSON record starts and ends. Any bytes: ranges stay inside the text, in
// order, never overlap; the vector masks equal the scalar definition.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "formats/json_splitter.h"
#include "util/byte_masks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  for (bool lines : {false, true}) {
    idt::JsonSplitter sp(text, lines);
    idt::JsonRecordRange r;
    std::size_t last_end = 0;
    std::uint64_t index = 0;
    while (sp.next(r)) {
      if (r.begin < last_end || r.end < r.begin || r.end > text.size() || r.index != index++) std::abort();
      last_end = r.end;
      if (index > size + 1) std::abort();  // never loops
    }
  }
  // Candidate record starts lie inside the text and open with '{'.
  idt::RecordShape shape = idt::learn_record_shape(text);
  for (std::size_t from = 0; from < text.size(); from += 1 + text.size() / 7) {
    std::size_t at = idt::find_record_start(text, from, text.size(), shape);
    if (at != std::string::npos && (at < from || at >= text.size() || text[at] != '{')) std::abort();
  }
  char block[64] = {};
  std::memcpy(block, text.data(), std::min<std::size_t>(64, text.size()));
  idt::ByteMasks v = idt::byte_masks(block), s = idt::byte_masks_scalar(block);
  if (v.quote != s.quote || v.backslash != s.backslash || v.open != s.open || v.close != s.close ||
      v.newline != s.newline)
    std::abort();
  return 0;
}
