// Rule-engine scaling: time to build (check, index, stratify) a knowledge
// base and to run it to a fixpoint, for generated rule sets of growing size
// in two shapes:
//   chain — rule i reads f(i) and asserts f(i+1): each conclusion enables the
//           next, so the fixpoint needs every rule in turn;
//   fan   — every rule reads the one input and asserts a fact of its own.
// Prints a table with each size's growth over the previous one (10x rules
// should cost about 10x time).
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "engine/evaluator.h"
#include "engine/knowledge_base.h"

namespace engine = backtriage::engine;
using Clock = std::chrono::steady_clock;

namespace {

struct Generated {
  std::vector<engine::FactDecl> facts;
  std::vector<engine::Rule> rules;
};

engine::Rule rule(int id, engine::FactId reads, engine::FactId asserts) {
  engine::Rule r;
  r.id = "r" + std::to_string(id);
  r.when =
      engine::Condition::compare(reads, engine::Condition::Op::Eq, {engine::Value::boolean(true)});
  r.then.push_back({asserts, engine::Value::boolean(true)});
  r.source = "generated";
  return r;
}

Generated generate(bool chain, int count) {
  Generated g;
  g.facts.push_back({"input", engine::FactType::Bool, {}, true});
  for (int i = 0; i < count; ++i)
    g.facts.push_back({"f" + std::to_string(i + 1), engine::FactType::Bool, {}, false});
  for (int i = 0; i < count; ++i) g.rules.push_back(rule(i, chain ? i : 0, i + 1));
  return g;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main() {
  std::printf("%-6s %8s %10s %10s %8s %8s\n", "shape", "rules", "build ms", "fixpoint ms",
              "build x", "fixp x");
  for (bool chain : {true, false}) {
    double previous_build = 0, previous_run = 0;
    for (int count : {100, 1'000, 10'000, 100'000}) {
      // Best of a few repetitions: the machine is shared and noisy.
      const int repeats = count >= 100'000 ? 3 : 5;
      double build = 1e9, run = 1e9;
      for (int rep = 0; rep < repeats; ++rep) {
        Generated g = generate(chain, count);
        auto start = Clock::now();
        auto built = engine::KnowledgeBase::build(std::move(g.facts), std::move(g.rules));
        build = std::min(build, seconds_since(start));
        if (!built.knowledge_base) {
          std::fprintf(stderr, "rule_scaling: generated rules do not build\n");
          return 1;
        }
        const auto& kb = *built.knowledge_base;
        engine::Answers answers(kb.facts().size());
        answers[0] = engine::Value::boolean(true);
        engine::Evaluator evaluator(kb);
        engine::Evaluation evaluation(kb);
        start = Clock::now();
        evaluator.run(answers, evaluation);
        run = std::min(run, seconds_since(start));
        // Every rule must have fired, or this measured nothing.
        if (!evaluation.facts().is_certain(count, engine::Value::boolean(true))) {
          std::fprintf(stderr, "rule_scaling: the last fact was not derived\n");
          return 1;
        }
      }
      std::printf("%-6s %8d %10.3f %10.3f", chain ? "chain" : "fan", count, build * 1e3, run * 1e3);
      if (previous_build > 0)
        std::printf(" %7.1fx %7.1fx\n", build / previous_build, run / previous_run);
      else
        std::printf(" %8s %8s\n", "-", "-");
      previous_build = build;
      previous_run = run;
    }
  }
  return 0;
}
