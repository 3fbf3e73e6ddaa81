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
#include "correlate/triage.h"
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

// Which kinds of input a run had: a file that could not be read as its kind
// does not count as that input.
void mark_input(InputPresence& inputs, const FileSummary& file);

// A sink that also wants to know which input the next records come from.
class TriageTee : public Sink {
 public:
  // Called before each input is read; `index` counts over all inputs in
  // reading order (detect, signins, audit, tickets, health).
  virtual void begin_file(std::size_t index, const std::string& path, RecordKind label) {}
};

// `settings` (--set name=value) fill the playbooks' placeholders the
// findings do not (org, helpdesk…). `also`, when given, sees every record
// the triage aggregate sees, with the same classification, in the same pass
// (`user` collects one person's records).
TriageRun run_triage(const TriageInputs& in, const RunOptions& opts, const TriageOptions& topts,
                     const TicketRules& rules, const std::vector<std::pair<std::string, std::string>>& settings = {},
                     TriageTee* also = nullptr);

}  // namespace idt
