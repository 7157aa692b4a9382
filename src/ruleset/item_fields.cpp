#include "ruleset/item_fields.h"

#include <algorithm>
#include <array>

namespace backtriage::ruleset {

namespace {

constexpr std::array<ItemField, 18> kFields{{
    {"name", &Item::name},
    {"label", &Item::label},
    {"why", &Item::why},
    {"purpose", &Item::purpose},
    {"reason", &Item::reason},
    {"text", &Item::text},
    {"advice", &Item::advice},
    {"source", &Item::source},
    {"equipment", nullptr, &Item::equipment},
    {"steps", nullptr, &Item::steps},
    {"signs", nullptr, &Item::signs},
    {"action", &Item::action},
    {"when", &Item::when},
    {"level", &Item::level, nullptr, true},
    {"region", &Item::region, nullptr, true},
    {"kind", &Item::kind, nullptr, true},
    {"position", &Item::position, nullptr, true},
    {"exercise", &Item::exercise, nullptr, true},
}};

}  // namespace

std::span<const ItemField> item_fields() {
  return kFields;
}

const ItemField* find_item_field(std::string_view key) {
  auto found = std::find_if(kFields.begin(), kFields.end(),
                            [&](const ItemField& f) { return f.key == key; });
  return found == kFields.end() ? nullptr : &*found;
}

}  // namespace backtriage::ruleset
