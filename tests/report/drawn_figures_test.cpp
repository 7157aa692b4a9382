#include "report/drawn_figures.h"

#include <catch2/catch.hpp>
#include <string>

#include "report/render_html.h"
#include "ruleset/loader.h"

using namespace backtriage;

TEST_CASE("every embedded figure is drawn ahead of time, exactly as a handout draws it",
          "[figure]") {
  const auto& rules = ruleset::embedded_rule_set();
  const auto drawn = report::embedded_drawn_figures();
  int figures = 0;
  for (const auto& item : rules.items_of(rules.roles.routine)) {
    const auto& figure = item.as<ruleset::Exercise>().figure;
    if (!figure) continue;
    ++figures;
    INFO(item.id);
    const std::string id = report::figure_id(item.id);
    const report::DrawnFigure* found = report::find_drawn(*figure, id, drawn);
    REQUIRE(found);
    const report::FigureDrawing now = report::draw_figure(*figure, id);
    CHECK(found->animated == now.animated);
    CHECK(found->poses == now.poses);
  }
  CHECK(static_cast<std::size_t>(figures) == drawn.size());
}

TEST_CASE("a figure that differs in anything, or under another id, is drawn afresh", "[figure]") {
  const auto& rules = ruleset::embedded_rule_set();
  const auto drawn = report::embedded_drawn_figures();
  const ruleset::Item* item = nullptr;
  for (const auto& candidate : rules.items_of(rules.roles.routine))
    if (candidate.as<ruleset::Exercise>().figure) item = &candidate;
  REQUIRE(item);
  const ruleset::Figure& figure = *item->as<ruleset::Exercise>().figure;
  const std::string id = report::figure_id(item->id);
  REQUIRE(report::find_drawn(figure, id, drawn));
  CHECK_FALSE(report::find_drawn(figure, id + "-2", drawn));
  CHECK_FALSE(report::find_drawn(figure, id, {}));
  ruleset::Figure moved = figure;
  moved.end.at[0].x += 0.25;  // a quarter of a unit, less than the drawing's decimals show
  CHECK_FALSE(report::find_drawn(moved, id, drawn));
  ruleset::Figure turned = figure;
  turned.face = turned.face == ruleset::Figure::Face::Up ? ruleset::Figure::Face::Down
                                                         : ruleset::Figure::Face::Up;
  CHECK_FALSE(report::find_drawn(turned, id, drawn));
}
