#include "cli/help_formatter.h"

#include "report/text_wrap.h"

namespace backtriage::cli {

std::string HelpFormatter::two_columns(const std::string& name,
                                       const std::string& description) const {
  const std::size_t column = get_column_width();
  std::string first = "  " + name;
  if (description.empty()) return first + "\n";
  if (report::display_width(first) + 1 > column) {
    first += "\n";
    return first + report::wrap(description, width_, std::string(column, ' '), column);
  }
  first.append(column - report::display_width(first), ' ');
  return report::wrap(description, width_, first, column);
}

std::string HelpFormatter::make_option(const CLI::Option* option, bool is_positional) const {
  return two_columns(make_option_name(option, is_positional) + make_option_opts(option),
                     make_option_desc(option));
}

std::string HelpFormatter::make_option_usage(const CLI::Option* option) const {
  std::string name = option->get_type_name();
  if (name.empty()) name = option->get_name();
  if (option->get_expected_max() > 1) name += "...";
  return option->get_required() ? name : "[" + name + "]";
}

std::string HelpFormatter::make_subcommand(const CLI::App* sub) const {
  return two_columns(sub->get_display_name(), sub->get_description());
}

std::string HelpFormatter::make_description(const CLI::App* app) const {
  const std::string description = app->get_description();
  return description.empty() ? "" : report::wrap(description, width_) + "\n";
}

namespace {
// In a footer, a line indented this much is an example command; one
// indented more says what the example above it does.
constexpr std::size_t kExampleIndent = 2;
}  // namespace

std::string HelpFormatter::make_footer(const CLI::App* app) const {
  const std::string footer = app->get_footer();
  if (footer.empty()) return "";
  // Indented lines are examples, never wrapped (a command broken over two
  // lines does not paste), and what each does, wrapped under it. Lines at
  // the margin are prose: consecutive ones form a paragraph, wrapped as one,
  // so the source's line breaks do not show.
  std::string out, paragraph;
  auto flush = [&] {
    if (!paragraph.empty()) out += report::wrap(paragraph, width_);
    paragraph.clear();
  };
  std::size_t start = 0;
  while (start <= footer.size()) {
    std::size_t end = footer.find('\n', start);
    if (end == std::string::npos) end = footer.size();
    const std::string line = footer.substr(start, end - start);
    const std::size_t indent = line.find_first_not_of(' ');
    if (indent == 0) {
      paragraph += paragraph.empty() ? line : " " + line;
    } else {
      flush();
      if (indent == std::string::npos)
        out += "\n";
      else if (indent == kExampleIndent)  // a command: one line, so that it pastes whole
        out += line + "\n";
      else
        out += report::wrap(line.substr(indent), width_, line.substr(0, indent), indent + 4);
    }
    start = end + 1;
  }
  flush();
  return "\n" + out;
}

}  // namespace backtriage::cli
