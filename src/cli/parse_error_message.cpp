#include "cli/parse_error_message.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

#include "cli/command_table.h"
#include "ruleset/spelling.h"

namespace backtriage::cli {

namespace {

const CLI::App& command_app(const CLI::App& app, const std::string& command) {
  return command.empty() ? app : *app.get_subcommand(command);
}

std::vector<std::string> long_options(const CLI::App& app) {
  std::vector<std::string> known;
  for (const CLI::Option* option : app.get_options())
    for (const auto& name : option->get_lnames()) known.push_back("--" + name);
  return known;
}

// What an option takes, from its type name: "auto|always|never" -> "auto,
// always or never".
std::string values_of(const CLI::Option& option) {
  std::string type = option.get_type_name();
  type = type.substr(0, type.find(':'));
  if (type.find('|') == std::string::npos) return type;
  std::vector<std::string> words;
  for (std::size_t start = 0; start <= type.size();) {
    std::size_t bar = type.find('|', start);
    if (bar == std::string::npos) bar = type.size();
    words.push_back(type.substr(start, bar - start));
    start = bar + 1;
  }
  return ruleset::list_or(words);
}

}  // namespace

std::string plain_message(const CLI::ParseError& e, const CLI::App& app,
                          const ruleset::RuleSet& rules, const std::string& answer_example,
                          int argc, const char* const* argv) {
  const std::string command = command_in(argc, argv);
  const CLI::App& active = command_app(app, command);
  const std::string hint = help_hint(command);
  const std::string what = e.what();
  // Errors about one option start with its name: "--color: ...".
  std::string option_name = what.substr(0, what.find(':'));
  const CLI::Option* option = nullptr;
  if (option_name.rfind("-", 0) == 0) {
    for (const CLI::App* a : {&active, &app}) {
      try {
        option = a->get_option(option_name);
        break;
      } catch (const CLI::OptionNotFound&) {
      }
    }
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    // What CLI11 could not place, in the order given; values of known options
    // are already consumed, so the first of these is the culprit.
    const auto extras = app.remaining(true);
    const std::string stray = extras.empty() ? std::string() : extras.front();
    if (stray.rfind("--", 0) == 0) {
      const auto known = long_options(active);
      const std::string name = stray.substr(0, stray.find('='));
      return fmt::format("unknown option '{}'{}; {}", name, ruleset::did_you_mean(name, known),
                         hint);
    }
    if (stray.size() > 1 && stray[0] == '-')
      return fmt::format("unknown option '{}'; {}", stray.substr(0, 2), hint);
    if (command.empty() && !stray.empty() && stray != "-") {
      const auto names = command_names();
      if (auto near = ruleset::closest_match(stray, names))
        return fmt::format("unknown command '{}' (did you mean '{}'?); {}", stray, *near, hint);
      if (answer_example.empty())
        return fmt::format("unexpected argument '{}': backtriage's commands are {}; {}", stray,
                           ruleset::list_or(names), hint);
      return fmt::format(
          "unexpected argument '{}': backtriage takes answers as flags such as {}, and its "
          "commands are {}; {}",
          stray, answer_example, ruleset::list_or(names), hint);
    }
    return fmt::format("unexpected argument '{}'; {}", stray, hint);
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) && option) {
    int times = 0;
    for (int i = 1; i < argc; ++i) {
      std::string_view arg = argv[i];
      arg = arg.substr(0, arg.find('='));
      for (const auto& name : option->get_lnames()) times += arg == "--" + name;
      for (const auto& name : option->get_snames()) times += arg == "-" + name;
    }
    if (times > 1)
      return fmt::format("option '{}' was given more than once; {}", option_name, hint);
    if (option->get_expected_max() == 0)
      return fmt::format("option '{}' takes no value; {}", option_name, hint);
    return fmt::format("option '{}' needs a value: {}; {}", option_name, values_of(*option), hint);
  }
  // The validators of option_values.h say the rest: "option '--jobs': '0'
  // is not a whole number from 1 to 256".
  if (dynamic_cast<const CLI::ValidationError*>(&e) && option)
    return fmt::format("option '{}': {}; {}", option_name, what.substr(option_name.size() + 2),
                       hint);
  if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    const std::string name = what.substr(0, what.find(" is required"));
    // A missing positional is said by what it is: "diff needs the rule file
    // after the change", from the description its help shows, in English.
    const CLI::Option* missing = active.get_option_no_throw(name);
    if (missing && missing->get_positional() && !missing->get_description().empty()) {
      std::string needed = missing->get_description();
      const auto& words = rules.words;
      if (const auto found = std::find(words.begin(), words.end(), needed); found != words.end())
        needed = ruleset::word_specs()[static_cast<std::size_t>(found - words.begin())].english;
      needed[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(needed[0])));
      return fmt::format("{} needs {}; {}", command, needed, hint);
    }
    return fmt::format("{} is missing; {}", name, hint);
  }
  return fmt::format("cannot read the command line ({}); {}", what, hint);
}

}  // namespace backtriage::cli
