#include "cli/option_adder.h"

#include <algorithm>

namespace backtriage::cli {

bool OptionAdder::adds(std::string_view names) const {
  if (!named_) return true;
  bool positional = true;
  while (!names.empty()) {
    const std::size_t comma = names.find(',');
    const std::string_view name = names.substr(0, comma);
    if (name.starts_with('-')) {
      positional = false;
      if (std::find(named_->begin(), named_->end(), name) != named_->end()) return true;
    }
    if (comma == std::string_view::npos) break;
    names.remove_prefix(comma + 1);
  }
  return positional;  // argv does not name a positional: it is always there
}

std::vector<std::string> option_words(int argc, const char* const* argv) {
  std::vector<std::string> words;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg.size() > 1 && arg.front() == '-') words.emplace_back(arg.substr(0, arg.find('=')));
  }
  return words;
}

}  // namespace backtriage::cli
