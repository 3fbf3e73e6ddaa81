// Why: parsers are producers and everything downstream is a sink (ripgrep's
// Searcher/Sink). A parser never knows what happens to a record, and a
// consumer never classifies: the pipeline (run/) sits between the two,
// filters by time, classifies every record and hands it on with its class.
#pragma once
#include "model/audit.h"
#include "model/classes.h"
#include "model/signin.h"
#include "model/source.h"

namespace idt {

struct Ticket;
struct HealthIssue;

// What a parser emits: records as read, not judged. Only the pipeline (and
// tests of a single parser) implement it.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void on_signin(const SignIn&, const SourcePos&) {}
  virtual void on_audit(const AuditEvent&, const SourcePos&) {}
  virtual void on_ticket(const Ticket&, const SourcePos&) {}
  virtual void on_health(const HealthIssue&, const SourcePos&) {}
  virtual void on_reject(const Rejection&) {}
};

// The one consumer interface: a callback for every record kind with its
// classification, each a no-op unless overridden. Health issues arrive with
// identity_relevant / relevance_reason / relevance_rule already filled (the
// same values as `relevance`). Views are valid only during the call.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void on_signin(const SignIn&, const SigninClassification&, const SourcePos&) {}
  virtual void on_audit(const AuditEvent&, const AuditClassification&, const SourcePos&) {}
  virtual void on_ticket(const Ticket&, const TicketClassification&, const SourcePos&) {}
  virtual void on_health(const HealthIssue&, const HealthRelevance&, const SourcePos&) {}
  // Every rejection of the file, whether or not the run keeps its message.
  virtual void on_reject(const Rejection&) {}
};

// A sink for one work unit of a parallel run: mergeable with its siblings by
// the caller, and resettable. reset() forgets everything received; it is
// called when a document read in speculative slices turns out not to split
// where guessed, before the file is read again in one piece.
class UnitSink : public Sink {
 public:
  virtual void reset() = 0;
};

}  // namespace idt
