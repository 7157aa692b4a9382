#pragma once
// CLI11's help, wrapped to the terminal: option descriptions, the command's
// description and footer break between words at the given width, with the
// description column kept aligned; the usage line names positionals by what
// they take.
#include <CLI/CLI.hpp>
#include <string>

namespace backtriage::cli {

class HelpFormatter : public CLI::Formatter {
 public:
  explicit HelpFormatter(int width) : width_(width) { column_width(width < 70 ? 22 : 30); }

  std::string make_option(const CLI::Option* option, bool is_positional) const override;
  std::string make_subcommand(const CLI::App* sub) const override;
  std::string make_description(const CLI::App* app) const override;
  std::string make_footer(const CLI::App* app) const override;
  // A positional in the usage line by what it takes (OLD, FILE...), bracketed
  // only when it may be left out, so the line shows what must be typed.
  std::string make_option_usage(const CLI::Option* option) const override;

 private:
  std::string two_columns(const std::string& name, const std::string& description) const;
  int width_;
};

}  // namespace backtriage::cli
