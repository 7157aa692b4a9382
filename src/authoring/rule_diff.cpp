#include "authoring/rule_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <unordered_map>

#include "authoring/diff_tally.h"
#include "report/build_report.h"
#include "ruleset/answer_domain.h"
#include "ruleset/relevance.h"

namespace backtriage::authoring {

namespace {

using engine::FactId;
using engine::Value;

// One rule set's side of the walk.
struct Side {
  const ruleset::RuleSet& rules;
  engine::Evaluator evaluator;
  engine::Evaluation evaluation;
  engine::Answers answers;
  std::vector<bool> declined;
  // The rules whose conclusions reach the outcome (the level, routine or
  // avoid list), directly or through facts other such rules read. The
  // others (what to watch for, tips, cautions) cannot change what the walk
  // compares, so they neither keep a question alive nor split a state.
  std::vector<bool> reaches_outcome;
  explicit Side(const ruleset::RuleSet& r)
      : rules(r),
        evaluator(r.knowledge_base()),
        evaluation(r.knowledge_base()),
        answers(r.knowledge_base().facts().size()),
        declined(r.knowledge_base().facts().size(), false),
        reaches_outcome(rules_reaching_outcome(r)) {}

  static std::vector<bool> rules_reaching_outcome(const ruleset::RuleSet& r) {
    const auto& kb = r.knowledge_base();
    std::vector<bool> fact_matters(kb.facts().size(), false),
        rule_matters(kb.rules().size(), false);
    for (FactId f : {r.roles.level, r.roles.routine, r.roles.avoid})
      if (f >= 0) fact_matters[f] = true;
    for (bool grew = true; grew;) {
      grew = false;
      for (std::size_t i = 0; i < kb.rules().size(); ++i) {
        if (rule_matters[i]) continue;
        const auto& then = kb.rules()[i].then;
        if (std::none_of(then.begin(), then.end(),
                         [&](const engine::Assertion& a) { return fact_matters[a.fact]; }))
          continue;
        rule_matters[i] = grew = true;
        for (FactId f : kb.reads(static_cast<int>(i))) fact_matters[f] = true;
      }
    }
    return rule_matters;
  }
};

// One answer a question can take, as each side spells it (nothing: the
// side does not have the question, or it is left unanswered).
struct Answer {
  std::string text;  // for examples; "" for unanswered
  std::optional<Value> in_old, in_new;
};

struct Question {
  std::string id;
  std::optional<FactId> in_old, in_new;
  std::vector<Answer> answers;
};

std::vector<double> thresholds(const ruleset::RuleSet& rules, FactId q) {
  std::vector<double> out;
  auto walk = [&](auto& self, const engine::Condition& c) -> void {
    if (c.kind == engine::Condition::Kind::Compare && c.fact == q)
      for (Value v : c.operands) out.push_back(v.as_number());
    for (const auto& child : c.children) self(self, child);
  };
  for (const auto& rule : rules.knowledge_base().rules()) walk(walk, rule.when);
  return out;
}

std::string number_text(double x) {
  return fmt::format("{}", x);
}

// The answer space: the questions of both sets, in the old set's asking
// order, then the new set's new questions.
std::vector<Question> answer_space(const ruleset::RuleSet& a, const ruleset::RuleSet& b) {
  std::vector<Question> out;
  std::vector<std::string> ids = a.question_ids();
  for (const auto& id : b.question_ids())
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  for (const auto& id : ids) {
    Question q;
    q.id = id;
    const ruleset::Question* qa = a.find_question(id);
    const ruleset::Question* qb = b.find_question(id);
    if (qa) q.in_old = *a.find_fact(id);
    if (qb) q.in_new = *b.find_fact(id);
    // The words either side accepts, each parsed by each side.
    std::vector<std::string> words;
    for (const auto* question : {qa, qb}) {
      if (!question || question->type == engine::FactType::Number) continue;
      for (const auto& w : ruleset::accepted_answers(*question).words)
        if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(w);
    }
    if ((qa && qa->type == engine::FactType::Number) ||
        (qb && qb->type == engine::FactType::Number)) {
      // Points at every threshold, and one value inside each gap.
      std::set<double> points;
      double low = std::numeric_limits<double>::max(), high = std::numeric_limits<double>::lowest();
      for (const auto& [rules, question] : {std::pair{&a, qa}, std::pair{&b, qb}}) {
        if (!question) continue;
        low = std::min(low, question->min), high = std::max(high, question->max);
        for (double t : thresholds(*rules, *rules->find_fact(id))) points.insert(t);
      }
      points.insert(low), points.insert(high);
      std::vector<double> sorted(points.begin(), points.end());
      std::erase_if(sorted, [&](double x) { return x < low || x > high; });
      for (std::size_t i = 0; i < sorted.size(); ++i) {
        words.push_back(number_text(sorted[i]));
        if (i + 1 < sorted.size()) words.push_back(number_text((sorted[i] + sorted[i + 1]) / 2));
      }
    }
    for (const auto& w : words) {
      Answer answer{w, {}, {}};
      for (const auto& [question, slot] :
           {std::pair{qa, &answer.in_old}, std::pair{qb, &answer.in_new}}) {
        if (!question) continue;
        auto parsed = ruleset::parse_answer(*question, w);
        if (auto* value = std::get_if<Value>(&parsed)) *slot = *value;
      }
      q.answers.push_back(std::move(answer));
    }
    q.answers.push_back(Answer{"", {}, {}});  // unanswered
    out.push_back(std::move(q));
  }
  return out;
}

std::vector<std::string> certain_ids(const ruleset::RuleSet& rules, const engine::FactTable& facts,
                                     FactId fact) {
  std::vector<std::string> out;
  if (fact < 0) return out;
  for (Value v : facts.certain(fact)) out.push_back(rules.items_of(fact)[v.as_symbol()].id);
  std::sort(out.begin(), out.end());
  return out;
}

Outcome outcome(const Side& side) {
  const auto& facts = side.evaluation.facts();
  Outcome o;
  o.level = ruleset::reported_level(side.rules, facts).level;
  if (o.level != &side.rules.undecided && o.level->routine) {
    o.routine = certain_ids(side.rules, facts, side.rules.roles.routine);
    o.avoid = certain_ids(side.rules, facts, side.rules.roles.avoid);
  }
  return o;
}

// The open questions that could still change the side's outcome, given
// which questions are still to be chosen (`pending`). Which level values
// matter depends on the rest: only those more urgent than the most urgent
// certain one; and when a level stays possible whatever the pending
// questions say (an unanswered red flag), a level that gives the routine and
// is less urgent than it can never be stated, so only the others.
std::vector<FactId> can_change_through(const Side& side, const std::vector<bool>& pending) {
  const auto& rules = side.rules;
  const auto& facts = side.evaluation.facts();
  const FactId level = rules.roles.level;
  auto any_pending = [&](const std::vector<FactId>& questions) {
    return std::any_of(questions.begin(), questions.end(), [&](FactId q) { return pending[q]; });
  };
  const auto best = facts.best_certain(level);
  std::vector<Value> better;
  for (Value v : facts.possible(level))
    if (!best || v < *best) better.push_back(v);
  // The most urgent level that stays possible for good (values rank most
  // urgent first): no routine level less urgent than it can ever be stated.
  std::optional<Value> lasting;
  for (Value v : better) {
    if (lasting && !(v < *lasting)) continue;
    const auto deps = side.evaluation.open_questions_for_values(level, {v});
    if (!deps.empty() && !any_pending(deps)) lasting = v;
  }
  if (lasting)
    std::erase_if(better,
                  [&](Value v) { return *lasting < v && rules.levels()[v.as_symbol()].routine; });
  auto due = side.evaluation.open_questions_for_values(level, better);
  if (any_pending(due)) return due;
  const auto stated = ruleset::reported_level(rules, facts).level;
  if (stated != &rules.undecided && stated->routine) {
    std::vector<FactId> sections;
    for (FactId f : {rules.roles.routine, rules.roles.avoid})
      if (f >= 0) sections.push_back(f);
    for (FactId q : side.evaluation.open_questions_for(sections)) due.push_back(q);
  }
  return due;
}

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
    Diff diff = walk();
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
  // The walk below the current answers: what changes among every way of
  // answering the questions not yet chosen, with examples made of those
  // answers only, so that a result found once serves every branch that
  // reaches the same state (`state_key`).
  Diff walk() {
    Diff diff;
    if (++branches_ > limits_.max_branches) {
      exact_ = false;
      return diff;
    }
    try {
      for (Side* side : {&old_, &new_})
        side->evaluator.run(side->answers, side->evaluation, side->declined);
    } catch (const engine::ConflictError&) {
      return diff;  // `check` reports it; these answers cannot be compared
    }
    // Branch on the first question still to be chosen that matters to
    // either side.
    std::set<FactId> due_old, due_new;
    for (FactId q : can_change_through(old_, pending_old_))
      if (pending_old_[q]) due_old.insert(q);
    for (FactId q : can_change_through(new_, pending_new_))
      if (pending_new_[q]) due_new.insert(q);
    int next = -1;
    for (std::size_t i = 0; i < space_.size() && next < 0; ++i)
      if (assigned_[i] < 0 && ((space_[i].in_old && due_old.count(*space_[i].in_old)) ||
                               (space_[i].in_new && due_new.count(*space_[i].in_new))))
        next = static_cast<int>(i);
    if (next < 0) {
      // Nothing left changes either outcome: every way of answering the rest
      // counts the same.
      std::uint64_t count = 1;
      for (std::size_t i = 0; i < space_.size(); ++i)
        if (assigned_[i] < 0 && !dead_[i])
          count = saturating_times(count, space_[i].answers.size(), diff.saturated);
      record_change(diff, old_.rules, new_.rules, outcome(old_), outcome(new_), count, {});
      return diff;
    }
    // A question no undecided rule reads can never matter again below: it
    // only multiplies every count. Counting it here, once, and leaving it
    // out below, lets branches that differ only in such questions share
    // their walk.
    std::vector<bool> live(space_.size(), false);
    for (const Side* side : {&old_, &new_}) {
      const auto& kb = side->rules.knowledge_base();
      for (int r = 0; r < static_cast<int>(kb.rules().size()); ++r)
        if (side->reaches_outcome[r] && side->evaluation.rule_status(r) == engine::Tri::Unknown)
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
    std::string key = state_key();
    if (auto found = memo_.find(key); found != memo_.end()) return found->second;
    const Question& q = space_[next];
    for (std::size_t a = 0; a < q.answers.size() && exact_; ++a) {
      const Answer& answer = q.answers[a];
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
      merge_diff(diff, walk(), before);
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

  std::size_t space_index(const Side& side, FactId question) const {
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
  std::string state_key() const {
    std::string key;
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
    for (const Side* side : {&old_, &new_}) {
      const auto& kb = side->rules.knowledge_base();
      const auto& facts = side->evaluation.facts();
      const auto& pending = side == &old_ ? pending_old_ : pending_new_;
      const auto frozen = frozen_rules(*side, pending);
      std::vector<bool> read(facts.size(), false);
      for (int r = 0; r < static_cast<int>(kb.rules().size()); ++r) {
        if (!side->reaches_outcome[r] || side->evaluation.rule_status(r) != engine::Tri::Unknown ||
            frozen[r])
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
      std::vector<std::tuple<FactId, double, bool>> for_good;
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
  static std::vector<bool> frozen_rules(const Side& side, const std::vector<bool>& pending) {
    const auto& kb = side.rules.knowledge_base();
    std::vector<bool> frozen(kb.rules().size(), false);
    for (std::size_t s = 0; s < kb.strata().size(); ++s)
      for (int r : kb.strata()[s]) {
        if (side.evaluation.rule_status(r) != engine::Tri::Unknown) continue;
        bool fixed = !kb.stratum_is_cyclic(s);
        for (FactId f : kb.reads(r)) {
          if (side.rules.is_question(f)) {
            fixed &= !pending[f];
            continue;
          }
          for (int w : kb.writers(f))
            fixed &= side.evaluation.rule_status(w) != engine::Tri::Unknown || frozen[w];
        }
        frozen[r] = fixed;
      }
    return frozen;
  }

  Side old_, new_;
  std::vector<Question> space_;
  std::unordered_map<std::string, Diff> memo_;
  DiffLimits limits_;
  std::vector<bool> pending_old_, pending_new_;
  std::vector<int> assigned_;  // by question of the space: index of its answer, or -1
  std::vector<bool> dead_;     // by question of the space: counted by a branch above
  std::vector<std::size_t> index_old_, index_new_;  // by fact id: the question's place in the space
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
  Side old_side(old_rules), new_side(new_rules);
  for (const auto& c : cases) {
    Example example;
    for (Side* side : {&old_side, &new_side}) {
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
      for (Side* side : {&old_side, &new_side})
        side->evaluator.run(side->answers, side->evaluation, side->declined);
    } catch (const engine::ConflictError&) {
      continue;
    }
    record_change(diff, old_rules, new_rules, outcome(old_side), outcome(new_side), 1, example);
  }
  return sorted_diff(std::move(diff));
}

}  // namespace backtriage::authoring
