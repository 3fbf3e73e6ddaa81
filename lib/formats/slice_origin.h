// Why: a large file is read in parallel slices, and a slice's reader knows
// only its own bytes. Messages must still name file positions (line, record
// number), so each slice carries its origin in the whole file. Lines and
// records before the slice are counted only when a message needs them
// (rare), so clean input pays nothing for exact positions.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>

#include "formats/json_splitter.h"
#include "io/input.h"

namespace idt {

class SliceOrigin {
 public:
  // `whole` must outlive this. `json_lines`: the file is JSON lines and the
  // slice starts at a line; else the slice starts at a record of a split
  // document (records array described by `layout`/`in_wrapper`), and unless
  // `last` it ends right after the "," that follows a record.
  SliceOrigin(const Input& whole, std::size_t begin, bool json_lines, JsonLayout layout = JsonLayout::unknown,
              bool in_wrapper = false, bool last = false)
      : whole_(whole), begin_(begin), json_lines_(json_lines), layout_(layout), in_wrapper_(in_wrapper), last_(last) {}

  std::size_t begin() const { return begin_; }
  bool json_lines() const { return json_lines_; }
  JsonLayout layout() const { return layout_; }
  bool in_wrapper() const { return in_wrapper_; }
  bool last() const { return last_; }
  std::string_view whole_text() const { return whole_.text(); }

  std::uint64_t lines_before() const;    // newlines in [0, begin)
  std::uint64_t records_before() const;  // records that start before begin

  // Set by the reader when the slice did not end where the next one begins,
  // or its structure failed: the caller then reads the file in one piece.
  void mark_unconfirmed() const { unconfirmed_ = true; }
  bool unconfirmed() const { return unconfirmed_; }

 private:
  const Input& whole_;
  std::size_t begin_;
  bool json_lines_;
  JsonLayout layout_;
  bool in_wrapper_, last_;
  mutable std::optional<std::uint64_t> lines_, records_;
  mutable bool unconfirmed_ = false;
};

}  // namespace idt
