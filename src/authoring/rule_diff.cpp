#include "authoring/rule_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "report/build_report.h"
#include "ruleset/answer_parser.h"
#include "ruleset/relevance.h"

namespace backtriage::authoring {

namespace {

using engine::FactId;
using engine::Value;

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

std::uint64_t times(std::uint64_t a, std::uint64_t b, bool& saturated) {
  if (a != 0 && b > kMax / a) {
    saturated = true;
    return kMax;
  }
  return a * b;
}

std::uint64_t plus(std::uint64_t a, std::uint64_t b, bool& saturated) {
  if (b > kMax - a) {
    saturated = true;
    return kMax;
  }
  return a + b;
}

// One rule set's side of the walk.
struct Side {
  const ruleset::RuleSet& rules;
  engine::Evaluator evaluator;
  engine::Evaluation evaluation;
  engine::Answers answers;
  std::vector<bool> declined;
  explicit Side(const ruleset::RuleSet& r)
      : rules(r),
        evaluator(r.knowledge_base()),
        evaluation(r.knowledge_base()),
        answers(r.knowledge_base().facts().size()),
        declined(r.knowledge_base().facts().size(), false) {}
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

// What a side's report says that the diff compares.
struct Outcome {
  const ruleset::Item* level = nullptr;
  std::vector<std::string> routine, avoid;
};

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
// certain one; and when a more urgent level stays possible whatever the
// pending questions say (an unanswered red flag), a level that gives the
// routine can never be stated, so only the others.
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
  bool robust = false;
  for (Value v : better) {
    const auto deps = side.evaluation.open_questions_for_values(level, {v});
    if (!deps.empty() && !any_pending(deps)) robust = true;
  }
  if (robust) std::erase_if(better, [&](Value v) { return rules.levels()[v.as_symbol()].routine; });
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

// The urgency of a level on the new ladder (or else the old), lower is more
// urgent. Not enough answers counts as a routine appointment: it tells the
// person to answer more or to talk to a doctor, so a change from "see a
// doctor today" to it is less urgent.
std::optional<int> urgency(const ruleset::RuleSet& a, const ruleset::RuleSet& b,
                           const ruleset::Item* level) {
  for (const auto* rules : {&b, &a}) {
    if (level->id == rules->undecided.id) {
      const auto& levels = rules->levels();
      for (std::size_t i = 0; i < levels.size(); ++i)
        if (levels[i].routine) return static_cast<int>(i);
      return static_cast<int>(levels.size());
    }
    const int rank = rules->level_rank(level->id);
    if (rank >= 0) return rank;
  }
  return std::nullopt;
}

class Walk {
 public:
  Walk(const ruleset::RuleSet& a, const ruleset::RuleSet& b, DiffLimits limits)
      : old_(a), new_(b), space_(answer_space(a, b)), limits_(limits) {}

  Diff run() {
    // The warning questions come first; what the rest of the answers can
    // do depends on them only through the facts they leave behind, so the
    // walk of the rest is done once per distinct state (see `memo_`).
    for (const auto& q : space_) {
      bool warning = false;
      for (const auto& [side, fact] : {std::pair{&old_, q.in_old}, std::pair{&new_, q.in_new}})
        if (fact)
          warning |= side->rules.questions[*fact].red_flag ||
                     side->rules.questions[*fact].accepts_unsure();
      first_part_.push_back(warning);
    }
    first_only_old_ = first_only(old_, true);
    first_only_new_ = first_only(new_, false);
    pending_old_.assign(old_.answers.size(), false);
    pending_new_.assign(new_.answers.size(), false);
    for (const auto& q : space_) {
      if (q.in_old) pending_old_[*q.in_old] = true;
      if (q.in_new) pending_new_[*q.in_new] = true;
    }
    assigned_.assign(space_.size(), -1);
    walk();
    if (!diff_.exact)
      diff_.note = fmt::format("stopped after {} branches: the counts cover only the part walked",
                               diff_.branches);
    return finish(std::move(diff_));
  }

  static Diff finish(Diff diff) {
    std::sort(diff.levels.begin(), diff.levels.end(),
              [](const auto& x, const auto& y) { return x.count > y.count; });
    std::sort(diff.items.begin(), diff.items.end(), [](const auto& x, const auto& y) {
      return std::pair(x.section, x.id) < std::pair(y.section, y.id);
    });
    return diff;
  }

  // Adds `part` (the walk of the rest below one state), `times` over, with
  // `before` (the answers that led there) in front of its examples.
  static void merge(Diff& diff, const Diff& part, std::uint64_t times, const Example& before) {
    auto joined = [&](const Example& tail) {
      Example all = before;
      all.insert(all.end(), tail.begin(), tail.end());
      return all;
    };
    auto smaller = [](const Example& x, const Example& y) {
      return y.empty() || x.size() < y.size();
    };
    diff.combinations =
        plus(diff.combinations, times_(part.combinations, times, diff.saturated), diff.saturated);
    diff.changed = plus(diff.changed, times_(part.changed, times, diff.saturated), diff.saturated);
    diff.saturated |= part.saturated;
    for (const auto& change : part.levels) {
      auto group = std::find_if(diff.levels.begin(), diff.levels.end(), [&](const LevelChange& c) {
        return c.from == change.from && c.to == change.to;
      });
      if (group == diff.levels.end()) {
        diff.levels.push_back(change);
        group = diff.levels.end() - 1;
        group->count = 0;
        group->example.clear();
      }
      group->count =
          plus(group->count, times_(change.count, times, diff.saturated), diff.saturated);
      if (auto example = joined(change.example); smaller(example, group->example))
        group->example = example;
    }
    for (const auto& item : part.items) {
      auto it = std::find_if(diff.items.begin(), diff.items.end(), [&](const ItemChange& c) {
        return c.section == item.section && c.id == item.id;
      });
      if (it == diff.items.end()) {
        diff.items.push_back({item.section, item.id, 0, 0, {}});
        it = diff.items.end() - 1;
      }
      it->appears = plus(it->appears, times_(item.appears, times, diff.saturated), diff.saturated);
      it->disappears =
          plus(it->disappears, times_(item.disappears, times, diff.saturated), diff.saturated);
      if (auto example = joined(item.example); smaller(example, it->example)) it->example = example;
    }
  }

  static std::uint64_t times_(std::uint64_t a, std::uint64_t b, bool& saturated) {
    return times(a, b, saturated);
  }

  static void record(Diff& diff, const ruleset::RuleSet& a, const ruleset::RuleSet& b,
                     const Outcome& before, const Outcome& after, std::uint64_t count,
                     const Example& example) {
    diff.combinations = plus(diff.combinations, count, diff.saturated);
    const bool same_level = before.level->id == after.level->id;
    if (same_level && before.routine == after.routine && before.avoid == after.avoid) return;
    diff.changed = plus(diff.changed, count, diff.saturated);
    auto smaller = [](const Example& x, const Example& y) {
      return y.empty() || x.size() < y.size();
    };
    auto group = std::find_if(diff.levels.begin(), diff.levels.end(), [&](const LevelChange& c) {
      return c.from == before.level->id && c.to == after.level->id;
    });
    if (group == diff.levels.end()) {
      LevelChange change{before.level->id, after.level->id, 0, example, false};
      auto was = urgency(a, b, before.level), now = urgency(a, b, after.level);
      change.less_urgent = was && now && *now > *was;
      diff.levels.push_back(change);
      group = diff.levels.end() - 1;
    }
    group->count = plus(group->count, count, diff.saturated);
    if (smaller(example, group->example)) group->example = example;
    auto items = [&](const char* section, const std::vector<std::string>& was,
                     const std::vector<std::string>& now) {
      for (int direction = 0; direction < 2; ++direction) {
        const auto& from = direction ? now : was;
        const auto& to = direction ? was : now;
        for (const auto& id : from) {
          if (std::binary_search(to.begin(), to.end(), id)) continue;
          auto it = std::find_if(diff.items.begin(), diff.items.end(), [&](const ItemChange& c) {
            return c.section == section && c.id == id;
          });
          if (it == diff.items.end()) {
            diff.items.push_back({section, id, 0, 0, example});
            it = diff.items.end() - 1;
          }
          auto& n = direction ? it->appears : it->disappears;
          n = plus(n, count, diff.saturated);
          if (smaller(example, it->example)) it->example = example;
        }
      }
    };
    items("routine", before.routine, after.routine);
    items("avoid", before.avoid, after.avoid);
  }

 private:
  void evaluate() {
    for (Side* side : {&old_, &new_})
      side->evaluator.run(side->answers, side->evaluation, side->declined);
  }

  void walk() {
    if (++diff_.branches > limits_.max_branches) {
      diff_.exact = false;
      return;
    }
    bool conflict = false;
    try {
      evaluate();
    } catch (const engine::ConflictError&) {
      conflict = true;  // `check` reports it; these answers cannot be compared
    }
    int next = -1;
    if (!conflict) {
      // Branch on the first question still to be chosen that matters to
      // either side.
      std::set<FactId> due_old, due_new;
      for (FactId q : can_change_through(old_, pending_old_))
        if (pending_old_[q]) due_old.insert(q);
      for (FactId q : can_change_through(new_, pending_new_))
        if (pending_new_[q]) due_new.insert(q);
      for (std::size_t i = 0; i < space_.size() && next < 0; ++i)
        if (assigned_[i] < 0 && ((space_[i].in_old && due_old.count(*space_[i].in_old)) ||
                                 (space_[i].in_new && due_new.count(*space_[i].in_new))))
          next = static_cast<int>(i);
    }
    if (next >= 0 && !in_rest_ && !first_part_[next]) {
      // The first of the rest to matter: the warning questions are settled.
      walk_rest();
      return;
    }
    if (next < 0) {
      // Nothing left changes either outcome: every way of answering the rest
      // counts the same.
      std::uint64_t count = 1;
      for (std::size_t i = 0; i < space_.size(); ++i)
        if (assigned_[i] < 0 && (!in_rest_ || !first_part_[i]))
          count = times(count, space_[i].answers.size(), diff_.saturated);
      if (conflict) {
        conflicts_ = plus(conflicts_, count, diff_.saturated);
        return;
      }
      Example example;
      for (std::size_t i = 0; i < space_.size(); ++i)
        if (assigned_[i] >= 0 && !space_[i].answers[assigned_[i]].text.empty() &&
            (!in_rest_ || !first_part_[i]))
          example.emplace_back(space_[i].id, space_[i].answers[assigned_[i]].text);
      record(diff_, old_.rules, new_.rules, outcome(old_), outcome(new_), count, example);
      return;
    }
    if (in_rest_ && first_part_[next]) {
      // A warning question that mattered only once the rest was answered:
      // the state is not all that the rest depends on.
      diff_.exact = false;
      return;
    }
    const Question& q = space_[next];
    for (std::size_t a = 0; a < q.answers.size() && diff_.exact; ++a) {
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
      walk();
    }
    assigned_[next] = -1;
    for (auto [side, fact, pending] :
         {std::tuple{&old_, q.in_old, &pending_old_}, std::tuple{&new_, q.in_new, &pending_new_}}) {
      if (!fact) continue;
      side->answers[*fact].reset();
      side->declined[*fact] = false;
      (*pending)[*fact] = true;
    }
  }

  // What the rest of the walk depends on, for each side: what the rules
  // that read only warning questions (directly or through facts only such
  // rules assert) have concluded for good — the values they assert, by fact,
  // for those that fired and for those that wait on a question left
  // unanswered — and the answers to warning questions that other rules read.
  // Two ways of answering the warning questions that agree on these leave
  // the same rest. (The whole evaluation would not do: a value possible
  // because of a question still to be chosen looks the same as one
  // possible for good.)
  std::string state_key() const {
    std::string key;
    for (const Side* side : {&old_, &new_}) {
      const auto& kb = side->rules.knowledge_base();
      const auto& only = side == &old_ ? first_only_old_ : first_only_new_;
      std::vector<std::pair<FactId, double>> fired, waiting;
      for (int r = 0; r < static_cast<int>(kb.rules().size()); ++r) {
        if (!only[r]) continue;
        const auto status = side->evaluation.rule_status(r);
        if (status == engine::Tri::False) continue;
        const auto& roles = side->rules.roles;
        for (const auto& a : kb.rules()[r].then)  // facts nothing reads and no outcome shows aside
          if (!kb.readers(a.fact).empty() || a.fact == roles.level || a.fact == roles.routine ||
              a.fact == roles.avoid)
            (status == engine::Tri::True ? fired : waiting)
                .emplace_back(a.fact, a.value.as_number());
      }
      for (auto* list : {&fired, &waiting}) {
        std::sort(list->begin(), list->end());
        list->erase(std::unique(list->begin(), list->end()), list->end());
        for (const auto& [fact, value] : *list) key += fmt::format("{}:{},", fact, value);
        key += ';';
      }
      key += '|';
    }
    for (std::size_t i = 0; i < space_.size(); ++i)
      if (first_part_[i] && read_with_rest(i)) key += fmt::format("{}={};", i, assigned_[i]);
    return key;
  }

  // Which rules read only warning questions, directly or through facts
  // that only such rules assert.
  std::vector<bool> first_only(const Side& side, bool old_side) const {
    const auto& kb = side.rules.knowledge_base();
    std::vector<bool> question_first(kb.facts().size(), false);
    for (std::size_t i = 0; i < space_.size(); ++i) {
      auto fact = old_side ? space_[i].in_old : space_[i].in_new;
      if (fact && first_part_[i]) question_first[*fact] = true;
    }
    std::vector<bool> only(kb.rules().size(), false);
    // Strata run writers before readers, so one pass in stratum order
    // settles it; a cyclic stratum is taken as mixed.
    for (std::size_t s = 0; s < kb.strata().size(); ++s)
      for (int r : kb.strata()[s]) {
        bool fine = !kb.stratum_is_cyclic(s);
        for (FactId f : kb.reads(r)) {
          if (side.rules.is_question(f)) {
            fine &= question_first[f];
            continue;
          }
          for (int w : kb.writers(f)) fine &= only[w];
        }
        only[r] = fine;
      }
    return only;
  }

  // Whether a rule reads warning question `i` together with one of the rest.
  bool read_with_rest(std::size_t i) const {
    for (const auto& [side, fact] :
         {std::pair{&old_, space_[i].in_old}, std::pair{&new_, space_[i].in_new}}) {
      if (!fact) continue;
      const auto& kb = side->rules.knowledge_base();
      for (int r : kb.readers(*fact))
        for (FactId read : kb.reads(r))
          if (side->rules.is_question(read))
            for (std::size_t j = 0; j < space_.size(); ++j)
              if (!first_part_[j] && ((side == &old_ && space_[j].in_old == read) ||
                                      (side == &new_ && space_[j].in_new == read)))
                return true;
    }
    return false;
  }

  // The walk of the rest, once per distinct state, its counts reused for
  // every way of answering the warning questions that leads to that state.
  void walk_rest() {
    Example before;
    std::uint64_t unasked = 1;  // warning questions left open: they no longer matter
    for (std::size_t i = 0; i < space_.size(); ++i) {
      if (!first_part_[i]) continue;
      if (assigned_[i] < 0)
        unasked = times(unasked, space_[i].answers.size(), diff_.saturated);
      else if (!space_[i].answers[assigned_[i]].text.empty())
        before.emplace_back(space_[i].id, space_[i].answers[assigned_[i]].text);
    }
    const std::string key = state_key();
    auto found = memo_.find(key);
    if (found == memo_.end()) {
      Diff outer = std::move(diff_);
      diff_ = Diff{};
      diff_.branches = outer.branches;
      in_rest_ = true;
      walk();
      in_rest_ = false;
      Diff part = std::move(diff_);
      diff_ = std::move(outer);
      diff_.branches = part.branches;
      diff_.exact &= part.exact;
      part.branches = 0;
      found = memo_.emplace(key, std::move(part)).first;
    }
    merge(diff_, found->second, unasked, before);
  }

  Side old_, new_;
  std::vector<Question> space_;
  std::vector<bool> first_part_;  // by question of the space: a warning question
  std::vector<bool> first_only_old_, first_only_new_;  // by rule: reads only warning questions
  bool in_rest_ = false;
  std::map<std::string, Diff> memo_;
  DiffLimits limits_;
  std::vector<bool> pending_old_, pending_new_;
  std::vector<int> assigned_;  // by question of the space: index of its answer, or -1
  std::uint64_t conflicts_ = 0;
  Diff diff_;
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
    Walk::record(diff, old_rules, new_rules, outcome(old_side), outcome(new_side), 1, example);
  }
  return Walk::finish(std::move(diff));
}

}  // namespace backtriage::authoring
