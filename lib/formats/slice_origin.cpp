// Why: see slice_origin.h. The prefix is read like any input, releasing its
// pages as it goes, so counting stays within the memory bound.
#include "formats/slice_origin.h"

#include <algorithm>
#include <cstring>

namespace idt {

std::uint64_t SliceOrigin::lines_before() const {
  if (lines_) return *lines_;
  Input prefix = whole_.slice(0, begin_);
  std::string_view t = prefix.text();
  std::uint64_t n = 0;
  for (std::size_t at = 0; at < t.size();) {
    std::size_t step = std::min<std::size_t>(t.size() - at, 8u << 20);
    const char* p = t.data() + at;
    const char* e = p + step;
    while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(e - p))))) {
      ++n;
      ++p;
    }
    at += step;
    prefix.release_before(at);
  }
  lines_ = n;
  return n;
}

std::uint64_t SliceOrigin::records_before() const {
  if (records_) return *records_;
  Input prefix = whole_.slice(0, begin_);
  JsonSplitter sp(prefix.text(), json_lines_);
  if (!json_lines_) sp.cut_between_records();
  JsonRecordRange r;
  std::uint64_t n = 0;
  while (sp.next(r)) {
    ++n;
    prefix.release_before(r.begin);
  }
  records_ = n;
  return n;
}

}  // namespace idt
