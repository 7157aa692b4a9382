#include "ruleset/localize.h"

#include <catch2/catch.hpp>
#include <map>

using namespace backtriage::ruleset;

namespace {

// The problems localize finds in a rule file, each "file:line:col: message",
// with `overlays` as the files beside it (a file not there cannot be read).
struct Result {
  Localized localized;
  std::vector<std::string> errors;
};

Result localize_with(const std::string& base_text, const char* wanted,
                     const std::map<std::string, std::string>& overlays = {}) {
  YamlReader reader("base.yaml");
  const auto root = reader.parse(base_text, 1 << 20);
  REQUIRE(root);
  LocaleRequest request;
  if (wanted) request.wanted = parse_locale_tag(wanted);
  request.read = [&](const std::string& file, std::string& name,
                     std::string& why) -> std::optional<std::string> {
    name = "dir/" + file;
    auto found = overlays.find(file);
    if (found == overlays.end()) {
      why = "No such file or directory";
      return std::nullopt;
    }
    return found->second;
  };
  Result out{localize(*root, reader, request), {}};
  for (const auto& d : reader.diagnostics()) out.errors.push_back(format_line(d));
  return out;
}

const std::string kBase = R"(id: knee
language: en-GB
locales:
  en-US: knee.en-US.yaml
title: Knee pain
)";

const std::string kOverlay = R"(locale: en-US
translates: knee
title: Knee pain (US)
)";

}  // namespace

TEST_CASE("an overlay laid over its rule file", "[localize]") {
  auto r = localize_with(kBase, "en-US", {{"knee.en-US.yaml", kOverlay}});
  CHECK(r.errors.empty());
  CHECK(r.localized.locale == "en-US");
  CHECK(r.localized.locales == std::vector<std::string>{"en-GB", "en-US"});
}

TEST_CASE("an overlay the rule file lists that cannot be read", "[localize]") {
  auto r = localize_with(kBase, "en-US");
  CHECK(r.errors == std::vector<std::string>{
                        "base.yaml:4:10: cannot read the overlay for en-US: dir/knee.en-US.yaml: "
                        "No such file or directory"});
  // Not asked for, it is not read: the rules' own language needs no overlay.
  CHECK(localize_with(kBase, "en-GB").errors.empty());
  CHECK(localize_with(kBase, nullptr).errors.empty());
}

TEST_CASE("an overlay's locale and translates must match what lists it", "[localize]") {
  auto r = localize_with(kBase, "en-US",
                         {{"knee.en-US.yaml", "locale: en-CA\ntranslates: neck\ntitle: Knee\n"}});
  CHECK(
      r.errors ==
      std::vector<std::string>{
          "dir/knee.en-US.yaml:1:9: this overlay says it is en-CA, and the rule file lists it "
          "as en-US",
          "dir/knee.en-US.yaml:2:13: this overlay translates 'neck', not this rule set ('knee')"});
}

TEST_CASE("an overlay that is empty, not a mapping or not UTF-8", "[localize]") {
  const std::string empty =
      "dir/knee.en-US.yaml:1:1: the overlay for en-US is empty: it must give its locale, what it "
      "translates and its texts";
  for (const char* text : {"", "# later\n", "---\n", "~\n"}) {
    INFO(text);
    CHECK(localize_with(kBase, "en-US", {{"knee.en-US.yaml", text}}).errors ==
          std::vector<std::string>{empty});
  }
  for (const char* text : {"- a\n", "words\n", "[x]\n"}) {
    INFO(text);
    CHECK(localize_with(kBase, "en-US", {{"knee.en-US.yaml", text}}).errors ==
          std::vector<std::string>{"dir/knee.en-US.yaml:1:1: a locale overlay must be a mapping"});
  }
  CHECK(
      localize_with(kBase, "en-US", {{"knee.en-US.yaml", "locale: en-US\ntitle: \"\xe9t\xe9\"\n"}})
          .errors == std::vector<std::string>{"dir/knee.en-US.yaml:2:9: invalid UTF-8 (byte "
                                              "0xe9): save the file as UTF-8"});
}

TEST_CASE("the rule file's language must be a BCP 47 tag, written as BCP 47 writes it",
          "[localize]") {
  auto errors = [](const std::string& language_line) {
    return localize_with("id: knee\n" + language_line + "\ntitle: Knee pain\n", nullptr).errors;
  };
  using Errors = std::vector<std::string>;
  CHECK(errors("language: \"english!\"") ==
        Errors{"base.yaml:2:11: 'english!' is not a language tag such as en-GB or es"});
  CHECK(errors("language: 12") ==
        Errors{"base.yaml:2:11: '12' is not a language tag such as en-GB or es"});
  CHECK(errors("language: \"\"") ==
        Errors{"base.yaml:2:11: '' is not a language tag such as en-GB or es"});
  CHECK(errors("language:") ==
        Errors{"base.yaml:2:1: 'language' is empty: write the rule file's language tag, such as "
               "en-GB"});
  CHECK(errors("language: [en]") == Errors{"base.yaml:2:11: language must be text"});
  CHECK(errors("language: {en: GB}") == Errors{"base.yaml:2:11: language must be text"});
  CHECK(errors("language: EN-gb") ==
        Errors{"base.yaml:2:11: write the language tag 'EN-gb' as en-GB"});
  CHECK(errors("language: en_GB") ==
        Errors{"base.yaml:2:11: 'en_GB' is not a language tag such as en-GB or es"});
  CHECK(errors("language: es").empty());
  CHECK(errors("# no language: English").empty());
}

TEST_CASE("each locale is a tag other than the base's, with its overlay's file", "[localize]") {
  auto errors = [](const std::string& locales) {
    return localize_with("id: knee\nlanguage: en-GB\nlocales:\n" + locales, nullptr).errors;
  };
  using Errors = std::vector<std::string>;
  CHECK(errors("  es-us: a.yaml\n") ==
        Errors{"base.yaml:4:3: write the locale tag 'es-us' as es-US"});
  CHECK(errors("  en-GB: a.yaml\n") ==
        Errors{"base.yaml:4:3: 'en-GB' is not a locale tag such as es or es-US other than the "
               "base's"});
  CHECK(errors("  spanish!: a.yaml\n") ==
        Errors{"base.yaml:4:3: 'spanish!' is not a locale tag such as es or es-US"});
  CHECK(errors("  es:\n") ==
        Errors{"base.yaml:4:3: 'locales' must give the file of the overlay for es"});
  CHECK(errors("  es: [a.yaml]\n") ==
        Errors{"base.yaml:4:7: 'locales' must give the file of the overlay for es"});
  CHECK(errors("  es: \"\"\n") ==
        Errors{"base.yaml:4:7: 'locales' must give the file of the overlay for es"});
  CHECK(localize_with("id: knee\nlocales: [es]\n", nullptr).errors ==
        Errors{"base.yaml:2:10: 'locales' must map each locale's tag to its overlay's file"});
}
