// Why: `campaign plan` and `campaign check` output. The plan as a table, as
// the per-user CSV that `campaign check` reads back, as JSON
// (idtriage.campaign-plan/1) and as an iCalendar file (one event per wave);
// the check as a table, a per-user CSV and JSON (idtriage.campaign-check/1).
// Contracts in docs/campaign-json.md.
#pragma once
#include <string>
#include <vector>

#include "model/campaign.h"
#include "model/directory_user.h"
#include "model/file_result.h"
#include "render/output.h"
#include "workflow/campaign.h"

namespace idt {

struct CampaignPlanView {
  const CampaignPlan* plan = nullptr;
  const DirectoryFile* users = nullptr;
  std::vector<FileResult> history;
  std::uint64_t history_counted = 0;
  Micros dtstamp = kNoTime;  // calendar DTSTAMP ($SOURCE_DATE_EPOCH, else now)
  int exit_code = 0;
};

// fmt: table, csv, json or ics.
void render_campaign_plan(Output& out, const CampaignPlanView& v, OutputFormat fmt);
std::string campaign_ics(const CampaignPlanView& v);

struct CampaignCheckView {
  const CampaignPlanFile* plan = nullptr;
  const CampaignCheck* check = nullptr;
  std::vector<FileResult> inputs;
  std::uint64_t registration_events = 0;
  std::size_t list_limit = 20;  // users still to do listed in the table
  int exit_code = 0;
};

void render_campaign_check(Output& out, const CampaignCheckView& v, OutputFormat fmt);

}  // namespace idt
