// libFuzzer target: any bytes as the value of every question's flag, and as
// typed at its prompt. A value is accepted or rejected (with a message, for a
// flag); an accepted one must be in range.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "ruleset/answer_domain.h"
#include "ruleset/loader.h"
#include "ruleset/spoken_answer.h"

using namespace backtriage;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const ruleset::RuleSet& rules = ruleset::embedded_rule_set();
  for (std::size_t i = 0; i < rules.questions.size(); ++i) {
    const ruleset::Question& q = rules.questions[i];
    for (bool spoken : {false, true}) {
      engine::Value value;
      if (spoken) {
        auto understood = ruleset::understand(rules, q, text);
        if (auto* both = std::get_if<ruleset::Ambiguous>(&understood)) {
          if (both->choices.size() < 2) std::abort();  // ambiguous means two at least
          continue;
        }
        auto* answer = std::get_if<ruleset::Understood>(&understood);
        if (!answer) continue;
        value = answer->value;
      } else {
        auto parsed = ruleset::parse_answer(q, text);
        if (auto* error = std::get_if<ruleset::AnswerError>(&parsed)) {
          if (error->message.empty()) std::abort();  // every refusal says why
          continue;
        }
        value = std::get<engine::Value>(parsed);
      }
      switch (q.type) {
        case engine::FactType::Number:
          if (!std::isfinite(value.as_number()) || value.as_number() < q.min ||
              value.as_number() > q.max)
            std::abort();
          break;
        case engine::FactType::Choice:
          if (value.as_symbol() < 0 || value.as_symbol() >= static_cast<int>(q.choices.size()))
            std::abort();
          break;
        case engine::FactType::Bool:
          // no, yes, and unsure only where the question takes it.
          if (value.as_symbol() < 0 || value.as_symbol() > (q.accepts_unsure() ? 2 : 1))
            std::abort();
          break;
        default: break;
      }
      (void)rules.format_value(static_cast<engine::FactId>(i), value);
    }
  }
  (void)ruleset::quote_input(text);
  return 0;
}
