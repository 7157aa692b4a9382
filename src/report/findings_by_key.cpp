#include "report/findings_by_key.h"

#include <cstring>
#include <stdexcept>

#include "report/key_hash.h"

namespace backtriage::report {

namespace {

constexpr std::size_t kWord = sizeof(std::int32_t);

std::size_t words_for(std::size_t bytes) {
  return (bytes + kWord - 1) / kWord;
}

}  // namespace

std::size_t FindingsByKey::lists_at(const std::int32_t* head) {
  return kHead + words_for(static_cast<std::size_t>(head[kKeyBytes]));
}

std::uint32_t FindingsByKey::record_of(std::string_view key, std::uint64_t hash) const {
  return slots_.find(hash, [&](std::uint32_t at) {
    return static_cast<std::size_t>(records_[at + kKeyBytes]) == key.size() &&
           (key.empty() || std::memcmp(records_.data() + at + kHead, key.data(), key.size()) == 0);
  });
}

FindingsByKey::Finding FindingsByKey::finding(std::uint32_t at) const {
  const std::int32_t* head = records_.data() + at;
  const auto matter = static_cast<std::size_t>(head[kMatter]);
  const std::int32_t assumed = head[kAssumed];
  const engine::FactId* lists = head + lists_at(head);
  Finding found{{lists, matter}, std::nullopt};
  if (assumed >= 0) found.assumed.emplace(lists + matter, static_cast<std::size_t>(assumed));
  return found;
}

std::optional<FindingsByKey::Finding> FindingsByKey::find(std::string_view key) const {
  return find(key, key_hash(key));
}

std::optional<FindingsByKey::Finding> FindingsByKey::find(std::string_view key,
                                                          std::uint64_t hash) const {
  const std::uint32_t at = record_of(key, hash);
  if (at == OpenSlots::kNone) return std::nullopt;
  return finding(at);
}

void FindingsByKey::prefetch_record(std::uint64_t hash) const {
  if (const std::uint32_t at = slots_.first_with(hash); at != OpenSlots::kNone)
    __builtin_prefetch(records_.data() + at);
}

FindingsByKey::Finding FindingsByKey::add(std::string_view key,
                                          std::span<const engine::FactId> matter) {
  const std::uint64_t hash = key_hash(key);
  if (record_of(key, hash) != OpenSlots::kNone)
    throw std::logic_error("findings by key: a key added twice");
  const std::size_t at = records_.size();
  const std::size_t words = kHead + words_for(key.size()) + 2 * matter.size();
  // A record is found by where it starts in 32 bits (OpenSlots::kNone is
  // none): past that, start again (a batch forgets long before; see
  // kFindingsKept in build_report.cpp).
  if (at + words >= OpenSlots::kNone) throw std::length_error("findings by key: too many kept");
  records_.resize(at + words, 0);
  std::int32_t* head = records_.data() + at;
  head[kKeyBytes] = static_cast<std::int32_t>(key.size());
  head[kMatter] = static_cast<std::int32_t>(matter.size());
  head[kAssumed] = -1;
  if (!key.empty()) std::memcpy(head + kHead, key.data(), key.size());
  std::copy(matter.begin(), matter.end(), head + lists_at(head));
  slots_.add(hash, static_cast<std::uint32_t>(at));
  ++size_;
  return finding(static_cast<std::uint32_t>(at));
}

void FindingsByKey::set_assumed(std::string_view key, std::span<const engine::FactId> assumed) {
  const std::uint32_t at = record_of(key, key_hash(key));
  if (at == OpenSlots::kNone) throw std::logic_error("findings by key: no such key");
  std::int32_t* head = records_.data() + at;
  const auto matter = static_cast<std::size_t>(head[kMatter]);
  if (assumed.size() > matter) throw std::logic_error("findings by key: more assumed than matter");
  std::copy(assumed.begin(), assumed.end(), head + lists_at(head) + matter);
  head[kAssumed] = static_cast<std::int32_t>(assumed.size());
}

void FindingsByKey::clear() {
  slots_.clear();
  records_.clear();
  size_ = 0;
}

}  // namespace backtriage::report
