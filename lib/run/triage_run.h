// Why: the whole triage chain as one library call — read labelled and
// auto-detected inputs, aggregate, correlate, attach playbooks — so the CLI
// only wires flags and the end-to-end tests run exactly what users run.
#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "aggregate/triage_aggregate.h"
#include "classify/ticket_classifier.h"
#include "correlate/finding.h"
#include "run/pipeline.h"

namespace idt {

struct TriageInputs {
  std::vector<std::string> detect;  // kind found from content
  std::vector<std::string> signins, audit, tickets, health;
};

struct TriageRun {
  std::unique_ptr<TriageAggregate> agg;
  TriageReport report;
  std::vector<InputReport> inputs;
  bool input_error = false;  // an input could not be read (or, strict, had rejections)
};

// `settings` (--set name=value) fill the playbooks' placeholders the
// findings do not (org, helpdesk…).
TriageRun run_triage(const TriageInputs& in, const RunOptions& opts, const TriageOptions& topts,
                     const TicketRules& rules, const std::vector<std::pair<std::string, std::string>>& settings = {});

}  // namespace idt
