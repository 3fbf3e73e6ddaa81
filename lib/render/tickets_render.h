// Why: `idtriage tickets` output. Rows stream as JSON lines, CSV or TSV; the
// table and JSON report show per-class counts, an hourly histogram and the
// ticket list with class and rule. Analysis fills TicketsReport; only this
// layer formats text.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aggregate/ticket_stats.h"
#include "classify/ticket_classifier.h"
#include "model/file_result.h"
#include "render/output.h"

namespace idt {

// One listed ticket as every output sees it.
struct TicketRowView {
  std::string_view file;
  std::uint64_t line = 0;
  std::string_view id, title, description, caller, state, category, group;
  Micros opened = kNoTime;
  TicketClass cls = TicketClass::other;
  std::string_view rule;
  std::string_view caller_name;  // display name beside an e-mail caller (empty otherwise)
};

// An owned copy, for outputs that are written after all files are read.
struct TicketListRow {
  std::string file, id, title, description, caller, state, category, group, rule, caller_name;
  std::uint64_t line = 0;
  Micros opened = kNoTime;
  TicketClass cls = TicketClass::other;

  static TicketListRow copy_of(const TicketRowView& v);
  TicketRowView view() const;
};

// Streams rows as JSON lines, CSV or TSV (header first when `header`).
class TicketRowWriter {
 public:
  TicketRowWriter(Output& out, OutputFormat fmt, bool header = true);
  void write(const TicketRowView& r);
  std::uint64_t rows() const { return rows_; }

 private:
  Output& out_;
  OutputFormat fmt_;
  bool header_pending_;
  std::uint64_t rows_ = 0;
};

struct TicketsReport {
  std::vector<FileResult> files;
  TicketStats stats;                // every ticket in the window (all classes)
  std::vector<TicketListRow> rows;  // listed tickets in input order (after --only, up to the limit)
  std::uint64_t listed = 0;         // tickets that passed --only (rows.size() <= listed)
  std::optional<TicketClass> only;
  std::size_t top_rules = 10;  // rows in the rule table (text)
};

// Table (text) or JSON ("idtriage.tickets/1").
void render_tickets(Output& out, const TicketsReport& r, OutputFormat fmt);

}  // namespace idt
