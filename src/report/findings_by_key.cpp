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

std::size_t FindingsByKey::slot_of(std::string_view key, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.at == 0) return i;
    if (s.hash == hash && s.key_bytes == key.size() &&
        (key.empty() || std::memcmp(records_.data() + (s.at - 1), key.data(), key.size()) == 0))
      return i;
  }
}

std::optional<FindingsByKey::Finding> FindingsByKey::find(std::string_view key) const {
  if (slots_.empty()) return std::nullopt;
  const Slot& s = slots_[slot_of(key, key_hash(key))];
  if (s.at == 0) return std::nullopt;
  const engine::FactId* lists = records_.data() + (s.at - 1 + words_for(s.key_bytes));
  Finding found{{lists, s.matter}, std::nullopt};
  if (s.assumed >= 0) found.assumed.emplace(lists + s.matter, static_cast<std::size_t>(s.assumed));
  return found;
}

std::uint32_t FindingsByKey::append(std::string_view key, std::span<const engine::FactId> matter,
                                    std::span<const engine::FactId> assumed) {
  const std::size_t at = records_.size();
  const std::size_t words = words_for(key.size()) + matter.size() + assumed.size();
  // A slot numbers its record in 32 bits: past that, start again (a batch
  // forgets long before; see kFindingsKept in build_report.cpp).
  if (at + words >= std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("findings by key: too many kept");
  records_.resize(at + words, 0);
  if (!key.empty()) std::memcpy(records_.data() + at, key.data(), key.size());
  std::int32_t* lists = records_.data() + (at + words_for(key.size()));
  std::copy(matter.begin(), matter.end(), lists);
  std::copy(assumed.begin(), assumed.end(), lists + matter.size());
  return static_cast<std::uint32_t>(at + 1);
}

void FindingsByKey::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.at == 0) continue;
    std::size_t i = s.hash & mask;
    while (slots_[i].at != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

FindingsByKey::Finding FindingsByKey::add(std::string_view key,
                                          std::span<const engine::FactId> matter) {
  if (2 * (size_ + 1) > slots_.size()) grow();
  const std::uint64_t hash = key_hash(key);
  Slot& s = slots_[slot_of(key, hash)];
  if (s.at != 0) throw std::logic_error("findings by key: a key added twice");
  s = Slot{hash, append(key, matter, {}), static_cast<std::uint32_t>(key.size()),
           static_cast<std::uint32_t>(matter.size()), -1};
  ++size_;
  return {{records_.data() + (s.at - 1 + words_for(key.size())), matter.size()}, std::nullopt};
}

void FindingsByKey::set_assumed(std::string_view key, std::span<const engine::FactId> assumed) {
  if (slots_.empty()) throw std::logic_error("findings by key: no such key");
  Slot& s = slots_[slot_of(key, key_hash(key))];
  if (s.at == 0) throw std::logic_error("findings by key: no such key");
  // A new record, the lists of the old one copied first: it may move.
  const std::vector<engine::FactId> matter(
      records_.data() + (s.at - 1 + words_for(s.key_bytes)),
      records_.data() + (s.at - 1 + words_for(s.key_bytes)) + s.matter);
  s.at = append(key, matter, assumed);
  s.assumed = static_cast<std::int32_t>(assumed.size());
}

void FindingsByKey::clear() {
  slots_.clear();
  records_.clear();
  size_ = 0;
}

}  // namespace backtriage::report
