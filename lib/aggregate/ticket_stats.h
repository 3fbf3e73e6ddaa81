// Why: the counts `tickets` prints and `triage` will correlate (per class, per
// rule, per hour) as a mergeable aggregate, like the sign-in/audit stats.
#pragma once
#include <array>
#include <cstdint>
#include <map>

#include "aggregate/count_map.h"
#include "classify/ticket_classifier.h"
#include "util/time.h"

namespace idt {

struct Ticket;

struct TicketStats {
  using ClassCounts = std::array<std::uint64_t, kTicketClassCount>;
  std::uint64_t total = 0;
  std::uint64_t undated = 0;  // opened missing or unparseable
  ClassCounts by_class{};
  CountMap by_rule;                       // rule id ("none" when nothing matched)
  std::map<Micros, ClassCounts> by_hour;  // hour start (UTC); kNoTime = undated
  Micros first = kNoTime, last = kNoTime;

  void add(const Ticket& t, const TicketClassification& c);
  void merge(const TicketStats& o);
};

// Start of the UTC hour containing t (kNoTime stays kNoTime).
Micros ticket_hour(Micros t);

}  // namespace idt
