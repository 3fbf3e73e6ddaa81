// Why: a wave planned an hour off lands in the morning peak it was meant to
// avoid. Zone offsets are pinned across daylight-saving changes in both
// hemispheres, past the zone files' transition tables (the POSIX rule), and
// for local times that are skipped or repeated; bad zone names and files
// are refused. Needs the tzdata package (./dev installs it).
#include <catch2/catch.hpp>

#include "util/tz.h"

using namespace idt;

namespace {
Micros utc(int y, int mo, int d, int h, int mi = 0, int s = 0) { return from_civil(y, mo, d, h, mi, s, 0); }
TimeZone zone(const char* n) {
  auto z = TimeZone::load(n);
  INFO(n << ": " << (z.ok() ? "" : z.error().message));
  REQUIRE(z.ok());
  return *z;
}
}  // namespace

TEST_CASE("IANA zones: offsets across daylight saving, both hemispheres", "[util][tz]") {
  TimeZone paris = zone("Europe/Paris");
  CHECK(paris.name() == "Europe/Paris");
  CHECK(paris.offset_at(utc(2026, 6, 1, 12)) == 120);
  CHECK(paris.offset_at(utc(2026, 1, 15, 12)) == 60);
  CHECK(paris.offset_at(utc(2026, 3, 29, 0, 59, 59)) == 60);  // last Sunday of March, 01:00 UTC
  CHECK(paris.offset_at(utc(2026, 3, 29, 1)) == 120);
  CHECK(paris.offset_at(utc(2026, 10, 25, 0, 59, 59)) == 120);
  CHECK(paris.offset_at(utc(2026, 10, 25, 1)) == 60);
  TimeZone ny = zone("America/New_York");
  CHECK(ny.offset_at(utc(2026, 6, 1, 12)) == -240);
  CHECK(ny.offset_at(utc(2026, 1, 15, 12)) == -300);
  TimeZone syd = zone("Australia/Sydney");
  CHECK(syd.offset_at(utc(2026, 6, 1, 12)) == 600);
  CHECK(syd.offset_at(utc(2026, 1, 15, 12)) == 660);
  CHECK(zone("Asia/Kolkata").offset_at(utc(2026, 6, 1, 12)) == 330);
  CHECK(zone("UTC").offset_at(utc(2026, 6, 1, 12)) == 0);
  // Far past the transition table: the footer's POSIX rule decides.
  CHECK(paris.offset_at(utc(2100, 7, 1, 12)) == 120);
  CHECK(paris.offset_at(utc(2100, 12, 1, 12)) == 60);
  CHECK(syd.offset_at(utc(2100, 1, 10, 12)) == 660);
  CHECK(syd.offset_at(utc(2100, 7, 10, 12)) == 600);
  CHECK(ny.offset_at(utc(2100, 3, 14, 6, 59)) == -300);  // second Sunday of March 2100 is the 14th
  CHECK(ny.offset_at(utc(2100, 3, 14, 7, 0)) == -240);
}

TEST_CASE("local wall-clock times to UTC, including skipped and repeated hours", "[util][tz]") {
  TimeZone paris = zone("Europe/Paris");
  CHECK(paris.to_utc(2026, 6, 2, 10, 0) == utc(2026, 6, 2, 8));
  CHECK(paris.to_utc(2026, 1, 6, 10, 0) == utc(2026, 1, 6, 9));
  CHECK(paris.to_utc(2026, 3, 29, 2, 30) == utc(2026, 3, 29, 1, 30));    // does not exist: 03:30 CEST
  CHECK(paris.to_utc(2026, 10, 25, 2, 30) == utc(2026, 10, 25, 0, 30));  // twice: the first (CEST)
  CivilTime c = paris.to_local(utc(2026, 6, 2, 8));
  CHECK(c.hour == 10);
  CHECK(c.day == 2);
  TimeZone syd = zone("Australia/Sydney");
  CHECK(syd.to_utc(2026, 6, 2, 10, 0) == utc(2026, 6, 2, 0));
  CHECK(syd.to_local(utc(2026, 1, 1, 13)).day == 2);  // already the next day in Sydney
}

TEST_CASE("fixed offsets and parse()", "[util][tz]") {
  auto z = TimeZone::parse("+05:30");
  REQUIRE(z.ok());
  CHECK(z->name() == "UTC+05:30");
  CHECK(z->is_fixed());
  CHECK(z->offset_at(utc(2026, 6, 1, 0)) == 330);
  CHECK(z->to_utc(2026, 6, 1, 10, 0) == utc(2026, 6, 1, 4, 30));
  CHECK(TimeZone::parse("UTC-5")->offset_at(0) == -300);
  CHECK(TimeZone::parse("GMT")->name() == "UTC+00:00");
  CHECK(TimeZone::parse(" Europe/Berlin ")->offset_at(utc(2026, 6, 1, 0)) == 120);
  auto bad = TimeZone::parse("Mars/Olympus_Mons");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("not found") != std::string::npos);
  CHECK_FALSE(TimeZone::load("../../etc/passwd").ok());
  CHECK_FALSE(TimeZone::load("/etc/localtime").ok());
  CHECK_FALSE(TimeZone::load("Europe/Paris;rm").ok());
  CHECK_FALSE(TimeZone::from_tzif("TZif2 not really", "x").ok());
  CHECK_FALSE(TimeZone::from_tzif("", "x").ok());
}

TEST_CASE("POSIX TZ rules", "[util][tz]") {
  auto cet = parse_posix_tz("CET-1CEST,M3.5.0,M10.5.0/3");
  REQUIRE(cet.ok());
  CHECK(cet->std_offset == 60);
  CHECK(cet->dst_offset == 120);
  CHECK(cet->end.seconds == 3 * 3600);
  CHECK(cet->offset_at(utc(2031, 7, 1, 0)) == 120);
  auto ind = parse_posix_tz("<+0530>-5:30");
  REQUIRE(ind.ok());
  CHECK_FALSE(ind->has_dst);
  CHECK(ind->offset_at(utc(2031, 7, 1, 0)) == 330);
  auto aus = parse_posix_tz("AEST-10AEDT,M10.1.0,M4.1.0/3");
  REQUIRE(aus.ok());
  CHECK(aus->offset_at(utc(2031, 1, 1, 0)) == 660);
  CHECK(aus->offset_at(utc(2031, 7, 1, 0)) == 600);
  auto julian = parse_posix_tz("XST3XDT,J60/2,J300/2");  // Julian days ignore Feb 29
  REQUIRE(julian.ok());
  CHECK(julian->offset_at(utc(2032, 3, 1, 5, 1)) == -120);  // 1 March 02:00 local standard in a leap year
  CHECK(julian->offset_at(utc(2032, 2, 29, 12)) == -180);
  auto zero = parse_posix_tz("XST3XDT,60,299");  // zero-based, Feb 29 counted: day 60 is 1 March in 2032
  REQUIRE(zero.ok());
  CHECK(zero->offset_at(utc(2032, 3, 1, 12)) == -120);
  CHECK(zero->offset_at(utc(2032, 2, 28, 12)) == -180);
  for (const char* bad :
       {"", "X5", "CET", "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.5.0", "CET-1CEST,M3.5.0,M10.5.0x"})
    CHECK_FALSE(parse_posix_tz(bad).ok());
}
