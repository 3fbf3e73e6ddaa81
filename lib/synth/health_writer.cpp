// Why: renders the scenario's provider health issues in the shape the
// scenario names: a Graph admin/serviceAnnouncement/issues response
// (pretty-printed like the API docs), a retired O365 ServiceComms /Messages
// response, or Azure Service Health alerts (common alert schema, one
// payload per line, as a webhook log keeps them); post texts dated for the
// generated day.
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

// The end as a quoted time, or null while it is open.
void end_or_null(std::string& c, const HealthSpec& h, Micros day) {
  if (h.end_min == kOpen) {
    c += "null";
    return;
  }
  c += '"';
  append_time_plain(c, at_minute(day, h.end_min));
  c += '"';
}

void time_field(std::string& c, std::string_view key, Micros t, bool millis = false) {
  c += '"';
  c += key;
  c += "\":\"";
  append_time_plain(c, t, millis);
  c += '"';
}

void write_servicecomms(std::string& out, const Plan& plan) {
  const Micros day = plan.day_start;
  std::string c = "{\"value\":[";
  for (std::size_t i = 0; i < plan.health.size(); ++i) {
    const HealthSpec& h = *plan.health[i];
    if (i) c += ',';
    c += '{';
    kv(c, "Id", h.id);
    c += ',';
    kv(c, "Name", h.id);
    c += ',';
    kv(c, "Title", h.title);
    c += ',';
    time_field(c, "StartTime", at_minute(day, h.start_min));
    c += ",\"EndTime\":";
    end_or_null(c, h, day);
    c += ',';
    kv(c, "Status", h.end_min == kOpen ? "Service degradation" : "Service restored");
    c += ',';
    time_field(c, "LastUpdatedTime", at_minute(day, h.last_modified_min) + 55'000, true);
    c += ',';
    kv(c, "Workload", h.service);
    c += ',';
    kv(c, "WorkloadDisplayName", h.service);
    c += ',';
    kv(c, "Feature", h.feature);
    c += ',';
    kv(c, "FeatureDisplayName", h.feature_group);
    c += ',';
    kv(c, "Classification", h.classification == "incident" ? "Incident" : "Advisory");
    c += ",\"MessageType\":\"Incident\",\"Messages\":[";
    for (std::size_t k = 0; k < h.posts.size(); ++k) {
      if (k) c += ',';
      c += '{';
      time_field(c, "PublishedTime", at_minute(day, h.posts[k].at_min) + 760'000, true);
      c += ',';
      kv(c, "MessageText", fill(h.posts[k].text, h, day));
      c += '}';
    }
    c += "]}";
  }
  c += "]}";
  out += pretty_json(c);
}

// One common-alert-schema payload per post (each update fires the alert
// again), collected in a JSON array the way a webhook receiver stores them.
void write_azure_alerts(std::string& out, const Plan& plan) {
  const Micros day = plan.day_start;
  std::string all = "[";
  for (const HealthSpec* hp : plan.health) {
    const HealthSpec& h = *hp;
    for (std::size_t k = 0; k < h.posts.size(); ++k) {
      const bool last = k + 1 == h.posts.size();
      const bool resolved = last && h.end_min != kOpen;
      std::string c = "{\"schemaId\":\"azureMonitorCommonAlertSchema\",\"data\":{\"essentials\":{";
      c += "\"alertId\":\"/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.AlertsManagement/"
           "alerts/";
      c += h.id;
      c += '-';
      append_uint(c, k + 1);
      c += "\",\"alertRule\":\"Service health - identity\",\"severity\":\"Sev4\",\"signalType\":\"Activity Log\",";
      c += "\"monitorCondition\":\"Fired\",\"monitoringService\":\"ServiceHealth\",";
      time_field(c, "firedDateTime", at_minute(day, h.posts[k].at_min) + 2'000'000, true);
      c += ",\"description\":\"\",\"essentialsVersion\":\"1.0\",\"alertContextVersion\":\"1.0\"},";
      c += "\"alertContext\":{\"authorization\":null,\"channels\":1,\"claims\":null,\"caller\":null,";
      c += "\"correlationId\":\"00000000-0000-4000-8000-00000000000";
      append_uint(c, k % 10);
      c += "\",\"eventSource\":2,";
      time_field(c, "eventTimestamp", at_minute(day, h.posts[k].at_min), true);
      c += ",\"level\":2,\"operationName\":\"Microsoft.ServiceHealth/incident/action\",\"properties\":{";
      kv(c, "title", h.title);
      c += ',';
      kv(c, "service", h.service);
      c += ",\"region\":\"Global\",";
      kv(c, "communication", fill(h.posts[k].text, h, day));
      c += ",\"incidentType\":\"Incident\",";
      kv(c, "trackingId", h.id);
      c += ',';
      time_field(c, "impactStartTime", at_minute(day, h.start_min));
      if (resolved) {
        c += ',';
        time_field(c, "impactMitigationTime", at_minute(day, h.end_min));
      }
      c += ",\"impactedServices\":";
      std::string impacted = "[{\"ImpactedRegions\":[{\"RegionName\":\"Global\"}],\"ServiceName\":\"";
      impacted += h.service;
      impacted += "\"}]";
      append_jstr(c, impacted);
      c += ',';
      kv(c, "defaultLanguageTitle", h.title);
      c += ',';
      kv(c, "stage", resolved ? "Resolved" : "Active");
      c += ",\"communicationId\":\"";
      c += h.id;
      c += '-';
      append_uint(c, k + 1);
      c += "\",\"isHIR\":\"false\",\"version\":\"0.1.1\"},";
      kv(c, "status", resolved ? "Resolved" : "Active");
      c += ",\"subStatus\":null,";
      time_field(c, "submissionTimestamp", at_minute(day, h.posts[k].at_min) + 12'000'000, true);
      c += ",\"ResourceType\":null}}}";
      if (all.size() > 1) all += ',';
      all += c;
    }
  }
  all += ']';
  out += pretty_json(all);
}

}  // namespace

void write_health(std::string& out, const Plan& plan, HealthShape shape) {
  if (shape == HealthShape::servicecomms) return write_servicecomms(out, plan);
  if (shape == HealthShape::azure_alert) return write_azure_alerts(out, plan);
  const Micros day = plan.day_start;
  std::string c =
      "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#admin/serviceAnnouncement/issues\",\"value\":[";
  for (std::size_t i = 0; i < plan.health.size(); ++i) {
    const HealthSpec& h = *plan.health[i];
    if (i) c += ',';
    c += "{\"startDateTime\":\"";
    append_time_plain(c, at_minute(day, h.start_min));
    c += "\",\"endDateTime\":";
    end_or_null(c, h, day);
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
