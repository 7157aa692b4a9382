#include "cli/check_command.h"

#include <fmt/format.h>

#include "cli/exit_code.h"
#include "cli/input_file.h"
#include "cli/output.h"
#include "ruleset/lint.h"
#include "ruleset/loader.h"

namespace backtriage::cli {

int run_check(const Options& o, const Io& io) {
  struct Source {
    std::string name;
    std::string text;
  };
  std::vector<std::string> names = o.check_files;
  int result = kOk;
  Output out(io.out);
  auto check_one = [&](const std::string& name, std::string_view text) {
    auto loaded = ruleset::load_rule_set(text, name);
    auto diagnostics = std::move(loaded.diagnostics);
    if (loaded.rule_set) {
      auto warnings = ruleset::lint(*loaded.rule_set);
      diagnostics.insert(diagnostics.end(), warnings.begin(), warnings.end());
    }
    std::size_t errors = 0, warnings = 0;
    for (const auto& d : diagnostics) {
      (d.severity == ruleset::Diagnostic::Severity::Error ? errors : warnings)++;
      fmt::print(io.err, "{}\n", ruleset::format_with_context(d, text));
    }
    if (loaded.rule_set) {
      const auto& rs = *loaded.rule_set;
      out.write(fmt::format("{}: ok: {} {}, {} questions, {} rules, {} warning{}\n", name, rs.id,
                            rs.version, rs.questions.size(), rs.knowledge_base().rules().size(),
                            warnings, warnings == 1 ? "" : "s"));
    } else {
      out.write(fmt::format("{}: invalid: {} error{}\n", name, errors, errors == 1 ? "" : "s"));
      if (result == kOk) result = kDataError;
    }
  };
  if (names.empty()) {
    check_one("<embedded>", ruleset::embedded_rules_text());
  }
  for (const auto& name : names) {
    try {
      std::string text = read_input(name, io.in);
      check_one(name, text);
    } catch (const CliError& e) {
      fmt::print(io.err, "backtriage: {}\n", e.what());
      result = e.code() == kNoInput ? kNoInput : (result == kNoInput ? kNoInput : e.code());
    }
  }
  out.flush();
  return result;
}

}  // namespace backtriage::cli
