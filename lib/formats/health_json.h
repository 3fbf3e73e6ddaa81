// Why: provider service-health inputs (kind: health). Four formats, one per
// family of JSON shapes, each yielding normalised HealthIssue records with
// identity relevance already decided (classify/health_relevance.h).
//
// What each shape yields:
//  - graph-health-json: Graph admin/serviceAnnouncement `issues` (list or one
//    issue) and `healthOverviews` (issues nested under `issues` become records;
//    overviews themselves are service statuses: counted in notes). Message-center
//    posts (serviceUpdateMessage, MC…) are NOT health issues: counted in notes,
//    never yielded.
//  - servicecomms-json: retired Office 365 Service Communications API.
//    `Messages` items of type Incident/Advisory yield issues; MessageCenter items
//    are counted and skipped. `CurrentStatus` / `HistoricalStatus` are status
//    lists, not issue lists: they yield nothing; notes list the workloads that
//    were not operational and the incident ids they reference. `Services` lists
//    yield nothing (noted).
//  - azure-alert-json: Azure Service Health alerts: legacy activity-log webhook
//    (impactedServices is an escaped JSON string, parsed), common alert schema,
//    alertContext-only payloads; a JSON array of payloads also works.
//    Alerts that are not Service Health are rejected records.
//  - resource-health-json: Microsoft.ResourceHealth/events (REST value[].properties
//    and the SDK's flattened objects). impactMitigationTime "0001-01-01T00:00:00"
//    means open. events/impactedResources lists yield nothing (noted).
#pragma once
#include "formats/format.h"

namespace idt {

const Format& graph_health_format();         // "graph-health-json"
const Format& servicecomms_health_format();  // "servicecomms-json"
const Format& azure_alert_health_format();   // "azure-alert-json"
const Format& resource_health_format();      // "resource-health-json"

}  // namespace idt
