// Why: Azure Resource Health events (Microsoft.ResourceHealth/events) come as
// the REST shape (value[].properties{…}) or flattened by the Azure SDKs
// (camelCase or snake_case, no "properties"); one collector reads both since
// field names are matched regardless of case and '_'.
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

struct EventItem {
  RawIssue raw;
  const char* at = nullptr;
  std::string_view arm_id, name, type, summary, description;
  bool event_field = false, resource_field = false, wrapped = false;

  void clear() {
    raw.clear();
    raw.source = HealthSource::resource_health_sdk;
    at = nullptr;
    arm_id = name = type = summary = description = {};
    event_field = resource_field = wrapped = false;
  }
};

struct EventState {
  explicit EventState(HealthEmitter& e) : em(e) {}
  HealthEmitter& em;
  EventItem it;       // list elements
  EventItem root_it;  // a root object (an envelope, or one event)
  bool listed = false;
  std::uint64_t impacted_resources = 0;
  std::vector<std::string> impacted_events;
  bool next_link = false;
};

error_code parse_updates(EventItem& it, od::value& list) {
  return parse_post_list(it.raw, list, "summary"_k, "updateDateTime"_k);
}

error_code parse_impact(EventItem& it, od::value& list) {
  return for_each_element(list, [&](od::value& imp, std::size_t) -> error_code {
    if (!is_kind(imp, od::json_type::object)) return SUCCESS;
    return for_each_field(imp, [&](std::uint64_t k, std::string_view, od::value& v) -> error_code {
      switch (k) {
        case "impactedService"_k: {
          std::string_view s;
          if (auto e = scalar_text(v, s)) return e;
          it.raw.services.push_back(s);
          return SUCCESS;
        }
        case "impactedRegions"_k:
          return for_each_element(v, [&](od::value& r, std::size_t) -> error_code {
            if (!is_kind(r, od::json_type::object)) return SUCCESS;
            return for_each_field(r, [&](std::uint64_t k2, std::string_view, od::value& rv) -> error_code {
              switch (k2) {
                case "impactedRegion"_k: {
                  std::string_view region;
                  if (auto e = scalar_text(rv, region)) return e;
                  it.raw.regions.push_back(region);
                  return SUCCESS;
                }
                case "updates"_k:
                  return parse_updates(it, rv);
                default:
                  return SUCCESS;
              }
            });
          });
        default:
          return SUCCESS;
      }
    });
  });
}

error_code parse_list(EventState& st, od::value& list);

// Event fields, at the top (SDK) or under "properties" (REST). At the root,
// "value" is the REST list envelope.
error_code parse_fields(EventState& st, EventItem& it, od::value& obj, bool top, bool root) {
  return for_each_field(obj, [&](std::uint64_t k, std::string_view, od::value& v) -> error_code {
    switch (k) {
      case "value"_k:
        if (!root) return SUCCESS;
        st.listed = true;
        return parse_list(st, v);
      case "nextLink"_k:
        if (root) st.next_link = true;
        return SUCCESS;
      case "id"_k:
        return top ? scalar_text(v, it.arm_id) : SUCCESS;
      case "name"_k:
        return top ? scalar_text(v, it.name) : SUCCESS;
      case "type"_k:
        return top ? scalar_text(v, it.type) : SUCCESS;
      case "properties"_k:
        if (!top || !is_kind(v, od::json_type::object)) return SUCCESS;
        it.wrapped = true;
        return parse_fields(st, it, v, false, false);
      case "eventType"_k:
        it.event_field = true;
        return scalar_text(v, it.raw.classification);
      case "status"_k:
        return scalar_text(v, it.raw.status);
      case "title"_k:
        it.event_field = true;
        return scalar_text(v, it.raw.title);
      case "summary"_k:
        return scalar_text(v, it.summary);
      case "description"_k:
        return scalar_text(v, it.description);
      case "impactStartTime"_k:
        it.event_field = true;
        return scalar_text(v, it.raw.start);
      case "impactMitigationTime"_k:
        it.event_field = true;
        return scalar_text(v, it.raw.end);
      case "lastUpdateTime"_k:
        return scalar_text(v, it.raw.last_update);
      case "impact"_k:
        it.event_field = true;
        return parse_impact(it, v);
      case "article"_k:
        if (!is_kind(v, od::json_type::object)) return SUCCESS;
        return for_each_field(v, [&](std::uint64_t k2, std::string_view, od::value& av) -> error_code {
          if (k2 != "articleContent"_k) return SUCCESS;
          std::string_view a;
          if (auto e = scalar_text(av, a)) return e;
          it.raw.posts.push_back(a);
          return SUCCESS;
        });
      case "targetResourceType"_k:
      case "targetResourceId"_k:
      case "targetRegion"_k:
      case "resourceName"_k:
        it.resource_field = true;
        return SUCCESS;
      default:
        return SUCCESS;
    }
  });
}

std::string_view last_segment(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// ".../events/GCC46-OUT/impactedResources/…" -> "GCC46-OUT"
std::string_view event_of_resource(std::string_view arm_id) {
  std::size_t p = arm_id.find("/events/");
  if (p == std::string_view::npos) return {};
  std::string_view rest = arm_id.substr(p + 8);
  return rest.substr(0, rest.find('/'));
}

error_code parse_event(EventState& st, EventItem& it, od::value& v, bool root) {
  it.clear();
  it.at = where(v);
  if (auto e = parse_fields(st, it, v, true, root)) return e;
  if (root && st.listed) return SUCCESS;  // the envelope
  if (it.resource_field || icontains(it.type, "/impactedResources")) {
    ++st.impacted_resources;
    std::string ev(event_of_resource(it.arm_id).substr(0, 40));
    if (!ev.empty() && std::find(st.impacted_events.begin(), st.impacted_events.end(), ev) == st.impacted_events.end())
      st.impacted_events.push_back(ev);
    return SUCCESS;
  }
  st.em.at(it.at);
  if (!it.event_field) {
    st.em.reject("element is not a Resource Health event (no eventType, title, impact or impact times)" +
                 (it.name.empty() ? std::string() : " (name " + std::string(it.name.substr(0, 64)) + ")"));
    return SUCCESS;
  }
  it.raw.source = it.wrapped ? HealthSource::resource_health_rest : HealthSource::resource_health_sdk;
  it.raw.id = !trim(it.name).empty() ? trim(it.name) : last_segment(trim(it.arm_id));
  // A summary that is only the heading of the description ("<p><strong>What
  // happened?</strong></p>" in PIRs) says nothing: the description is the impact.
  std::string_view summary = trim(it.summary), description = trim(it.description);
  bool heading_only = summary.size() < description.size() && description.substr(0, summary.size()) == summary;
  it.raw.impact = (!summary.empty() && !heading_only) ? summary : description;
  it.raw.posts.insert(it.raw.posts.begin(), it.description);
  st.em.emit(it.raw);
  return SUCCESS;
}

error_code parse_list(EventState& st, od::value& list) {
  return for_each_element(list, [&](od::value& el, std::size_t i) -> error_code {
    if (st.em.stopped()) return SUCCESS;
    st.em.at(where(el));
    if (!is_kind(el, od::json_type::object)) {
      st.em.reject("element " + std::to_string(i + 1) + " is not an object");
      return SUCCESS;
    }
    return parse_event(st, st.it, el, false);
  });
}

class ResourceHealthFormat final : public Format {
 public:
  std::string_view name() const override { return "resource-health-json"; }
  std::string_view description() const override {
    return "Azure Resource Health events JSON (REST value[].properties or SDK flattened)";
  }
  SniffResult sniff(std::string_view h) const override {
    char c = first_significant(h);
    if (c != '{' && c != '[') return {};
    if (looks_like_log_json(h)) return {};
    if (h.find("\"Microsoft.ResourceHealth/events") != std::string_view::npos) return {95, RecordKind::health};
    bool type = has_json_key(h, "eventType") || has_json_key(h, "event_type");
    bool times = has_json_key(h, "impactMitigationTime") || has_json_key(h, "impact_mitigation_time") ||
                 has_json_key(h, "impactStartTime") || has_json_key(h, "impact_start_time");
    if (type && times) return {85, RecordKind::health};
    return {};
  }
  void parse(const Input& in, const ParseOptions& opts, RecordSink& sink, FileSummary& sum) const override {
    HealthEmitter em(in, opts, sink, sum, name());
    if (refuse_log_json(em)) return;
    EventState st(em);
    run_document(em, [&](od::value& root) -> error_code {
      if (is_kind(root, od::json_type::array)) return parse_list(st, root);
      if (!is_kind(root, od::json_type::object)) return simdjson::INCORRECT_TYPE;
      return parse_event(st, st.root_it, root, true);
    });
    if (st.impacted_resources)
      em.note(std::to_string(st.impacted_resources) + " impacted resources (events/impactedResources: not issues)" +
              (st.impacted_events.empty() ? std::string() : " for events " + list_for_note(st.impacted_events)));
    if (st.next_link) em.note("nextLink present: this file holds one page of a longer list");
    em.finish();
  }
};

}  // namespace

const Format& resource_health_format() {
  static const ResourceHealthFormat f;
  return f;
}

}  // namespace idt
