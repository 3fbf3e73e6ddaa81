// Why: ticket counts are merged across files and threads; merging must give
// the same numbers as counting everything in one place.
#include <catch2/catch.hpp>

#include "aggregate/ticket_stats.h"
#include "model/ticket.h"

using namespace idt;

TEST_CASE("ticket stats: counts by class, rule and hour, and merge equals one pass", "[tickets][aggregate]") {
  auto at = [](int h, int m) { return from_civil(2026, 6, 1, h, m, 0, 0); };
  struct In {
    Micros t;
    TicketClass c;
    std::string_view rule;
  };
  const In inputs[] = {{at(5, 52), TicketClass::portal_unreachable, "portal.http_5xx"},
                       {at(5, 59), TicketClass::mfa_setup, "setup.en"},
                       {at(6, 1), TicketClass::portal_unreachable, "portal.en"},
                       {kNoTime, TicketClass::other, kNoTicketRule}};
  TicketStats all, a, b;
  for (std::size_t i = 0; i < std::size(inputs); ++i) {
    Ticket t;
    t.opened = inputs[i].t;
    TicketClassification c{inputs[i].c, inputs[i].rule};
    all.add(t, c);
    (i % 2 ? a : b).add(t, c);
  }
  a.merge(b);
  for (const TicketStats* s : {&all, &a}) {
    CHECK(s->total == 4);
    CHECK(s->undated == 1);
    CHECK(s->by_class[static_cast<std::size_t>(TicketClass::portal_unreachable)] == 2);
    CHECK(s->by_rule.get("none") == 1);
    CHECK(s->by_rule.get("portal.en") == 1);
    REQUIRE(s->by_hour.size() == 3);  // 05:00, 06:00, undated
    CHECK(s->by_hour.at(at(5, 0))[static_cast<std::size_t>(TicketClass::mfa_setup)] == 1);
    CHECK(s->by_hour.at(kNoTime)[static_cast<std::size_t>(TicketClass::other)] == 1);
    CHECK(s->first == at(5, 52));
    CHECK(s->last == at(6, 1));
  }
  CHECK(ticket_hour(at(5, 52)) == at(5, 0));
  CHECK(ticket_hour(-1) == -3600 * kMicrosPerSecond);  // floors before the epoch too
  CHECK(ticket_hour(kNoTime) == kNoTime);
}
