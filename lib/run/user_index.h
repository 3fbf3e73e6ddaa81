// Why: `idtriage index` prepares a day of logs for many `user` lookups: one
// pass (the triage run itself) records where each person's sign-in and audit
// records sit in which input, each ticket's caller, and the run's findings and
// health issues, in a compact text file next to the inputs. A lookup then
// parses only that person's records (<100 ms on a 1 GB day). The index is
// valid only for the exact inputs it was built from: each input's path, size,
// modification time and a hash of its first 64 KiB must still match, or it is
// ignored (and `user` says so). Format: docs/user-json.md, "Index file".
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aggregate/user_activity.h"
#include "correlate/finding.h"
#include "model/health.h"
#include "run/triage_run.h"
#include "util/result.h"

namespace idt {

inline constexpr std::string_view kUserIndexSchema = "idtriage.index/1";
inline constexpr std::string_view kUserIndexName = "idtriage.index";

struct IndexedInput {
  std::string path;                        // absolute
  RecordKind label = RecordKind::unknown;  // how it was given (unknown = detected)
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::uint64_t head_hash = 0;
  std::string format;  // format name as read ("eventhub-json", …)
  RecordKind kind = RecordKind::unknown;
};

// The identity of an input now (stat + hash of its head); nullopt if unreadable.
std::optional<IndexedInput> fingerprint(const std::string& path, RecordKind label);

// Where a person's records are: (input, byte offset of the record in the decoded text).
struct IndexedRecord {
  std::uint32_t input = 0;
  std::uint64_t offset = 0;
};

struct IndexedUser {
  std::string upn, object_id, display;
  std::vector<IndexedRecord> records;
};

class UserIndex {
 public:
  std::vector<IndexedInput> inputs;
  std::vector<Finding> findings;  // id, kind, severity, cause, window, summary, playbook, top users/IPs, health ids
  std::vector<HealthIssueCopy> health;  // as the triage run kept them
  std::vector<UserTicket> tickets;      // every ticket as read, with its class
  std::uint64_t users = 0;
  Micros since = kNoTime, until = kNoTime;  // the window it was built with

  // The index text for `inputs` in reading order (labels as given).
  static Result<UserIndex> build(const TriageInputs& in, const RunOptions& opts, const TriageOptions& topts,
                                 const TicketRules& rules, std::string& text_out, TriageRun* run_out = nullptr);
  // Parses the header sections; user lines stay in `text` and are searched on demand.
  static Result<UserIndex> parse(std::string text);
  // Empty when the index was built from exactly these inputs, unchanged; else why not.
  std::string stale_reason(const TriageInputs& in, Micros since, Micros until) const;
  // The person's line: by UPN, object id or normalised display name (first match).
  std::optional<IndexedUser> find(const UserKey& key) const;
  // Every indexed UPN (for suggestions).
  std::vector<std::string> all_upns() const;

 private:
  template <class F>
  void for_each_user_line(F&& f) const;  // f(line, fields) -> true to stop
  std::string text_;
  std::size_t users_at_ = 0;  // offset of the first user line
};

// Where `index` writes and `user` looks by default: next to the first input.
std::string default_index_path(const TriageInputs& in);
// The inputs in reading order with their labels (detect, signins, audit, tickets, health).
std::vector<std::pair<std::string, RecordKind>> labelled_inputs(const TriageInputs& in);

}  // namespace idt
