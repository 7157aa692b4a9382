#include "cli/command_table.h"

#include <catch2/catch.hpp>

using namespace backtriage::cli;

TEST_CASE("the command a command line names, and its help", "[cli]") {
  const char* batch[] = {"backtriage", "--json", "batch", "--input", "x"};
  CHECK(command_in(5, batch) == "batch");
  // After "--" a word is an argument, not a command.
  const char* after[] = {"backtriage", "check", "--", "test"};
  CHECK(command_in(4, after) == "check");
  const char* none[] = {"backtriage", "--", "batch"};
  CHECK(command_in(3, none).empty());
  const char* two[] = {"backtriage", "check", "test", "--", "diff"};
  CHECK(command_words(5, two) == std::vector<std::string_view>{"check", "test"});
  CHECK(command_in(5, two) == "check");
  CHECK(help_hint("") == "run 'backtriage --help'");
  CHECK(help_hint("diff") == "run 'backtriage diff --help'");
}

TEST_CASE("one entry per command, the triage first", "[cli]") {
  const auto table = commands();
  REQUIRE(!table.empty());
  CHECK(std::string(table.front().name).empty());
  CHECK(table.front().command == Command::Triage);
  CHECK(command_names() ==
        std::vector<std::string>{"batch", "questions", "check", "test", "diff", "completion"});
  for (const auto& spec : table) CHECK(&spec_of(spec.command) == &spec);
}
