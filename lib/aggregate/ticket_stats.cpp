// Why: see ticket_stats.h.
#include "aggregate/ticket_stats.h"

#include "model/ticket.h"

namespace idt {

Micros ticket_hour(Micros t) {
  if (t == kNoTime) return kNoTime;
  constexpr Micros kHour = 3600 * kMicrosPerSecond;
  Micros r = t % kHour;
  return t - (r < 0 ? r + kHour : r);
}

void TicketStats::add(const Ticket& t, const TicketClassification& c) {
  auto i = static_cast<std::size_t>(c.cls);
  ++total;
  ++by_class[i];
  by_rule.add(c.rule_id);
  ++by_hour[ticket_hour(t.opened)][i];
  if (t.opened == kNoTime) {
    ++undated;
    return;
  }
  if (first == kNoTime || t.opened < first) first = t.opened;
  if (last == kNoTime || t.opened > last) last = t.opened;
}

void TicketStats::merge(const TicketStats& o) {
  total += o.total;
  undated += o.undated;
  for (std::size_t i = 0; i < kTicketClassCount; ++i) by_class[i] += o.by_class[i];
  by_rule.merge(o.by_rule);
  for (const auto& [h, counts] : o.by_hour) {
    auto& mine = by_hour[h];
    for (std::size_t i = 0; i < kTicketClassCount; ++i) mine[i] += counts[i];
  }
  if (o.first != kNoTime && (first == kNoTime || o.first < first)) first = o.first;
  if (o.last != kNoTime && (last == kNoTime || o.last > last)) last = o.last;
}

}  // namespace idt
