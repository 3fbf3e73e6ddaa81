// Why: the subcommand table. Adding a subcommand = one file + one line here.
#include "commands.h"

namespace idt::cmd {

extern const Command kTriage, kClassify, kStats, kExplain, kDetect, kHealth, kTickets, kPlaybook, kRules, kSynth,
    kPrecheck, kCampaign, kUser, kIndex;

std::span<const Command> all_commands() {
  static const Command* const table[] = {&kTriage,  &kUser,    &kIndex,    &kPrecheck, &kCampaign, &kClassify, &kStats,
                                         &kExplain, &kDetect,  &kHealth,   &kTickets,  &kPlaybook, &kRules,    &kSynth};
  static std::vector<Command> commands = [] {
    std::vector<Command> v;
    for (const Command* c : table) v.push_back(*c);
    return v;
  }();
  return commands;
}

}  // namespace idt::cmd
