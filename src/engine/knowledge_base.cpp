#include "engine/knowledge_base.h"

#include <algorithm>
#include <queue>
#include <utility>

namespace backtriage::engine {

namespace {

// Strongly connected components of the graph whose nodes are the rules
// (0..R-1) and the facts (R..R+F-1), with an edge from each rule to the facts
// it asserts and from each fact to the rules that read it. Tarjan's algorithm,
// written with an explicit stack so a 100,000-rule chain cannot overflow the
// call stack. `component` gets each node's component number.
std::vector<std::vector<int>> strongly_connected(const std::vector<std::vector<int>>& edges,
                                                 std::vector<int>& component) {
  const int n = static_cast<int>(edges.size());
  std::vector<int> index(n, -1), low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<int> stack;
  std::vector<std::vector<int>> components;
  component.assign(n, -1);
  int next_index = 0;
  std::vector<std::pair<int, std::size_t>> call;  // node, next edge to follow
  for (int start = 0; start < n; ++start) {
    if (index[start] != -1) continue;
    call.emplace_back(start, 0);
    while (!call.empty()) {
      auto& [node, edge] = call.back();
      if (edge == 0 && index[node] == -1) {
        index[node] = low[node] = next_index++;
        stack.push_back(node);
        on_stack[node] = true;
      }
      if (edge < edges[node].size()) {
        int next = edges[node][edge++];
        if (index[next] == -1) {
          call.emplace_back(next, 0);
        } else if (on_stack[next]) {
          low[node] = std::min(low[node], index[next]);
        }
        continue;
      }
      if (low[node] == index[node]) {
        std::vector<int> members;
        int member;
        do {
          member = stack.back();
          stack.pop_back();
          on_stack[member] = false;
          component[member] = static_cast<int>(components.size());
          members.push_back(member);
        } while (member != node);
        std::sort(members.begin(), members.end());
        components.push_back(std::move(members));
      }
      int finished = node;
      call.pop_back();
      if (!call.empty()) low[call.back().first] = std::min(low[call.back().first], low[finished]);
    }
  }
  return components;
}

}  // namespace

std::optional<FactId> KnowledgeBase::find_fact(const std::string& id) const {
  auto it = fact_index_.find(id);
  if (it == fact_index_.end()) return std::nullopt;
  return it->second;
}

KnowledgeBase::KnowledgeBase(std::vector<FactDecl> facts, std::vector<Rule> rules)
    : facts_(std::move(facts)), rules_(std::move(rules)) {
  first_part_.push_back(0);
  std::vector<const Condition*> conditions;
  conditions.reserve(rules_.size());
  for (const Rule& rule : rules_) {
    int parts = 0;
    rule.when.for_each_part([&](const Condition&) { ++parts; });
    first_part_.push_back(first_part_.back() + parts);
    conditions.push_back(&rule.when);
  }
  program_ = ConditionProgram(conditions, facts_);
  first_assertion_.push_back(0);
  for (const Rule& rule : rules_) {
    for (const Assertion& a : rule.then) {
      const bool known = a.fact >= 0 && a.fact < static_cast<FactId>(facts_.size());
      assertions_.push_back({a.fact, known && facts_[a.fact].conflicts_on_disagreement(), a.value,
                             small_bit(a.value)});
    }
    first_assertion_.push_back(assertions_.size());
  }
  for (FactId f = 0; f < static_cast<FactId>(facts_.size()); ++f) {
    fact_index_.emplace(facts_[f].id, f);
    (facts_[f].is_input ? inputs_ : derived_).push_back(f);
  }
}

void KnowledgeBase::lay_out() {
  acyclic_ = std::none_of(order_.cyclic.begin(), order_.cyclic.end(), [](char c) { return c; });
  in_order_.clear();
  for (const auto& stratum : order_.strata)
    in_order_.insert(in_order_.end(), stratum.begin(), stratum.end());
}

KnowledgeBase KnowledgeBase::from_order(std::vector<FactDecl> facts, std::vector<Rule> rules,
                                        Order order) {
  KnowledgeBase kb(std::move(facts), std::move(rules));
  kb.order_ = std::move(order);
  kb.lay_out();
  return kb;
}

KnowledgeBase::Built KnowledgeBase::build(std::vector<FactDecl> facts, std::vector<Rule> rules) {
  KnowledgeBase kb(std::move(facts), std::move(rules));
  const int rule_count = static_cast<int>(kb.rules_.size());
  const int fact_count = static_cast<int>(kb.facts_.size());
  Order& order = kb.order_;

  Built built;
  order.readers.assign(fact_count, {});
  order.writers.assign(fact_count, {});
  order.reads.assign(rule_count, {});
  std::vector<std::vector<FactId>> negated_reads(rule_count);
  std::vector<std::vector<int>> edges(rule_count + fact_count);
  for (int r = 0; r < rule_count; ++r) {
    const Rule& rule = kb.rules_[r];
    rule.when.for_each_read([&](FactId f, bool negated) {
      auto& reads = order.reads[r];
      if (std::find(reads.begin(), reads.end(), f) == reads.end()) {
        reads.push_back(f);
        order.readers[f].push_back(r);
        edges[rule_count + f].push_back(r);
      }
      // A ranked fact's value can be displaced by a better one, so any read
      // of it can turn false as rules fire: order it like a negation.
      if (negated || kb.facts_[f].type == FactType::Ranked) negated_reads[r].push_back(f);
    });
    for (const Assertion& a : rule.then) {
      if (kb.facts_[a.fact].is_input) {
        built.problems.push_back(
            {r, "rule '" + rule.id + "' asserts '" + kb.facts_[a.fact].id +
                    "', which is a question; rules may assert only derived facts"});
        continue;
      }
      auto& writers = order.writers[a.fact];
      if (writers.empty() || writers.back() != r) {
        writers.push_back(r);
        edges[r].push_back(rule_count + a.fact);
      }
    }
  }

  std::vector<int> component;
  auto components = strongly_connected(edges, component);
  for (int r = 0; r < rule_count; ++r) {
    for (FactId f : negated_reads[r]) {
      if (component[rule_count + f] != component[r]) continue;
      std::string cycle;
      for (int member : components[component[r]]) {
        if (member >= rule_count) continue;
        if (!cycle.empty()) cycle += ", ";
        cycle += "'" + kb.rules_[member].id + "'";
      }
      built.problems.push_back(
          {r, "rule '" + kb.rules_[r].id + "' reads '" + kb.facts_[f].id +
                  "' through negation (or a ranked fact) inside a cycle of rules (" + cycle +
                  "); the result would depend on rule order"});
      break;
    }
  }
  if (!built.problems.empty()) return built;

  // Order the components so writers come before readers and, among
  // components free to go, the one holding the earliest rule goes first: the
  // trace then follows file order wherever the dependencies allow.
  const int component_count = static_cast<int>(components.size());
  std::vector<int> indegree(component_count, 0);
  std::vector<std::vector<int>> successors(component_count);
  for (int node = 0; node < static_cast<int>(edges.size()); ++node)
    for (int next : edges[node])
      if (component[next] != component[node]) {
        successors[component[node]].push_back(component[next]);
        ++indegree[component[next]];
      }
  auto later = [&](int a, int b) { return components[a].front() > components[b].front(); };
  std::priority_queue<int, std::vector<int>, decltype(later)> ready(later);
  for (int c = 0; c < component_count; ++c)
    if (indegree[c] == 0) ready.push(c);
  order.stratum_of.assign(rule_count, 0);
  while (!ready.empty()) {
    int c = ready.top();
    ready.pop();
    for (int next : successors[c])
      if (--indegree[next] == 0) ready.push(next);
    std::vector<int> stratum;
    for (int member : components[c])
      if (member < rule_count) stratum.push_back(member);
    if (stratum.empty()) continue;
    for (int r : stratum) order.stratum_of[r] = order.strata.size();
    order.cyclic.push_back(components[c].size() > 1);
    order.strata.push_back(std::move(stratum));
  }
  kb.lay_out();
  built.knowledge_base = std::move(kb);
  return built;
}

}  // namespace backtriage::engine
