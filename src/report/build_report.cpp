#include "report/build_report.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <utility>

#include "report/key_hash.h"
#include "ruleset/answer_domain.h"
#include "ruleset/relevance.h"

namespace backtriage::report {

using engine::FactId;
using engine::Value;

ReportBuilder::ReportBuilder(const ruleset::RuleSet& rules, Uses uses)
    : rules_(rules), evaluator_(rules.knowledge_base()), scratch_(rules.knowledge_base()) {
  if (uses == Uses::Many) rerun_key_.emplace(rules.knowledge_base());
  report_.rules = &rules;
  for (FactId q = 0; q < static_cast<FactId>(rules.questions.size()); ++q)
    if (rules.questions[q].optional) optional_.push_back(q);
}

namespace {

// Sets of optional questions whose downstream rules are kept worked out; the
// twelve of the default rules give at most a few thousand sets.
constexpr std::size_t kDownstreamKept = 4096;
// Remembered findings (FindingsByKey), over every set: the 100,000 lines of
// the benchmark meet some 35,000 keys, mostly early on. About a hundred
// bytes each; past this many, all are forgotten, so memory stays flat
// (full reports: 13.5 MB for 10,000 lines, 19.9 MB for a million).
constexpr std::size_t kFindingsKept = 1 << 16;

// The certain values of a set, as items in the rule set's order (not the
// order rules happened to fire), so output is stable.
void set_items(const ruleset::RuleSet& rules, const engine::FactTable& facts, FactId fact,
               std::vector<const ruleset::Item*>& out) {
  out.clear();
  if (fact < 0) return;
  const auto& items = rules.items_of(fact);
  const auto certain = facts.certain(fact);
  // Each value a symbol's index below 64 (a bit each, as in most sets): the
  // bits, lowest first, give the items in order with no sort.
  std::uint64_t bits = facts.certain_bits(fact);
  if (static_cast<std::size_t>(std::popcount(bits)) == certain.size()) {
    for (; bits != 0; bits &= bits - 1) out.push_back(&items[std::countr_zero(bits)]);
    return;
  }
  for (Value v : certain) out.push_back(&items[v.as_symbol()]);
  std::sort(out.begin(), out.end());  // items are contiguous: address order is file order
}

}  // namespace

const Report& ReportBuilder::build(const engine::Answers& answers,
                                   const engine::Evaluation& evaluation, const engine::Trace* trace,
                                   Detail detail) {
  const engine::FactTable& facts = evaluation.facts();
  const ruleset::Roles& roles = rules_.roles;
  Report& r = report_;
  r.answers = &answers;
  r.evaluation = &evaluation;
  r.trace = trace;
  // What is assumed is found last, the key it is found by made first: the
  // finding is one of tens of thousands, its slot and record two trips to
  // memory, and the work between hides them.
  if (detail == Detail::Full) begin_assumed(answers, evaluation);

  r.level = ruleset::reported_level(rules_, facts).level;
  ruleset::questions_open_now(rules_, evaluation, r.unanswered);
  r.complete = r.unanswered.empty();

  set_items(rules_, facts, roles.red_flags, flags_);
  r.red_flags.clear();
  for (const ruleset::Item* item : flags_) {
    RedFlagEntry entry{item, false, rules_.find_level(item->as<ruleset::RedFlag>().level)};
    if (auto q = rules_.find_fact(item->id);
        q && rules_.is_question(*q) && answers[*q] &&
        ruleset::is_unsure(rules_.questions[*q], *answers[*q])) {
      entry.unsure = true;
      entry.level = rules_.find_level(rules_.questions[*q].unsure);
    }
    r.red_flags.push_back(entry);
  }
  r.action = nullptr;
  for (const auto& flag : r.red_flags) {
    if (flag.level != r.level) continue;
    const std::string& action = flag.item->as<ruleset::RedFlag>().action;
    if (action.empty() || (r.action && r.action->as<ruleset::RedFlag>().action != action)) {
      r.action = nullptr;
      break;
    }
    r.action = flag.item;
  }
  // Reasons explain the level stated: those at that level, and notes that
  // name no level.
  set_items(rules_, facts, roles.reasons, r.reasons);
  std::erase_if(r.reasons, [&](const ruleset::Item* reason) {
    const std::string& level = reason->as<ruleset::Reason>().level;
    return !level.empty() && (!r.decided() || level != r.level->id);
  });

  if (all_) all_->found.prefetch_record(all_hash_);
  r.classification.clear();
  for (FactId f : roles.classification) {
    auto certain = facts.certain(f);
    r.classification.push_back(certain.empty() ? nullptr : rules_.value_item(f, certain.front()));
  }
  if (r.with_routine()) {
    set_items(rules_, facts, roles.routine, r.routine);
    set_items(rules_, facts, roles.avoid, r.avoid);
    set_items(rules_, facts, roles.tips, r.tips);
    set_items(rules_, facts, roles.cautions, r.cautions);
  } else {
    r.routine.clear();
    r.avoid.clear();
    r.tips.clear();
    r.cautions.clear();
  }
  watch_for(facts);
  r.assumed.clear();
  if (detail == Detail::Full) find_assumed(evaluation);
  return r;
}

// The watch-for entries the rules gave, less those a tailored entry
// replaces, kept when their step is above the level stated, most urgent
// first (file order within a step).
void ReportBuilder::watch_for(const engine::FactTable& facts) {
  Report& r = report_;
  r.watch_for.clear();
  set_items(rules_, facts, rules_.roles.watch_for, watch_given_);
  if (watch_given_.empty()) return;
  const auto& entries = rules_.items_of(rules_.roles.watch_for);
  const auto index = [&](const ruleset::Item* entry) {
    return static_cast<std::size_t>(entry - entries.data());
  };
  const auto rank = [&](const ruleset::Item* entry) { return rules_.watch_rank(index(entry)); };
  watch_replaced_.assign(entries.size(), false);
  for (const ruleset::Item* entry : watch_given_)
    for (std::size_t other : rules_.watch_replaces(index(entry))) watch_replaced_[other] = true;
  const auto replaced = [&](const ruleset::Item* entry) { return watch_replaced_[index(entry)]; };
  const int level_rank = r.decided() ? rules_.level_rank(*r.level) : -1;
  const auto kept = [&](const ruleset::Item* entry) {
    if (const auto& levels = r.level->as<ruleset::Level>().watch_levels)
      return std::find(levels->begin(), levels->end(), entry->as<ruleset::WatchFor>().level) !=
             levels->end();
    return r.decided() && rank(entry) < level_rank;
  };
  for (const ruleset::Item* entry : watch_given_)
    if (!replaced(entry) && kept(entry)) r.watch_for.push_back(entry);
  // Most urgent first, each step's entries in their order: a stable sort by
  // insertion, as std::stable_sort takes a buffer from the heap on every
  // line for these few entries.
  auto& w = r.watch_for;
  for (std::size_t i = 1; i < w.size(); ++i)
    for (std::size_t j = i; j > 0 && rank(w[j]) < rank(w[j - 1]); --j) std::swap(w[j], w[j - 1]);
}

std::vector<WatchGroup> Report::watch_groups() const {
  std::vector<WatchGroup> groups;
  for (const ruleset::Item* entry : watch_for) {
    const std::string& label = entry->as<ruleset::WatchFor>().label;
    if (groups.empty() || groups.back().first->as<ruleset::WatchFor>().label != label)
      groups.push_back({entry, {}});
    groups.back().entries.push_back(entry);
  }
  return groups;
}

std::string Report::caution_for(const ruleset::Item& exercise) const {
  std::string text;
  for (const ruleset::Item* caution : cautions)
    if (const auto& c = caution->as<ruleset::Caution>(); c.exercise == exercise.id)
      text += (text.empty() ? "" : " ") + c.text;
  return text;
}

std::vector<const ruleset::Item*> Report::items_in(ruleset::Role role) const {
  using ruleset::Role;
  switch (role) {
    case Role::Level: return {level};
    case Role::RedFlags: {
      std::vector<const ruleset::Item*> items;
      for (const RedFlagEntry& flag : red_flags) items.push_back(flag.item);
      return items;
    }
    case Role::Reasons: return reasons;
    case Role::Routine: return routine;
    case Role::Avoid: return avoid;
    case Role::Tips: return tips;
    case Role::WatchFor: return watch_for;
    case Role::Cautions: return cautions;
    case Role::Classification: return classification;
    case Role::Choice:
    case Role::Value: break;
  }
  return {};
}

// An optional question left unanswered is assumed away; the report says so
// when the interview would have asked it. Open together, some questions
// over-reach (the question for people over 50 matters only while the age is
// open too), so a question counts when it could change the report open on
// its own; and then those that could only together (two of four signs of
// inflammation), with the questions that counted on their own closed.
//
// Each of those reruns opens some of the declined questions, so it reads of
// the base only what opening all of them reads (the key of that rerun) and
// what the base made of that with them declined, which is worked out from
// the same. So that key decides what is assumed: lines with one key share
// it, and most lines of a batch (3 in 4 over the benchmark's 100,000) find
// theirs remembered after a single key, without a rerun.
void ReportBuilder::begin_assumed(const engine::Answers& answers,
                                  const engine::Evaluation& evaluation) {
  all_ = nullptr;
  unanswered_.clear();  // the declined questions, in order
  for (FactId q : optional_)
    if (!answers[q]) unanswered_.push_back(q);
  if (unanswered_.empty()) return;
  // The reruns start from `evaluation`: it must have declined exactly these.
  for (FactId q = 0; q < static_cast<FactId>(rules_.questions.size()); ++q)
    assert(answers[q] || evaluation.facts().open(q) !=
                             std::binary_search(unanswered_.begin(), unanswered_.end(), q));
  // Without keys, what a set found holds for this evaluation alone.
  if (!rerun_key_) opened_.clear();
  all_ = &opened_for(unanswered_);
  make_key(*all_, evaluation, all_key_);
  all_hash_ = key_hash(all_key_);
  all_->found.prefetch_slot(all_hash_);
}

void ReportBuilder::find_assumed(const engine::Evaluation& evaluation) {
  if (!all_) return;
  // `all` is scoped to this statement, and all_ used up: the calls below
  // may forget both.
  if (const auto all = matter_when_opened(*std::exchange(all_, nullptr), all_key_, all_hash_,
                                          unanswered_, evaluation);
      all.assumed) {
    report_.assumed.assign(all.assumed->begin(), all.assumed->end());
    return;
  } else {
    candidates_.assign(all.matter.begin(), all.matter.end());
  }
  alone_not_.clear();
  for (FactId q : candidates_) {
    one_.assign(1, q);
    if (candidates_.size() == 1 || !matter_when_opened(one_, evaluation).matter.empty())
      report_.assumed.push_back(q);
    else
      alone_not_.push_back(q);
  }
  if (alone_not_.size() > 1)
    for (FactId q : matter_when_opened(alone_not_, evaluation).matter) report_.assumed.push_back(q);
  std::sort(report_.assumed.begin(), report_.assumed.end());
  // Kept with the finding for the whole set, unless the calls above forgot it.
  if (Opened* set = opened_.find(key_bytes(unanswered_)); set && set->found.find(all_key_))
    set->found.set_assumed(all_key_, report_.assumed);
}

// What opening `open` reruns, worked out once and kept.
ReportBuilder::Opened& ReportBuilder::opened_for(const std::vector<FactId>& open) {
  if (Opened* set = opened_.find(key_bytes(open))) return *set;
  if (opened_.size() >= kDownstreamKept) {  // memory stays flat
    opened_.clear();
    remembered_ = 0;
  }
  Opened o{engine::downstream_of(rules_.knowledge_base(), open,
                                 rerun_key_ ? engine::Parts::ForKey : engine::Parts::ToRerun),
           false,
           {}};
  o.level_from_base = std::find(o.downstream.facts.begin(), o.downstream.facts.end(),
                                rules_.roles.level) == o.downstream.facts.end();
  return opened_.add(key_bytes(open), std::move(o));
}

// The key of what opening `set` takes from `evaluation` (engine::RerunKey);
// empty without keys.
void ReportBuilder::make_key(const Opened& set, const engine::Evaluation& evaluation,
                             std::string& key) {
  key.clear();
  if (!rerun_key_) return;
  rerun_key_->append(evaluation, set.downstream, key);
  if (set.level_from_base) rerun_key_->append_fact(evaluation.facts(), rules_.roles.level, key);
}

FindingsByKey::Finding ReportBuilder::matter_when_opened(const std::vector<FactId>& open,
                                                         const engine::Evaluation& evaluation) {
  Opened& set = opened_for(open);
  make_key(set, evaluation, key_);
  return matter_when_opened(set, key_, key_hash(key_), open, evaluation);
}

FindingsByKey::Finding ReportBuilder::matter_when_opened(Opened& o, const std::string& key,
                                                         std::uint64_t hash,
                                                         const std::vector<FactId>& open,
                                                         const engine::Evaluation& evaluation) {
  if (auto found = o.found.find(key, hash)) return *found;
  if (remembered_ >= kFindingsKept) {  // memory stays flat
    for (Opened& other : opened_.values()) other.found.clear();
    remembered_ = 0;
  }
  evaluator_.rerun(evaluation, o.downstream, scratch_);
  ruleset::questions_that_matter(rules_, scratch_, due_);
  std::erase_if(due_,
                [&](FactId q) { return std::find(open.begin(), open.end(), q) == open.end(); });
  ++remembered_;
  return o.found.add(key, due_);
}

}  // namespace backtriage::report
