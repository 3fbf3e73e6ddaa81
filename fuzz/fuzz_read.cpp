// Why: inputs are hostile, and no input may crash a parser (README.md:
// nothing is ever dropped). Every parser must survive any bytes: the sniffing
// chain picks one, then every format is forced on the same bytes too, so
// parsers are reached even when sniffing says no. Invariants checked beyond
// "no crash" (ASan/UBSan do the rest): counts add up and every position lies
// inside the input.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "formats/format.h"
#include "io/input.h"
#include "model/health.h"
#include "model/ticket.h"

namespace {

struct CheckingSink final : idt::RecordSink {
  std::size_t size = 0;
  std::uint64_t records = 0, rejected = 0;
  void at(const idt::SourcePos& p) {
    if (p.offset > size) std::abort();
  }
  void on_signin(const idt::SignIn&, const idt::SourcePos& p) override {
    ++records;
    at(p);
  }
  void on_audit(const idt::AuditEvent&, const idt::SourcePos& p) override {
    ++records;
    at(p);
  }
  void on_ticket(const idt::Ticket&, const idt::SourcePos& p) override {
    ++records;
    at(p);
  }
  void on_health(const idt::HealthIssue&, const idt::SourcePos& p) override {
    ++records;
    at(p);
  }
  void on_reject(const idt::Rejection& r) override {
    ++rejected;
    at(r.pos);
    if (r.message.empty()) std::abort();  // a rejection always says why
  }
};

void read_with(const idt::Input& in, const idt::Format* forced, bool strict) {
  idt::ParseOptions o;
  o.strict = strict;
  o.max_record_bytes = 1 << 16;
  CheckingSink sink;
  sink.size = in.text().size();
  idt::FileSummary sum = idt::read_input(in, o, sink, std::nullopt, forced);
  // Ticket and health readers may keep their own counts; log readers must match.
  if (sink.rejected != sum.rejected && sum.kind != idt::RecordKind::health) std::abort();
  if (sum.first != idt::kNoTime && sum.last != idt::kNoTime && sum.first > sum.last) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  idt::Input in = idt::Input::from_string(bytes, "<fuzz>");
  read_with(in, nullptr, size % 2 == 1);
  for (const idt::Format* f : idt::all_formats()) read_with(in, f, false);
  return 0;
}
