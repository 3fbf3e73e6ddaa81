// Why: overlapping exports (two downloads covering the same hour, a Graph
// page fetched twice, the same day from Event Hub and from Log Analytics)
// carry the same records, and a count must count each once. triage and
// stats use one record identity (record_key) and stats, which reads files
// and slices in parallel, a shared index that still charges each copy to
// the file a one-thread read would (the later one in input order).
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "model/audit.h"
#include "model/signin.h"

namespace idt {

// A record's identity: its id, else its correlation and request ids with
// its time and user (activity for audit). 0 = no identity to compare (no
// id, correlation or request id): such records are never called copies.
std::uint64_t record_key(const SignIn& r);
std::uint64_t record_key(const AuditEvent& e);

class RecordIndex {
 public:
  explicit RecordIndex(std::size_t files);
  RecordIndex(const RecordIndex&) = delete;
  RecordIndex& operator=(const RecordIndex&) = delete;
  ~RecordIndex();

  // Thread-safe. True the first time `key` is seen: count the record; false
  // for a copy of a record already counted (copies are the same record, so
  // which copy is counted does not change a count). `file`/`offset` place
  // the record in input order; key 0 is always counted.
  bool first(std::uint64_t key, std::uint32_t file, std::uint64_t offset);
  // Records with a key (key != 0) each file gave to first(); the readers
  // count their own and report them when done (no shared counter per record).
  void add_seen(std::uint32_t file, std::uint64_t n);

  // A file whose parallel slices are read again in one piece: its records
  // are taken out again (not thread-safe against first() on the same file).
  void forget_file(std::uint32_t file);

  // After every reader has finished: per file, its records that are copies
  // of one earlier in input order (file, then byte offset).
  std::vector<std::uint64_t> duplicates_per_file() const;

 private:
  struct Shard;
  std::vector<std::atomic<std::uint64_t>> seen_;  // records with a key, per file (add_seen)
  std::unique_ptr<Shard[]> shards_;
};

}  // namespace idt
