// Why: the retired Office 365 Service Communications API (manage.office.com
// /ServiceComms) still turns up in archives. /Messages holds incidents;
// /CurrentStatus and /HistoricalStatus are per-workload status lists and
// /Services a catalogue — those yield no issues, only notes.
#include <algorithm>
#include <string>
#include <vector>

#include "formats/health_json.h"
#include "formats/health_parse.h"
#include "formats/sniff_util.h"
#include "util/text.h"
#include "util/time.h"

namespace idt {
namespace {

using namespace healthjson;
using namespace healthjson::literals;
using simdjson::SUCCESS;

struct FeatureState {
  std::string_view name, status;
};

struct CommsItem {
  RawIssue raw;
  const char* at = nullptr;
  std::string_view workload, workload_display, message_type, status_time;
  std::vector<std::string_view> incident_ids;
  std::vector<FeatureState> features;
  std::size_t catalogue_features = 0;
  bool message_field = false, status_field = false, service_field = false;

  void clear() {
    raw.clear();
    raw.source = HealthSource::servicecomms_message;
    at = nullptr;
    workload = workload_display = message_type = status_time = {};
    incident_ids.clear();
    features.clear();
    catalogue_features = 0;
    message_field = status_field = service_field = false;
  }
};

struct CommsState {
  explicit CommsState(HealthEmitter& e) : em(e) {}
  HealthEmitter& em;
  CommsItem it;
  std::uint64_t status_records = 0, services = 0, service_features = 0, message_center = 0;
  std::vector<std::string> not_ok, incident_refs, mc_ids, status_workloads;
  bool repeated_workload = false;
};

// "Title: X\n\nUser Impact: …" -> "X" (the retired API often left Title null).
std::string_view title_from_post(std::string_view text) {
  std::string_view t = trim(text);
  if (!istarts_with(t, "Title:")) return {};
  t = trim(t.substr(6));
  std::size_t cut = t.find('\n');
  std::size_t ui = t.find("User Impact:");
  if (ui != std::string_view::npos && ui < cut) cut = ui;
  return trim(t.substr(0, std::min(cut, std::size_t{400})));
}

std::string day_of(std::string_view t) {
  auto m = parse_iso8601(t);
  if (!m) return std::string(t.substr(0, 10));
  return format_rfc3339(*m).substr(0, 10);
}

error_code parse_messages(CommsItem& it, od::value& list) {
  return parse_post_list(it.raw, list, "MessageText"_k, "PublishedTime"_k);
}

error_code parse_feature_states(CommsItem& it, od::value& list) {
  return for_each_element(list, [&](od::value& f, std::size_t) -> error_code {
    if (!is_kind(f, od::json_type::object)) return SUCCESS;
    FeatureState fs;
    std::string_view code;
    auto e = for_each_field(f, [&](std::uint64_t k, std::string_view, od::value& v) -> error_code {
      switch (k) {
        case "FeatureDisplayName"_k:
        case "FeatureGroupDisplayName"_k:
          return scalar_text(v, fs.name);
        case "FeatureName"_k:
        case "Feature"_k:
          return scalar_text(v, code);
        case "FeatureServiceStatus"_k:
        case "FeatureStatus"_k:
          return scalar_text(v, fs.status);
        default:
          return SUCCESS;
      }
    });
    if (e) return e;
    if (fs.name.empty()) fs.name = code;
    it.features.push_back(fs);
    return SUCCESS;
  });
}

error_code parse_element(CommsState& st, od::value& v) {
  CommsItem& it = st.it;
  it.clear();
  it.at = where(v);
  auto e = for_each_field(v, [&](std::uint64_t k, std::string_view, od::value& val) -> error_code {
    switch (k) {
      case "Id"_k:
        return scalar_text(val, it.raw.id);
      case "Workload"_k:
        return scalar_text(val, it.workload);
      case "WorkloadDisplayName"_k:
        return scalar_text(val, it.workload_display);
      case "Status"_k:
        return scalar_text(val, it.raw.status);
      case "Feature"_k:
        return scalar_text(val, it.raw.feature);
      case "FeatureDisplayName"_k:
        return scalar_text(val, it.raw.feature_group);
      // Messages
      case "Title"_k:
        it.message_field = true;
        return scalar_text(val, it.raw.title);
      case "StartTime"_k:
        it.message_field = true;
        return scalar_text(val, it.raw.start);
      case "EndTime"_k:
        it.message_field = true;
        return scalar_text(val, it.raw.end);
      case "LastUpdatedTime"_k:
        it.message_field = true;
        return scalar_text(val, it.raw.last_update);
      case "Classification"_k:
        it.message_field = true;
        return scalar_text(val, it.raw.classification);
      case "MessageType"_k:
        it.message_field = true;
        return scalar_text(val, it.message_type);
      case "ImpactDescription"_k:
        it.message_field = true;
        return scalar_text(val, it.raw.impact);
      case "Messages"_k:
        it.message_field = true;
        return parse_messages(it, val);
      // CurrentStatus / HistoricalStatus
      case "IncidentIds"_k:
        it.status_field = true;
        return for_each_element(val, [&](od::value& idv, std::size_t) -> error_code {
          std::string_view id;
          if (auto e2 = scalar_text(idv, id)) return e2;
          if (!trim(id).empty()) it.incident_ids.push_back(trim(id));
          return SUCCESS;
        });
      case "StatusTime"_k:
      case "StatusDate"_k:
        it.status_field = true;
        return scalar_text(val, it.status_time);
      case "StatusDisplayName"_k:
        it.status_field = true;
        return SUCCESS;
      case "FeatureStatus"_k:
      case "FeatureGroupStatusCollection"_k:
        it.status_field = true;
        return parse_feature_states(it, val);
      // Services
      case "DisplayName"_k:
        it.service_field = true;
        return scalar_text(val, it.workload_display);
      case "Features"_k:
      case "FeatureNames"_k:
        it.service_field = true;
        return for_each_element(val, [&](od::value&, std::size_t) -> error_code {
          ++it.catalogue_features;
          return SUCCESS;
        });
      default:
        return SUCCESS;
    }
  });
  if (e) return e;

  std::string_view workload = !trim(it.workload_display).empty() ? trim(it.workload_display) : trim(it.workload);
  if (it.message_field) {
    bool mc = iequals(it.message_type, "MessageCenter") ||
              (it.message_type.empty() && it.raw.id.size() > 2 && istarts_with(it.raw.id, "MC") &&
               it.raw.id[2] >= '0' && it.raw.id[2] <= '9');
    if (mc) {
      ++st.message_center;
      if (!it.raw.id.empty()) st.mc_ids.emplace_back(it.raw.id.substr(0, 32));
      return SUCCESS;
    }
    it.raw.service = workload;
    if (trim(it.raw.title).empty())
      for (std::string_view p : it.raw.posts)
        if (!(it.raw.title = title_from_post(p)).empty()) break;
    if (trim(it.raw.classification).empty()) {
      if (iequals(it.message_type, "Incident"))
        it.raw.classification = "incident";
      else if (iequals(it.message_type, "PlannedMaintenance"))
        it.raw.classification = "maintenance";
    }
    st.em.at(it.at);
    st.em.emit(it.raw);
    return SUCCESS;
  }
  if (it.status_field) {
    ++st.status_records;
    std::string w(workload.substr(0, 64));
    if (std::find(st.status_workloads.begin(), st.status_workloads.end(), w) != st.status_workloads.end())
      st.repeated_workload = true;
    else
      st.status_workloads.push_back(w);
    std::string_view s = canonical_health_status(it.raw.status);
    std::string status = std::string(s.empty() ? trim(it.raw.status).substr(0, 32) : s);
    std::string bad_features;
    for (const auto& f : it.features) {
      std::string_view fs = canonical_health_status(f.status);
      if (fs == "serviceOperational" || trim(f.status).empty()) continue;
      if (!bad_features.empty()) bad_features += ", ";
      bad_features +=
          std::string(trim(f.name).substr(0, 48)) + ": " + std::string(fs.empty() ? trim(f.status).substr(0, 32) : fs);
    }
    if ((!status.empty() && status != "serviceOperational") || !bad_features.empty()) {
      std::string entry = w + " " + status;
      if (!it.status_time.empty()) entry += " on " + day_of(it.status_time);
      if (!bad_features.empty()) entry += " (" + bad_features + ")";
      st.not_ok.push_back(entry);
    }
    for (std::string_view id : it.incident_ids) {
      std::string ref = std::string(id.substr(0, 32)) + " (" + w + ")";
      if (std::find(st.incident_refs.begin(), st.incident_refs.end(), ref) == st.incident_refs.end())
        st.incident_refs.push_back(ref);
    }
    return SUCCESS;
  }
  if (it.service_field) {
    ++st.services;
    st.service_features += it.catalogue_features;
    return SUCCESS;
  }
  st.em.at(it.at);
  st.em.reject("element is not a ServiceComms message, status or service entry" +
               (it.raw.id.empty() ? std::string() : " (Id " + std::string(it.raw.id.substr(0, 64)) + ")"));
  return SUCCESS;
}

error_code parse_list(CommsState& st, od::value& list) {
  return for_each_element(list, [&](od::value& el, std::size_t i) -> error_code {
    if (st.em.stopped()) return SUCCESS;
    st.em.at(where(el));
    if (!is_kind(el, od::json_type::object)) {
      st.em.reject("element " + std::to_string(i + 1) + " is not an object");
      return SUCCESS;
    }
    return parse_element(st, el);
  });
}

class ServiceCommsFormat final : public Format {
 public:
  std::string_view name() const override { return "servicecomms-json"; }
  std::string_view description() const override {
    return "retired Office 365 Service Communications API JSON (Messages, CurrentStatus, HistoricalStatus, Services)";
  }
  SniffResult sniff(std::string_view h) const override {
    char c = first_significant(h);
    if (c != '{' && c != '[') return {};
    if (looks_like_log_json(h)) return {};
    if (h.find("office365servicecomms") != std::string_view::npos) return {90, RecordKind::health};
    bool workload = has_json_key(h, "WorkloadDisplayName") || has_json_key(h, "Workload");
    if (workload && (has_json_key(h, "IncidentIds") || has_json_key(h, "Messages") ||
                     has_json_key(h, "FeatureStatus") || has_json_key(h, "FeatureGroupStatusCollection")))
      return {90, RecordKind::health};
    if (has_json_key(h, "MessageText") && has_json_key(h, "PublishedTime")) return {85, RecordKind::health};
    if (has_json_key(h, "Id") && has_json_key(h, "DisplayName") &&
        (has_json_key(h, "FeatureNames") || (has_json_key(h, "Features") && has_json_key(h, "Name"))))
      return {60, RecordKind::health};
    return {};
  }
  void parse(const Input& in, const ParseOptions& opts, RecordSink& sink, FileSummary& sum) const override {
    HealthEmitter em(in, opts, sink, sum, name());
    if (refuse_log_json(em)) return;
    CommsState st(em);
    run_document(em, [&](od::value& root) -> error_code {
      if (is_kind(root, od::json_type::array)) return parse_list(st, root);
      if (!is_kind(root, od::json_type::object)) return simdjson::INCORRECT_TYPE;
      bool listed = false;
      auto e = for_each_field(root, [&](std::uint64_t k, std::string_view, od::value& v) -> error_code {
        if (k != "value"_k) return SUCCESS;
        listed = true;
        return parse_list(st, v);
      });
      if (!e && !listed) em.note("no \"value\" list in this ServiceComms document");
      return e;
    });
    if (st.message_center)
      em.note(std::to_string(st.message_center) +
              " message-center posts skipped (not health issues): " + list_for_note(st.mc_ids));
    if (st.status_records) {
      std::string n = std::to_string(st.status_records) + " workload status records (" +
                      (st.repeated_workload ? "HistoricalStatus: daily" : "CurrentStatus") +
                      "; a status list, not an issue list)";
      n += st.not_ok.empty() ? "; all serviceOperational" : "; not operational: " + list_for_note(st.not_ok);
      if (!st.incident_refs.empty())
        n += "; incident ids referenced: " + list_for_note(st.incident_refs, 10) + " (details are in /Messages)";
      em.note(n);
    }
    if (st.services)
      em.note("service list (not an issue list): " + std::to_string(st.services) + " services, " +
              std::to_string(st.service_features) + " features");
    em.finish();
  }
};

}  // namespace

const Format& servicecomms_health_format() {
  static const ServiceCommsFormat f;
  return f;
}

}  // namespace idt
