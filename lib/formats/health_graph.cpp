// Why: Microsoft Graph admin/serviceAnnouncement — `issues` (list, one issue),
// `healthOverviews` (with or without $expand=issues) and `messages` — share
// one reader: an element's keys tell what it is, whatever the envelope.
#include <array>

#include "formats/health_json.h"
#include "formats/health_parse.h"
#include "formats/sniff_util.h"
#include "util/text.h"

namespace idt {
namespace {

using namespace healthjson;
using namespace healthjson::literals;
using simdjson::SUCCESS;

struct GraphItem {
  RawIssue raw;
  const char* at = nullptr;
  bool issue_field = false;    // a key only serviceHealthIssue has
  bool common_field = false;   // title / startDateTime: issues and messages both have them
  bool message_field = false;  // a key only serviceUpdateMessage has
  bool has_issues = false;     // healthOverview with nested issues
  bool has_value = false;      // {"value":[…]} envelope

  void clear() {
    raw.clear();
    raw.source = HealthSource::graph_issue;
    at = nullptr;
    issue_field = common_field = message_field = has_issues = has_value = false;
  }
};

struct GraphState {
  explicit GraphState(HealthEmitter& e) : em(e) {}
  HealthEmitter& em;
  std::array<GraphItem, 3> items;  // depth 0: root, 1: list element, 2: issue nested in an overview
  std::uint64_t overviews = 0, messages = 0;
  std::vector<std::string> overview_not_ok, message_ids;
  bool next_link = false;
};

error_code parse_item(GraphState& st, od::value& v, std::size_t depth);

error_code parse_list(GraphState& st, od::value& list, std::size_t depth, std::string_view what) {
  return for_each_element(list, [&](od::value& el, std::size_t i) -> error_code {
    if (st.em.stopped()) return SUCCESS;
    st.em.at(where(el));
    if (!is_kind(el, od::json_type::object)) {
      st.em.reject(std::string(what) + " element " + std::to_string(i + 1) + " is not an object");
      return SUCCESS;
    }
    return parse_item(st, el, depth);
  });
}

error_code parse_posts(GraphItem& it, od::value& posts) {
  return for_each_element(posts, [&](od::value& p, std::size_t) -> error_code {
    if (!is_kind(p, od::json_type::object)) return SUCCESS;
    std::string_view content, created;
    auto e = for_each_field(p, [&](std::uint64_t k, std::string_view, od::value& pv) -> error_code {
      switch (k) {
        case "createdDateTime"_k:
          return scalar_text(pv, created);
        case "description"_k:
          if (!is_kind(pv, od::json_type::object)) return SUCCESS;
          return for_each_field(pv, [&](std::uint64_t k2, std::string_view, od::value& dv) -> error_code {
            return k2 == "content"_k ? scalar_text(dv, content) : SUCCESS;
          });
        default:
          return SUCCESS;
      }
    });
    if (e) return e;
    it.raw.posts.push_back(content);
    it.raw.see_post_time(created);
    return SUCCESS;
  });
}

error_code parse_item(GraphState& st, od::value& v, std::size_t depth) {
  GraphItem& it = st.items[depth];
  it.clear();
  it.at = where(v);
  auto e = for_each_field(v, [&](std::uint64_t k, std::string_view, od::value& val) -> error_code {
    switch (k) {
      case "id"_k:
        return scalar_text(val, it.raw.id);
      case "title"_k:
        it.common_field = true;
        return scalar_text(val, it.raw.title);
      case "service"_k:
        return scalar_text(val, it.raw.service);
      case "feature"_k:
        it.issue_field = true;
        return scalar_text(val, it.raw.feature);
      case "featureGroup"_k:
        it.issue_field = true;
        return scalar_text(val, it.raw.feature_group);
      case "classification"_k:
        it.issue_field = true;
        return scalar_text(val, it.raw.classification);
      case "status"_k:
        return scalar_text(val, it.raw.status);
      case "startDateTime"_k:
        it.common_field = true;
        return scalar_text(val, it.raw.start);
      case "endDateTime"_k:
        return scalar_text(val, it.raw.end);
      case "lastModifiedDateTime"_k:
        return scalar_text(val, it.raw.last_update);
      case "impactDescription"_k:
        it.issue_field = true;
        return scalar_text(val, it.raw.impact);
      case "isResolved"_k:
        it.issue_field = true;
        return SUCCESS;
      case "posts"_k:
        it.issue_field = true;
        return parse_posts(it, val);
      case "issues"_k:
        it.has_issues = true;
        if (depth + 1 >= st.items.size()) return SUCCESS;
        return parse_list(st, val, depth + 1, "issues");
      case "value"_k:
        if (depth != 0) return SUCCESS;
        it.has_value = true;
        return parse_list(st, val, depth + 1, "value");
      case "@odata.nextLink"_k:
        st.next_link = true;
        return SUCCESS;
      // serviceUpdateMessage (message center) only.
      case "body"_k:
      case "category"_k:
      case "severity"_k:
      case "services"_k:
      case "isMajorChange"_k:
      case "actionRequiredByDateTime"_k:
      case "tags"_k:
      case "viewPoint"_k:
      case "expiryDateTime"_k:
      case "hasAttachments"_k:
      case "attachments"_k:
        it.message_field = true;
        return SUCCESS;
      default:
        return SUCCESS;
    }
  });
  if (e || st.em.stopped()) return e;

  // The nested list may have moved the position: report this item at its own start.
  if (it.message_field && !it.issue_field) {
    ++st.messages;
    if (!it.raw.id.empty()) st.message_ids.emplace_back(it.raw.id.substr(0, 32));
    return SUCCESS;
  }
  if (it.has_issues || (!it.issue_field && !it.common_field && !it.raw.service.empty() && !it.raw.status.empty())) {
    ++st.overviews;
    std::string_view s = canonical_health_status(it.raw.status);
    if (s != "serviceOperational") {
      std::string name = std::string(trim(it.raw.service).substr(0, 64));
      st.overview_not_ok.push_back(name + " (" + std::string(s.empty() ? trim(it.raw.status).substr(0, 32) : s) + ")");
    }
    return SUCCESS;
  }
  if (depth == 0 && it.has_value) return SUCCESS;  // the envelope itself
  st.em.at(it.at);
  if (!it.issue_field && !it.common_field) {
    st.em.reject("element is not a service health issue (no title, start, classification, impactDescription or posts)" +
                 (it.raw.id.empty() ? std::string() : " (id " + std::string(it.raw.id.substr(0, 64)) + ")"));
    return SUCCESS;
  }
  st.em.emit(it.raw);
  return SUCCESS;
}

class GraphHealthFormat final : public Format {
 public:
  std::string_view name() const override { return "graph-health-json"; }
  std::string_view description() const override {
    return "Microsoft Graph serviceAnnouncement issues / healthOverviews JSON (service health)";
  }
  SniffResult sniff(std::string_view h) const override {
    char c = first_significant(h);
    if (c != '{' && c != '[') return {};
    if (looks_like_log_json(h)) return {};
    if (h.find("$metadata#admin/serviceAnnouncement") != std::string_view::npos) return {95, RecordKind::health};
    if (has_json_key(h, "impactDescription") && (has_json_key(h, "featureGroup") || has_json_key(h, "classification")))
      return {90, RecordKind::health};
    if (has_json_key(h, "isResolved") && has_json_key(h, "classification")) return {80, RecordKind::health};
    if (has_json_key(h, "isMajorChange") && has_json_key(h, "actionRequiredByDateTime"))
      return {70, RecordKind::health};
    return {};
  }
  void parse(const Input& in, const ParseOptions& opts, RecordSink& sink, FileSummary& sum) const override {
    HealthEmitter em(in, opts, sink, sum, name());
    if (refuse_log_json(em)) return;
    GraphState st(em);
    run_document(em, [&](od::value& root) -> error_code {
      if (is_kind(root, od::json_type::array)) return parse_list(st, root, 1, "array");
      if (is_kind(root, od::json_type::object)) return parse_item(st, root, 0);
      return simdjson::INCORRECT_TYPE;
    });
    if (st.overviews)
      em.note(std::to_string(st.overviews) + " service overviews (statuses, not issues)" +
              (st.overview_not_ok.empty() ? std::string("; all serviceOperational")
                                          : "; not operational: " + list_for_note(st.overview_not_ok)));
    if (st.messages)
      em.note(std::to_string(st.messages) +
              " message-center posts skipped (not health issues): " + list_for_note(st.message_ids));
    if (st.next_link) em.note("@odata.nextLink present: this file holds one page of a longer list");
    em.finish();
  }
};

}  // namespace

const Format& graph_health_format() {
  static const GraphHealthFormat f;
  return f;
}

}  // namespace idt
