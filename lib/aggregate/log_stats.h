// Why: the counts `stats` prints (by class, reason, code, app, hour), as a
// mergeable aggregate: files and chunks are counted independently and added.
#pragma once
#include <array>
#include <cstdint>
#include <map>

#include "aggregate/count_map.h"
#include "model/classes.h"
#include "model/audit.h"
#include "model/signin.h"
#include "util/time.h"

namespace idt {

struct SigninStats {
  std::uint64_t total = 0;
  std::array<std::uint64_t, kSigninClassCount> by_class{};
  CountMap by_reason;         // "class/reason"
  CountMap by_code;           // decimal code, "none" when absent
  CountMap by_app;            // app display name (or id)
  CountMap by_user_failures;  // users with non-success, non-interrupt outcomes
  // hour start (UTC micros) -> per-class counts; kNoTime bucket for undated records
  std::map<Micros, std::array<std::uint64_t, kSigninClassCount>> by_hour;

  void add(const SignIn& r, const SigninClassification& c);
  void merge(const SigninStats& o);
};

struct AuditStats {
  std::uint64_t total = 0;
  std::array<std::uint64_t, kAuditClassCount> by_class{};
  CountMap by_activity;
  CountMap by_service;
  CountMap by_result;
  std::map<Micros, std::array<std::uint64_t, kAuditClassCount>> by_hour;

  void add(const AuditEvent& e, const AuditClassification& c);
  void merge(const AuditStats& o);
};

Micros hour_of(Micros t);

}  // namespace idt
