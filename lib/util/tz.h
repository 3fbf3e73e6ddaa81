// Why: registration waves are planned in each region's local working hours,
// and daylight saving moves them by an hour for half the year. GCC 12's
// libstdc++ has no std::chrono time-zone database, so this reads the
// system's IANA zone files (TZif, RFC 8536; $TZDIR, else /usr/share/zoneinfo,
// Debian package tzdata) including the POSIX TZ rule that covers times past
// the last transition. A fixed UTC offset is a zone too.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"
#include "util/time.h"

namespace idt {

// "CET-1CEST,M3.5.0,M10.5.0/3" (POSIX.1 TZ with RFC 8536 extensions).
struct PosixTz {
  int std_offset = 0;  // minutes east of UTC (the POSIX string has the opposite sign)
  bool has_dst = false;
  int dst_offset = 0;
  struct Rule {
    char kind = 'M';  // 'M' month.week.day, 'J' Julian day 1-365 (no Feb 29), 'N' zero-based day 0-365
    int month = 0, week = 0, weekday = 0, day = 0;
    int seconds = 7200;  // local time of the change (may be negative or past 24 h)
  } start, end;
  int offset_at(Micros utc) const;  // minutes east of UTC
};
Result<PosixTz> parse_posix_tz(std::string_view s);

class TimeZone {
 public:
  // "Europe/Paris" from the system database; an error names the zone and why.
  static Result<TimeZone> load(std::string_view iana_name);
  static TimeZone fixed(int offset_minutes);  // named "UTC+02:00"
  // An IANA name, or a UTC offset ("+02:00", "UTC-5", "GMT+5:30", "UTC").
  static Result<TimeZone> parse(std::string_view text);
  // From TZif bytes (tests, and load()).
  static Result<TimeZone> from_tzif(std::string_view bytes, std::string name);

  const std::string& name() const { return name_; }
  bool is_fixed() const { return transitions_.empty() && !tail_.has_dst && types_.empty(); }
  int offset_at(Micros utc) const;  // minutes east of UTC at that instant
  // The UTC instant of a local wall-clock time. A time skipped by a
  // daylight-saving change is moved forward by the gap; an ambiguous one
  // takes the first (earlier) instant.
  Micros to_utc(int year, int month, int day, int hour, int minute) const;
  CivilTime to_local(Micros utc) const;

 private:
  std::string name_;
  std::vector<std::int64_t> transitions_;  // seconds since the epoch, ascending
  std::vector<std::uint8_t> type_of_;      // per transition
  std::vector<int> types_;                 // offset (minutes) per local time type
  int initial_ = 0;                        // offset before the first transition
  PosixTz tail_;                           // after the last transition
  bool has_tail_ = false;
};

// Where zone files are looked up ($TZDIR, else /usr/share/zoneinfo).
std::string tz_directory();

}  // namespace idt
