#pragma once
// The loader's builder, private to the ruleset layer: one class walks the
// YAML tree once, collecting diagnostics, and builds the rule set. Its parts
// are read in the files named for them — items (item_reader.cpp), questions
// and facts (question_reader.cpp), advice (advice_reader.cpp) — and put
// together, checked and resolved in loader.cpp; the parts that need nothing
// of the rule set being built are free readers (figure_reader, dose_reader,
// spoken_reader, words_reader).
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ruleset/condition_parser.h"
#include "ruleset/loader.h"
#include "ruleset/roles.h"
#include "ruleset/rule_set.h"
#include "ruleset/yaml_reader.h"

namespace backtriage::ruleset {

// Id shapes, checked by hand: std::regex is slow to build and to match.
enum class IdShape {
  Fact,  // [a-z][a-z0-9_]*
  Rule,  // [a-z0-9][a-z0-9_.-]*
};

inline bool has_shape(std::string_view id, IdShape shape) {
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (id.empty()) return false;
  if (shape == IdShape::Fact ? !(id[0] >= 'a' && id[0] <= 'z') : !lower_or_digit(id[0]))
    return false;
  for (char c : id.substr(1))
    if (!lower_or_digit(c) && c != '_' && !(shape == IdShape::Rule && (c == '.' || c == '-')))
      return false;
  return true;
}

// Where an enumerated value must come from, checked once every fact is
// known: a level id, or a value of a classification fact.
struct PendingReference {
  enum class Kind { Level, ClassificationValue, Position, Exercise, WatchFor } kind;
  YAML::Node node;
  std::string value, what;
};

// Walks the YAML tree once, collecting diagnostics, and builds the rule set.
class RuleSetBuilder {
 public:
  explicit RuleSetBuilder(std::string file)
      : file_(file), yaml_(std::move(file)), conditions_(yaml_, facts_, rule_set_->questions) {}

  LoadResult build(std::string_view text, const LocaleRequest& locale);

 private:
  std::string id(const YAML::Node& node, std::string_view what, IdShape shape) {
    std::string value = yaml_.scalar(node, what);
    if (!value.empty() && !has_shape(value, shape))
      yaml_.error(node, fmt::format("{} '{}' must be lower case letters, digits and '_'{}", what,
                                    value, shape == IdShape::Rule ? " or '-'" : ""));
    return value;
  }
  void refer(PendingReference::Kind kind, const YAML::Node& node, std::string what) {
    if (node) pending_.push_back({kind, node, yaml_.scalar(node, what), std::move(what)});
  }

  void report_roles(const YAML::Node& node);
  Role role_of(const std::string& fact_id) const;
  Item item(const YAML::Node& node, Role role, const std::vector<std::string>& keys);
  // One key of an item into its member (item_reader.cpp).
  void read_field(const YAML::Node& value, std::string_view key, Read how, std::string& member);
  void read_field(const YAML::Node& value, std::string_view key, Read how,
                  std::vector<std::string>& member);
  void read_field(const YAML::Node& value, std::string_view key, Read how,
                  std::optional<std::vector<std::string>>& member);
  void read_field(const YAML::Node& value, std::string_view key, Read how, bool& member);
  void read_field(const YAML::Node& value, std::string_view key, Read how,
                  std::optional<Dose>& member);
  void read_field(const YAML::Node& value, std::string_view key, Read how,
                  std::shared_ptr<const Figure>& member);
  std::vector<Item> items(const YAML::Node& node, Role role);
  void question(const YAML::Node& node);
  void derived_fact(const YAML::Node& node);
  void declare(const std::string& id, const YAML::Node& where);
  void rule(const YAML::Node& node);
  void advice(const YAML::Node& node);
  void interview(const YAML::Node& node);
  void views(const YAML::Node& node);
  void resolve_roles(const YAML::Node& root);
  void resolve_references();
  void check_questions();
  void example(const YAML::Node& node);

  std::string file_;
  YamlReader yaml_;
  std::unique_ptr<RuleSet> rule_set_ = std::make_unique<RuleSet>();
  std::vector<engine::FactDecl> facts_;
  ConditionParser conditions_;
  std::vector<engine::Rule> rules_;
  std::set<std::string> rule_ids_;
  std::map<std::string, Role> roles_;          // fact id -> role, from `report:`
  std::map<std::string, YAML::Node> role_at_;  // fact id -> where `report:` names it
  std::vector<PendingReference> pending_;
  std::string region_fact_;  // `report: region`: the classification exercises' regions are from
  YAML::Node role_at_region_;
};

}  // namespace backtriage::ruleset
