// Why: overlapping exports must be counted once, and which file a copy is
// charged to must not depend on which thread got there first.
#include <catch2/catch.hpp>

#include <thread>

#include "aggregate/dedupe.h"

using namespace idt;

TEST_CASE("record_key: id first, else correlation/request with time and user, else none", "[aggregate][dedupe]") {
  SignIn a, b;
  a.id = "x";
  b.id = "x";
  b.upn = "other";  // same id: the same record, whatever else differs
  CHECK(record_key(a) == record_key(b));
  CHECK(record_key(a) != 0);
  SignIn c, d;
  c.correlation_id = "corr";
  c.time = 1;
  d.correlation_id = "corr";
  d.time = 2;
  CHECK(record_key(c) != record_key(d));
  SignIn bare;  // nothing to tell copies apart by: never a duplicate
  bare.time = 5;
  CHECK(record_key(bare) == 0);
  AuditEvent e;
  CHECK(record_key(e) == 0);
  e.id = "audit-1";
  CHECK(record_key(e) != 0);
}

TEST_CASE("RecordIndex: copies are charged to the later file, whatever the arrival order", "[aggregate][dedupe]") {
  for (bool later_first : {false, true}) {
    RecordIndex idx(3);
    auto file0 = [&] {
      for (std::uint64_t k = 1; k <= 1000; ++k) idx.first(k, 0, k * 100);
    };
    auto file2 = [&] {
      for (std::uint64_t k = 500; k <= 1500; ++k) idx.first(k, 2, k * 10);
    };
    if (later_first) {
      file2();
      file0();
    } else {
      file0();
      file2();
    }
    CHECK(idx.first(0, 1, 0));  // no key: always counted, never a copy
    idx.add_seen(0, 1000);
    idx.add_seen(2, 1001);
    CHECK(idx.duplicates_per_file() == std::vector<std::uint64_t>{0, 0, 501});
  }
  // A copy inside one file: the later offset is the copy.
  RecordIndex one(1);
  CHECK(one.first(7, 0, 50));
  CHECK_FALSE(one.first(7, 0, 10));
  one.add_seen(0, 2);
  CHECK(one.duplicates_per_file() == std::vector<std::uint64_t>{1});
}

TEST_CASE("RecordIndex: parallel readers and a file read again", "[aggregate][dedupe]") {
  RecordIndex idx(2);
  std::thread t1([&] {
    for (std::uint64_t k = 1; k <= 100000; ++k) idx.first(k * 0x9E3779B97F4A7C15ull, 0, k);
  });
  std::thread t2([&] {
    for (std::uint64_t k = 1; k <= 100000; ++k) idx.first(k * 0x9E3779B97F4A7C15ull, 1, k);
  });
  t1.join();
  t2.join();
  idx.add_seen(0, 100000);
  idx.add_seen(1, 100000);
  CHECK(idx.duplicates_per_file() == std::vector<std::uint64_t>{0, 100000});
  // File 0 read again (its slices did not meet, its counts were dropped):
  // every record is counted exactly once in all, whichever file counted it.
  RecordIndex again(2);
  std::uint64_t counted = 0;
  for (std::uint64_t k = 1; k <= 1000; ++k) counted += again.first(k, k % 2, k);  // file 1 counts odd keys first
  for (std::uint64_t k = 1; k <= 1000; ++k) counted += again.first(k, (k + 1) % 2, k);
  REQUIRE(counted == 1000);
  const std::uint64_t by_file0 = 500;  // even keys were counted by file 0
  again.forget_file(0);
  counted -= by_file0;
  for (std::uint64_t k = 1; k <= 1000; ++k) counted += again.first(k, 0, k);
  CHECK(counted == 1000);
  again.add_seen(0, 1000);
  again.add_seen(1, 1000);
  CHECK(again.duplicates_per_file() == std::vector<std::uint64_t>{0, 1000});
}

TEST_CASE("RecordIndex: a file read again keeps the earlier file's claim to the original", "[aggregate][dedupe]") {
  // File 1's slices got there first (a thread race), file 0's copy was not
  // counted; file 1 is then read again. The copy is still file 1's, the
  // original file 0's, and the record is counted once.
  RecordIndex idx(2);
  std::uint64_t counted = 0;
  counted += idx.first(42, 1, 100);
  counted += idx.first(42, 0, 5);
  REQUIRE(counted == 1);
  idx.forget_file(1);
  counted -= 1;  // file 1's sink was emptied
  counted += idx.first(42, 1, 100);
  CHECK(counted == 1);
  idx.add_seen(0, 1);
  idx.add_seen(1, 1);
  CHECK(idx.duplicates_per_file() == std::vector<std::uint64_t>{0, 1});
  // A record the first read gave and the read again does not is nobody's.
  RecordIndex gone(1);
  CHECK(gone.first(9, 0, 1));
  gone.forget_file(0);
  gone.add_seen(0, 0);
  CHECK(gone.duplicates_per_file() == std::vector<std::uint64_t>{0});
}

TEST_CASE("RecordIndex: two files read again at once count every record once", "[aggregate][dedupe]") {
  // The pipeline reads unconfirmed files again in parallel: each empties its
  // sinks (forget_file) and reads again while the other does the same.
  constexpr std::uint64_t kN = 20000;
  RecordIndex idx(2);
  for (std::uint64_t k = 1; k <= kN; ++k) idx.first(k * 0x9E3779B97F4A7C15ull, 0, k);
  for (std::uint64_t k = 1; k <= kN; ++k) idx.first(k * 0x9E3779B97F4A7C15ull, 1, k);
  std::uint64_t counted[2] = {0, 0};
  auto again = [&](std::uint32_t f) {
    idx.forget_file(f);
    for (std::uint64_t k = 1; k <= kN; ++k) counted[f] += idx.first(k * 0x9E3779B97F4A7C15ull, f, k);
  };
  std::thread a(again, 0), b(again, 1);
  a.join();
  b.join();
  CHECK(counted[0] + counted[1] == kN);
  idx.add_seen(0, kN);
  idx.add_seen(1, kN);
  CHECK(idx.duplicates_per_file() == std::vector<std::uint64_t>{0, kN});
}
