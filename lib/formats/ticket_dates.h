// Why: help-desk exports write dates in whatever the exporting user's locale
// said ("29-02-2016 01:16", "22/Sep/25 9:26 AM", "06/ene/26 9:29 AM",
// "6/1/2026 6:12 AM"); day/month order cannot be known from one value, so it is
// decided once per column from all of its values.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/time.h"

namespace idt {

enum class DateOrder : std::uint8_t { unknown, dmy, mdy };
std::string_view date_order_name(DateOrder o);
// "dmy", "mdy", or a pattern such as "dd/mm/yyyy", "%m/%d/%Y HH:MM" (the first
// of d/m decides). nullopt if neither letter appears.
std::optional<DateOrder> parse_date_order(std::string_view s);

// Month number (1..12) from an English, Spanish, Portuguese, French, German or
// Italian month name or abbreviation ("Sep", "ene", "dez", "févr.", "März");
// 0 if unknown. Case-insensitive for ASCII letters; a trailing '.' is ignored.
int month_from_name(std::string_view word);

// Parses one ticket date/time. `order` resolves all-numeric dates ("06/01/2026");
// with DateOrder::unknown a value is read day-first only if its first number
// is > 12. Times without an explicit zone are local to `tz_offset_minutes`
// (east of UTC positive) and shifted to UTC. "" and "?" give nullopt.
std::optional<Micros> parse_ticket_date(std::string_view s, DateOrder order = DateOrder::unknown,
                                        int tz_offset_minutes = 0);

// --tz offsets: parse_utc_offset in util/time.h.

// Watches the values of one column and decides day/month order:
// a first number > 12 means dmy, a second number > 12 means mdy.
class DateOrderDetector {
 public:
  void see(std::string_view value);
  bool decided() const { return dmy_votes_ > 0 || mdy_votes_ > 0; }
  // Values whose order is ambiguous by shape (all-numeric d/m/y).
  std::size_t numeric_values() const { return numeric_; }
  // Values whose shape needs no decision (ISO, month names) or unparseable.
  std::size_t other_values() const { return other_; }
  std::size_t dmy_votes() const { return dmy_votes_; }
  std::size_t mdy_votes() const { return mdy_votes_; }
  std::string_view first_evidence() const { return evidence_; }
  char separator() const { return sep_; }  // separator of the first numeric value

 private:
  std::size_t numeric_ = 0, other_ = 0, dmy_votes_ = 0, mdy_votes_ = 0;
  std::string evidence_;  // the first value that decided (copied once)
  char sep_ = 0;
};

struct DateOrderDecision {
  DateOrder order = DateOrder::unknown;
  std::string note;  // empty when the column needs no decision
};
// Data wins; else --date-format (`option`); else a default by separator
// ('/' -> mdy, '-' and '.' -> dmy) with a note saying it was ambiguous.
DateOrderDecision decide_date_order(const DateOrderDetector& d, std::string_view option, std::string_view column_name);

}  // namespace idt
