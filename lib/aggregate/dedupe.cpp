// Why: see dedupe.h. The index is 64 shards, each an open-addressing table
// of (key, first position, counting file) behind its own mutex: 24 bytes a
// record in a table kept between 3/8 and 3/4 full (32-64 bytes a record),
// and readers of different shards never wait for each other.
#include "aggregate/dedupe.h"

#include <algorithm>
#include <functional>
#include <string_view>

namespace idt {
namespace {

// Word-at-a-time (the standard library's murmur-style hash of the bytes):
// record ids are 36-character GUIDs, hashed once per record.
std::uint64_t hash_of(std::string_view s) { return std::hash<std::string_view>{}(s); }
std::uint64_t combine(std::uint64_t h, std::uint64_t v) {
  h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  return h;
}
std::uint64_t nonzero(std::uint64_t h) { return h ? h : 1; }

constexpr std::size_t kShards = 64;
// Entry::counted of a record whose counting file was read again: nobody
// counts it until a reader meets it again (forget_file).
constexpr std::uint32_t kNobody = 0xFFFFFFFF;
// File index in the top 24 bits, byte offset in the low 40 (1 TiB a file):
// ordering positions is ordering (file, offset).
std::uint64_t position(std::uint32_t file, std::uint64_t offset) {
  return (static_cast<std::uint64_t>(std::min<std::uint32_t>(file, 0xFFFFFF)) << 40) |
         std::min<std::uint64_t>(offset, (std::uint64_t{1} << 40) - 1);
}

}  // namespace

std::uint64_t record_key(const SignIn& r) {
  if (!r.id.empty()) return nonzero(hash_of(r.id));
  if (r.correlation_id.empty() && r.request_id.empty()) return 0;
  std::string_view user = !r.upn.empty() ? r.upn : r.user_id;
  std::uint64_t h = combine(hash_of(r.correlation_id), hash_of(r.request_id));
  h = combine(h, static_cast<std::uint64_t>(r.time));
  return nonzero(combine(h, hash_of(user)));
}

std::uint64_t record_key(const AuditEvent& e) {
  if (!e.id.empty()) return nonzero(hash_of(e.id) * 0xff51afd7ed558ccdull);  // not equal to a sign-in's key
  if (e.correlation_id.empty()) return 0;
  std::uint64_t h = combine(hash_of(e.correlation_id), hash_of(e.activity));
  return nonzero(combine(h, static_cast<std::uint64_t>(e.time)));
}

struct RecordIndex::Shard {
  struct Entry {
    std::uint64_t key = 0;       // 0 = empty slot
    std::uint64_t pos = 0;       // earliest position seen
    std::uint32_t counted = 0;   // the file whose copy was counted (the first to arrive)
  };
  std::mutex mu;
  std::vector<Entry> slots;
  std::size_t used = 0;

  // The slot holding `key`, or the empty slot where it goes.
  Entry& find(std::uint64_t key) {
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = (key * 0x9E3779B97F4A7C15ull) >> 7 & mask;; i = (i + 1) & mask)
      if (slots[i].key == key || slots[i].key == 0) return slots[i];
  }
  void grow() {
    std::vector<Entry> old = std::move(slots);
    slots.assign(old.empty() ? 1024 : old.size() * 2, Entry{});
    for (const Entry& e : old)
      if (e.key) find(e.key) = e;
  }
};

RecordIndex::RecordIndex(std::size_t files) : seen_(files), shards_(std::make_unique<Shard[]>(kShards)) {}
RecordIndex::~RecordIndex() = default;

bool RecordIndex::first(std::uint64_t key, std::uint32_t file, std::uint64_t offset) {
  if (key == 0) return true;
  const std::uint64_t pos = position(file, offset);
  Shard& s = shards_[key >> 58];  // the top bits choose the shard, the rest the slot
  std::lock_guard<std::mutex> lock(s.mu);
  if ((s.used + 1) * 4 > s.slots.size() * 3) s.grow();
  Shard::Entry& e = s.find(key);
  if (e.key == 0) {
    e.key = key;
    e.pos = pos;
    e.counted = file;
    ++s.used;
    return true;
  }
  e.pos = std::min(e.pos, pos);
  if (e.counted == kNobody) {  // its counting file was read again: this copy counts
    e.counted = file;
    return true;
  }
  return false;
}

void RecordIndex::add_seen(std::uint32_t file, std::uint64_t n) {
  if (file < seen_.size()) seen_[file].fetch_add(n, std::memory_order_relaxed);
}

void RecordIndex::forget_file(std::uint32_t file) {
  if (file < seen_.size()) seen_[file].store(0);
  // The file's counts were dropped: a record it counted is counted by nobody
  // until a reader meets it again (its copies elsewhere were not counted, so
  // the read again counts it once); one counted by another file stays
  // counted there. Entries stay, so the earliest position another file gave
  // a record is kept and copies are still charged to the later file.
  for (std::size_t i = 0; i < kShards; ++i) {
    Shard& s = shards_[i];
    std::lock_guard<std::mutex> lock(s.mu);
    for (Shard::Entry& e : s.slots)
      if (e.key && e.counted == file) e.counted = kNobody;
  }
}

std::vector<std::uint64_t> RecordIndex::duplicates_per_file() const {
  std::vector<std::uint64_t> owned(seen_.size(), 0), out(seen_.size(), 0);
  for (std::size_t i = 0; i < kShards; ++i)
    for (const Shard::Entry& e : shards_[i].slots) {
      if (!e.key || e.counted == kNobody) continue;  // not met again after a read again: nobody's
      const std::size_t file = static_cast<std::size_t>(e.pos >> 40);
      if (file < owned.size()) ++owned[file];
    }
  for (std::size_t f = 0; f < out.size(); ++f) {
    const std::uint64_t seen = seen_[f].load();
    out[f] = seen > owned[f] ? seen - owned[f] : 0;
  }
  return out;
}

}  // namespace idt
