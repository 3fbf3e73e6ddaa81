// Why: every export writes times differently and all of them must become the
// same UTC microsecond; expected values below were computed independently
// with Python's datetime (see the comments), not copied from the program.
#include <catch2/catch.hpp>

#include "util/time.h"

using namespace idt;

namespace {
constexpr Micros kHour = 3600 * kMicrosPerSecond;
constexpr Micros kDay = 24 * kHour;
}  // namespace

TEST_CASE("parse_iso8601: 7 fractional digits and a -05:00 offset become UTC", "[util][time]") {
  // Event Hub createdDateTime from test-signinlogs-raw.log; 09:45:48.072989Z
  // = 1571391948072989 us (python: datetime(2019,10,18,9,45,48,72989,utc)).
  auto t = parse_iso8601("2019-10-18T04:45:48.0729893-05:00");
  REQUIRE(t);
  CHECK(*t == 1571391948072989);
  CHECK(format_rfc3339(*t) == "2019-10-18T09:45:48Z");
  // The same instant written in Z by the Event Hub envelope.
  CHECK(parse_iso8601("2019-10-18T09:45:48.0729893Z") == t);
  CHECK(parse_iso8601("2019-10-18T09:45:48.0729893+00:00") == t);
}

TEST_CASE("parse_iso8601: shapes that real exports use", "[util][time]") {
  const Micros base = 1780293000000000;  // 2026-06-01T05:50:00Z
  CHECK(parse_iso8601("2026-06-01T05:50:00Z") == base);
  CHECK(parse_iso8601("2026-06-01T05:50:00z") == base);
  CHECK(parse_iso8601("2026-06-01 05:50:00") == base);  // no offset = UTC
  CHECK(parse_iso8601("2026-06-01T05:50Z") == base);    // no seconds
  CHECK(parse_iso8601("2026-06-01T07:50:00+02:00") == base);
  CHECK(parse_iso8601("2026-06-01T11:20:00+0530") == base);  // offset without colon
  CHECK(parse_iso8601("2026-06-01T00:50:00-05") == base);    // hours-only offset
  CHECK(parse_iso8601("  2026-06-01T05:50:00Z\r") == base);  // CSV cell padding
  CHECK(parse_iso8601("2026-06-01T05:50:00.5Z") == base + 500000);
  CHECK(parse_iso8601("2026-06-01T05:50:00,25Z") == base + 250000);
  CHECK(parse_iso8601("2026-06-01T05:50:00.123456789Z") == base + 123456);  // ns truncated
  CHECK(parse_iso8601("2026-06-01") == 1780272000000000);                   // date only: midnight UTC
  // Assumed offset applies only when the text has none.
  CHECK(parse_iso8601("2026-06-01 07:50:00", 120) == base);
  CHECK(parse_iso8601("2026-06-01T05:50:00Z", 120) == base);
  // Leap day in a leap year.
  CHECK(parse_iso8601("2024-02-29T23:59:59Z") == 1709251199000000);
}

TEST_CASE("parse_iso8601 rejects invalid dates and junk", "[util][time]") {
  CHECK_FALSE(parse_iso8601(""));
  CHECK_FALSE(parse_iso8601("2026-13-01T00:00:00Z"));
  CHECK_FALSE(parse_iso8601("2026-00-10T00:00:00Z"));
  CHECK_FALSE(parse_iso8601("2026-04-31T00:00:00Z"));  // April has 30 days
  CHECK_FALSE(parse_iso8601("2026-02-30"));
  CHECK_FALSE(parse_iso8601("2023-02-29"));  // not a leap year
  CHECK_FALSE(parse_iso8601("2100-02-29"));  // century, not a leap year
  CHECK(parse_iso8601("2000-02-29"));        // 400-year rule: leap
  CHECK_FALSE(parse_iso8601("2026-06-01T24:00:00Z"));
  CHECK_FALSE(parse_iso8601("2026-06-01T05:60:00Z"));
  CHECK_FALSE(parse_iso8601("2026-06-01T05:50:00Zjunk"));
  CHECK_FALSE(parse_iso8601("2026-06-01T05:50:00."));
  CHECK_FALSE(parse_iso8601("2026-06-01T05:50:00+xx:00"));
  CHECK_FALSE(parse_iso8601("2026/06/01 05:50:00"));
  CHECK_FALSE(parse_iso8601("June 1st"));
  CHECK_FALSE(parse_iso8601("2026-06-01X05:50"));
}

TEST_CASE("parse_la_time: Log Analytics portal export times", "[util][time]") {
  // sign-in_adelete.csv row 1; python: 2021-04-28 14:08:45.221 UTC.
  CHECK(parse_la_time("4/28/2021, 2:08:45.221 PM") == 1619618925221000);
  CHECK(parse_log_time("4/28/2021, 2:08:45.221 PM") == 1619618925221000);
  // 12 AM is midnight, 12 PM is noon.
  CHECK(parse_la_time("4/28/2021, 12:05:00.000 AM") == 1619568300000000);
  CHECK(parse_la_time("4/28/2021, 12:05:00.000 PM") == 1619611500000000);
  CHECK(parse_la_time("04/28/2021, 12:05:00 PM") == 1619611500000000);
  CHECK(parse_la_time("4/28/2021 12:05 PM") == 1619611500000000);   // no comma, no seconds
  CHECK(parse_la_time("4/28/2021, 12:05:00") == 1619611500000000);  // 24-hour
  // More than 6 fractional digits: extra digits are truncated, not an error.
  CHECK(parse_la_time("4/28/2021, 2:08:45.2213421 PM") == 1619618925221342);
  CHECK_FALSE(parse_la_time("13/28/2021, 2:08:45 PM"));
  CHECK_FALSE(parse_la_time("2/30/2021, 2:08:45 PM"));
  CHECK_FALSE(parse_la_time("4/28/2021, 13:08:45 PM"));
  CHECK_FALSE(parse_la_time("4/28/2021, 0:08:45 AM"));
  CHECK_FALSE(parse_la_time("4/28/2021, 2:08:45 XM"));
  CHECK_FALSE(parse_la_time("4/28/21, 2:08 PM"));
  CHECK_FALSE(parse_la_time("2021-04-28"));
}

TEST_CASE("offsets out of range are rejected: +99:99 is not a time zone", "[util][time]") {
  CHECK_FALSE(parse_iso8601("2026-06-01T05:50:00+99:99"));
  CHECK_FALSE(parse_iso8601("2026-06-01T05:50:00+24:00"));
  CHECK_FALSE(parse_iso8601("2026-06-01T05:50:00-05:60"));
  CHECK_FALSE(parse_iso8601("2026-06-01T05:50:00+0599"));
  CHECK(parse_iso8601("2026-06-02T05:49:00+23:59") == 1780293000000000);  // the largest offset: 2026-06-01T05:50Z
  CHECK_FALSE(parse_la_time("1/9/2007 10:41:00 AM +99:99"));
}

TEST_CASE("times as .NET and PowerShell exporters write them (Elastic's corner cases)", "[util][time]") {
  // python: datetime(2007,1,9,9,41,tzinfo=utc).timestamp() = 1168335660
  const Micros t = 1168335660 * kMicrosPerSecond;
  for (const char* s : {"01/09/2007 09:41:00", "1/9/2007 09:41:00", "01/09/2007 09:41:00 AM", "1/9/2007 9:41:00 AM",
                        "1/9/2007 10:41:00 AM +01:00", "1/9/2007 4:41:00 AM -05:00", "1/9/2007 9:41:00 AM Z",
                        "1/9/2007 9:41:00 AM UTC", "2007-01-09T09:41:00", "2007-01-09T11:41:00+02:00"}) {
    INFO(s);
    CHECK(parse_log_time(s) == t);
  }
  CHECK(parse_log_time("2007-01-09T09:41:00.22Z") == t + 220000);
  CHECK(parse_log_time("2007-01-09T09:41:00.6816663Z") == t + 681666);
  CHECK(parse_log_time("2007-01-09T09:41:00.535404056Z") == t + 535404);
  CHECK(parse_log_time("2007-01-09T09:41:00.992099+00:00") == t + 992099);
  CHECK_FALSE(parse_log_time("1/9/2007 9:41:00 AM +01:00 junk"));
}

TEST_CASE("format_rfc3339 round-trips parse_iso8601", "[util][time]") {
  for (const char* s : {"1970-01-01T00:00:00Z", "2019-10-18T09:45:48Z", "2024-02-29T23:59:59Z", "2026-06-01T05:50:00Z",
                        "1999-12-31T23:59:59Z", "2038-01-19T03:14:08Z", "1969-07-20T20:17:40Z"}) {
    auto t = parse_iso8601(s);
    REQUIRE(t);
    CHECK(format_rfc3339(*t) == s);
  }
  CHECK(format_rfc3339(1584126941619583, true) == "2020-03-13T19:15:41.619Z");
  CHECK(format_rfc3339(-500000, true) == "1969-12-31T23:59:59.500Z");  // before the epoch
  CHECK(format_rfc3339(kNoTime).empty());
  CHECK(format_hhmm(*parse_iso8601("2026-06-01T05:07:59Z")) == "05:07");
  CHECK(format_day_minute(*parse_iso8601("2026-06-01T05:07:59Z")) == "2026-06-01 05:07");
  CHECK(format_hhmm(kNoTime) == "?");
  CHECK(format_day_minute(kNoTime, "-") == "-");
  CivilTime c = to_civil(-500000);
  CHECK(c.year == 1969);
  CHECK(c.second == 59);
  CHECK(c.micros == 500000);
  CHECK(from_civil(1969, 12, 31, 23, 59, 59, 500000) == -500000);
}

TEST_CASE("parse_time_arg: RFC 3339, now and relative", "[util][time]") {
  const Micros now = 1780293000000000;
  CHECK(parse_time_arg("now", now) == now);
  CHECK(parse_time_arg("-24h", now) == now - 24 * kHour);
  CHECK(parse_time_arg("-7d", now) == now - 7 * kDay);
  CHECK(parse_time_arg("-30m", now) == now - 30 * 60 * kMicrosPerSecond);
  CHECK(parse_time_arg("+1h", now) == now + kHour);
  CHECK(parse_time_arg("2026-06-01", now) == 1780272000000000);
  CHECK(parse_time_arg("2019-10-18T04:45:48.0729893-05:00", now) == 1571391948072989);
  CHECK_FALSE(parse_time_arg("-24x", now));
  CHECK_FALSE(parse_time_arg("-", now));
  CHECK_FALSE(parse_time_arg("yesterday", now));
  CHECK_FALSE(parse_time_arg("", now));
}

TEST_CASE("parse_duration", "[util][time]") {
  CHECK(parse_duration("90s") == 90 * kMicrosPerSecond);
  CHECK(parse_duration("15m") == 15 * 60 * kMicrosPerSecond);
  CHECK(parse_duration("1h") == kHour);
  CHECK(parse_duration("30d") == 30 * kDay);
  CHECK(parse_duration("2w") == 14 * kDay);
  CHECK_FALSE(parse_duration(""));
  CHECK_FALSE(parse_duration("m"));
  CHECK_FALSE(parse_duration("15"));
  CHECK_FALSE(parse_duration("15mm"));
  CHECK_FALSE(parse_duration("-5m"));
  CHECK_FALSE(parse_duration("1.5h"));
  CHECK_FALSE(parse_duration("5y"));
}
