// Why: every real service-health sample is pinned (format, true issue count,
// ids, statuses, windows, identity relevance), and bad input must end in a
// clear message with a position, never a crash.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "classify/health_relevance.h"
#include "formats/format.h"
#include "formats/health_json.h"
#include "io/input.h"
#include "model/health.h"
#include "util/time.h"

#ifndef IDTRIAGE_TESTDATA
#error "IDTRIAGE_TESTDATA must point at the testdata directory"
#endif

using namespace idt;

namespace {

struct Rec {
  std::string id, service, feature, feature_group, title, classification, status, region, impact, text, reason, rule;
  Micros start = kNoTime, end = kNoTime, last_update = kNoTime;
  std::uint32_t posts = 0;
  bool relevant = false, synthetic = false;
  HealthSource source = HealthSource::graph_issue;
  SourcePos pos;
};

struct Collect : RecordSink {
  std::vector<Rec> recs;
  std::vector<Rejection> rejects;
  void on_health(const HealthIssue& parsed, const SourcePos& p) override {
    HealthIssue h = parsed;  // relevance is judged after parsing (as the pipeline does)
    apply_health_relevance(h);
    Rec r;
    r.id = h.id;
    r.service = h.service;
    r.feature = h.feature;
    r.feature_group = h.feature_group;
    r.title = h.title;
    r.classification = h.classification;
    r.status = h.status;
    r.region = h.region;
    r.impact = h.impact;
    r.text = h.text;
    r.reason = h.relevance_reason;
    r.rule = h.relevance_rule;
    r.start = h.start;
    r.end = h.end;
    r.last_update = h.last_update;
    r.posts = h.posts;
    r.relevant = h.identity_relevant;
    r.synthetic = h.synthetic;
    r.source = h.source;
    r.pos = p;
    recs.push_back(std::move(r));
  }
  void on_reject(const Rejection& r) override { rejects.push_back(r); }
};

struct Parsed {
  FileSummary sum;
  Collect out;
  std::string detected;
  const Rec& at(std::size_t i) const { return out.recs.at(i); }
  std::vector<std::string> ids() const {
    std::vector<std::string> v;
    for (const auto& r : out.recs) v.push_back(r.id);
    return v;
  }
};

Micros T(const char* iso) {
  auto t = parse_iso8601(iso);
  REQUIRE(t.has_value());
  return *t;
}

const std::vector<const Format*>& health_formats() {
  static const std::vector<const Format*> v = {&graph_health_format(), &servicecomms_health_format(),
                                               &azure_alert_health_format(), &resource_health_format()};
  return v;
}

// Best of the four health sniffers (no other format linked in).
const Format* sniff_health(std::string_view text) {
  const Format* best = nullptr;
  int score = 0;
  for (const Format* f : health_formats()) {
    SniffResult r = f->sniff(text.substr(0, 65536));
    if (r.score > score) {
      score = r.score;
      best = f;
    }
  }
  return best;
}

Parsed parse_text(std::string_view text, const Format* forced = nullptr, ParseOptions opts = {}) {
  Parsed p;
  Input in = Input::from_string(text, "<test>");
  const Format* f = forced ? forced : sniff_health(in.text());
  if (f) p.detected = std::string(f->name());
  if (f) f->parse(in, opts, p.out, p.sum);
  return p;
}

Parsed read_health(const std::string& name) {
  std::string path = std::string(IDTRIAGE_TESTDATA) + "/health/" + name;
  auto in = open_input(path);
  REQUIRE(in.ok());
  Parsed p;
  const Format* f = sniff_health(in->text());
  REQUIRE(f != nullptr);
  p.detected = std::string(f->name());
  f->parse(*in, ParseOptions{}, p.out, p.sum);
  CHECK(p.sum.format == p.detected);
  CHECK(p.sum.kind == RecordKind::health);
  CHECK_FALSE(p.sum.fatal.has_value());
  CHECK(p.sum.rejected == 0);
  CHECK(p.sum.records == p.out.recs.size());
  return p;
}

bool has_note(const FileSummary& s, const std::string& needle) {
  for (const auto& n : s.notes)
    if (n.find(needle) != std::string::npos) return true;
  return false;
}

}  // namespace

// ---- Graph serviceAnnouncement -------------------------------------------

TEST_CASE("graph docs: issues list (EX226792, PascalCase enums)", "[health][graph]") {
  Parsed p = read_health("graph-docs-v1.0_serviceannouncement-list-issues.response.json");
  CHECK(p.detected == "graph-health-json");
  REQUIRE(p.out.recs.size() == 1);
  const Rec& r = p.at(0);
  CHECK(r.id == "EX226792");
  CHECK(r.service == "Exchange Online");
  CHECK(r.feature == "Mailflow - delayed delivery from Internet");
  CHECK(r.feature_group == "E-Mail timely delivery");
  CHECK(r.classification == "incident");
  CHECK(r.status == "serviceRestored");
  CHECK(r.start == T("2020-11-13T21:00:00Z"));
  CHECK(r.end == T("2020-11-14T17:15:00Z"));
  CHECK(r.last_update == T("2020-11-14T18:20:24.767Z"));
  CHECK(r.posts == 1);
  CHECK(r.source == HealthSource::graph_issue);
  CHECK(r.pos.line == 5);
  // An Exchange mail-flow issue is not an identity issue.
  CHECK_FALSE(r.relevant);
  CHECK(r.reason.empty());
  CHECK(has_note(p.sum, "@odata.nextLink"));
  CHECK(p.sum.first == T("2020-11-13T21:00:00Z"));
}

TEST_CASE("graph docs: single issue MO226784 under Microsoft 365 suite", "[health][graph]") {
  Parsed p = read_health("graph-docs-v1.0_servicehealthissue-get.response.json");
  CHECK(p.detected == "graph-health-json");
  REQUIRE(p.out.recs.size() == 1);
  const Rec& r = p.at(0);
  CHECK(r.id == "MO226784");
  CHECK(r.service == "Microsoft 365 suite");
  CHECK(r.feature == "Access");
  CHECK(r.feature_group == "Portal");
  CHECK(r.classification == "advisory");
  CHECK(r.status == "serviceRestored");
  CHECK(r.start == T("2020-11-14T08:15:00Z"));
  CHECK(r.end == T("2020-11-14T09:45:00Z"));
  CHECK_FALSE(r.relevant);
  CHECK(r.impact == "Users may have been intermittently unable to access some Microsoft 365 services.");
  // Post text: newlines collapsed into single spaces.
  CHECK(r.text.find("services User Impact:") != std::string::npos);
  CHECK(r.text.find('\n') == std::string::npos);
}

TEST_CASE("graph docs: healthOverviews without issues yield no records but a note", "[health][graph]") {
  Parsed p = read_health("graph-docs-v1.0_serviceannouncement-list-healthoverviews.response.json");
  CHECK(p.detected == "graph-health-json");
  CHECK(p.out.recs.empty());
  CHECK(has_note(p.sum, "3 service overviews"));
  CHECK(has_note(p.sum, "Identity Service (serviceRestored)"));
}

TEST_CASE("graph docs: healthOverviews?$expand=issues yields the nested issue", "[health][graph]") {
  Parsed p = read_health("graph-docs-v1.0_serviceannouncement-list-healthoverviews-expand-issues.response.json");
  CHECK(p.detected == "graph-health-json");
  REQUIRE(p.out.recs.size() == 1);
  const Rec& r = p.at(0);
  CHECK(r.id == "EX226574");
  CHECK(r.classification == "advisory");
  CHECK(r.status == "serviceRestored");
  CHECK(r.start == T("2020-11-04T00:00:00Z"));
  CHECK(r.end == T("2020-11-20T17:00:00Z"));
  CHECK(r.pos.line == 9);
  // Its post says "login issue": generic words in post text are not enough.
  CHECK(r.text.find("login issue") != std::string::npos);
  CHECK_FALSE(r.relevant);
  CHECK(has_note(p.sum, "1 service overviews"));
}

TEST_CASE("graph docs: message center list is not a health issue list", "[health][graph]") {
  Parsed p = read_health("graph-docs-v1.0_serviceannouncement-list-messages.response.json");
  CHECK(p.detected == "graph-health-json");
  CHECK(p.out.recs.empty());
  CHECK(has_note(p.sum, "1 message-center posts skipped"));
  CHECK(has_note(p.sum, "MC172851"));
}

TEST_CASE("cli-m365 capture: issues list with camelCase enums and HTML posts", "[health][graph]") {
  Parsed p = read_health("cli-m365_serviceannouncement-healthissue-list.spec.jsonOutput.json");
  CHECK(p.detected == "graph-health-json");
  REQUIRE(p.ids() == std::vector<std::string>{"CR275975", "FM298724"});
  const Rec& a = p.at(0);
  CHECK(a.classification == "advisory");
  CHECK(a.status == "serviceRestored");
  CHECK(a.start == T("2021-08-02T14:36:00Z"));
  CHECK(a.end == T("2021-08-06T20:25:00Z"));
  CHECK(a.posts == 3);
  CHECK_FALSE(a.relevant);
  // <a href=…>review the following documentation.</a> -> plain words.
  CHECK(a.text.find("Please review the following documentation.") != std::string::npos);
  CHECK(a.text.find("<a") == std::string::npos);
  CHECK(a.text.find("href") == std::string::npos);
  const Rec& b = p.at(1);
  CHECK(b.service == "Microsoft Forms");
  CHECK(b.classification == "incident");
  CHECK(b.status == "postIncidentReviewPublished");
  CHECK(b.start == T("2021-11-17T13:00:00Z"));
  CHECK(b.end == T("2021-11-17T13:58:00Z"));
  // Six posts, three of them the identical "A post-incident report has been published."
  CHECK(b.posts == 4);
  CHECK_FALSE(b.relevant);
}

TEST_CASE("cli-m365 capture: single issue with @odata-less object", "[health][graph]") {
  Parsed p = read_health("cli-m365_serviceannouncement-healthissue-get.spec.jsonOutput.json");
  CHECK(p.detected == "graph-health-json");
  REQUIRE(p.ids() == std::vector<std::string>{"CR275975"});
  CHECK(p.at(0).last_update == T("2021-08-06T20:28:36.537Z"));
  CHECK(p.at(0).pos.line == 1);
}

TEST_CASE("cli-m365 capture: bare array of overviews with nested issues", "[health][graph]") {
  Parsed p = read_health("cli-m365_serviceannouncement-health-get.spec.serviceHealthIssueResponse.json");
  CHECK(p.detected == "graph-health-json");
  REQUIRE(p.ids() == std::vector<std::string>{"EX226574"});
  CHECK(p.at(0).status == "serviceRestored");
  CHECK_FALSE(p.at(0).relevant);
  CHECK(has_note(p.sum, "1 service overviews"));
}

TEST_CASE("cli-m365 capture: message-center posts are counted, not yielded", "[health][graph]") {
  Parsed list = read_health("cli-m365_serviceannouncement-message-list.spec.jsonOutput.json");
  CHECK(list.detected == "graph-health-json");
  CHECK(list.out.recs.empty());
  CHECK(has_note(list.sum, "4 message-center posts skipped"));
  CHECK(has_note(list.sum, "MC237349, MC237741, MC247825, MC248201"));
  Parsed one = read_health("cli-m365_serviceannouncement-message-get.spec.resMessage.json");
  CHECK(one.detected == "graph-health-json");
  CHECK(one.out.recs.empty());
  CHECK(has_note(one.sum, "MC001337"));
}

// ---- retired Office 365 Service Communications API ------------------------

TEST_CASE("ServiceComms Messages capture: incidents yielded, message center skipped", "[health][servicecomms]") {
  Parsed p = read_health("cli-m365_OLD-ServiceComms_service-message-list.spec.jsonOutput.Messages.json");
  CHECK(p.detected == "servicecomms-json");
  REQUIRE(p.ids() == std::vector<std::string>{"EX213379", "LY220759", "SP220211", "TM218696"});
  const Rec& ex = p.at(0);
  CHECK(ex.service == "Exchange Online");
  CHECK(ex.feature == "Provisioning");
  CHECK(ex.feature_group == "Management and Provisioning");
  CHECK(ex.classification == "advisory");
  CHECK(ex.status == "extendedRecovery");  // "Extended recovery"
  CHECK(ex.start == T("2020-05-15T18:00:32Z"));
  CHECK(ex.end == kNoTime);  // EndTime null: still open
  CHECK(ex.posts == 3);
  CHECK(ex.source == HealthSource::servicecomms_message);
  CHECK(p.at(1).status == "falsePositive");  // "False positive"
  CHECK(p.at(1).end == T("2020-08-21T20:00:00Z"));
  CHECK(p.at(2).status == "serviceRestored");  // "Service restored"
  CHECK(p.at(2).start == T("2020-08-11T22:14:58Z"));
  CHECK(p.at(3).end == T("2020-08-07T12:34:00Z"));
  for (const auto& r : p.out.recs) CHECK_FALSE(r.relevant);
  CHECK(has_note(p.sum, "1 message-center posts skipped"));
  CHECK(has_note(p.sum, "MC198615"));
}

TEST_CASE("ServiceComms Messages docs sample: null Title, swapped workload names", "[health][servicecomms]") {
  Parsed p = read_health("o365-mgmt-api-docs_ServiceComms_Messages.sample-response.json");
  CHECK(p.detected == "servicecomms-json");
  REQUIRE(p.ids() == std::vector<std::string>{"EX20119", "EX20789"});
  CHECK(p.at(0).status == "serviceRestored");
  CHECK(p.at(0).start == T("2015-04-01T22:25:00Z"));
  CHECK(p.at(0).end == T("2015-04-07T21:48:00Z"));
  CHECK(p.at(0).posts == 4);
  CHECK(p.at(0).feature_group == "E-Mail and calendar access");
  CHECK(p.at(1).start == T("2015-04-06T20:00:00Z"));
  CHECK(p.at(1).end == T("2015-04-07T23:00:00Z"));
  for (const auto& r : p.out.recs) CHECK_FALSE(r.relevant);
}

TEST_CASE("ServiceComms status lists are not issue lists", "[health][servicecomms]") {
  Parsed cur = read_health("cli-m365_OLD-ServiceComms_status-list.spec.jsonOutput.CurrentStatus.json");
  CHECK(cur.detected == "servicecomms-json");
  CHECK(cur.out.recs.empty());
  CHECK(has_note(cur.sum, "4 workload status records (CurrentStatus"));
  CHECK(has_note(cur.sum, "all serviceOperational"));

  Parsed hist = read_health(
      "cli-m365_OLD-ServiceComms_service-report-historicalservicestatus.spec.jsonOutput.HistoricalStatus.json");
  CHECK(hist.detected == "servicecomms-json");
  CHECK(hist.out.recs.empty());
  CHECK(has_note(hist.sum, "7 workload status records (HistoricalStatus"));

  Parsed doc = read_health("o365-mgmt-api-docs_ServiceComms_CurrentStatus.sample-response.json");
  CHECK(doc.detected == "servicecomms-json");
  CHECK(doc.out.recs.empty());
  CHECK(has_note(doc.sum, "2 workload status records"));

  // The docs' HistoricalStatus references incident EX20870 on a degraded day.
  Parsed dh = read_health("o365-mgmt-api-docs_ServiceComms_HistoricalStatus.sample-response.json");
  CHECK(dh.detected == "servicecomms-json");
  CHECK(dh.out.recs.empty());
  CHECK(has_note(dh.sum, "Exchange Online informationAvailable on 2015-04-10 (Voice mail: informationAvailable)"));
  CHECK(has_note(dh.sum, "incident ids referenced: EX20870 (Exchange Online)"));
}

TEST_CASE("ServiceComms Services lists yield nothing", "[health][servicecomms]") {
  Parsed a = read_health("cli-m365_OLD-ServiceComms_service-list.spec.jsonOutput.Services.json");
  CHECK(a.detected == "servicecomms-json");
  CHECK(a.out.recs.empty());
  CHECK(has_note(a.sum, "2 services, 6 features"));
  Parsed b = read_health("o365-mgmt-api-docs_ServiceComms_Services.sample-response.json");
  CHECK(b.detected == "servicecomms-json");
  CHECK(b.out.recs.empty());
  CHECK(has_note(b.sum, "2 services, 15 features"));
}

// ---- Azure Service Health alerts -------------------------------------------

TEST_CASE("legacy activity-log webhook: impactedServices escaped JSON is parsed", "[health][azure]") {
  Parsed p = read_health("azure-monitor-docs_activity-log-alerts-webhook_ServiceHealth.json");
  CHECK(p.detected == "azure-alert-json");
  REQUIRE(p.ids() == std::vector<std::string>{"0NIH-U2O"});
  const Rec& r = p.at(0);
  CHECK(r.source == HealthSource::azure_activity_alert);
  CHECK(r.service == "Virtual Machines");
  CHECK(r.region == "Australia East");
  CHECK(r.classification == "incident");
  CHECK(r.status == "active");  // stage "Active" (data.status "Activated")
  CHECK(r.start == T("2017-10-18T02:48:00.0000000Z"));
  CHECK(r.end == kNoTime);
  CHECK(r.last_update == T("2017-10-18T23:49:25.3736084+00:00"));
  CHECK(r.impact.find("stopped \"deallocated\" or suspended") != std::string::npos);  // &quot; decoded
  CHECK_FALSE(r.relevant);
  CHECK(has_note(p.sum, "escaped JSON string (parsed)"));
}

TEST_CASE("common alert schema: alertContext only (maintenance)", "[health][azure]") {
  Parsed p = read_health("azure-monitor-docs_alerts-payload-samples_ServiceHealth-alertContext.json");
  CHECK(p.detected == "azure-alert-json");
  REQUIRE(p.out.recs.size() == 1);
  const Rec& r = p.at(0);
  CHECK(r.id == "<GUID>");
  CHECK(r.source == HealthSource::azure_common_alert);
  CHECK(r.service == "Azure Synapse Analytics");
  CHECK(r.region == "East US");
  CHECK(r.classification == "maintenance");
  CHECK(r.status == "planned");
  CHECK(r.start == T("2019-06-26T04:00:00Z"));
  CHECK(r.end == T("2019-06-26T12:00:00Z"));
  CHECK(r.impact == "<MESSAGE>");  // a docs placeholder, not an HTML tag
  CHECK_FALSE(r.relevant);
}

TEST_CASE("common alert schema: full test-action payload is synthetic", "[health][azure]") {
  Parsed p = read_health("azure-monitor-docs_alerts-payload-samples_ServiceHealth-test-action.json");
  CHECK(p.detected == "azure-alert-json");
  REQUIRE(p.ids() == std::vector<std::string>{"TEST-TTT"});
  const Rec& r = p.at(0);
  CHECK(r.source == HealthSource::azure_common_alert);
  CHECK(r.synthetic);
  CHECK(r.status == "resolved");
  CHECK(r.classification == "incident");
  CHECK(r.region == "Global");
  CHECK(r.service == "AzureServiceName");
  CHECK(r.start == T("2025-04-15T18:20:36.256Z"));
  CHECK(r.end == T("2025-04-15T18:20:36.256Z"));
  CHECK(r.impact == "ThisisatestfromServiceHealthAlert");
  CHECK_FALSE(r.relevant);
  CHECK(has_note(p.sum, "1 synthetic test alerts"));
}

// ---- Azure Resource Health events -----------------------------------------

TEST_CASE("resource health REST shape: 0001-01-01 mitigation means open", "[health][resourcehealth]") {
  Parsed p = read_health("sea_issues_only_from_rest_api_response.json");
  CHECK(p.detected == "resource-health-json");
  REQUIRE(p.ids() == std::vector<std::string>{"GCC46-OUT", "GCC46-OUT"});
  CHECK(p.at(0).service == "Virtual Machines");
  CHECK(p.at(1).service == "Redis Cache");
  for (const auto& r : p.out.recs) {
    CHECK(r.source == HealthSource::resource_health_rest);
    CHECK(r.classification == "incident");
    CHECK(r.status == "active");
    CHECK(r.start == T("2024-08-12T03:15:00Z"));
    CHECK(r.end == kNoTime);
    CHECK(r.last_update == T("2024-08-12T04:16:00Z"));
    CHECK(r.region == "Southeast Asia");
    CHECK(r.impact == "TestIncident:Testincident37out 奥运会");
    CHECK_FALSE(r.relevant);
  }
  CHECK(has_note(p.sum, "GCC46-OUT x2"));
}

TEST_CASE("resource health impactedResources list is not an issue list", "[health][resourcehealth]") {
  Parsed p = read_health("impacted_resources_from_rest_api_response.json");
  CHECK(p.detected == "resource-health-json");
  CHECK(p.out.recs.empty());
  CHECK(has_note(p.sum, "2 impacted resources"));
  CHECK(has_note(p.sum, "GCC46-OUT"));
}

TEST_CASE("resource health SDK capture: 21 events, one identity-relevant", "[health][resourcehealth]") {
  Parsed p = read_health("issues-from-resource-health-sdk-type-event_2.json");
  CHECK(p.detected == "resource-health-json");
  const std::vector<std::string> ids = {"GS98-9V8", "0NTJ-VV8", "ZS10-TR8", "KSYM-9_8", "GMYD-LB8", "1KFM-DQ0",
                                        "ZMM4-1_0", "ZMC5-NQ0", "CTP4-FW8", "HTLP-VQ8", "PMC0-PQ8", "CL84-JF0",
                                        "ZMD1-RF0", "KMCW-NQ0", "GNYS-3V8", "LSHT-7W8", "1VFH-NR8", "GLSJ-LQ0",
                                        "HN_8-LF8", "4NBJ-DQ0", "1KFM-DQ0"};
  REQUIRE(p.ids() == ids);
  int incidents = 0, maintenance = 0, advisories = 0, active = 0, resolved = 0, relevant = 0;
  for (const auto& r : p.out.recs) {
    CHECK(r.source == HealthSource::resource_health_sdk);
    CHECK(r.start != kNoTime);
    CHECK(r.end != kNoTime);
    CHECK(r.text.find('<') == std::string::npos);
    incidents += r.classification == "incident";
    maintenance += r.classification == "maintenance";
    advisories += r.classification == "advisory";
    active += r.status == "active";
    resolved += r.status == "resolved";
    relevant += r.relevant;
  }
  // Independently counted with python over eventType / status.
  CHECK(incidents == 7);
  CHECK(maintenance == 4);
  CHECK(advisories == 10);
  CHECK(active == 12);
  CHECK(resolved == 9);
  CHECK(relevant == 2);  // 1KFM-DQ0 twice
  const Rec& first = p.at(0);
  CHECK(first.service == "Windows Virtual Desktop, Azure Relay, Azure Kubernetes Service");
  CHECK(first.start == T("2024-09-17T18:36:24.113Z"));
  CHECK(first.end == T("2024-10-20T21:41:37.000Z"));
  CHECK(first.last_update == T("2024-10-28T23:50:38.298Z"));
  // "<p><strong>Impact Statement:&nbsp;</strong>Starting at …"
  CHECK(first.impact.rfind("Impact Statement: Starting at 18:46 UTC on 16 Sep 2024", 0) == 0);
  const Rec& entra = p.at(5);
  CHECK(entra.id == "1KFM-DQ0");
  CHECK(entra.service == "Microsoft Entra Permissions Management");
  CHECK(entra.relevant);
  CHECK(entra.reason == "service: Microsoft Entra");
  CHECK(entra.start == T("2024-09-11T20:03:27.460Z"));
  CHECK(entra.end == T("2024-09-12T04:39:11.000Z"));
  // PIR summary is only the heading "What happened?": the description is the impact.
  CHECK(entra.impact.rfind("What happened? You were identified", 0) == 0);
  const Rec& gmyd = p.at(4);
  CHECK(gmyd.service == "Microsoft Azure portal");
  CHECK_FALSE(gmyd.relevant);
  CHECK(p.at(2).region.find("(+") != std::string::npos);  // many regions: capped list
  CHECK(has_note(p.sum, "1KFM-DQ0 x2"));
}

// ---- every file: detection through the registry too -----------------------

TEST_CASE("every health sample is detected as health by the format registry", "[health][registry]") {
  const char* files[] = {
      "azure-monitor-docs_activity-log-alerts-webhook_ServiceHealth.json",
      "azure-monitor-docs_alerts-payload-samples_ServiceHealth-alertContext.json",
      "azure-monitor-docs_alerts-payload-samples_ServiceHealth-test-action.json",
      "cli-m365_OLD-ServiceComms_service-list.spec.jsonOutput.Services.json",
      "cli-m365_OLD-ServiceComms_service-message-list.spec.jsonOutput.Messages.json",
      "cli-m365_OLD-ServiceComms_service-report-historicalservicestatus.spec.jsonOutput.HistoricalStatus.json",
      "cli-m365_OLD-ServiceComms_status-list.spec.jsonOutput.CurrentStatus.json",
      "cli-m365_serviceannouncement-health-get.spec.serviceHealthIssueResponse.json",
      "cli-m365_serviceannouncement-healthissue-get.spec.jsonOutput.json",
      "cli-m365_serviceannouncement-healthissue-list.spec.jsonOutput.json",
      "cli-m365_serviceannouncement-message-get.spec.resMessage.json",
      "cli-m365_serviceannouncement-message-list.spec.jsonOutput.json",
      "graph-docs-v1.0_serviceannouncement-list-healthoverviews-expand-issues.response.json",
      "graph-docs-v1.0_serviceannouncement-list-healthoverviews.response.json",
      "graph-docs-v1.0_serviceannouncement-list-issues.response.json",
      "graph-docs-v1.0_serviceannouncement-list-messages.response.json",
      "graph-docs-v1.0_servicehealthissue-get.response.json",
      "impacted_resources_from_rest_api_response.json",
      "issues-from-resource-health-sdk-type-event_2.json",
      "o365-mgmt-api-docs_ServiceComms_CurrentStatus.sample-response.json",
      "o365-mgmt-api-docs_ServiceComms_HistoricalStatus.sample-response.json",
      "o365-mgmt-api-docs_ServiceComms_Messages.sample-response.json",
      "o365-mgmt-api-docs_ServiceComms_Services.sample-response.json",
      "sea_issues_only_from_rest_api_response.json",
  };
  for (const char* name : files) {
    INFO(name);
    auto in = open_input(std::string(IDTRIAGE_TESTDATA) + "/health/" + name);
    REQUIRE(in.ok());
    Detected d = detect_format(in->text());
    REQUIRE(d.format != nullptr);
    CHECK(d.kind == RecordKind::health);
    CHECK(d.format == sniff_health(in->text()));
  }
}

// ---- hand-made MO1329260 ----------------------------------------------------

namespace {
const char* kMo1329260 = R"({
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#admin/serviceAnnouncement/issues/$entity",
  "startDateTime": "2026-06-01T05:50:00Z",
  "endDateTime": "2026-06-01T09:50:00Z",
  "lastModifiedDateTime": "2026-06-01T11:12:40.123Z",
  "title": "Some users may have been unable to setup Multi-Factor Authentication (MFA) or access the mysignins.microsoft.com website",
  "id": "MO1329260",
  "impactDescription": "Users may have been unable to set up MFA or reach the My Sign-Ins portal.",
  "classification": "incident",
  "origin": "microsoft",
  "status": "serviceRestored",
  "service": "Microsoft 365 suite",
  "feature": "Portal",
  "featureGroup": "Administration",
  "isResolved": true,
  "highImpact": null,
  "details": [],
  "posts": [
    {"createdDateTime": "2026-06-01T06:31:00Z", "postType": "regular",
     "description": {"contentType": "html",
       "content": "<p><b>Title:</b> Users can&#39;t set up MFA</p><p>User impact: users may receive HTTP 504&nbsp;errors from mysignins.microsoft.com &amp; the security info page.</p>"}},
    {"createdDateTime": "2026-06-01T10:02:00Z", "postType": "regular",
     "description": {"contentType": "html",
       "content": "<p>Final status: a caching configuration change was reverted.</p>"}}
  ]
})";
}  // namespace

TEST_CASE("MO1329260-like Graph issue is identity-relevant by its title", "[health][graph][mo1329260]") {
  Parsed p = parse_text(kMo1329260);
  CHECK(p.detected == "graph-health-json");
  CHECK_FALSE(p.sum.fatal.has_value());
  REQUIRE(p.out.recs.size() == 1);
  const Rec& r = p.at(0);
  CHECK(r.id == "MO1329260");
  CHECK(r.service == "Microsoft 365 suite");
  CHECK(r.relevant);
  CHECK(r.reason == "title mentions MFA");
  CHECK(r.rule == "title.mfa");
  CHECK(r.start == T("2026-06-01T05:50:00Z"));
  CHECK(r.end == T("2026-06-01T09:50:00Z"));
  CHECK(r.classification == "incident");
  CHECK(r.status == "serviceRestored");
  CHECK(r.posts == 2);
  CHECK(r.text ==
        "Title: Users can't set up MFA User impact: users may receive HTTP 504 errors from mysignins.microsoft.com & "
        "the security info page.\nFinal status: a caching configuration change was reverted.");
}

TEST_CASE("a vague title still counts when a post names mysignins", "[health][graph][mo1329260]") {
  std::string j = kMo1329260;
  std::string from =
      "Some users may have been unable to setup Multi-Factor Authentication (MFA) or access the "
      "mysignins.microsoft.com website";
  j.replace(j.find(from), from.size(), "Some users may be unable to reach a Microsoft 365 portal");
  std::string imp = "Users may have been unable to set up MFA or reach the My Sign-Ins portal.";
  j.replace(j.find(imp), imp.size(), "Users may have been unable to reach a portal.");
  Parsed p = parse_text(j);
  REQUIRE(p.out.recs.size() == 1);
  CHECK(p.at(0).relevant);
  CHECK(p.at(0).reason == "post mentions mysignins.microsoft.com");
}

// ---- enum casing and key spelling -------------------------------------------

TEST_CASE("status and classification casing from every source normalise the same", "[health][casing]") {
  for (const char* s : {"ServiceRestored", "serviceRestored", "Service restored", "SERVICE_RESTORED"}) {
    std::string j = std::string(R"({"value":[{"id":"EX1","title":"t","classification":"Incident","status":")") + s +
                    R"(","startDateTime":"2026-06-01T05:50:00Z","impactDescription":"x","featureGroup":"g"}]})";
    Parsed p = parse_text(j);
    REQUIRE(p.out.recs.size() == 1);
    CHECK(p.at(0).status == "serviceRestored");
    CHECK(p.at(0).classification == "incident");
  }
  // Unknown values are kept (lower camel) and noted.
  Parsed p = parse_text(
      R"({"value":[{"id":"EX2","title":"t","classification":"Heads Up","status":"Sort Of Fine","startDateTime":"2026-06-01T05:50:00Z","impactDescription":"x","featureGroup":"g"}]})");
  REQUIRE(p.out.recs.size() == 1);
  CHECK(p.at(0).status == "sortOfFine");
  CHECK(p.at(0).classification == "heads_up");
  CHECK(has_note(p.sum, "sortOfFine"));
}

TEST_CASE("resource health snake_case SDK dicts read like camelCase", "[health][resourcehealth][casing]") {
  const char* j = R"([{"id":"/providers/Microsoft.ResourceHealth/events/AB12-CD3","name":"AB12-CD3",
    "type":"Microsoft.ResourceHealth/events","event_type":"ServiceIssue","status":"Active",
    "title":"Sign-in failures in Europe","summary":"<p>Users may fail to sign in.</p>",
    "impact_start_time":"2026-06-01T05:50:00Z","impact_mitigation_time":"0001-01-01T00:00:00",
    "last_update_time":"2026-06-01T06:10:00Z",
    "impact":[{"impacted_service":"Microsoft Entra ID","impacted_regions":[{"impacted_region":"West Europe",
      "updates":[{"summary":"<p>Engineers are investigating.</p>","update_date_time":"2026-06-01T06:10:00Z"}]}]}]}])";
  Parsed p = parse_text(j);
  CHECK(p.detected == "resource-health-json");
  REQUIRE(p.out.recs.size() == 1);
  const Rec& r = p.at(0);
  CHECK(r.id == "AB12-CD3");
  CHECK(r.source == HealthSource::resource_health_sdk);
  CHECK(r.classification == "incident");
  CHECK(r.status == "active");
  CHECK(r.end == kNoTime);
  CHECK(r.service == "Microsoft Entra ID");
  CHECK(r.region == "West Europe");
  CHECK(r.relevant);
  CHECK(r.reason == "service: Microsoft Entra");
  CHECK(r.impact == "Users may fail to sign in.");
  CHECK(r.text == "Engineers are investigating.");
}

TEST_CASE("legacy alert without service field takes it from the escaped impactedServices", "[health][azure]") {
  const char* j =
      R"({"schemaId":"Microsoft.Insights/activityLogs","data":{"status":"Activated","context":{"activityLog":{
    "eventSource":"ServiceHealth","eventTimestamp":"2026-06-01T06:00:00Z",
    "operationName":"Microsoft.ServiceHealth/incident/action","status":"Active",
    "properties":{"title":"Authentication errors","communication":"<p>Some users see errors.</p>",
      "incidentType":"Incident","trackingId":"1A2B-3C4","impactStartTime":"2026-06-01T05:50:00Z",
      "impactedServices":"[{\"ImpactedRegions\":[{\"RegionName\":\"Global\"},{\"RegionName\":\"West Europe\"}],\"ServiceName\":\"Azure Active Directory\"}]",
      "stage":"Active"}}}}})";
  Parsed p = parse_text(j);
  CHECK(p.detected == "azure-alert-json");
  REQUIRE(p.out.recs.size() == 1);
  CHECK(p.at(0).service == "Azure Active Directory");
  CHECK(p.at(0).region == "Global, West Europe");
  CHECK(p.at(0).relevant);
  CHECK(p.at(0).reason == "service: Azure Active Directory");

  // A broken escaped string: the record is kept, the problem noted.
  std::string bad = j;
  bad.replace(bad.find(R"(\"ServiceName\")"), 15, R"(\"ServiceName)");
  Parsed q = parse_text(bad);
  REQUIRE(q.out.recs.size() == 1);
  CHECK(q.at(0).id == "1A2B-3C4");
  CHECK(has_note(q.sum, "not valid JSON"));
}

TEST_CASE("alerts that are not Service Health are rejected with a reason", "[health][azure]") {
  const char* j =
      R"({"schemaId":"azureMonitorCommonAlertSchema","data":{"essentials":{"alertRule":"cpu","monitoringService":"Platform",
    "signalType":"Metric","monitorCondition":"Fired","firedDateTime":"2026-06-01T06:00:00Z"},"alertContext":{"conditionType":"SingleResourceMultipleMetricCriteria"}}})";
  Parsed p = parse_text(j, &azure_alert_health_format());
  CHECK(p.out.recs.empty());
  REQUIRE(p.out.rejects.size() == 1);
  CHECK(p.out.rejects[0].message.find("not a Service Health alert (monitoringService 'Platform')") !=
        std::string::npos);
  CHECK(p.sum.rejected == 1);
  // It is still sniffed as an alert (low score), since nothing else reads alerts.
  CHECK(azure_alert_health_format().sniff(j).score > 0);
}

// ---- bad input ------------------------------------------------------------------

TEST_CASE("truncated JSON keeps the records before the cut and says where", "[health][bad]") {
  auto in = open_input(std::string(IDTRIAGE_TESTDATA) +
                       "/health/cli-m365_serviceannouncement-healthissue-list.spec.jsonOutput.json");
  REQUIRE(in.ok());
  std::string text(in->text());
  std::size_t second = text.find("\"FM298724\"");
  REQUIRE(second != std::string::npos);
  // Cut right after `"id": "FM298724",` (not inside a string).
  Parsed p = parse_text(std::string_view(text).substr(0, second + 11));
  CHECK(p.detected == "graph-health-json");
  REQUIRE(p.sum.fatal.has_value());
  CHECK(p.sum.fatal->find("invalid JSON at line") != std::string::npos);
  CHECK(p.sum.fatal->find("column") != std::string::npos);
  // The first issue was complete and is delivered.
  CHECK(p.ids() == std::vector<std::string>{"CR275975"});

  // Cut in the middle of a string.
  Parsed q = parse_text(std::string_view(text).substr(0, 200), &graph_health_format());
  REQUIRE(q.sum.fatal.has_value());
  CHECK(*q.sum.fatal == "invalid JSON at line 7, column 20 (byte 200): unterminated string");
  CHECK(q.out.recs.empty());
}

TEST_CASE("garbage, empty and binary input give a clear fatal error", "[health][bad]") {
  for (const Format* f : health_formats()) {
    INFO(f->name());
    Parsed g = parse_text("hello, world\n", f);
    REQUIRE(g.sum.fatal.has_value());
    CHECK(*g.sum.fatal == "not JSON: expected '{' or '[' at line 1, column 1 (byte 0), found 'h'");
    Parsed bin = parse_text(std::string("\x01\xFE", 2), f);
    REQUIRE(bin.sum.fatal.has_value());
    CHECK(*bin.sum.fatal == "not JSON: expected '{' or '[' at line 1, column 1 (byte 0), found '\\x01'");
    Parsed e = parse_text("", f);
    REQUIRE(e.sum.fatal.has_value());
    CHECK(*e.sum.fatal == "empty input: no JSON document");
    Parsed ws = parse_text("  \r\n\t ", f);
    REQUIRE(ws.sum.fatal.has_value());
    CHECK(ws.sum.fatal->find("empty input") != std::string::npos);
    Parsed b = parse_text(std::string("\n\x01\x02\xff{", 5), f);
    REQUIRE(b.sum.fatal.has_value());
    CHECK(b.sum.fatal->find("line 2, column 1") != std::string::npos);
    Parsed t = parse_text("{\"value\":[]} {\"value\":[]}", f);
    REQUIRE(t.sum.fatal.has_value());
    CHECK(t.sum.fatal->find("unexpected content after the JSON document") != std::string::npos);
    CHECK(t.sum.fatal->find("column 14") != std::string::npos);
    // Read content: fatal. Content a format skips (alerts have no "value"): a note.
    Parsed c = parse_text("{\"value\":[{\"id\":\"X\",},]}", f);
    bool said =
        (c.sum.fatal && c.sum.fatal->find("at line 1, column 20 (byte 19): trailing comma") != std::string::npos) ||
        has_note(c.sum, "trailing comma at line 1, column 20");
    CHECK(said);
    Parsed empty_list = parse_text("{\"value\":[]}", f);
    CHECK_FALSE(empty_list.sum.fatal.has_value());
    CHECK(empty_list.out.recs.empty());
    if (f == &azure_alert_health_format())  // an object without alert fields
      CHECK(empty_list.sum.rejected == 1);
    else
      CHECK(has_note(empty_list.sum, "no health issues"));
  }
}

TEST_CASE("deep nesting and odd elements do not crash", "[health][bad]") {
  std::string deep(100000, '[');
  for (const Format* f : health_formats()) {
    INFO(f->name());
    Parsed p = parse_text(deep, f);
    CHECK(p.sum.fatal.has_value());
    CHECK(p.out.recs.empty());
  }
  Parsed odd = parse_text(R"({"value":[1,"x",null,{"id":"EX9","title":"Mail delayed","classification":"incident",
    "status":"investigating","startDateTime":"2026-06-01T05:50:00Z","endDateTime":null,"impactDescription":"x"}]})",
                          &graph_health_format());
  CHECK_FALSE(odd.sum.fatal.has_value());
  CHECK(odd.out.rejects.size() == 3);
  REQUIRE(odd.ids() == std::vector<std::string>{"EX9"});
  CHECK(odd.at(0).end == kNoTime);
  CHECK(odd.at(0).status == "investigating");
  CHECK(odd.out.rejects[0].message == "value element 1 is not an object");
  CHECK(odd.out.rejects[0].pos.line == 1);
}

TEST_CASE("a bad time rejects the record with its id and --strict stops the file", "[health][bad]") {
  const char* j = R"({"value":[
    {"id":"EX1","title":"a","classification":"incident","status":"investigating","startDateTime":"yesterday","impactDescription":"x"},
    {"id":"EX2","title":"b","classification":"incident","status":"investigating","startDateTime":"2026-06-01T05:50:00Z","impactDescription":"x"}]})";
  Parsed p = parse_text(j, &graph_health_format());
  REQUIRE(p.out.rejects.size() == 1);
  CHECK(p.out.rejects[0].message.find("(EX1): bad start time 'yesterday'") != std::string::npos);
  CHECK(p.out.rejects[0].pos.line == 2);
  CHECK(p.ids() == std::vector<std::string>{"EX2"});
  CHECK_FALSE(p.sum.fatal.has_value());

  ParseOptions strict;
  strict.strict = true;
  Parsed s = parse_text(j, &graph_health_format(), strict);
  CHECK(s.out.recs.empty());
  REQUIRE(s.sum.fatal.has_value());
  CHECK(s.sum.fatal->find("--strict") != std::string::npos);
}

TEST_CASE("sign-in and audit JSON are neither sniffed nor read as health", "[health][bad]") {
  const char* signin = R"({"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns",
    "value":[{"id":"66ea54eb-6301-4ee5-be62-ff5a759b0100","createdDateTime":"2026-06-01T06:00:00Z",
    "userPrincipalName":"a@contoso.com","appId":"19db86c3-b2b9-44cc-b339-36da233a3be2","status":{"errorCode":50000}}]})";
  const char* audit = R"({"value":[{"id":"x","category":"UserManagement","activityDateTime":"2026-06-01T06:00:00Z",
    "activityDisplayName":"User registered security info","loggedByService":"Authentication Methods"}]})";
  const char* eventhub =
      R"({"time":"2026-06-01T06:00:00Z","category":"SignInLogs","resultType":"50126","operationName":"Sign-in activity","properties":{"id":"1"}})";
  const char* la =
      R"({"TimeGenerated":"2026-06-01T06:00:00Z","OperationName":"Sign-in activity","ResultType":"0","Type":"SigninLogs"})";
  for (const char* j : {signin, audit, eventhub, la}) {
    for (const Format* f : health_formats()) {
      INFO(f->name() << " on " << j);
      CHECK(f->sniff(j).score == 0);
      Parsed p = parse_text(j, f);  // forced: --format graph-health-json on a sign-in file
      REQUIRE(p.sum.fatal.has_value());
      CHECK(p.sum.fatal->find("not service-health JSON: looks like a sign-in or audit log") != std::string::npos);
      CHECK(p.sum.fatal->find("line") != std::string::npos);
      CHECK(p.out.recs.empty());
    }
  }
  Parsed p = parse_text(signin, &graph_health_format());
  REQUIRE(p.sum.fatal.has_value());
  CHECK(p.sum.fatal->find("key \"appId\" at line 3") != std::string::npos);
}

TEST_CASE("huge post text is capped per record", "[health][bad]") {
  std::string big(200000, 'a');
  for (std::size_t i = 50; i < big.size(); i += 50) big[i] = ' ';
  std::string j =
      R"({"id":"EX3","title":"t","classification":"incident","status":"investigating","startDateTime":"2026-06-01T05:50:00Z","impactDescription":"x","posts":[{"createdDateTime":"2026-06-01T06:00:00Z","description":{"content":")" +
      big + R"("}}]})";
  Parsed p = parse_text(j, &graph_health_format());
  REQUIRE(p.out.recs.size() == 1);
  CHECK(p.at(0).text.size() <= 64 * 1024);
  CHECK(p.at(0).text.size() > 60 * 1024);
  CHECK(has_note(p.sum, "cut"));
}

TEST_CASE("real sign-in and audit samples are never taken for health", "[health][bad]") {
  std::size_t seen = 0;
  for (const char* dir : {"/signin", "/audit"}) {
    std::filesystem::path d = std::string(IDTRIAGE_TESTDATA) + dir;
    if (!std::filesystem::exists(d)) continue;
    for (const auto& e : std::filesystem::directory_iterator(d)) {
      if (e.path().extension() == ".md") continue;
      INFO(e.path().string());
      auto in = open_input(e.path().string());
      REQUIRE(in.ok());
      ++seen;
      for (const Format* f : health_formats()) {
        INFO(f->name());
        CHECK(f->sniff(in->text().substr(0, 65536)).score == 0);
        Collect c;
        FileSummary sum;
        f->parse(*in, ParseOptions{}, c, sum);
        CHECK(c.recs.empty());
        CHECK(sum.fatal.has_value());
      }
    }
  }
  CHECK(seen > 0);
}
