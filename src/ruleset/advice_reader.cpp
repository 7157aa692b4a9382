#include <fmt/format.h>

#include <algorithm>

#include "ruleset/dose_reader.h"
#include "ruleset/rule_set_builder.h"

namespace backtriage::ruleset {

void RuleSetBuilder::advice(const YAML::Node& node) {
  if (!yaml_.check_map(node, "advice", {"frequency", "expected_course", "safe_activities", "plan"}))
    return;
  auto single = [&](const char* key) -> std::optional<AdviceText> {
    const YAML::Node n = node[key];
    if (!n) return std::nullopt;
    if (!yaml_.check_map(n, key, {"text", "per_week", "source"})) return std::nullopt;
    AdviceText it;
    yaml_.require(n, "text", key);
    it.text = yaml_.scalar(n["text"], "text");
    it.source = yaml_.scalar(n["source"], "source");
    if (auto per_week = read_range(yaml_, n["per_week"], "per_week")) it.per_week = per_week->max;
    return it;
  };
  auto& advice = rule_set_->advice;
  advice.frequency = single("frequency");
  advice.expected_course = single("expected_course");
  advice.safe_activities = items(node["safe_activities"], Role::Tips);
  if (const YAML::Node plan = node["plan"]) {
    if (!yaml_.check_map(plan, "plan", {"weeks", "sessions_per_week", "check_ins", "source"}))
      return;
    Plan p;
    for (const char* key : {"weeks", "sessions_per_week", "check_ins", "source"})
      yaml_.require(plan, key, "plan");
    auto count = [&](const char* key, int most) {
      auto r = read_range(yaml_, plan[key], key);
      if (r && (r->min != r->max || r->max < 1 || r->max > most)) {
        yaml_.error(plan[key], fmt::format("{} must be a whole number from 1 to {}", key, most));
        return 0;
      }
      return r ? r->max : 0;
    };
    p.weeks = count("weeks", 52);
    p.sessions_per_week = count("sessions_per_week", 7);
    p.source = yaml_.scalar(plan["source"], "source");
    if (const YAML::Node check_ins = plan["check_ins"]; check_ins && check_ins.IsSequence()) {
      for (const auto& c : check_ins) {
        if (!yaml_.check_map(c, "a check-in", {"week", "text"})) continue;
        yaml_.require(c, "week", "a check-in");
        yaml_.require(c, "text", "a check-in");
        CheckIn in;
        auto week = read_range(yaml_, c["week"], "week");
        in.week = week ? week->max : 0;
        if (week && (in.week < 1 || in.week > p.weeks))
          yaml_.error(c["week"], fmt::format("week must be within the plan's {} weeks", p.weeks));
        in.text = yaml_.scalar(c["text"], "text");
        p.check_ins.push_back(std::move(in));
      }
    } else if (check_ins) {
      yaml_.error(check_ins, "check_ins must be a list");
    }
    advice.plan = std::move(p);
  }
}

}  // namespace backtriage::ruleset
