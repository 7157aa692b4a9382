#pragma once
// The parts a fact's values play, in one table (ninja's kTools[] for the
// report): for each, the struct its items are (item.h), what they may carry
// and cannot do without, and for the report's own roles the key that names
// the fact under `report:` and in a case file's `expect`, the fact's type,
// and where the loaded rule set keeps it. The loader, the compact form and
// the case files read the table, and so does the JSON writer for the shape
// of an item, so a new report role is one row here, one struct in item.h,
// one member of Roles, and what its text and HTML renderers show.
#include <string>
#include <string_view>
#include <vector>

#include "engine/fact.h"
#include "ruleset/item.h"

namespace backtriage::ruleset {

// Which fact plays which part in the report. -1: none.
struct Roles {
  engine::FactId level = -1;  // a ranked fact: the triage level
  engine::FactId red_flags = -1, reasons = -1, routine = -1, avoid = -1, tips = -1;
  engine::FactId watch_for = -1, cautions = -1;
  std::vector<engine::FactId> classification;  // facts or questions, in report order
};

enum class Role {
  Level,
  RedFlags,
  Reasons,
  Routine,
  Avoid,
  Tips,
  WatchFor,
  Cautions,
  Classification,  // a value of a classification fact, a position, a view
  Choice,          // a choice of a question
  Value,           // a value of any other fact
};

struct RoleSpec {
  Role role;
  std::string_view word;  // one item, in messages: "red flag"
  // An item of the role before it is read: its struct, empty.
  Item::Content (*make)() = nullptr;
  // The keys an item may carry, and those it cannot do without. (Two needs
  // depend on the rest of the file and stay in the loader: a red flag's
  // action comes with advice, and exercises need a position when the file
  // names positions.)
  std::vector<std::string> keys, required;
  // The report's roles only: the key under `report:` and in a case file's
  // `expect`, the fact's type, and its place in Roles.
  std::string_view report_key;
  engine::FactType type = engine::FactType::Set;
  engine::FactId Roles::*fact = nullptr;
  // A case file may expect which of its ids the report shows.
  bool expected_in_cases = false;
  // The keys an item of the role shows in a report's JSON, between its id
  // and its source (text fields of its struct); one the role does not require is left
  // out when empty. None for the roles written in shapes of their own:
  // levels (the report's head), red flags (their answer in the middle) and
  // exercises (a dose, and every key always there).
  std::vector<std::string> json = {};

  bool in_report() const { return fact != nullptr; }
};

// Every role, the report's first in `report:` order.
const std::vector<RoleSpec>& role_specs();
const RoleSpec& spec_of(Role role);

}  // namespace backtriage::ruleset
