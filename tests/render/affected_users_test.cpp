// Why: the affected-users CSV is what the help desk attaches to the master
// incident: one row per finding and user, every ticket id, nothing from an
// input reaching a spreadsheet as a formula or a control sequence.
#include <catch2/catch.hpp>

#include "render/affected_users.h"

using namespace idt;

TEST_CASE("affected users CSV: one row per finding and user, safe fields", "[render]") {
  TriageReport r;
  Finding f;
  f.id = "F1";
  f.kind = FindingKind::provider_portal_outage;
  AffectedUser a;
  a.user = "alex@contoso.com";
  a.first = from_civil(2026, 6, 1, 5, 51, 0, 0);
  a.last = from_civil(2026, 6, 1, 6, 10, 30, 0);
  a.classes = {"portal_service_error", "ticket:portal_unreachable"};
  a.ticket_ids = {"INC0010001", "INC0010007"};
  AffectedUser b;
  b.user = "=HYPERLINK(\"http://x\")\x1b[31m";  // a caller name written to attack a spreadsheet
  b.classes = {"ticket:mfa_setup"};
  f.evidence.affected = {a, b};
  r.findings.push_back(f);
  std::string out;
  render_affected_users_csv(out, r);
  CHECK(out ==
        "finding,kind,upn,first,last,classes,ticket_ids\n"
        "F1,provider_portal_outage,alex@contoso.com,2026-06-01T05:51:00Z,2026-06-01T06:10:30Z,"
        "portal_service_error;ticket:portal_unreachable,INC0010001 INC0010007\n"
        "F1,provider_portal_outage,\"'=HYPERLINK(\"\"http://x\"\")<U+001B>[31m\",,,ticket:mfa_setup,\n");  // ESC shown
}
