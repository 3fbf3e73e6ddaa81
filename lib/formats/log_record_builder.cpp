// Why: see log_record_builder.h. Nested objects are small; their keys are
// compared directly. Top-level keys go through a per-builder cache so the
// hot path never allocates.
#include "formats/log_record_builder.h"

#include <bit>
#include <cstring>
#include <unordered_map>
#include <utility>

#include "util/text.h"
#include "util/time.h"

namespace idt {
namespace ond = simdjson::ondemand;
using simdjson::error_code;
using simdjson::SUCCESS;

namespace {

struct SvHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using FieldCache = std::unordered_map<std::string, LogField, SvHash, std::equal_to<>>;
constexpr std::size_t kMaxCachedKeys = 4096;  // hostile input cannot grow it without bound

// Raw key text without unescaping (keys practically never contain escapes).
error_code key_of(ond::field& f, std::string_view& out) {
  // simdjson validated the document, so a closing quote follows; keys are
  // short, so a plain loop beats memchr's call overhead.
  const char* k = f.key().raw();
  const char* e = k;
  while (*e != '"' && *e != '\\') ++e;
  if (*e == '"') {
    out = std::string_view(k, static_cast<std::size_t>(e - k));
    return SUCCESS;
  }
  return f.unescaped_key().get(out);
}

// An error code as exporters write it: "50126", 50126, and 50126.0 (a
// PowerShell or pandas export turns integer columns into floats). Anything
// else (50126.5, words, out of range) is not a code: the record is kept
// without one, as "no code", never rejected for it.
bool code_of_text(std::string_view t, long long& out) {
  t = trim(t);
  if (parse_int(t, out)) return true;
  const std::size_t dot = t.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == t.size()) return false;
  for (char c : t.substr(dot + 1))
    if (c != '0') return false;
  return parse_int(t.substr(0, dot), out);
}

Tri tri_of_text(std::string_view v) {
  v = trim(v);
  if (iequals(v, "true") || v == "1" || iequals(v, "yes")) return Tri::yes;
  if (iequals(v, "false") || v == "0" || iequals(v, "no")) return Tri::no;
  return Tri::unknown;
}

}  // namespace

namespace {

// Whether raw[0, k.size) equals k: 8 bytes at a time, the last word masked.
// Reads up to 7 bytes past the key; callers guarantee they are readable.
inline bool same_prefix(const char* raw, const char* key, std::size_t n) {
  if constexpr (std::endian::native != std::endian::little) return std::memcmp(raw, key, n) == 0;
  for (std::size_t i = 0; i < n; i += 8) {
    std::uint64_t a, b;
    std::memcpy(&a, raw + i, 8);
    std::memcpy(&b, key + i, 8);
    std::uint64_t diff = a ^ b;
    if (n - i < 8) diff &= (std::uint64_t{1} << (8 * (n - i))) - 1;  // little-endian: low bytes first
    if (diff) return false;
  }
  return true;
}

}  // namespace

bool LogRecordBuilder::predicted_hit(const char* raw, std::size_t position, LogField& out) const {
  if (position >= kPredictedPositions) return false;
  const PredictedKey* two = &predicted_[position * 2];
  for (int w = 0; w < 2; ++w) {
    const PredictedKey& k = two[w];
    // Stored keys never contain '"' or '\\', so a match followed by the
    // closing quote is exactly this key (the document was validated).
    if (k.size && same_prefix(raw, k.key, k.size) && raw[k.size] == '"') {
      out = k.field;
      return true;
    }
  }
  return false;
}

LogField LogRecordBuilder::field_for(std::string_view key, std::size_t position) {
  PredictedKey* slot = nullptr;
  if (position < kPredictedPositions) {
    // Two ways per position: exports that interleave two record layouts
    // (e.g. interactive and non-interactive) still hit.
    PredictedKey* two = &predicted_[position * 2];
    for (int w = 0; w < 2; ++w)
      if (two[w].size && two[w].view() == key) return two[w].field;
    slot = &two[predicted_victim_[position]];
    predicted_victim_[position] ^= 1;
  }
  static thread_local FieldCache signin_cache, audit_cache;
  FieldCache& cache = kind_ == RecordKind::audit ? audit_cache : signin_cache;
  LogField f;
  auto it = cache.find(key);
  if (it != cache.end()) {
    f = it->second;
  } else {
    f = lookup_log_field(key, kind_);
    if (cache.size() < kMaxCachedKeys) cache.emplace(std::string(key), f);
  }
  // Only short keys are predicted: predicted_hit compares without knowing the
  // raw key's length and may read that many bytes (the input's padding covers it).
  if (slot && !key.empty() && key.size() <= kMaxPredictedKey) {
    *slot = PredictedKey{};
    std::memcpy(slot->key, key.data(), key.size());
    slot->size = static_cast<std::uint8_t>(key.size());
    slot->field = f;
  }
  return f;
}

void LogRecordBuilder::begin() {
  s_.clear();
  a_.clear();
  arena_.reset();
  copy_ = false;
  depth_ = 0;
  time_fallback_ = activity_time_ = kNoTime;
  has_code_fallback_ = false;
  code_fallback_ = 0;
  reason_fallback_ = ip_fallback_ = operation_name_ = type_column_ = category_raw_ = {};
  bad_time_ = false;
  bad_time_text_ = {};
}

error_code LogRecordBuilder::text_of(ond::value& v, std::string_view& out) {
  // Strings are the common case: try them first (a failed get_string leaves
  // the value untouched).
  std::string_view s;
  error_code e = v.get_string().get(s);
  if (!e) {
    out = keep(s);
    return SUCCESS;
  }
  if (e != simdjson::INCORRECT_TYPE) return e;
  ond::json_type t;
  if (auto e2 = v.type().get(t)) return e2;
  switch (t) {
    case ond::json_type::number:
    case ond::json_type::boolean:
      out = keep(trim(v.raw_json_token()));
      return SUCCESS;
    default:
      out = {};
      return SUCCESS;  // null, or objects/arrays where text was expected (skipped by simdjson)
  }
}

error_code LogRecordBuilder::int_of(ond::value& v, std::int64_t& out, bool& ok) {
  ond::json_type t;
  ok = false;
  if (auto e = v.type().get(t)) return e;
  std::string_view s;
  if (t == ond::json_type::number)
    s = v.raw_json_token();  // 50126 and 50126.0 alike; never an error for the record
  else if (t == ond::json_type::string) {
    if (auto e = v.get_string().get(s)) return e;
  } else {
    return SUCCESS;
  }
  long long x;
  if (code_of_text(s, x)) {
    out = x;
    ok = true;
  }
  return SUCCESS;
}

void LogRecordBuilder::location_text(std::string_view v) {
  // Portal CSV: "Redmond, Washington, US"; Log Analytics/Event Hub: "US".
  v = trim(v);
  if (v.empty()) return;
  std::size_t c1 = v.find(',');
  if (c1 == std::string_view::npos) {
    if (s_.country.empty()) s_.country = v;
    return;
  }
  std::size_t c2 = v.rfind(',');
  s_.city = trim(v.substr(0, c1));
  if (c2 != c1) s_.state = trim(v.substr(c1 + 1, c2 - c1 - 1));
  s_.country = trim(v.substr(c2 + 1));
}

void LogRecordBuilder::set_text(LogField f, std::string_view v, bool stable) {
  if (!wanted(f)) return;
  bool saved = copy_;
  if (!stable) copy_ = true;
  std::string_view t = trim(v);
  auto str = [&]() { return keep(t); };
  switch (f) {
    case LogField::none:
      break;
    case LogField::time_primary:
    case LogField::time_fallback:
    case LogField::activity_time: {
      if (t.empty()) break;
      auto tm = parse_log_time(t);
      if (!tm) {
        bad_time_ = true;
        bad_time_text_ = str();
        break;
      }
      if (f == LogField::time_primary) {
        s_.time = *tm;
        a_.time = *tm;
      } else if (f == LogField::activity_time)
        activity_time_ = *tm;
      else
        time_fallback_ = *tm;
      break;
    }
    case LogField::error_code:
    case LogField::error_code_fallback: {
      long long x;
      if (!code_of_text(t, x)) break;
      if (f == LogField::error_code) {
        s_.has_error_code = true;
        s_.error_code = x;
      } else {
        has_code_fallback_ = true;
        code_fallback_ = x;
      }
      break;
    }
    case LogField::interactive:
      s_.interactive = tri_of_text(t);
      break;
    case LogField::location_obj:
      if (!t.empty() && t[0] == '{')
        nested(f, t);
      else
        location_text(str());
      break;
    case LogField::status_obj:
    case LogField::device_obj:
    case LogField::mfa_obj:
    case LogField::ca_policies:
    case LogField::auth_details:
    case LogField::event_types:
    case LogField::initiated_by:
    case LogField::target_resources:
    case LogField::properties:
      if (!t.empty() && (t[0] == '{' || t[0] == '[')) nested(f, t);
      break;
    default: {
      std::string_view s = str();
      switch (f) {
        case LogField::id:
          s_.id = s;
          a_.id = s;
          break;
        case LogField::request_id:
          s_.request_id = s;
          break;
        case LogField::correlation_id:
          s_.correlation_id = s;
          a_.correlation_id = s;
          break;
        case LogField::user_id:
          s_.user_id = s;
          break;
        case LogField::upn:
          s_.upn = s;
          break;
        case LogField::user_display:
          s_.user_display = s;
          break;
        case LogField::sp_id:
          s_.sp_id = s;
          break;
        case LogField::sp_name:
          s_.sp_name = s;
          break;
        case LogField::app_id:
          s_.app_id = s;
          break;
        case LogField::app_name:
          s_.app_name = s;
          break;
        case LogField::resource_id:
          if (!s.empty() && s[0] != '/') s_.resource_id = s;  // "/tenants/…" is the Azure resource path
          break;
        case LogField::resource_name:
          // Log Analytics' "Resource" column is the provider ("Microsoft.aadiam"), not the app's resource.
          if (!iequals(s, "Microsoft.aadiam")) s_.resource_name = s;
          break;
        case LogField::ip:
          s_.ip = s;
          break;
        case LogField::ip_fallback:
          ip_fallback_ = s;
          break;
        case LogField::country:
          s_.country = s;
          break;
        case LogField::state:
          s_.state = s;
          break;
        case LogField::city:
          s_.city = s;
          break;
        case LogField::client_app:
          s_.client_app = s;
          break;
        case LogField::user_agent:
          s_.user_agent = s;
          break;
        case LogField::browser:
          s_.browser = s;
          break;
        case LogField::os:
          s_.os = s;
          break;
        case LogField::category:
          category_raw_ = s;
          break;
        case LogField::failure_reason:
          s_.failure_reason = s;
          break;
        case LogField::failure_reason_fallback:
          reason_fallback_ = s;
          break;
        case LogField::additional_details:
          s_.additional_details = s;
          break;
        case LogField::ca_status:
          s_.ca_status = s;
          break;
        case LogField::auth_requirement:
          s_.auth_requirement = s;
          break;
        case LogField::mfa_method:
          s_.mfa_method = s;
          break;
        case LogField::mfa_detail:
          s_.mfa_detail = s;
          break;
        case LogField::mfa_result:
          if (s_.mfa_detail.empty()) s_.mfa_detail = s;
          break;
        case LogField::risk_level:
          s_.risk_level = s;
          break;
        case LogField::user_type:
          s_.user_type = s;
          break;
        case LogField::activity:
          a_.activity = trim(s);
          break;
        case LogField::operation_name:
          operation_name_ = trim(s);
          break;
        case LogField::operation_type:
          a_.operation_type = s;
          break;
        case LogField::service:
          a_.service = s;
          break;
        case LogField::audit_category:
          if (!iequals(s, "AuditLogs") || category_raw_.empty()) category_raw_ = s;  // EH log name vs audit category
          break;
        case LogField::result:
          a_.result = s;
          break;
        case LogField::result_reason:
          a_.result_reason = s;
          break;
        case LogField::result_description:
          if (a_.result_reason.empty()) reason_fallback_ = s;
          break;
        case LogField::actor_upn:
          a_.initiator_upn = s;
          break;
        case LogField::actor_name:
          a_.initiator_name = s;
          break;
        case LogField::actor_id:
          a_.initiator_id = s;
          break;
        case LogField::actor_ip:
          a_.initiator_ip = s;
          break;
        case LogField::type_column:
          type_column_ = s;
          break;
        default:
          break;
      }
    }
  }
  copy_ = saved;
}

error_code LogRecordBuilder::nested(LogField f, std::string_view json) {
  if (depth_ >= kMaxNesting) return SUCCESS;  // JSON in a string in a string…: stop
  // The nested parser's string buffer is reused on the next call, so every
  // string taken from it is copied into the arena (copy_ = true). Each
  // nesting depth has its own parser so an inner parse cannot disturb an
  // outer one.
  std::string& buf = nested_bufs_[depth_];
  simdjson::ondemand::parser& parser = nested_parsers_[depth_];
  buf.assign(json);
  buf.append(simdjson::SIMDJSON_PADDING, '\0');
  bool saved = copy_;
  copy_ = true;
  ++depth_;
  ond::document doc;
  error_code e = parser.iterate(buf.data(), json.size(), buf.size()).get(doc);
  if (!e) {
    ond::value v;
    e = doc.get_value().get(v);
    if (!e) e = set_json(f, v);
  }
  --depth_;
  copy_ = saved;
  // A malformed JSON cell is not fatal for the record: the field stays empty.
  return SUCCESS;
}

error_code LogRecordBuilder::set_json(LogField f, ond::value& v) {
  switch (f) {
    case LogField::none:
      return SUCCESS;
    case LogField::status_obj:
      return status(v);
    case LogField::location_obj:
      return location(v);
    case LogField::device_obj:
      return device(v);
    case LogField::mfa_obj:
      return mfa(v);
    case LogField::ca_policies:
      return ca_policies(v);
    case LogField::auth_details:
      return auth_details(v);
    case LogField::event_types:
      return event_types(v);
    case LogField::initiated_by:
      return initiated_by(v);
    case LogField::target_resources:
      return targets(v);
    case LogField::properties: {
      ond::json_type t;
      if (auto e = v.type().get(t)) return e;
      if (t == ond::json_type::string) {
        std::string_view s;
        if (auto e = v.get_string().get(s)) return e;
        return nested(f, s);
      }
      // "properties" inside "properties" is not an export shape; a hostile
      // record could nest it 100k deep, one stack frame each. Past a few
      // levels it is skipped (simdjson skips without recursion).
      if (t != ond::json_type::object || properties_depth_ >= kMaxPropertiesDepth) return SUCCESS;
      ond::object o;
      if (auto e = v.get_object().get(o)) return e;
      ++properties_depth_;
      error_code e = set_object(o);
      --properties_depth_;
      return e;
    }
    case LogField::error_code:
    case LogField::error_code_fallback: {
      std::int64_t x;
      bool ok;
      if (auto e = int_of(v, x, ok)) return e;
      if (ok) {
        if (f == LogField::error_code) {
          s_.has_error_code = true;
          s_.error_code = x;
        } else {
          has_code_fallback_ = true;
          code_fallback_ = x;
        }
      }
      return SUCCESS;
    }
    default: {
      std::string_view s;
      error_code e = v.get_string().get(s);
      if (e == simdjson::INCORRECT_TYPE) {
        ond::json_type t;
        if (auto e2 = v.type().get(t)) return e2;
        if (t == ond::json_type::object || t == ond::json_type::array || t == ond::json_type::null) return SUCCESS;
        s = trim(v.raw_json_token());
        e = SUCCESS;
      }
      if (e) return e;
      set_text(f, s, !copy_);
      return SUCCESS;
    }
  }
}

// An unwanted value is not built, but its objects and arrays are still
// walked so the record's structure is validated as in a full read (a
// trailing comma in a skipped CA policy list is still an invalid record).
// Leaf values are skipped unread. The walk is a recursion, so it stops
// kMaxWalkDepth levels down: deeper content is left to simdjson, which
// skips it without recursion (a 100k-deep array is not a stack overflow).
// A full read never descends that far either (it skips what it does not
// read), so both reads still accept and reject the same records.
namespace {
constexpr int kMaxWalkDepth = 256;
error_code walk_unread(ond::value& v, int depth) {
  if (depth >= kMaxWalkDepth) return SUCCESS;
  ond::json_type t;
  if (auto e = v.type().get(t)) return e;
  if (t == ond::json_type::object) {
    ond::object o;
    if (auto e = v.get_object().get(o)) return e;
    for (auto fr : o) {
      if (auto e = fr.error()) return e;
      if (auto e = walk_unread(fr.value_unsafe().value(), depth + 1)) return e;
    }
  } else if (t == ond::json_type::array) {
    ond::array a;
    if (auto e = v.get_array().get(a)) return e;
    for (auto item : a) {
      if (auto e = item.error()) return e;
      if (auto e = walk_unread(item.value_unsafe(), depth + 1)) return e;
    }
  }
  return SUCCESS;
}
}  // namespace

error_code LogRecordBuilder::set_object(ond::object obj) {
  // Nested objects (Event Hub "properties") use positions after the outer ones.
  std::size_t position = depth_ == 0 && properties_depth_ == 0 ? 0 : 64;
  for (auto field_result : obj) {
    // Used in place: copying the field out of its result costs a
    // store-forwarding stall per key on the hottest loop.
    if (auto e = field_result.error()) return e;
    ond::field& field = field_result.value_unsafe();
    // The usual case: the key is the one predicted for this position,
    // recognised straight from the raw text (no length scan, no hash).
    LogField f;
    if (!predicted_hit(field.key().raw(), position, f)) {
      std::string_view key;
      if (auto e = key_of(field, key)) return e;
      f = field_for(key, position);
    }
    ++position;
    if (!wanted(f)) {
      if (auto e = walk_unread(field.value(), 0)) return e;
      continue;
    }
    // Event Hub top level vs its "properties": inside properties, "category"
    // of an audit record is the audit category; at top level it is the log
    // name (AuditLogs), handled in finish().
    if (auto e = set_json(f, field.value())) return e;
  }
  return SUCCESS;
}

template <class Fn>
error_code LogRecordBuilder::each_field(ond::value& v, LogField self, Fn&& fn) {
  ond::json_type t;
  if (auto e = v.type().get(t)) return e;
  if (t == ond::json_type::string) {  // Log Analytics: the object as a JSON string
    std::string_view txt;
    if (auto e = v.get_string().get(txt)) return e;
    return nested(self, txt);
  }
  if (t != ond::json_type::object) return SUCCESS;
  ond::object o;
  if (auto e = v.get_object().get(o)) return e;
  for (auto fr : o) {
    if (auto e = fr.error()) return e;
    ond::field& fld = fr.value_unsafe();
    std::string_view k;
    if (auto e = key_of(fld, k)) return e;
    if (auto e = fn(k, fld.value())) return e;
  }
  return SUCCESS;
}

template <class Fn>
error_code LogRecordBuilder::each_item(ond::value& v, LogField self, Fn&& fn) {
  ond::json_type t;
  if (auto e = v.type().get(t)) return e;
  if (t == ond::json_type::string) {
    std::string_view txt;
    if (auto e = v.get_string().get(txt)) return e;
    return nested(self, txt);
  }
  if (t != ond::json_type::array) return SUCCESS;
  ond::array arr;
  if (auto e = v.get_array().get(arr)) return e;
  for (auto ir : arr) {
    if (auto e = ir.error()) return e;
    ond::value& item = ir.value_unsafe();
    if (auto e = fn(item)) return e;
  }
  return SUCCESS;
}

error_code LogRecordBuilder::status(ond::value& v) {
  return each_field(v, LogField::status_obj, [&](std::string_view k, ond::value& val) -> error_code {
    if (k == "errorCode") {
      std::int64_t x;
      bool ok;
      if (auto e = int_of(val, x, ok)) return e;
      if (ok) {
        s_.has_error_code = true;
        s_.error_code = x;
      }
      return SUCCESS;
    }
    if (k == "failureReason") return text_of(val, s_.failure_reason);
    if (k == "additionalDetails") return text_of(val, s_.additional_details);
    return SUCCESS;
  });
}

error_code LogRecordBuilder::location(ond::value& v) {
  const LogField current_field = LogField::location_obj;
  ond::json_type t;
  if (auto e = v.type().get(t)) return e;
  if (t == ond::json_type::string) {
    std::string_view s;
    if (auto e = v.get_string().get(s)) return e;
    if (!trim(s).empty() && trim(s)[0] == '{') return nested(current_field, trim(s));
    location_text(keep(s));
    return SUCCESS;
  }
  return each_field(v, current_field, [&](std::string_view k, ond::value& val) -> error_code {
    if (k == "city") return text_of(val, s_.city);
    if (k == "state") return text_of(val, s_.state);
    if (k == "countryOrRegion") return text_of(val, s_.country);
    return SUCCESS;
  });
}

error_code LogRecordBuilder::device(ond::value& v) {
  return each_field(v, LogField::device_obj, [&](std::string_view k, ond::value& val) -> error_code {
    if (k == "browser") return text_of(val, s_.browser);
    if (k == "operatingSystem") return text_of(val, s_.os);
    return SUCCESS;
  });
}

error_code LogRecordBuilder::mfa(ond::value& v) {
  return each_field(v, LogField::mfa_obj, [&](std::string_view k, ond::value& val) -> error_code {
    if (k == "authMethod") return text_of(val, s_.mfa_method);
    if (k == "authDetail") return text_of(val, s_.mfa_detail);
    return SUCCESS;
  });
}

error_code LogRecordBuilder::initiated_by(ond::value& v) {
  return each_field(v, LogField::initiated_by, [&](std::string_view k, ond::value& val) -> error_code {
    if (k != "user" && k != "app") return SUCCESS;
    ond::json_type it;
    if (auto e = val.type().get(it)) return e;
    if (it != ond::json_type::object) return SUCCESS;
    ond::object io;
    if (auto e = val.get_object().get(io)) return e;
    for (auto ifr : io) {
      ond::field ifl;
      if (auto e = std::move(ifr).get(ifl)) return e;
      std::string_view ik, s;
      if (auto e = key_of(ifl, ik)) return e;
      if (auto e = text_of(ifl.value(), s)) return e;
      if (s.empty()) continue;
      if (ik == "userPrincipalName")
        a_.initiator_upn = s;
      else if (ik == "displayName")
        a_.initiator_name = s;
      else if (ik == "ipAddress")
        a_.initiator_ip = s;
      else if ((ik == "id" || ik == "servicePrincipalId" || ik == "appId") && a_.initiator_id.empty())
        a_.initiator_id = s;
      else if (ik == "servicePrincipalName" && a_.initiator_name.empty())
        a_.initiator_name = s;
    }
    return SUCCESS;
  });
}

error_code LogRecordBuilder::ca_policies(ond::value& v) {
  return each_item(v, LogField::ca_policies, [&](ond::value& item) -> error_code {
    CaPolicy* p = nullptr;
    return each_field(item, LogField::none, [&](std::string_view k, ond::value& val) -> error_code {
      if (!p) p = s_.ca_policies.push();
      if (!p) return SUCCESS;  // over the cap: counted in overflow
      if (k == "displayName") return text_of(val, p->name);
      if (k == "result") return text_of(val, p->result);
      return SUCCESS;
    });
  });
}

error_code LogRecordBuilder::auth_details(ond::value& v) {
  return each_item(v, LogField::auth_details, [&](ond::value& item) -> error_code {
    AuthStep* p = nullptr;
    return each_field(item, LogField::none, [&](std::string_view k, ond::value& val) -> error_code {
      if (!p) p = s_.auth_steps.push();
      if (!p) return SUCCESS;
      if (k == "authenticationMethod") return text_of(val, p->method);
      if (k == "authenticationStepResultDetail") return text_of(val, p->detail);
      if (k == "authenticationStepRequirement") return text_of(val, p->requirement);
      if (k == "succeeded") {
        std::string_view s;
        if (auto e = text_of(val, s)) return e;
        p->succeeded = tri_of_text(s);
      }
      return SUCCESS;
    });
  });
}

error_code LogRecordBuilder::event_types(ond::value& v) {
  return each_item(v, LogField::event_types, [&](ond::value& item) -> error_code {
    std::string_view s;
    if (auto e = text_of(item, s)) return e;
    if (!s.empty() && category_raw_.empty()) category_raw_ = s;
    return SUCCESS;
  });
}

error_code LogRecordBuilder::targets(ond::value& v) {
  return each_item(v, LogField::target_resources, [&](ond::value& item) -> error_code {
    AuditTarget* p = nullptr;
    return each_field(item, LogField::none, [&](std::string_view k, ond::value& val) -> error_code {
      if (!p) p = a_.targets.push();
      if (!p) return SUCCESS;
      if (k == "id") return text_of(val, p->id);
      if (k == "displayName") return text_of(val, p->display_name);
      if (k == "type" || k == "Type") return text_of(val, p->type);
      if (k == "userPrincipalName") return text_of(val, p->upn);
      return SUCCESS;
    });
  });
}

namespace {

// Category values of the sign-in logs (Event Hub / Log Analytics log names
// and Graph's signInEventTypes).
bool is_signin_category(std::string_view c) {
  return istarts_with(c, "SignInLogs") || iequals(c, "NonInteractiveUserSignInLogs") ||
         iequals(c, "ServicePrincipalSignInLogs") || iequals(c, "ManagedIdentitySignInLogs") ||
         iequals(c, "MicrosoftServicePrincipalSignInLogs") || iequals(c, "ADFSSignInLogs") ||
         iequals(c, "interactiveUser") || iequals(c, "nonInteractiveUser") || iequals(c, "servicePrincipal") ||
         iequals(c, "managedIdentity");
}

}  // namespace

bool LogRecordBuilder::finish(std::string& why) {
  return kind_ == RecordKind::signin ? finish_signin(why) : finish_audit(why);
}

std::string LogRecordBuilder::bad_time_reason() const {
  return "unparseable time \"" + std::string(bad_time_text_.substr(0, 60)) + "\"";
}

bool LogRecordBuilder::finish_signin(std::string& why) {
  if (s_.time == kNoTime) s_.time = time_fallback_;
  if (!s_.has_error_code && has_code_fallback_) {
    s_.has_error_code = true;
    s_.error_code = code_fallback_;
  }
  if (s_.failure_reason.empty()) s_.failure_reason = reason_fallback_;
  if (s_.ip.empty()) s_.ip = ip_fallback_;
  // Service-principal sign-ins often carry no appDisplayName: the app is
  // the service principal.
  if (s_.app_name.empty()) s_.app_name = s_.sp_name;
  s_.category = category_raw_;
  if (!type_column_.empty() && iequals(type_column_, "AuditLogs")) {
    why = "an AuditLogs record (Type AuditLogs) in a sign-in input";
    return false;
  }
  if (!category_raw_.empty() && (iequals(category_raw_, "AuditLogs") || iequals(category_raw_, "ProvisioningLogs"))) {
    why = "a " + std::string(category_raw_) + " record in a sign-in input";
    return false;
  }
  if (s_.interactive == Tri::unknown && !s_.category.empty()) {
    if (iequals(s_.category, "SignInLogs") || iequals(s_.category, "interactiveUser"))
      s_.interactive = Tri::yes;
    else if (is_signin_category(s_.category))
      s_.interactive = Tri::no;
  }
  if (bad_time_ && s_.time == kNoTime) {
    why = bad_time_reason();
    return false;
  }
  if (s_.time == kNoTime && !s_.has_error_code && s_.id.empty() && s_.upn.empty() && s_.app_id.empty() &&
      s_.sp_id.empty()) {
    why = "no sign-in fields (time, error code, id, user or app) in this record";
    return false;
  }
  return true;
}

bool LogRecordBuilder::finish_audit(std::string& why) {
  if (a_.time == kNoTime) a_.time = activity_time_ != kNoTime ? activity_time_ : time_fallback_;
  if (activity_time_ != kNoTime) a_.time = activity_time_;
  if (a_.activity.empty()) a_.activity = operation_name_;
  if (a_.result_reason.empty()) a_.result_reason = reason_fallback_;
  if (a_.initiator_ip.empty()) a_.initiator_ip = ip_fallback_;  // Event Hub callerIpAddress
  if (!category_raw_.empty() && !iequals(category_raw_, "AuditLogs")) {
    if (is_signin_category(category_raw_)) {
      why = "a " + std::string(category_raw_) + " sign-in record in an audit input";
      return false;
    }
    a_.category = category_raw_;
  }
  if (!type_column_.empty() && iequals(type_column_, "SigninLogs")) {
    why = "a SigninLogs record (Type SigninLogs) in an audit input";
    return false;
  }
  if (bad_time_ && a_.time == kNoTime) {
    why = bad_time_reason();
    return false;
  }
  if (a_.activity.empty() && a_.time == kNoTime && a_.id.empty()) {
    why = "no audit fields (time, activity or id) in this record";
    return false;
  }
  return true;
}

}  // namespace idt
