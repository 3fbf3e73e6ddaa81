// Why: JSON and CSV readers of sign-in/audit logs both end here: they hand
// over (field, value) pairs and the builder turns them into one normalised
// SignIn or AuditEvent, parsing JSON-in-a-string cells (Log Analytics) and
// resolving fallbacks (status.errorCode before ResultType, createdDateTime
// before TimeGenerated) the same way for every shape.
#pragma once
#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "formats/log_fields.h"
#include "model/audit.h"
#include "model/signin.h"
#include "model/source.h"
#include "util/arena.h"

namespace idt {

class LogRecordBuilder {
 public:
  explicit LogRecordBuilder(RecordKind kind) : kind_(kind) {}
  RecordKind kind() const { return kind_; }
  // Fields outside `wanted` are skipped (left empty); default: all.
  void want(const LogFieldSet& wanted) { wanted_ = wanted; }

  void begin();
  // A value given as text (CSV cell, or a JSON string the caller already has).
  // `stable` = the view outlives the record (input buffer); else it is copied.
  void set_text(LogField f, std::string_view v, bool stable);
  // A value inside the current simdjson document (strings live until the
  // next document, so they are not copied).
  simdjson::error_code set_json(LogField f, simdjson::ondemand::value& v);
  // Iterate all fields of a record object (Graph / Event Hub / Log Analytics).
  simdjson::error_code set_object(simdjson::ondemand::object obj);

  // Resolves fallbacks. Returns false (with `why`) when the record is not
  // usable as this kind (e.g. an AuditLogs record in a sign-in file).
  bool finish(std::string& why);
  const SignIn& signin() const { return s_; }
  const AuditEvent& audit() const { return a_; }
  Micros time() const { return kind_ == RecordKind::audit ? a_.time : s_.time; }

 private:
  std::string_view keep(std::string_view v) { return copy_ ? arena_.copy(v) : v; }
  bool finish_signin(std::string& why);
  bool finish_audit(std::string& why);
  std::string bad_time_reason() const;
  simdjson::error_code text_of(simdjson::ondemand::value& v, std::string_view& out);
  simdjson::error_code int_of(simdjson::ondemand::value& v, std::int64_t& out, bool& ok);
  simdjson::error_code nested(LogField f, std::string_view json);
  simdjson::error_code status(simdjson::ondemand::value& v);
  simdjson::error_code location(simdjson::ondemand::value& v);
  simdjson::error_code device(simdjson::ondemand::value& v);
  simdjson::error_code mfa(simdjson::ondemand::value& v);
  simdjson::error_code ca_policies(simdjson::ondemand::value& v);
  simdjson::error_code auth_details(simdjson::ondemand::value& v);
  simdjson::error_code event_types(simdjson::ondemand::value& v);
  simdjson::error_code initiated_by(simdjson::ondemand::value& v);
  simdjson::error_code targets(simdjson::ondemand::value& v);
  void location_text(std::string_view v);
  template <class Fn>
  simdjson::error_code each_field(simdjson::ondemand::value& v, LogField self, Fn&& fn);
  template <class Fn>
  simdjson::error_code each_item(simdjson::ondemand::value& v, LogField self, Fn&& fn);
  LogField field_for(std::string_view key, std::size_t position);
  bool predicted_hit(const char* raw, std::size_t position, LogField& out) const;
  // Records of one export repeat their keys in the same order: remember the
  // key seen at each position of the previous object and its field, so the
  // usual lookup is one short memcmp instead of a hash.
  static constexpr std::size_t kPredictedPositions = 160;
  static constexpr std::size_t kMaxPredictedKey = 48;  // < kInputPadding
  struct PredictedKey {
    char key[kMaxPredictedKey] = {};  // zero-padded: compared a word at a time
    std::uint8_t size = 0;            // 0 = empty slot
    LogField field = LogField::none;
    std::string_view view() const { return {key, size}; }
  };
  PredictedKey predicted_[kPredictedPositions * 2];
  unsigned char predicted_victim_[kPredictedPositions] = {};

  bool wanted(LogField f) const { return wanted_.test(static_cast<std::size_t>(f)); }

  RecordKind kind_;
  LogFieldSet wanted_ = all_log_fields();
  SignIn s_;
  AuditEvent a_;
  Arena arena_;
  bool copy_ = false;
  int depth_ = 0;
  int properties_depth_ = 0;  // "properties" objects entered (Event Hub: one)
  // fallbacks
  Micros time_fallback_ = kNoTime, activity_time_ = kNoTime;
  bool has_code_fallback_ = false;
  std::int64_t code_fallback_ = 0;
  std::string_view reason_fallback_, ip_fallback_, operation_name_, type_column_, category_raw_;
  bool bad_time_ = false;
  std::string_view bad_time_text_;
  // JSON-in-a-string support: own parser and padded buffer.
  static constexpr int kMaxNesting = 3;
  static constexpr int kMaxPropertiesDepth = 4;
  simdjson::ondemand::parser nested_parsers_[kMaxNesting];
  std::string nested_bufs_[kMaxNesting];
};

}  // namespace idt
