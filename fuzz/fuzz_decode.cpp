// Why: inputs are decoded as streams (gzip members, BOM, UTF-16 pairs,
// Windows-1252 bytes among UTF-8, a spool that moves to a temporary file).
// Whatever the bytes, reading them from memory in one piece and from a
// mapped file through a spool that spills to disk after 1 KiB must give the
// same text and the same verdict on damage, with zeroed padding after it.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "io/input.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  idt::set_spool_memory_limit(1024);
  idt::set_spool_free_space_reserve(0);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  idt::Input mem = idt::Input::from_string(bytes, "<fuzz>");
  int fd = ::memfd_create("idtriage-fuzz-decode", MFD_CLOEXEC);
  if (fd < 0) return 0;
  for (std::size_t at = 0; at < size;) {
    ssize_t w = ::write(fd, data + at, size - at);
    if (w <= 0) break;
    at += static_cast<std::size_t>(w);
  }
  idt::OpenOptions o;
  o.max_decoded = 0;
  auto file = idt::open_input("/proc/self/fd/" + std::to_string(fd), o);
  ::close(fd);
  if (!file.ok()) std::abort();  // a readable file always opens
  if (file->text() != mem.text()) std::abort();
  if (file->damage().has_value() != mem.damage().has_value()) std::abort();
  for (const idt::Input* in : {&mem, &file.value()}) {
    const char* end = in->text().data() + in->text().size();
    for (std::size_t i = 0; i < idt::kInputPadding; ++i)
      if (end[i] != '\0') std::abort();
  }
  return 0;
}
