#include "cli/completion_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/app.h"
#include "cli/option_adder.h"
#include "cli/output.h"
#include "cli/shared_options.h"
#include "ruleset/answer_domain.h"

namespace backtriage::cli {

namespace {

// What may follow an option or stand as a positional argument.
enum class Takes { Nothing, Words, File, Anything };

struct CompletedOption {
  std::vector<std::string> names;  // "--sensation", "-j"
  Takes takes = Takes::Nothing;
  std::vector<std::string> words;  // when takes == Words
  std::string help;
};

struct CompletedCommand {
  std::string name;  // "" for the default command
  std::string help;
  std::vector<CompletedOption> options;
  Takes positional = Takes::Nothing;
  std::vector<std::string> positional_words;
};

// A question's values come from the rule set; everything else from the
// option's type name ("auto|always|never", "FILE"), so the script cannot
// drift from what the parser accepts.
// Returns the question whose answer flag `option` is, if it is one.
const ruleset::Question* describe_values(const CLI::Option& option, const ruleset::RuleSet& rules,
                                         Takes& takes, std::vector<std::string>& words) {
  for (const auto& q : rules.questions) {
    if (option.get_lnames().empty() || q.flag() != "--" + option.get_lnames().front()) continue;
    const auto accepted = ruleset::accepted_answers(q);
    takes =
        accepted.kind == ruleset::AcceptedAnswers::Kind::Number ? Takes::Anything : Takes::Words;
    words = accepted.words;
    return &q;
  }
  // get_type_name() appends validator descriptions after ':'.
  std::string type = option.get_type_name();
  type = type.substr(0, type.find(':'));
  if (type.find("FILE") != std::string::npos) {
    takes = Takes::File;
  } else if (type.find('|') != std::string::npos) {
    takes = Takes::Words;
    for (std::size_t start = 0; start <= type.size();) {
      std::size_t bar = type.find('|', start);
      if (bar == std::string::npos) bar = type.size();
      words.push_back(type.substr(start, bar - start));
      start = bar + 1;
    }
  } else {
    takes = Takes::Anything;
  }
  return nullptr;
}

CompletedCommand describe(const CLI::App& app, const std::string& name,
                          const ruleset::RuleSet& rules) {
  CompletedCommand command{name, app.get_description(), {}, Takes::Nothing, {}};
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_positional() && !option->nonpositional()) {
      describe_values(*option, rules, command.positional, command.positional_words);
      continue;
    }
    CompletedOption completed;
    for (const auto& s : option->get_snames()) completed.names.push_back("-" + s);
    for (const auto& l : option->get_lnames()) completed.names.push_back("--" + l);
    completed.help = option->get_description();
    if (option->get_expected_max() > 0 && !option->get_lnames().empty())
      // fish shows one line: the question, without the choices' meanings.
      if (const auto* q = describe_values(*option, rules, completed.takes, completed.words))
        completed.help = answer_help(rules, *q, false);
    command.options.push_back(std::move(completed));
  }
  return command;
}

std::vector<CompletedCommand> describe_all(const CLI::App& app, const ruleset::RuleSet& rules) {
  std::vector<CompletedCommand> commands{describe(app, "", rules)};
  for (const CLI::App* sub : app.get_subcommands({}))
    commands.push_back(describe(*sub, sub->get_name(), rules));
  return commands;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// Inside single quotes nothing is special but the quote itself.
std::string single_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string bash_value_cases(const CompletedCommand& command) {
  std::string out;
  for (const auto& option : command.options) {
    if (option.takes == Takes::Nothing) continue;
    std::string names;
    for (const auto& n : option.names) names += (names.empty() ? "" : "|") + n;
    switch (option.takes) {
      case Takes::Words:
        out += fmt::format("        {}) _backtriage_words {}; return ;;\n", names,
                           single_quoted(join(option.words)));
        break;
      case Takes::File:
        out += fmt::format("        {}) _backtriage_files; return ;;\n", names);
        break;
      default:  // a number or free text: nothing to offer
        out += fmt::format("        {}) return ;;\n", names);
        break;
    }
  }
  return out;
}

std::string bash_command_case(const CompletedCommand& command,
                              const std::vector<CompletedCommand>& all) {
  std::vector<std::string> options;
  for (const auto& option : command.options)
    options.insert(options.end(), option.names.begin(), option.names.end());
  std::string positional;
  switch (command.positional) {
    case Takes::Words:
      positional =
          fmt::format("_backtriage_words {}", single_quoted(join(command.positional_words)));
      break;
    case Takes::File: positional = "_backtriage_files"; break;
    default: break;
  }
  if (command.name.empty()) {  // the default command's words are the subcommands
    std::vector<std::string> subcommands;
    for (std::size_t i = 1; i < all.size(); ++i) subcommands.push_back(all[i].name);
    positional = fmt::format("_backtriage_words {}", single_quoted(join(subcommands)));
  }
  std::string out =
      fmt::format("    {})\n      case $prev in\n{}      esac\n",
                  command.name.empty() ? "''" : command.name, bash_value_cases(command));
  std::string option_words = fmt::format("_backtriage_words {}", single_quoted(join(options)));
  if (positional.empty())
    out += fmt::format("      {} ;;\n", option_words);
  else
    out += fmt::format("      if [[ $cur == -* ]]; then {}; else {}; fi ;;\n", option_words,
                       positional);
  return out;
}

std::string bash_function(const std::vector<CompletedCommand>& commands) {
  std::string subcommands, cases;
  for (const auto& command : commands) {
    if (!command.name.empty()) subcommands += (subcommands.empty() ? "" : "|") + command.name;
    cases += bash_command_case(command, commands);
  }
  // Each value case returns, so an option's value is never offered the
  // option list; after the `case $prev` come options or operands.
  std::string body = R"(_backtriage_words() { COMPREPLY=($(compgen -W "$1" -- "$cur")); }
_backtriage_files() {
  { compopt -o filenames; } 2>/dev/null  # bash only, and only while completing
  local IFS=$'\n'  # file names may hold spaces
  COMPREPLY=($(compgen -f -- "$cur"))
}
_backtriage() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} command= i
  # With '=' in COMP_WORDBREAKS, "--region=lo" arrives as "--region" "=" "lo".
  if [[ $cur == = ]]; then
    cur=
  elif [[ $prev == = ]] && ((COMP_CWORD >= 2)); then
    prev=${COMP_WORDS[COMP_CWORD-2]}
  fi
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      @SUBCOMMANDS@) command=${COMP_WORDS[i]}; break ;;
    esac
  done
  COMPREPLY=()
  case $command in
@CASES@  esac
}
complete -F _backtriage backtriage
)";
  body.replace(body.find("@SUBCOMMANDS@"), 13, subcommands);
  body.replace(body.find("@CASES@"), 7, cases);
  return body;
}

std::string header(const std::string& shell, const ruleset::RuleSet& rules) {
  return fmt::format(
      "# {} completion for backtriage, generated by `backtriage completion {}` from the\n"
      "# {} {} rule set: answer flags complete their choices (yes/no, and unsure where a question "
      "takes it).\n",
      shell, shell, rules.id, rules.version);
}

std::string bash_script(const std::vector<CompletedCommand>& commands,
                        const ruleset::RuleSet& rules) {
  return header("bash", rules) +
         "# Install: backtriage completion bash > "
         "~/.local/share/bash-completion/completions/backtriage\n" +
         bash_function(commands);
}

// zsh runs the bash function through its bash-completion emulation rather
// than through a second, separately maintained script. compinit is the
// shell's own (most ~/.zshrc files run it already, and it is slow to run
// twice); only what is missing is loaded.
std::string zsh_script(const std::vector<CompletedCommand>& commands,
                       const ruleset::RuleSet& rules) {
  return header("zsh", rules) +
         "# Install: add `source <(backtriage completion zsh)` to ~/.zshrc, after compinit\n"
         "(( $+functions[compdef] )) || { autoload -U +X compinit && compinit }\n"
         "(( $+functions[complete] )) || { autoload -U +X bashcompinit && bashcompinit }\n" +
         bash_function(commands);
}

std::string fish_condition(const CompletedCommand& command, const std::string& subcommands) {
  if (command.name.empty()) return fmt::format("not __fish_seen_subcommand_from {}", subcommands);
  return "__fish_seen_subcommand_from " + command.name;
}

std::string fish_help(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.size() > 70) {
    // Cut between characters, never inside one: a translation's "ñ" is two bytes.
    std::size_t cut = 67;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    line = line.substr(0, cut) + "...";
  }
  return single_quoted(line);
}

std::string fish_script(const std::vector<CompletedCommand>& commands,
                        const ruleset::RuleSet& rules) {
  std::vector<std::string> names;
  for (std::size_t i = 1; i < commands.size(); ++i) names.push_back(commands[i].name);
  const std::string subcommands = join(names);
  std::string out = header("fish", rules) +
                    "# Install: backtriage completion fish > "
                    "~/.config/fish/completions/backtriage.fish\n"
                    "complete -c backtriage -f\n";
  for (std::size_t i = 1; i < commands.size(); ++i)
    out += fmt::format("complete -c backtriage -n {} -a {} -d {}\n",
                       single_quoted(fish_condition(commands[0], subcommands)), commands[i].name,
                       fish_help(commands[i].help));
  for (const auto& command : commands) {
    const std::string condition = single_quoted(fish_condition(command, subcommands));
    for (const auto& option : command.options) {
      std::string line = "complete -c backtriage -n " + condition;
      for (const auto& n : option.names)
        line += (n.rfind("--", 0) == 0 ? " -l " + n.substr(2) : " -s " + n.substr(1));
      if (option.takes == Takes::Words) line += " -x -a " + single_quoted(join(option.words));
      if (option.takes == Takes::File) line += " -r -F";
      if (option.takes == Takes::Anything) line += " -x";
      out += line + " -d " + fish_help(option.help) + "\n";
    }
    if (command.positional == Takes::Words)
      out += fmt::format("complete -c backtriage -n {} -a {}\n", condition,
                         single_quoted(join(command.positional_words)));
    if (command.positional == Takes::File)
      out += fmt::format("complete -c backtriage -n {} -F\n", condition);
  }
  return out;
}

}  // namespace

std::string completion_script(const std::string& shell, const CLI::App& app,
                              const ruleset::RuleSet& rules) {
  const auto commands = describe_all(app, rules);
  if (shell == "zsh") return zsh_script(commands, rules);
  if (shell == "fish") return fish_script(commands, rules);
  return bash_script(commands, rules);
}

int run_completion(const Options& options, const ruleset::RuleSet& rules, const Io& io) {
  // A fresh app describes the command line without the parse's state.
  Options scratch;
  auto app = make_app(scratch, rules);
  Output out(io.out);
  out.write(completion_script(options.completion_shell, *app, rules));
  out.flush();
  return 0;
}

void add_completion(const OptionAdder& add, Options& o) {
  using ruleset::Word;
  add_rules(add, o);
  // The flags take the rule set's ids in every locale (a locale's own words
  // are the interview's), so the values completed never change with it; the
  // answer flags' descriptions, which fish shows, do.
  if (auto* locale = add.app().get_option_no_throw("--locale"))
    locale->description(add.rules().word(Word::HelpCompletionLocale));
  if (auto* opt = add.option("shell", o.completion_shell, Word::HelpCompletionShell))
    opt->type_name("bash|zsh|fish")->required();
  add.app().footer(add.rules().format_word(Word::HelpCompletionFooter));
}

}  // namespace backtriage::cli
