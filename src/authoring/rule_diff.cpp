#include "authoring/rule_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "authoring/diff_side.h"
#include "authoring/diff_space.h"
#include "authoring/diff_tally.h"
#include "ruleset/answer_domain.h"

namespace backtriage::authoring {

namespace {

using engine::FactId;
using engine::Value;

class Walk {
 public:
  Walk(const ruleset::RuleSet& a, const ruleset::RuleSet& b, DiffLimits limits)
      : old_(a), new_(b), space_(answer_space(a, b)), limits_(limits) {}

  Diff run() {
    pending_old_.assign(old_.answers.size(), false);
    pending_new_.assign(new_.answers.size(), false);
    for (const auto& q : space_) {
      if (q.in_old) pending_old_[*q.in_old] = true;
      if (q.in_new) pending_new_[*q.in_new] = true;
    }
    assigned_.assign(space_.size(), -1);
    dead_.assign(space_.size(), false);
    index_old_.assign(old_.answers.size(), 0);
    index_new_.assign(new_.answers.size(), 0);
    for (std::size_t i = 0; i < space_.size(); ++i) {
      if (space_[i].in_old) index_old_[*space_[i].in_old] = i;
      if (space_[i].in_new) index_new_[*space_[i].in_new] = i;
    }
    Diff diff;
    try {
      for (DiffSide* side : {&old_, &new_})
        side->evaluator.run(side->answers, side->evaluations[0], side->declined);
      diff = walk();
    } catch (const engine::ConflictError&) {
      branches_ = 1;  // `check` reports it; these answers cannot be compared
    }
    diff.branches = branches_;
    diff.exact = exact_;
    if (!exact_)
      diff.note = fmt::format("stopped after {} branches: the counts cover only the part walked",
                              branches_);
    // Examples were put together branch by branch; show them in asking order.
    auto position = [&](const std::string& id) {
      for (std::size_t i = 0; i < space_.size(); ++i)
        if (space_[i].id == id) return i;
      return space_.size();
    };
    auto in_order = [&](Example& example) {
      std::stable_sort(example.begin(), example.end(), [&](const auto& x, const auto& y) {
        return position(x.first) < position(y.first);
      });
    };
    for (auto& change : diff.levels) in_order(change.example);
    for (auto& item : diff.items) in_order(item.example);
    return sorted_diff(std::move(diff));
  }

 private:
  // The walk below the current answers, each side evaluated at its depth:
  // what changes among every way of answering the questions not yet chosen,
  // with examples made of those answers only, so that a result found once
  // serves every branch that reaches the same state (`state_key`).
  Diff walk() {
    Diff diff;
    if (++branches_ > limits_.max_branches) {
      exact_ = false;
      return diff;
    }
    // Branch on the first question still to be chosen that matters to
    // either side.
    int next = -1;
    for (const DiffSide* side : {&old_, &new_}) {
      const auto& pending = side == &old_ ? pending_old_ : pending_new_;
      for (FactId q : can_change_through(*side, pending))
        if (pending[q] && (next < 0 || space_index(*side, q) < static_cast<std::size_t>(next)))
          next = static_cast<int>(space_index(*side, q));
    }
    if (next < 0) {
      // Nothing left changes either outcome: every way of answering the rest
      // counts the same.
      std::uint64_t count = 1;
      for (std::size_t i = 0; i < space_.size(); ++i)
        if (assigned_[i] < 0 && !dead_[i])
          count = saturating_times(count, space_[i].answers.size(), diff.saturated);
      record_change(diff, old_.rules, new_.rules, outcome_of(old_), outcome_of(new_), count, {});
      return diff;
    }
    // A question no undecided rule reads can never matter again below: it
    // only multiplies every count. Counting it here, once, and leaving it
    // out below, lets branches that differ only in such questions share
    // their walk.
    std::vector<char>& live = live_;
    live.assign(space_.size(), false);
    for (const DiffSide* side : {&old_, &new_}) {
      const auto& kb = side->rules.knowledge_base();
      for (int r = 0; r < static_cast<int>(kb.rules().size()); ++r)
        if (side->reaches_outcome[r] && side->evaluation().rule_status(r) == engine::Tri::Unknown)
          for (FactId f : kb.reads(r))
            if (side->rules.is_question(f)) live[space_index(*side, f)] = true;
    }
    std::uint64_t factor = 1;
    std::vector<std::size_t> newly_dead;
    for (std::size_t i = 0; i < space_.size(); ++i)
      if (assigned_[i] < 0 && !dead_[i] && !live[i]) {
        dead_[i] = true;
        newly_dead.push_back(i);
        factor = saturating_times(factor, space_[i].answers.size(), diff.saturated);
      }
    if (factor != 1) {
      Diff part = walk();
      for (std::size_t i : newly_dead) dead_[i] = false;
      scale(part, factor);
      return part;
    }
    // The key is built in scratch storage and copied only to be kept: most
    // lookups find it.
    if (auto found = memo_.find(std::string_view(state_key())); found != memo_.end())
      return found->second;
    std::string key = key_;
    const SpaceQuestion& q = space_[next];
    for (std::size_t a = 0; a < q.answers.size() && exact_; ++a) {
      const SpaceAnswer& answer = q.answers[a];
      assigned_[next] = static_cast<int>(a);
      for (auto [side, fact, value, pending] :
           {std::tuple{&old_, q.in_old, answer.in_old, &pending_old_},
            std::tuple{&new_, q.in_new, answer.in_new, &pending_new_}}) {
        if (!fact) continue;
        side->answers[*fact] = value;
        (*pending)[*fact] = false;
        // Unanswered for good: an optional question is declined, any other
        // stays open (and keeps a red flag's level undecided).
        side->declined[*fact] = !value && side->rules.questions[*fact].optional;
      }
      Example before;
      if (!answer.text.empty()) before.emplace_back(q.id, answer.text);
      merge_diff(diff, walk_answered(q), before);
    }
    assigned_[next] = -1;
    for (auto [side, fact, pending] :
         {std::tuple{&old_, q.in_old, &pending_old_}, std::tuple{&new_, q.in_new, &pending_new_}}) {
      if (!fact) continue;
      side->answers[*fact].reset();
      side->declined[*fact] = false;
      (*pending)[*fact] = true;
    }
    if (exact_) memo_.emplace(std::move(key), diff);
    return diff;
  }

  // The walk below, one step down, where `q` has just been answered: each
  // side that asks it evaluates again what that answer can change.
  Diff walk_answered(const SpaceQuestion& q) {
    const std::size_t old_depth = old_.depth, new_depth = new_.depth;
    Diff below;
    try {
      if (q.in_old) old_.answered(*q.in_old);
      if (q.in_new) new_.answered(*q.in_new);
      below = walk();
    } catch (const engine::ConflictError&) {
      // `check` reports it; these answers cannot be compared.
      if (++branches_ > limits_.max_branches) exact_ = false;
    }
    old_.depth = old_depth;
    new_.depth = new_depth;
    return below;
  }

  std::size_t space_index(const DiffSide& side, FactId question) const {
    return (&side == &old_ ? index_old_ : index_new_)[question];
  }

  // Every count of `diff`, `factor` times over.
  static void scale(Diff& diff, std::uint64_t factor) {
    bool& saturated = diff.saturated;
    diff.combinations = saturating_times(diff.combinations, factor, saturated);
    diff.changed = saturating_times(diff.changed, factor, saturated);
    for (auto& change : diff.levels)
      change.count = saturating_times(change.count, factor, saturated);
    for (auto& item : diff.items) {
      item.appears = saturating_times(item.appears, factor, saturated);
      item.disappears = saturating_times(item.disappears, factor, saturated);
    }
  }

  // Everything the walk below the current answers depends on, so that two
  // ways of answering that agree on it have the same walk below: which
  // questions are still to be chosen and, for each side, the undecided rules
  // that can still be decided (they read, perhaps through other facts, a
  // question still to be chosen), the state of every fact they read and of
  // the outcome's facts, whether each value such a rule would assert is
  // still news, and which values of those facts stay possible for good. A
  // rule that waits only on questions left unanswered stays undecided
  // whatever comes, so it is kept as the values it makes possible, not by
  // name: one unanswered warning sign of a step leaves the same state as
  // another. What decided rules concluded into facts nothing undecided
  // reads (the red flags listed, say) cannot matter any more.
  const std::string& state_key() const {
    std::string& key = key_;
    key.clear();
    auto put = [&key](std::uint32_t n) { key.append(reinterpret_cast<const char*>(&n), sizeof n); };
    auto put_value = [&key](Value v) {
      const double x = v.as_number();
      key.append(reinterpret_cast<const char*>(&x), sizeof x);
    };
    auto put_values = [&](std::span<const Value> values) {
      put(static_cast<std::uint32_t>(values.size()));
      for (Value v : values) put_value(v);
    };
    for (std::size_t i = 0; i < space_.size(); ++i)
      key += assigned_[i] < 0 && !dead_[i] ? '?' : '=';
    for (const DiffSide* side : {&old_, &new_}) {
      const auto& kb = side->rules.knowledge_base();
      const auto& facts = side->evaluation().facts();
      const auto& pending = side == &old_ ? pending_old_ : pending_new_;
      std::vector<char>& frozen = frozen_;
      frozen_rules(*side, pending, frozen);
      std::vector<char>& read = read_;
      read.assign(facts.size(), false);
      for (int r = 0; r < static_cast<int>(kb.rules().size()); ++r) {
        if (!side->reaches_outcome[r] ||
            side->evaluation().rule_status(r) != engine::Tri::Unknown || frozen[r])
          continue;
        put(static_cast<std::uint32_t>(r));
        for (FactId f : kb.reads(r)) read[f] = true;
        for (const auto& a : kb.rules()[r].then) {
          key += facts.could_change(a.fact, a.value) ? '+' : '-';
          // A single-valued fact's value decides whether firing clashes.
          if (facts.decl(a.fact).conflicts_on_disagreement()) put_values(facts.certain(a.fact));
        }
      }
      const auto& roles = side->rules.roles;
      for (FactId f : {roles.level, roles.routine, roles.avoid})
        if (f >= 0) read[f] = true;
      key += '|';
      for (FactId f = 0; f < static_cast<FactId>(facts.size()); ++f) {
        if (!read[f]) continue;
        put(static_cast<std::uint32_t>(f));
        key += facts.open(f) ? 'o' : 'c';
        put_values(facts.certain(f));
        put_values(facts.possible(f));
      }
      key += '|';
      auto& for_good = for_good_;
      for_good.clear();
      for (int r = 0; r < static_cast<int>(kb.rules().size()); ++r)
        if (frozen[r] && side->reaches_outcome[r])
          for (const auto& a : kb.rules()[r].then)
            if (read[a.fact])
              for_good.emplace_back(a.fact, a.value.as_number(),
                                    facts.could_change(a.fact, a.value));
      std::sort(for_good.begin(), for_good.end());
      for_good.erase(std::unique(for_good.begin(), for_good.end()), for_good.end());
      for (const auto& [fact, value, news] : for_good) {
        put(static_cast<std::uint32_t>(fact));
        put_value(Value::number(value));
        key += news ? '+' : '-';
      }
      key += '|';
    }
    return key;
  }

  // The undecided rules that stay undecided whatever the questions still to
  // be chosen say: each reads only questions already chosen (answered, or
  // left unanswered) and facts that only decided rules, or such rules,
  // assert. Strata put writers first, so one pass settles it; a cyclic
  // stratum counts as able to change.
  static void frozen_rules(const DiffSide& side, const std::vector<char>& pending,
                           std::vector<char>& frozen) {
    const auto& kb = side.rules.knowledge_base();
    frozen.assign(kb.rules().size(), false);
    for (std::size_t s = 0; s < kb.strata().size(); ++s)
      for (int r : kb.strata()[s]) {
        if (side.evaluation().rule_status(r) != engine::Tri::Unknown) continue;
        bool fixed = !kb.stratum_is_cyclic(s);
        for (FactId f : kb.reads(r)) {
          if (side.rules.is_question(f)) {
            fixed &= !pending[f];
            continue;
          }
          for (int w : kb.writers(f))
            fixed &= side.evaluation().rule_status(w) != engine::Tri::Unknown || frozen[w];
        }
        frozen[r] = fixed;
      }
  }

  DiffSide old_, new_;
  std::vector<SpaceQuestion> space_;
  struct KeyHash {
    using is_transparent = void;  // look up by string_view, no string built
    std::size_t operator()(std::string_view key) const {
      return std::hash<std::string_view>{}(key);
    }
  };
  std::unordered_map<std::string, Diff, KeyHash, std::equal_to<>> memo_;
  DiffLimits limits_;
  std::vector<char> pending_old_, pending_new_;
  std::vector<int> assigned_;  // by question of the space: index of its answer, or -1
  std::vector<char> dead_;     // by question of the space: counted by a branch above
  std::vector<std::size_t> index_old_, index_new_;  // by fact id: the question's place in the space
  // Scratch of walk() and state_key(), used before each step down and kept
  // for its storage: a diff walks hundreds of thousands of branches.
  std::vector<char> live_;
  mutable std::vector<char> frozen_, read_;
  mutable std::string key_;
  mutable std::vector<std::tuple<FactId, double, bool>> for_good_;
  std::uint64_t branches_ = 0;
  bool exact_ = true;
};

}  // namespace

bool Diff::any_less_urgent() const {
  return std::any_of(levels.begin(), levels.end(), [](const auto& c) { return c.less_urgent; });
}

Diff diff_answer_space(const ruleset::RuleSet& old_rules, const ruleset::RuleSet& new_rules,
                       DiffLimits limits) {
  return Walk(old_rules, new_rules, limits).run();
}

Diff diff_cases(const ruleset::RuleSet& old_rules, const ruleset::RuleSet& new_rules,
                const std::vector<NamedAnswers>& cases) {
  Diff diff;
  DiffSide old_side(old_rules), new_side(new_rules);
  for (const auto& c : cases) {
    Example example;
    for (DiffSide* side : {&old_side, &new_side}) {
      std::fill(side->answers.begin(), side->answers.end(), std::nullopt);
      for (const auto& [id, text] : c.answers) {
        const ruleset::Question* q = side->rules.find_question(id);
        if (!q) continue;
        auto parsed = ruleset::parse_answer(*q, text);
        if (auto* value = std::get_if<Value>(&parsed))
          side->answers[*side->rules.find_fact(id)] = *value;
      }
      if (c.no_red_flags) ruleset::answer_red_flags_no(side->rules, side->answers);
      for (FactId f = 0; f < static_cast<FactId>(side->rules.questions.size()); ++f)
        side->declined[f] = !side->answers[f] && side->rules.questions[f].optional;
    }
    example.emplace_back("case", c.name);
    example.insert(example.end(), c.answers.begin(), c.answers.end());
    try {
      for (DiffSide* side : {&old_side, &new_side})
        side->evaluator.run(side->answers, side->evaluations[0], side->declined);
    } catch (const engine::ConflictError&) {
      continue;
    }
    record_change(diff, old_rules, new_rules, outcome_of(old_side), outcome_of(new_side), 1,
                  example);
  }
  return sorted_diff(std::move(diff));
}

}  // namespace backtriage::authoring
