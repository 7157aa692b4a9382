#include "ruleset/overlay_files.h"

#include <catch2/catch.hpp>

#include "ruleset/loader.h"

using namespace backtriage::ruleset;

namespace {

const std::string kRules = std::string(BACKTRIAGE_SOURCE_DIR) + "/rules/back-pain.yaml";
const std::string kDir = std::string(BACKTRIAGE_SOURCE_DIR) + "/rules/";

// What a request's reader makes of `file`: its text (none when unread), the name it gives
// and why it could not read it.
struct Read {
  std::optional<std::string> text;
  std::string name, why;
};

Read read(const LocaleRequest& request, const std::string& file) {
  Read out;
  out.text = request.read(file, out.name, out.why);
  return out;
}

}  // namespace

TEST_CASE("the overlays beside a rule file are read from its directory", "[overlay_files]") {
  const auto request = overlays_beside(kRules, parse_locale_tag("es"));
  CHECK(request.wanted == parse_locale_tag("es"));
  const auto es = read(request, "back-pain.es.yaml");
  REQUIRE(es.text);
  CHECK(*es.text == *embedded_overlay_text("back-pain.es.yaml"));
  CHECK(es.name == kDir + "back-pain.es.yaml");
  CHECK(es.why.empty());
}

TEST_CASE("an overlay beside a rule file that cannot be read says why", "[overlay_files]") {
  const auto request = overlays_beside(kRules, parse_locale_tag("es"));
  const auto missing = read(request, "back-pain.xx.yaml");
  CHECK_FALSE(missing.text);
  CHECK(missing.name == kDir + "back-pain.xx.yaml");
  CHECK(missing.why == "No such file or directory");
  const auto directory = read(request, "schema");
  CHECK_FALSE(directory.text);
  CHECK(directory.why == "Is a directory");
  // A rule file in the current directory with an overlay named "-": the
  // file of that name, not standard input.
  CHECK(read(overlays_beside("rules.yaml", {}), "-").name == "./-");
}

TEST_CASE("the build tool names the overlays it reads as a run names the embedded ones",
          "[overlay_files]") {
  const auto request = overlays_beside(kRules, parse_locale_tag("es-US"), OverlayNames::Embedded);
  const auto es_us = read(request, "back-pain.es-US.yaml");
  REQUIRE(es_us.text);
  CHECK(es_us.name == "<embedded>/back-pain.es-US.yaml");
  CHECK(es_us.name == read(embedded_overlays({}), "back-pain.es-US.yaml").name);
}

TEST_CASE("the embedded rules' overlays are the ones built in", "[overlay_files]") {
  const auto request = overlays_of("", parse_locale_tag("es"));
  CHECK(request.wanted == parse_locale_tag("es"));
  const auto es = read(request, "back-pain.es.yaml");
  REQUIRE(es.text);
  CHECK(*es.text == *embedded_overlay_text("back-pain.es.yaml"));
  CHECK(es.name == "<embedded>/back-pain.es.yaml");
  const auto missing = read(request, "back-pain.xx.yaml");
  CHECK_FALSE(missing.text);
  CHECK(missing.name == "<embedded>/back-pain.xx.yaml");
  CHECK(missing.why == "no overlay of that name is built in");
  // A rule file's own are beside it.
  CHECK(read(overlays_of(kRules, {}), "back-pain.es.yaml").name == kDir + "back-pain.es.yaml");
}
