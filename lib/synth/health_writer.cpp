// Why: renders the scenario's provider health issues as a Graph
// admin/serviceAnnouncement/issues response (pretty-printed like the API
// docs), with post texts dated for the generated day.
#include "synth/text_out.h"
#include "synth/writers.h"

namespace idt::synth {
namespace {

void kv(std::string& out, std::string_view key, std::string_view value) {
  out += '"';
  out += key;
  out += "\":";
  append_jstr(out, value);
}

// {DAY} "Monday, June 1, 2026", {START} / {END} "5:50 AM" of the issue.
std::string fill(std::string_view text, const HealthSpec& h, Micros day) {
  std::string out;
  while (!text.empty()) {
    std::size_t open = text.find('{');
    std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) {
      out += text;
      break;
    }
    out += text.substr(0, open);
    std::string_view key = text.substr(open + 1, close - open - 1);
    if (key == "DAY")
      out += long_date(day);
    else if (key == "START")
      out += clock_12h(at_minute(day, h.start_min));
    else if (key == "END")
      out += clock_12h(at_minute(day, h.end_min == kOpen ? h.start_min : h.end_min));
    else
      out += text.substr(open, close - open + 1);
    text.remove_prefix(close + 1);
  }
  return out;
}

}  // namespace

void write_health(std::string& out, const Plan& plan) {
  const Micros day = plan.day_start;
  std::string c =
      "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#admin/serviceAnnouncement/issues\",\"value\":[";
  for (std::size_t i = 0; i < plan.health.size(); ++i) {
    const HealthSpec& h = *plan.health[i];
    if (i) c += ',';
    c += "{\"startDateTime\":\"";
    append_time_plain(c, at_minute(day, h.start_min));
    c += "\",\"endDateTime\":";
    if (h.end_min == kOpen) {
      c += "null";
    } else {
      c += '"';
      append_time_plain(c, at_minute(day, h.end_min));
      c += '"';
    }
    c += ",\"lastModifiedDateTime\":\"";
    append_time_plain(c, at_minute(day, h.last_modified_min) + 23'456'000, true);
    c += "\",";
    kv(c, "title", h.title);
    c += ',';
    kv(c, "id", h.id);
    c += ',';
    kv(c, "impactDescription", fill(h.impact, h, day));
    c += ',';
    kv(c, "classification", h.classification);
    c += ",\"origin\":\"microsoft\",";
    kv(c, "status", h.status);
    c += ',';
    kv(c, "service", h.service);
    c += ',';
    kv(c, "feature", h.feature);
    c += ',';
    kv(c, "featureGroup", h.feature_group);
    c += ",\"isResolved\":";
    c += h.end_min == kOpen ? "false" : "true";
    c += ",\"highImpact\":null,\"details\":[],\"posts\":[";
    for (std::size_t k = 0; k < h.posts.size(); ++k) {
      if (k) c += ',';
      c += "{\"createdDateTime\":\"";
      append_time_plain(c, at_minute(day, h.posts[k].at_min) + 540'000, true);
      c += "\",\"postType\":\"regular\",\"description\":{\"contentType\":\"html\",";
      kv(c, "content", fill(h.posts[k].text, h, day));
      c += "}}";
    }
    c += "]}";
  }
  c += "]}";
  out += pretty_json(c);
}

}  // namespace idt::synth
