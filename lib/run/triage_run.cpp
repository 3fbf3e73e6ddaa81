// Why: see triage_run.h.
#include "run/triage_run.h"

#include "correlate/triage.h"
#include "model/health.h"
#include "model/ticket.h"
#include "playbook/attach.h"

namespace idt {
namespace {

class TriageSink final : public Sink {
 public:
  TriageSink(TriageAggregate& a, TriageTee* also) : agg_(a), also_(also) {}
  void on_signin(const SignIn& s, const SigninClassification& c, const SourcePos& p) override {
    agg_.add_signin(s, c);
    if (also_) also_->on_signin(s, c, p);
  }
  void on_audit(const AuditEvent& e, const AuditClassification& c, const SourcePos& p) override {
    agg_.add_audit(e, c);
    if (also_) also_->on_audit(e, c, p);
  }
  void on_ticket(const Ticket& t, const TicketClassification& c, const SourcePos& p) override {
    agg_.add_ticket(t, c);
    if (also_) also_->on_ticket(t, c, p);
  }
  void on_health(const HealthIssue& h, const HealthRelevance& r, const SourcePos& p) override {
    agg_.add_health(h);
    if (also_) also_->on_health(h, r, p);
  }

 private:
  TriageAggregate& agg_;
  TriageTee* also_;
};

}  // namespace

void mark_input(InputPresence& inputs, const FileSummary& file) {
  switch (file.fatal ? RecordKind::unknown : file.kind) {
    case RecordKind::signin:
      inputs.signin = true;
      break;
    case RecordKind::audit:
      inputs.audit = true;
      break;
    case RecordKind::ticket:
      inputs.tickets = true;
      break;
    case RecordKind::health:
      inputs.health = true;
      break;
    default:
      break;
  }
}

TriageRun run_triage(const TriageInputs& in, const RunOptions& opts, const TriageOptions& topts,
                     const TicketRules& rules, const std::vector<std::pair<std::string, std::string>>& settings,
                     TriageTee* also) {
  TriageRun run;
  run.agg = std::make_unique<TriageAggregate>(topts);
  TriageAggregate& agg = *run.agg;
  TriageSink sink(agg, also);
  CorrelateOptions co;
  co.breakglass_requested = !topts.breakglass.empty();
  auto read_group = [&](const std::vector<std::string>& files, std::optional<RecordKind> want) {
    RunOptions r = opts;
    r.want = want;
    r.ticket_rules = &rules;
    for (const auto& f : files) {
      if (also) also->begin_file(run.inputs.size(), f, want.value_or(RecordKind::unknown));
      std::uint64_t before = agg.signin_duplicates + agg.audit_duplicates + agg.ticket_duplicates;
      auto res = run_files({f}, r, sink);
      InputReport rep;
      rep.file = std::move(res.front());
      rep.duplicates = agg.signin_duplicates + agg.audit_duplicates + agg.ticket_duplicates - before;
      mark_input(co.inputs, rep.file.summary);
      run.input_error |= rep.file.summary.fatal.has_value() || (opts.parse.strict && rep.file.summary.rejected > 0);
      run.inputs.push_back(std::move(rep));
    }
  };
  read_group(in.detect, std::nullopt);
  read_group(in.signins, RecordKind::signin);
  read_group(in.audit, RecordKind::audit);
  read_group(in.tickets, RecordKind::ticket);
  read_group(in.health, RecordKind::health);
  agg.finish();
  co.files = run.inputs;
  run.report = correlate(agg, co);
  attach_playbooks(run.report, settings);
  return run;
}

}  // namespace idt
