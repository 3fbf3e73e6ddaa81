// Why: --rules files are written by people and read as hostile text: any
// bytes load or fail with a message naming file:line, never crash, and a
// rule that loads classifies any ticket text (RE2: linear time; a costly
// program is refused at load).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "classify/ticket_classifier.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto rules = idt::TicketRules::from_text(text, "fuzz.rules");
  if (!rules.ok()) {
    if (rules.error().message.rfind("fuzz.rules:", 0) != 0) std::abort();  // errors name the place
    return 0;
  }
  rules->classify_text(text);
  rules->classify_text(std::string(4096, 'a') + "\n" + std::string(text.substr(0, 256)));
  return 0;
}
