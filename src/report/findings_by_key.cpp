#include "report/findings_by_key.h"

#include <cstring>
#include <limits>
#include <stdexcept>

#include "report/key_hash.h"

namespace backtriage::report {

namespace {

constexpr std::size_t kWord = sizeof(std::int32_t);

std::size_t words_for(std::size_t bytes) {
  return (bytes + kWord - 1) / kWord;
}

}  // namespace

std::uint32_t FindingsByKey::entry_of(std::string_view key, std::uint64_t hash) const {
  return slots_.find(hash, [&](std::uint32_t entry) {
    const Record& r = entries_[entry];
    return r.key_bytes == key.size() &&
           (key.empty() || std::memcmp(records_.data() + r.at, key.data(), key.size()) == 0);
  });
}

FindingsByKey::Finding FindingsByKey::finding(const Record& r) const {
  const engine::FactId* lists = records_.data() + (r.at + words_for(r.key_bytes));
  Finding found{{lists, r.matter}, std::nullopt};
  if (r.assumed >= 0) found.assumed.emplace(lists + r.matter, static_cast<std::size_t>(r.assumed));
  return found;
}

std::optional<FindingsByKey::Finding> FindingsByKey::find(std::string_view key) const {
  const std::uint32_t entry = entry_of(key, key_hash(key));
  if (entry == OpenSlots::kNone) return std::nullopt;
  return finding(entries_[entry]);
}

std::uint32_t FindingsByKey::append(std::string_view key, std::span<const engine::FactId> matter,
                                    std::span<const engine::FactId> assumed) {
  const std::size_t at = records_.size();
  const std::size_t words = words_for(key.size()) + matter.size() + assumed.size();
  // A record is found by where it starts in 32 bits: past that, start
  // again (a batch forgets long before; see kFindingsKept in build_report.cpp).
  if (at + words >= std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("findings by key: too many kept");
  records_.resize(at + words, 0);
  if (!key.empty()) std::memcpy(records_.data() + at, key.data(), key.size());
  std::int32_t* lists = records_.data() + (at + words_for(key.size()));
  std::copy(matter.begin(), matter.end(), lists);
  std::copy(assumed.begin(), assumed.end(), lists + matter.size());
  return static_cast<std::uint32_t>(at);
}

FindingsByKey::Finding FindingsByKey::add(std::string_view key,
                                          std::span<const engine::FactId> matter) {
  const std::uint64_t hash = key_hash(key);
  if (entry_of(key, hash) != OpenSlots::kNone)
    throw std::logic_error("findings by key: a key added twice");
  slots_.add(hash, static_cast<std::uint32_t>(entries_.size()));
  const Record& r =
      entries_.emplace_back(Record{append(key, matter, {}), static_cast<std::uint32_t>(key.size()),
                                   static_cast<std::uint32_t>(matter.size()), -1});
  return finding(r);
}

void FindingsByKey::set_assumed(std::string_view key, std::span<const engine::FactId> assumed) {
  const std::uint32_t entry = entry_of(key, key_hash(key));
  if (entry == OpenSlots::kNone) throw std::logic_error("findings by key: no such key");
  Record& r = entries_[entry];
  // A new record, the lists of the old one copied first: it may move.
  const auto old = finding(r).matter;
  const std::vector<engine::FactId> matter(old.begin(), old.end());
  r.at = append(key, matter, assumed);
  r.assumed = static_cast<std::int32_t>(assumed.size());
}

void FindingsByKey::clear() {
  slots_.clear();
  entries_.clear();
  records_.clear();
}

}  // namespace backtriage::report
