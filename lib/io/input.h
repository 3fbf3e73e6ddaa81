// Why: every parser sees one contiguous, UTF-8, padded byte buffer no matter
// where the bytes came from (mmap'd file, stdin, .gz, UTF-16/Windows-1252).
// The padding lets simdjson read past the end without a copy.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "util/result.h"

namespace idt {

inline constexpr std::size_t kInputPadding = 64;  // >= SIMDJSON_PADDING

class Spool;  // input.cpp: bytes of unknown size, in memory or a temporary file

enum class Encoding { auto_detect, utf8, utf16le, utf16be, windows1252, latin1 };
std::string_view encoding_name(Encoding e);
bool parse_encoding(std::string_view name, Encoding& out);

class Input {
 public:
  Input() = default;
  Input(Input&&) noexcept;
  Input& operator=(Input&&) noexcept;
  Input(const Input&) = delete;
  Input& operator=(const Input&) = delete;
  ~Input();

  // Text after BOM removal and transcoding to UTF-8. At least kInputPadding
  // readable bytes follow data().end().
  std::string_view text() const { return {data_, size_}; }
  const std::string& path() const { return path_; }  // as given ("-" for stdin)
  std::string_view display_name() const { return path_ == "-" ? std::string_view("<stdin>") : std::string_view(path_); }
  Encoding source_encoding() const { return encoding_; }
  bool had_bom() const { return bom_; }
  bool was_gzip() const { return gzip_; }
  // A pipe or .gz too large for memory: decoded into a temporary file, mapped.
  bool spooled() const { return spooled_; }
  std::size_t raw_size() const { return raw_size_; }  // bytes as stored
  // When auto-detection fell back from UTF-8: offset of the first invalid byte.
  std::size_t invalid_utf8_at() const { return invalid_utf8_at_; }

  // Parsers call this as they move forward: pages of a mapped file before
  // `offset` are dropped from memory (they are re-read from the file if ever
  // touched again), so peak RSS stays bounded on multi-GB inputs.
  void release_before(std::size_t offset) const;

  // A view of [begin, end) of this input's text for one worker of a split
  // file. It borrows the bytes (this input must outlive it); the bytes after
  // `end` (the rest of the file, or the padding) keep simdjson's guarantee.
  Input slice(std::size_t begin, std::size_t end) const;

  // Build from memory (tests, sub-documents). Copies and pads.
  static Input from_string(std::string_view bytes, std::string name = "<memory>", Encoding enc = Encoding::auto_detect);

 private:
  friend Result<Input> open_input(const std::string& path, Encoding enc);
  static Result<Input> map_fd(Input in, int fd, std::size_t file_size, Encoding enc);
  static Result<Input> from_spool(Input in, Spool& sp, Encoding enc);
  void adopt_owned(std::string&& buf, Encoding enc);
  void release();

  std::string path_;
  const char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t raw_size_ = 0;
  void* map_ = nullptr;  // mmap region (file + zero padding)
  std::size_t map_len_ = 0;
  mutable std::size_t released_ = 0;   // bytes of the mapping already released
  mutable std::size_t populated_ = 0;  // bytes of the mapping mapped ahead (SIZE_MAX: cannot)
  bool owns_map_ = true;               // false for slices
  std::string owned_;                  // when not mapped: decoded/decompressed bytes + padding
  Encoding encoding_ = Encoding::utf8;
  std::size_t invalid_utf8_at_ = std::string_view::npos;
  bool bom_ = false, gzip_ = false, spooled_ = false;
};

// Opens a path ("-" = stdin). gzip is detected by magic bytes, not by name.
// Encoding: BOM wins; else auto_detect keeps UTF-8 when valid and falls back
// to Windows-1252; a forced encoding transcodes as asked.
// Pipes and .gz streams are decoded into memory up to a limit (32 MB), beyond
// it into an unlinked temporary file in $TMPDIR (else /tmp) that is then
// mapped, so memory stays bounded whatever the size. Tests lower the limit.
Result<Input> open_input(const std::string& path, Encoding enc = Encoding::auto_detect);
void set_spool_memory_limit(std::size_t bytes);

}  // namespace idt
