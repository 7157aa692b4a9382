#include "engine/rerun_key.h"

#include <algorithm>
#include <bit>

#include "engine/key_writer.h"

namespace backtriage::engine {

RerunKey::RerunKey(const KnowledgeBase& kb)
    : program_(&kb.program()),
      truth_(kb.parts()),
      truth_run_(kb.parts(), 0),
      adds_(kb.rules().size()),
      replayed_certain_(kb.facts().size(), 0),
      replayed_possible_(kb.facts().size(), 0),
      bit_bytes_(kb.facts().size(), sizeof(std::uint64_t)) {
  for (FactId f = 0; f < static_cast<FactId>(kb.facts().size()); ++f) {
    const FactDecl& decl = kb.facts()[f];
    const std::size_t values = decl.type == FactType::Bool ? 2
                               : decl.has_symbols()        ? decl.symbols.size()
                                                           : 64;
    bit_bytes_[f] = static_cast<std::uint8_t>(std::clamp<std::size_t>((values + 7) / 8, 1, 8));
  }
  // A value whose bit the fact's bytes would not hold counts as one without.
  for (std::size_t r = 0; r < kb.rules().size(); ++r)
    for (const auto& a : kb.assertions(static_cast<int>(r))) {
      const bool held = a.bit != 0 && std::countr_zero(a.bit) < 8 * bit_bytes_[a.fact];
      adds_[r].push_back({a.fact, held ? a.bit : 0});
    }
}

void RerunKey::append_fact(const FactTable& facts, FactId fact, std::string& key) {
  KeyWriter out(key);
  out.raw(facts.open(fact));
  const auto certain = facts.certain(fact), possible = facts.possible(fact);
  const std::uint64_t certain_bits = facts.certain_bits(fact);
  const std::uint64_t possible_bits = facts.possible_bits(fact);
  // Every value a small whole number (a bool, a symbol): the bits say it all.
  const bool as_bits = static_cast<std::size_t>(std::popcount(certain_bits)) == certain.size() &&
                       static_cast<std::size_t>(std::popcount(possible_bits)) == possible.size();
  out.raw(as_bits);
  if (as_bits) {
    out.raw(certain_bits);
    out.raw(possible_bits);
  } else {
    out.values(certain);
    out.values(possible);
  }
}

void RerunKey::append(const Evaluation& base, const Downstream& downstream, std::string& key) {
  KeyWriter out(key);
  // Two bits for each fixed part's truth, 32 to a word.
  std::uint64_t word = 0;
  unsigned filled = 0;
  for (int part : downstream.fixed) {
    if (truth_run_[part] != base.run_number()) {
      truth_[part] = program_->truth(part, base.facts());
      truth_run_[part] = base.run_number();
    }
    word |= static_cast<std::uint64_t>(truth_[part]) << (2 * filled);
    if (++filled == 32) {
      out.raw(word);
      word = 0;
      filled = 0;
    }
  }
  out.raw(word);
  // What the replayed writers add to the facts the rerun fills: a true
  // rule's values certainly, an undecided one's possibly. A value with no
  // bit keeps the rule and its status in the key instead.
  for (FactId fact : downstream.facts) replayed_certain_[fact] = replayed_possible_[fact] = 0;
  replayed_as_rules_.clear();
  for (int rule : downstream.replayed) {
    const Tri status = base.rule_status(rule);
    if (status == Tri::False) continue;
    const std::uint64_t certainly = status == Tri::True ? ~std::uint64_t{0} : 0;
    for (const auto [fact, bit] : adds_[rule]) {
      if (bit == 0) {
        replayed_as_rules_.emplace_back(rule, status);
        continue;
      }
      replayed_possible_[fact] |= bit;
      replayed_certain_[fact] |= bit & certainly;
    }
  }
  // Counted, so that a key says where each of its parts ends.
  out.raw(static_cast<std::uint32_t>(replayed_as_rules_.size()));
  for (const auto& [rule, status] : replayed_as_rules_) {
    out.raw(rule);
    out.raw(status);
  }
  for (FactId fact : downstream.facts) {
    out.low_bytes(replayed_certain_[fact], bit_bytes_[fact]);
    out.low_bytes(replayed_possible_[fact], bit_bytes_[fact]);
  }
}

}  // namespace backtriage::engine
