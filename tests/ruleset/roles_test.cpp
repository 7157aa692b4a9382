// The role table: one row per role, and the loader and the case files read
// it, so a report role's keys, needs and `report:` name live in one place.
#include "ruleset/roles.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "ruleset/loader.h"

using namespace backtriage::ruleset;

namespace {

std::vector<std::string> problems(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& d : load_rule_set(text, "t.yaml").diagnostics) out.push_back(d.message);
  return out;
}

// A rule file whose report gives `key` to a set fact with one bare item
// `{id: x}`, so the loader must name every key that item cannot do without.
std::string file_with_role(std::string_view key) {
  return std::string(R"(id: t
version: "1"
disclaimer: d
questions: [{id: fever, type: bool, prompt: p, source: s}]
report: {level: step, )") +
         std::string(key) + R"(: part}
facts:
  - {id: step, type: ranked, choices: [{id: go, label: Go, advice: Go., cds: critical, color: red}], undecided: {id: unknown, label: Unknown, advice: More., cds: warning, color: none}}
  - {id: part, type: set, items: [{id: x}]}
rules:
  - {id: r, when: {fever: true}, then: {step: go, part: x}, source: s}
)";
}

}  // namespace

TEST_CASE("every role has one row, and the report's roles each a key and a place", "[roles]") {
  std::set<Role> roles;
  std::set<std::string_view> keys;
  for (const RoleSpec& spec : role_specs()) {
    CHECK(roles.insert(spec.role).second);
    CHECK(!spec.word.empty());
    CHECK(spec.keys.front() == "id");
    for (const std::string& need : spec.required)
      CHECK(std::find(spec.keys.begin(), spec.keys.end(), need) != spec.keys.end());
    if (spec.in_report()) CHECK(keys.insert(spec.report_key).second);
    CHECK(spec.in_report() == !spec.report_key.empty());
    CHECK(&spec_of(spec.role) == &spec);
  }
  CHECK(roles.size() == static_cast<std::size_t>(Role::Value) + 1);
  // What a red flag needs is the contract's (rules/FORMAT.md).
  CHECK(spec_of(Role::RedFlags).required ==
        std::vector<std::string>{"label", "level", "why", "source"});
}

TEST_CASE("the loader asks each report role's item for what its row requires", "[roles]") {
  for (const RoleSpec& spec : role_specs()) {
    if (!spec.in_report() || spec.type != backtriage::engine::FactType::Set) continue;
    INFO(spec.report_key);
    const auto found = problems(file_with_role(spec.report_key));
    std::vector<std::string> wanted;
    const std::string word(spec.word);
    const std::string article =
        std::string("aeiou").find(word[0]) != std::string::npos ? "an " : "a ";
    for (const std::string& need : spec.required)
      wanted.push_back(article + word + " needs '" + need + "'");
    for (const auto& message : wanted)
      CHECK(std::find(found.begin(), found.end(), message) != found.end());
    // ...and refuses a key no row of its role allows.
    std::string text = file_with_role(spec.report_key);
    text.replace(text.find("{id: x}"), 7, "{id: x, colour: red}");
    const auto refused = problems(text);
    CHECK(std::any_of(refused.begin(), refused.end(), [&](const std::string& m) {
      return m.rfind("unknown key 'colour' in " + article + word, 0) == 0;
    }));
  }
}

TEST_CASE("a name under report: that is no role is refused", "[roles]") {
  const auto found = problems(file_with_role("red_flag"));
  CHECK(std::find(found.begin(), found.end(),
                  "unknown key 'red_flag' in report (did you mean 'red_flags'?)") != found.end());
}

namespace {

// The keys a role's struct (item.h) holds, in its order.
std::vector<std::string> struct_keys(const RoleSpec& spec) {
  std::vector<std::string> out;
  Item::Content content = spec.make();
  std::visit(
      [&](auto& c) {
        c.fields(c, [&](std::string_view key, Read, auto&) { out.emplace_back(key); });
      },
      content);
  return out;
}

}  // namespace

TEST_CASE("each role's struct keeps every key its row lets an item carry", "[roles]") {
  for (const RoleSpec& spec : role_specs()) {
    INFO(spec.word);
    REQUIRE(spec.make);
    const auto held = struct_keys(spec);
    for (const std::string& key : spec.keys) {
      INFO(key);
      if (key == "id" || key == "source") continue;  // every item's, in Item itself
      CHECK(std::find(held.begin(), held.end(), key) != held.end());
    }
    // ...and holds nothing a rule file could not give it: a struct shared by
    // roles (a choice's words, a classification value's) is the widest row.
    for (const std::string& key : held) {
      INFO(key);
      const bool some_row =
          std::any_of(role_specs().begin(), role_specs().end(), [&](const RoleSpec& other) {
            return other.make().index() == spec.make().index() &&
                   std::find(other.keys.begin(), other.keys.end(), key) != other.keys.end();
          });
      CHECK(some_row);
    }
  }
  // The report's roles each have a struct of their own.
  std::set<std::size_t> kinds;
  for (const RoleSpec& spec : role_specs())
    if (spec.in_report()) CHECK(kinds.insert(spec.make().index()).second);
}

TEST_CASE("each key a role shows in a report's JSON is a text its struct holds", "[roles]") {
  for (const RoleSpec& spec : role_specs()) {
    INFO(spec.word);
    const Item item{"x", "s", spec.make()};
    for (const std::string& key : spec.json) {
      INFO(key);
      CHECK(text_field(item, key, [](const auto&) {}));
      CHECK(std::find(spec.keys.begin(), spec.keys.end(), key) != spec.keys.end());
    }
    // A key that is no text (a dose) or no key of the struct shows nothing.
    CHECK_FALSE(text_field(item, "dose", [](const auto&) {}));
    CHECK_FALSE(text_field(item, "colour", [](const auto&) {}));
  }
}

TEST_CASE("a fact plays one part in the report: its items are of that part's kind", "[roles]") {
  // The avoid list as the tips too, and the level as a classification, each
  // loaded, rendered a report that read one kind of item as another.
  std::string text = file_with_role("avoid");
  text.replace(text.find("avoid: part}"), 12, "avoid: part, tips: part, classification: [step]}");
  const auto found = problems(text);
  CHECK(std::find(found.begin(), found.end(),
                  "'part' is already the report's avoid (t.yaml:5:30): a fact plays one part") !=
        found.end());
  CHECK(std::find(found.begin(), found.end(),
                  "'step' is already the report's level (t.yaml:5:17): a fact plays one part") !=
        found.end());
  // A classification listed twice is still one part.
  std::string twice = file_with_role("avoid");
  twice.replace(twice.find("{id: x}"), 7, "{id: x, name: n, reason: r, source: s}");
  twice.replace(twice.find("avoid: part}"), 12, "avoid: part, classification: [part2, part2]}");
  for (const auto& message : problems(twice))
    CHECK(message.find("plays one part") == std::string::npos);
}
