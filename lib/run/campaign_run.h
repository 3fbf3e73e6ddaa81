// Why: `campaign plan` and `campaign check` as library calls (the CLI and
// the end-to-end tests run the same thing): read the user list or the plan,
// read the logs through the pipeline in parallel (sign-in history for peak
// hours; audit logs and health for progress), plan or check.
#pragma once
#include <string>
#include <vector>

#include "formats/users_csv.h"
#include "model/campaign.h"
#include "model/directory_user.h"
#include "model/file_result.h"
#include "run/pipeline.h"
#include "workflow/campaign.h"

namespace idt {

struct CampaignPlanRun {
  DirectoryFile users;
  std::vector<FileResult> history;  // sign-in files read for peak hours
  CampaignPlan plan;
  std::uint64_t history_counted = 0, history_other_users = 0;
  bool input_error = false;
};

CampaignPlanRun run_campaign_plan(const std::string& users_file, const UserReadOptions& uo,
                                  const std::vector<std::string>& history, const RunOptions& ro,
                                  const CampaignOptions& co);

struct CampaignCheckRun {
  CampaignPlanFile plan;
  std::vector<FileResult> inputs;  // audit logs and health files
  CampaignCheck check;
  std::uint64_t registration_events = 0, other_users = 0;
  bool input_error = false;
};

CampaignCheckRun run_campaign_check(const std::string& plan_file, const std::vector<std::string>& inputs,
                                    const RunOptions& ro, Micros at);

}  // namespace idt
