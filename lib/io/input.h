// Why: every parser sees one contiguous, UTF-8, padded byte buffer no matter
// where the bytes came from (mmap'd file, stdin, .gz, UTF-16/Windows-1252).
// The padding lets simdjson read past the end without a copy. Inputs are
// hostile: a file may shrink or change while it is mapped, a .gz may be cut
// short or decode to terabytes, a pipe may never end. Each of these ends in
// a clear message (damage()) instead of a crash, a full disk or a silently
// partial read.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "util/result.h"

namespace idt {

inline constexpr std::size_t kInputPadding = 64;  // >= SIMDJSON_PADDING
// Decoded bytes a pipe, .gz or transcoded file may produce by default
// (--max-decoded); 0 = no limit.
inline constexpr std::uint64_t kDefaultMaxDecoded = std::uint64_t{64} << 30;
// Bytes of decoded text shown to OpenOptions::check_head before anything
// is spooled to disk (the sniffing chain looks at as much).
inline constexpr std::size_t kHeadBytes = 64 * 1024;

enum class Encoding { auto_detect, utf8, utf16le, utf16be, windows1252, latin1 };
std::string_view encoding_name(Encoding e);
bool parse_encoding(std::string_view name, Encoding& out);

struct OpenOptions {
  Encoding encoding = Encoding::auto_detect;
  std::uint64_t max_decoded = kDefaultMaxDecoded;
  // Called once with the first kHeadBytes of decoded text (or all of it if
  // shorter) of an input that is decoded or spooled (pipe, .gz, transcoded
  // file) before any of it goes to a temporary file. A non-empty return
  // refuses the input at once with that message: binary data, `yes |` or a
  // .gz bomb of zeros costs one 64 KiB look, not a disk. Null: accept all.
  std::function<std::string(std::string_view head)> check_head;
};

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
  // When auto-detection met bytes that are not UTF-8 (read as Windows-1252):
  // offset of the first one in the source.
  std::size_t invalid_utf8_at() const { return invalid_utf8_at_; }
  // The encoding was detected, not forced: JSON (passed through unchecked,
  // see open_input) may read a record with bytes that are not UTF-8 as
  // Windows-1252 instead of rejecting it (append_utf8_lenient).
  bool lenient_utf8() const { return lenient_utf8_; }

  // Why text() may not be the whole input, or not the input as it is now:
  // decoding stopped early (truncated or corrupt .gz, --max-decoded, no
  // room in $TMPDIR: the text holds what was decoded before), or the file
  // changed or was truncated while it was read (the pages past the cut
  // read as zeros; see input.cpp). Readers call it after reading; the
  // message becomes the file's error (exit 3) with the position.
  std::optional<std::string> damage() const;
  // Cheap check for parser loops: the mapped file was cut while being read,
  // so bytes from here on may be zeros, not data. Stop emitting records.
  bool stale() const;

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

  struct Watch;  // input.cpp: a mapped file range the SIGBUS handler knows

 private:
  friend class InputBuilder;
  friend Result<Input> open_input(const std::string& path, const OpenOptions& opts);
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
  bool bom_ = false, gzip_ = false, spooled_ = false, lenient_utf8_ = false;
  // A mapped file: its descriptor (kept open to notice changes), its size
  // and modification time when opened, and its entry in the SIGBUS watch.
  Watch* watch_ = nullptr;
  int fd_ = -1;
  bool owns_fd_ = false;
  std::int64_t opened_size_ = -1, opened_mtime_ns_ = 0;
  std::string damage_;  // decoding stopped early (see damage())
};

// Appends `bytes` as UTF-8: valid UTF-8 sequences as they are, every other
// byte read as Windows-1252 (what auto-detection does to a whole text).
void append_utf8_lenient(std::string& out, std::string_view bytes);

// Opens a path ("-" = stdin). gzip is detected by magic bytes, not by name.
// Encoding: BOM wins; else auto_detect keeps UTF-8 and reads bytes that are
// not UTF-8 as Windows-1252 (JSON is left to the JSON parser, which rejects
// records with bad bytes); a forced encoding transcodes as asked.
// Regular files are mapped in place. Pipes, .gz streams and transcoded text
// are decoded as a stream into memory up to a limit (32 MB), beyond it into
// an unlinked temporary file in $TMPDIR (else /tmp) that is then mapped, so
// memory stays bounded whatever the size; the temporary file stops short of
// filling the disk (see set_spool_free_space_reserve). Tests lower the limits.
Result<Input> open_input(const std::string& path, const OpenOptions& opts);
Result<Input> open_input(const std::string& path, Encoding enc = Encoding::auto_detect);
void set_spool_memory_limit(std::size_t bytes);
// Free space a temporary file must leave in its file system (default: 1 GiB
// or 5% of the file system, whichever is smaller). SIZE_MAX restores it.
void set_spool_free_space_reserve(std::uint64_t bytes);

}  // namespace idt
