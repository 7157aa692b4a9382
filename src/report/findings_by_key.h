#pragma once
// What the reruns of one set of declined questions found, by the key of
// what each rerun read (engine::RerunKey): which of the set matter, and,
// once a line has declined just that set, which are assumed.
//
// A full report looks up a key or two a line among tens of thousands kept,
// and that lookup was the costliest single thing in it: a node map's
// bucket, its node, the key's own allocation and the finding's lists each
// a trip to memory, and a division for every step along a bucket. Here a
// key's bytes and lists lie together in one record, appended to one array,
// found through open_slots.h (where byte_key_map.h keeps the keys apart from
// the values).
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "engine/fact.h"
#include "report/open_slots.h"

namespace backtriage::report {

class FindingsByKey {
 public:
  struct Finding {
    std::span<const engine::FactId> matter;
    std::optional<std::span<const engine::FactId>> assumed;
  };

  // The finding kept for `key`; valid until the next add or set_assumed.
  std::optional<Finding> find(std::string_view key) const;
  // Keeps what matters for `key`, which is not kept yet; returns it as find would.
  Finding add(std::string_view key, std::span<const engine::FactId> matter);
  // Keeps what is assumed for `key`, which is kept.
  void set_assumed(std::string_view key, std::span<const engine::FactId> assumed);
  std::size_t size() const { return entries_.size(); }
  void clear();

 private:
  // An entry: where its record starts in records_, and what is in it.
  struct Record {
    std::uint32_t at = 0;
    std::uint32_t key_bytes = 0;
    std::uint32_t matter = 0;   // how many follow the key
    std::int32_t assumed = -1;  // how many follow those; -1: none kept
  };
  // The number of the entry of `key`, or OpenSlots::kNone.
  std::uint32_t entry_of(std::string_view key, std::uint64_t hash) const;
  Finding finding(const Record& record) const;
  // Appends a record to records_; returns where it starts.
  std::uint32_t append(std::string_view key, std::span<const engine::FactId> matter,
                       std::span<const engine::FactId> assumed);

  OpenSlots slots_;
  std::vector<Record> entries_;
  // The records: a key's bytes in whole words, then its lists.
  std::vector<std::int32_t> records_;
};

}  // namespace backtriage::report
