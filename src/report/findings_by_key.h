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
// the values); a slot holds where its record starts, and the record how
// long its parts are, so a lookup that finds its key touches the slot and
// the record only.
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
  // The same, for a key whose key_hash is `hash`.
  std::optional<Finding> find(std::string_view key, std::uint64_t hash) const;
  // Start bringing into the cache what a find by `hash` reads: the slot,
  // and then, once that has come, the record it names. Neither waits.
  void prefetch_slot(std::uint64_t hash) const { slots_.prefetch(hash); }
  void prefetch_record(std::uint64_t hash) const;
  // Keeps what matters for `key`, which is not kept yet; returns it as find would.
  Finding add(std::string_view key, std::span<const engine::FactId> matter);
  // Keeps what is assumed for `key`, which is kept: some of what matters
  // (ReportBuilder assumes only questions that matter), no more of them.
  void set_assumed(std::string_view key, std::span<const engine::FactId> assumed);
  std::size_t size() const { return size_; }
  void clear();

 private:
  // A record, at the start of each: how long its key is in bytes, how
  // many questions matter and how many are assumed (-1: none kept yet),
  // at these places; kHead words in all. Then the key in whole words, what
  // matters, and room for as many assumed, so keeping them later moves
  // nothing.
  enum Head : std::size_t { kKeyBytes, kMatter, kAssumed, kHead };
  // How far the lists of the record at `head` are from its start.
  static std::size_t lists_at(const std::int32_t* head);
  // Where the record of `key` starts in records_, or OpenSlots::kNone.
  std::uint32_t record_of(std::string_view key, std::uint64_t hash) const;
  Finding finding(std::uint32_t at) const;

  OpenSlots slots_;  // by the key's hash: where its record starts
  std::vector<std::int32_t> records_;
  std::size_t size_ = 0;
};

}  // namespace backtriage::report
