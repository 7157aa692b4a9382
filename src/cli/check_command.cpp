#include "cli/check_command.h"

#include <fmt/color.h>
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "cli/exit_code.h"
#include "cli/input_file.h"
#include "cli/option_adder.h"
#include "cli/output.h"
#include "cli/shared_options.h"
#include "ruleset/lint.h"
#include "ruleset/loader.h"
#include "ruleset/overlay_files.h"

namespace backtriage::cli {

namespace {

struct Outcome {
  std::size_t errors = 0, warnings = 0;
};

// Loads one rule file and prints every problem in it, in file order, each as
// `file:line:col: error|warning: message` with the line and a caret; then a
// one-line verdict on stdout.
Outcome check_one(const std::string& name, std::string_view text, const std::string& path,
                  const Io& io, Output& out, bool color) {
  auto loaded = ruleset::load_rule_set(text, name);
  auto diagnostics = std::move(loaded.diagnostics);
  if (loaded.rule_set) {
    auto warnings = ruleset::lint(*loaded.rule_set);  // and the errors only a search finds
    diagnostics.insert(diagnostics.end(), warnings.begin(), warnings.end());
  }
  // Then the rules in each of their locales: the overlays' own problems,
  // and an overlay the rule file lists that cannot be read (said at its
  // line in the rule file, once however many locales need it).
  std::map<std::string, std::string> files{{name, std::string(text)}};
  std::set<std::string> said;
  for (const auto& d : diagnostics) said.insert(ruleset::format_line(d));
  if (loaded.rule_set)
    for (std::size_t i = 1; i < loaded.locales.size(); ++i) {
      auto in_locale = ruleset::load_rule_set(
          text, name, ruleset::overlays_of(path, ruleset::parse_locale_tag(loaded.locales[i])));
      for (auto& d : in_locale.diagnostics)
        if (said.insert(ruleset::format_line(d)).second) diagnostics.push_back(std::move(d));
      for (auto& [file, overlay_text] : in_locale.overlay_files) files.emplace(file, overlay_text);
    }
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
    return std::tuple(a.where.file, a.where.line, a.where.column) <
           std::tuple(b.where.file, b.where.line, b.where.column);
  });
  diagnostics.erase(std::unique(diagnostics.begin(), diagnostics.end(),
                                [](const auto& a, const auto& b) {
                                  return ruleset::format_line(a) == ruleset::format_line(b);
                                }),
                    diagnostics.end());
  Outcome outcome;
  for (const auto& d : diagnostics) {
    ++(d.severity == ruleset::Diagnostic::Severity::Error ? outcome.errors : outcome.warnings);
    auto file_text = files.find(d.where.file);
    std::string shown =
        ruleset::format_with_context(d, file_text == files.end() ? text : file_text->second);
    if (color) {  // like compilers: the severity word in red or magenta
      const bool error = d.severity == ruleset::Diagnostic::Severity::Error;
      const std::string word = error ? ": error: " : ": warning: ";
      if (auto at = shown.find(word); at != std::string::npos)
        shown.replace(
            at + 2, word.size() - 4,
            fmt::format("{}", fmt::styled(word.substr(2, word.size() - 4),
                                          fmt::emphasis::bold |
                                              fmt::fg(error ? fmt::terminal_color::red
                                                            : fmt::terminal_color::magenta))));
    }
    fmt::print(io.err, "{}\n", shown);
  }
  auto plural = [](std::size_t n, const char* word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  if (loaded.rule_set && outcome.errors == 0) {
    const auto& rs = *loaded.rule_set;
    out.write(fmt::format(
        "{}: ok: {} {}, {}, {}, {}{}\n", name, rs.id, rs.version,
        plural(rs.questions.size(), "question"), plural(rs.knowledge_base().rules().size(), "rule"),
        plural(outcome.warnings, "warning"),
        rs.locales.size() > 1 ? fmt::format("; in {}", fmt::join(rs.locales, ", ")) : ""));
  } else {
    out.write(fmt::format("{}: invalid: {}\n", name, plural(outcome.errors, "error")));
  }
  return outcome;
}

}  // namespace

int run_check(const Options& o, const Io& io) {
  Output out(io.out);
  bool invalid = false, unreadable = false;
  const bool color = use_color(o.color, io, io.err_tty);  // diagnostics go to stderr
  if (o.files.empty())
    invalid |=
        check_one("<embedded>", ruleset::embedded_rules_text(), "", io, out, color).errors > 0;
  for (const auto& path : o.files) {
    try {
      std::string text = read_input(path, io.in);
      invalid |=
          check_one(path == "-" ? "<stdin>" : path, text, path == "-" ? "" : path, io, out, color)
              .errors > 0;
    } catch (const CliError& e) {
      // One unreadable file must not hide the problems in the others.
      fmt::print(io.err, "backtriage: {}\n", e.what());
      (e.code() == kNoInput ? unreadable : invalid) = true;
    }
  }
  out.flush();
  return unreadable ? kNoInput : invalid ? kDataError : kOk;
}

void add_check(const OptionAdder& add, Options& o) {
  using ruleset::Word;
  if (auto* opt = add.option("files", o.files, Word::HelpCheckFiles)) opt->type_name("FILE");
  if (auto* opt = add.option("--rules", o.rules_file, Word::HelpCheckRules)) opt->type_name("FILE");
  add_color(add, o);
  add.app().footer(add.rules().format_word(Word::HelpCheckFooter));
}

}  // namespace backtriage::cli
