// Why: Azure Service Health reaches people as alert webhooks: the legacy
// activity-log payload (data.context.activityLog, impactedServices as an
// escaped JSON string), the common alert schema (data.essentials +
// data.alertContext) and bare alertContext objects. Field placement differs;
// the Service Health properties are the same, so one collector reads all.
#include <string>
#include <vector>

#include "formats/health_json.h"
#include "formats/health_parse.h"
#include "formats/sniff_util.h"
#include "util/text.h"

namespace idt {
namespace {

using namespace healthjson;
using namespace healthjson::literals;
using simdjson::SUCCESS;

struct AlertItem {
  RawIssue raw;
  const char* at = nullptr;
  std::string_view schema, monitoring_service, operation_name, event_source;
  std::string_view stage, context_status, data_status, monitor_condition;
  std::string_view event_time, submission_time, fired_time, resolved_time;
  std::string_view communication, default_content, default_title;
  std::string_view impacted_json;  // impactedServices as an escaped string
  std::string_view tracking_id, incident_type;
  bool any_field = false;

  void clear() {
    *this = AlertItem{};
    raw.clear();
    raw.source = HealthSource::azure_activity_alert;
  }
};

struct AlertState {
  explicit AlertState(HealthEmitter& e) : em(e) {}
  HealthEmitter& em;
  AlertItem it;
  od::parser inner;       // for impactedServices strings
  std::string inner_buf;  // padded copy of the escaped JSON
  std::uint64_t synthetic = 0, bad_impacted = 0, escaped_impacted = 0;
  std::string first_bad_impacted;
};

error_code parse_impacted_list(AlertItem& it, od::value& list) {
  return for_each_element(list, [&](od::value& s, std::size_t) -> error_code {
    if (!is_kind(s, od::json_type::object)) return SUCCESS;
    return for_each_field(s, [&](std::uint64_t k, std::string_view, od::value& v) -> error_code {
      switch (k) {
        case "ServiceName"_k: {
          std::string_view name;
          if (auto e = scalar_text(v, name)) return e;
          it.raw.services.push_back(name);
          return SUCCESS;
        }
        case "ImpactedRegions"_k:
          return for_each_element(v, [&](od::value& r, std::size_t) -> error_code {
            if (!is_kind(r, od::json_type::object)) return SUCCESS;
            return for_each_field(r, [&](std::uint64_t k2, std::string_view, od::value& rv) -> error_code {
              if (k2 != "RegionName"_k) return SUCCESS;
              std::string_view region;
              if (auto e = scalar_text(rv, region)) return e;
              it.raw.regions.push_back(region);
              return SUCCESS;
            });
          });
        default:
          return SUCCESS;
      }
    });
  });
}

// The Service Health "properties" bag (same in every payload shape).
error_code parse_properties(AlertState& st, od::value& props) {
  AlertItem& it = st.it;
  return for_each_field(props, [&](std::uint64_t k, std::string_view, od::value& v) -> error_code {
    switch (k) {
      case "title"_k:
        it.any_field = true;
        return scalar_text(v, it.raw.title);
      case "defaultLanguageTitle"_k:
        return scalar_text(v, it.default_title);
      case "service"_k:
        return scalar_text(v, it.raw.service);
      case "region"_k: {
        std::string_view r;
        if (auto e = scalar_text(v, r)) return e;
        it.raw.regions.insert(it.raw.regions.begin(), r);
        return SUCCESS;
      }
      case "communication"_k:
        return scalar_text(v, it.communication);
      case "defaultLanguageContent"_k:
        return scalar_text(v, it.default_content);
      case "incidentType"_k:
        it.any_field = true;
        return scalar_text(v, it.incident_type);
      case "trackingId"_k:
        it.any_field = true;
        return scalar_text(v, it.tracking_id);
      case "impactStartTime"_k:
        return scalar_text(v, it.raw.start);
      case "impactMitigationTime"_k:
        return scalar_text(v, it.raw.end);
      case "stage"_k:
        return scalar_text(v, it.stage);
      case "IsSynthetic"_k: {
        std::string_view s;
        if (auto e = scalar_text(v, s)) return e;
        it.raw.synthetic = truthy(s);
        return SUCCESS;
      }
      case "impactedServices"_k:
        if (is_kind(v, od::json_type::string)) return v.get_string().get(it.impacted_json);
        return parse_impacted_list(it, v);
      default:
        return SUCCESS;
    }
  });
}

// An activity-log event: data.context.activityLog (legacy) or alertContext.
error_code parse_activity(AlertState& st, od::value& act) {
  AlertItem& it = st.it;
  return for_each_field(act, [&](std::uint64_t k, std::string_view, od::value& v) -> error_code {
    switch (k) {
      case "operationName"_k:
        return scalar_text(v, it.operation_name);
      case "eventSource"_k:
        return scalar_text(v, it.event_source);
      case "eventTimestamp"_k:
        return scalar_text(v, it.event_time);
      case "submissionTimestamp"_k:
        return scalar_text(v, it.submission_time);
      case "status"_k:
        return scalar_text(v, it.context_status);
      case "properties"_k:
        if (!is_kind(v, od::json_type::object)) return SUCCESS;
        return parse_properties(st, v);
      default:
        return SUCCESS;
    }
  });
}

error_code parse_essentials(AlertItem& it, od::value& ess) {
  return for_each_field(ess, [&](std::uint64_t k, std::string_view, od::value& v) -> error_code {
    switch (k) {
      case "monitoringService"_k:
        return scalar_text(v, it.monitoring_service);
      case "monitorCondition"_k:
        return scalar_text(v, it.monitor_condition);
      case "firedDateTime"_k:
        return scalar_text(v, it.fired_time);
      case "resolvedDateTime"_k:
        return scalar_text(v, it.resolved_time);
      default:
        return SUCCESS;
    }
  });
}

error_code parse_data(AlertState& st, od::value& data) {
  AlertItem& it = st.it;
  return for_each_field(data, [&](std::uint64_t k, std::string_view, od::value& v) -> error_code {
    if (!is_kind(v, od::json_type::object)) {
      if (k == "status"_k) return scalar_text(v, it.data_status);
      return SUCCESS;
    }
    switch (k) {
      case "context"_k:
        return for_each_field(v, [&](std::uint64_t k2, std::string_view, od::value& cv) -> error_code {
          if (k2 != "activityLog"_k || !is_kind(cv, od::json_type::object)) return SUCCESS;
          return parse_activity(st, cv);
        });
      case "essentials"_k:
        it.raw.source = HealthSource::azure_common_alert;
        return parse_essentials(it, v);
      case "alertContext"_k:
        it.raw.source = HealthSource::azure_common_alert;
        return parse_activity(st, v);
      default:
        return SUCCESS;
    }
  });
}

// impactedServices as an escaped JSON string: parse it with a second parser.
void parse_impacted_string(AlertState& st) {
  AlertItem& it = st.it;
  std::string_view j = trim(it.impacted_json);
  if (j.empty()) return;
  ++st.escaped_impacted;
  st.inner_buf.assign(j.data(), j.size());
  st.inner_buf.append(simdjson::SIMDJSON_PADDING, '\0');
  od::document doc;
  od::value root;
  auto e = st.inner.iterate(st.inner_buf.data(), j.size(), st.inner_buf.size()).get(doc);
  if (!e) e = doc.get_value().get(root);
  if (!e) e = is_kind(root, od::json_type::array) ? parse_impacted_list(it, root) : simdjson::INCORRECT_TYPE;
  if (e) {
    if (st.bad_impacted++ == 0)
      st.first_bad_impacted = std::string(it.tracking_id.substr(0, 40)) + ": " + simdjson::error_message(e);
  }
}

bool is_service_health(const AlertItem& it) {
  return istarts_with(it.operation_name, "Microsoft.ServiceHealth/") || iequals(it.event_source, "ServiceHealth") ||
         iequals(it.monitoring_service, "ServiceHealth") || (!it.tracking_id.empty() && !it.incident_type.empty());
}

void finish_payload(AlertState& st, std::size_t index) {
  AlertItem& it = st.it;
  st.em.at(it.at);
  if (!is_service_health(it)) {
    std::string what =
        !it.monitoring_service.empty() ? "monitoringService '" + std::string(it.monitoring_service.substr(0, 40)) + "'"
        : !it.operation_name.empty()   ? "operationName '" + std::string(it.operation_name.substr(0, 80)) + "'"
        : !it.schema.empty()           ? "schemaId '" + std::string(it.schema.substr(0, 60)) + "'"
                                       : std::string("no Service Health fields");
    st.em.reject("alert " + std::to_string(index + 1) + " is not a Service Health alert (" + what + ")");
    return;
  }
  parse_impacted_string(st);
  it.raw.id = it.tracking_id;
  if (trim(it.raw.title).empty()) it.raw.title = it.default_title;
  it.raw.classification = it.incident_type;
  // Stage is the Service Health lifecycle; alert states are fallbacks.
  it.raw.status = !trim(it.stage).empty()               ? it.stage
                  : !trim(it.context_status).empty()    ? it.context_status
                  : !trim(it.monitor_condition).empty() ? it.monitor_condition
                                                        : it.data_status;
  it.raw.last_update = !it.event_time.empty()        ? it.event_time
                       : !it.submission_time.empty() ? it.submission_time
                                                     : it.fired_time;
  it.raw.impact = !trim(it.communication).empty() ? it.communication : it.default_content;
  it.raw.posts.push_back(it.communication);
  it.raw.posts.push_back(it.default_content);
  if (it.raw.synthetic) ++st.synthetic;
  st.em.emit(it.raw);
}

error_code parse_payload(AlertState& st, od::value& v, std::size_t index) {
  AlertItem& it = st.it;
  it.clear();
  it.at = where(v);
  auto e = for_each_field(v, [&](std::uint64_t k, std::string_view, od::value& val) -> error_code {
    switch (k) {
      case "schemaId"_k:
        if (auto e2 = scalar_text(val, it.schema)) return e2;
        if (iequals(it.schema, "azureMonitorCommonAlertSchema")) it.raw.source = HealthSource::azure_common_alert;
        return SUCCESS;
      case "data"_k:
        if (!is_kind(val, od::json_type::object)) return SUCCESS;
        return parse_data(st, val);
      case "alertContext"_k:
        if (!is_kind(val, od::json_type::object)) return SUCCESS;
        it.raw.source = HealthSource::azure_common_alert;
        return parse_activity(st, val);
      // A bare activity-log event at the top.
      case "operationName"_k:
        return scalar_text(val, it.operation_name);
      case "eventSource"_k:
        return scalar_text(val, it.event_source);
      case "eventTimestamp"_k:
        return scalar_text(val, it.event_time);
      case "submissionTimestamp"_k:
        return scalar_text(val, it.submission_time);
      case "status"_k:
        return scalar_text(val, it.context_status);
      case "properties"_k:
        if (!is_kind(val, od::json_type::object)) return SUCCESS;
        return parse_properties(st, val);
      default:
        return SUCCESS;
    }
  });
  if (e) return e;
  finish_payload(st, index);
  return SUCCESS;
}

class AzureAlertFormat final : public Format {
 public:
  std::string_view name() const override { return "azure-alert-json"; }
  std::string_view description() const override {
    return "Azure Service Health alert payload (activity-log webhook, common alert schema, alertContext)";
  }
  SniffResult sniff(std::string_view h) const override {
    char c = first_significant(h);
    if (c != '{' && c != '[') return {};
    if (looks_like_log_json(h)) return {};
    bool sh = h.find("Microsoft.ServiceHealth/") != std::string_view::npos ||
              json_string_value(h, "monitoringService") == "ServiceHealth" ||
              json_string_value(h, "eventSource") == "ServiceHealth";
    bool alert = has_json_key(h, "alertContext") || has_json_key(h, "schemaId") || has_json_key(h, "activityLog");
    bool props = has_json_key(h, "trackingId") && has_json_key(h, "incidentType");
    if ((sh && (alert || props)) || (alert && props)) return {90, RecordKind::health};
    if (h.find("azureMonitorCommonAlertSchema") != std::string_view::npos ||
        h.find("Microsoft.Insights/activityLogs") != std::string_view::npos)
      return {40, RecordKind::health};  // an alert, but maybe not Service Health: rejected per record
    return {};
  }
  void parse(const Input& in, const ParseOptions& opts, RecordSink& sink, FileSummary& sum) const override {
    HealthEmitter em(in, opts, sink, sum, name());
    if (refuse_log_json(em)) return;
    AlertState st(em);
    run_document(em, [&](od::value& root) -> error_code {
      if (is_kind(root, od::json_type::object)) return parse_payload(st, root, 0);
      if (!is_kind(root, od::json_type::array)) return simdjson::INCORRECT_TYPE;
      return for_each_element(root, [&](od::value& el, std::size_t i) -> error_code {
        if (em.stopped()) return SUCCESS;
        if (!is_kind(el, od::json_type::object)) {
          em.at(where(el));
          em.reject("alert " + std::to_string(i + 1) + " is not an object");
          return SUCCESS;
        }
        return parse_payload(st, el, i);
      });
    });
    if (st.escaped_impacted)
      em.note(std::to_string(st.escaped_impacted) + " impactedServices given as an escaped JSON string (parsed)");
    if (st.bad_impacted)
      em.note(std::to_string(st.bad_impacted) +
              " impactedServices strings were not valid JSON (first: " + st.first_bad_impacted + ")");
    if (st.synthetic)
      em.note(std::to_string(st.synthetic) + " synthetic test alerts (IsSynthetic: a drill, not an outage)");
    em.finish();
  }
};

}  // namespace

const Format& azure_alert_health_format() {
  static const AzureAlertFormat f;
  return f;
}

}  // namespace idt
