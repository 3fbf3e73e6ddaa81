// Why: parsers are producers and everything downstream is a sink (ripgrep's
// Searcher/Sink). A parser never knows what happens to a record.
#pragma once
#include "model/audit.h"
#include "model/signin.h"
#include "model/source.h"

namespace idt {

struct Ticket;
struct HealthIssue;

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void on_signin(const SignIn&, const SourcePos&) {}
  virtual void on_audit(const AuditEvent&, const SourcePos&) {}
  virtual void on_ticket(const Ticket&, const SourcePos&) {}
  virtual void on_health(const HealthIssue&, const SourcePos&) {}
  virtual void on_reject(const Rejection&) {}
};

}  // namespace idt
