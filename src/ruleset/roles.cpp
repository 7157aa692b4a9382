#include "ruleset/roles.h"

#include <stdexcept>

namespace backtriage::ruleset {

namespace {

template <typename T>
Item::Content make() {
  return T{};
}

}  // namespace

const std::vector<RoleSpec>& role_specs() {
  using engine::FactType;
  // clang-format off
  static const std::vector<RoleSpec> specs{
      {Role::Level, "level", make<Level>,
       {"id", "label", "advice", "routine", "cds", "color", "watch_for", "source"},
       {"label", "advice", "cds", "color"},
       "level", FactType::Ranked, &Roles::level, false},
      {Role::RedFlags, "red flag", make<RedFlag>,
       {"id", "label", "level", "why", "action", "advice", "source"},
       {"label", "level", "why", "source"},
       "red_flags", FactType::Set, &Roles::red_flags, true},
      {Role::Reasons, "reason", make<Reason>,
       {"id", "text", "level", "source"},
       {"text", "source"},
       "reasons", FactType::Set, &Roles::reasons, true,
       {"text"}},
      {Role::Routine, "exercise", make<Exercise>,
       {"id", "name", "region", "kind", "position", "purpose", "equipment", "steps", "dose",
        "figure", "source"},
       {"name", "kind", "steps", "dose", "figure", "source"},
       "routine", FactType::Set, &Roles::routine, true},
      {Role::Avoid, "activity to avoid", make<Avoid>,
       {"id", "name", "reason", "source"},
       {"name", "reason", "source"},
       "avoid", FactType::Set, &Roles::avoid, true,
       {"name", "reason"}},
      {Role::Tips, "tip", make<Tip>,
       {"id", "name", "text", "source"},
       {"name", "text", "source"},
       "tips", FactType::Set, &Roles::tips, true,
       {"name", "text"}},
      {Role::WatchFor, "watch-for entry", make<WatchFor>,
       {"id", "level", "label", "signs", "when", "replaces", "source"},
       {"level", "label", "signs", "source"},
       "watch_for", FactType::Set, &Roles::watch_for, true,
       {"level", "label", "signs", "when"}},
      {Role::Cautions, "caution", make<Caution>,
       {"id", "exercise", "text", "source"},
       {"exercise", "text", "source"},
       "cautions", FactType::Set, &Roles::cautions, true},
      {Role::Classification, "value", make<Named>, {"id", "label", "source"}, {"label"}, {}, {}, nullptr, false},
      {Role::Choice, "choice", make<Named>, {"id", "label", "says", "source"}, {}, {}, {}, nullptr, false},
      {Role::Value, "value", make<Named>, {"id", "label", "source"}, {}, {}, {}, nullptr, false},
  };
  // clang-format on
  return specs;
}

const RoleSpec& spec_of(Role role) {
  for (const RoleSpec& spec : role_specs())
    if (spec.role == role) return spec;
  throw std::logic_error("a role without a row in role_specs()");
}

}  // namespace backtriage::ruleset
