// Why: `campaign check` reads back the plan `campaign plan` wrote (one CSV
// row per user with its wave), after it may have passed through a
// spreadsheet: columns are found by name, waves rebuilt from their rows,
// and rows that contradict their wave or repeat a user are rejected with
// their line.
#pragma once
#include <string>
#include <string_view>

#include "io/input.h"
#include "model/campaign.h"

namespace idt {

CampaignPlanFile parse_campaign_plan(std::string_view text, std::string_view name);
CampaignPlanFile read_campaign_plan(const std::string& path, Encoding enc = Encoding::auto_detect);

}  // namespace idt
