#include "ruleset/locale.h"

#include <catch2/catch.hpp>
#include <map>

using namespace backtriage::ruleset;

TEST_CASE("a BCP 47 tag is a language and maybe a region, in their usual case") {
  CHECK(parse_locale_tag("es-us")->str() == "es-US");
  CHECK(parse_locale_tag("ES")->str() == "es");
  CHECK(parse_locale_tag("es-419")->str() == "es-419");
  CHECK(parse_locale_tag("en-GB")->region == "GB");
  for (const char* bad : {"", "e", "spanish", "es_US", "es-", "es-U", "es-USA", "1s", "es-US-x"})
    CHECK_FALSE(parse_locale_tag(bad));
}

TEST_CASE("a POSIX locale name gives its tag; C and POSIX mean the rule file's own") {
  CHECK(posix_locale_tag("es_US.UTF-8")->str() == "es-US");
  CHECK(posix_locale_tag("es_ES@euro")->str() == "es-ES");
  CHECK(posix_locale_tag("es")->str() == "es");
  CHECK(posix_locale_tag("en_GB.utf8")->str() == "en-GB");
  CHECK_FALSE(posix_locale_tag("C"));
  CHECK_FALSE(posix_locale_tag("C.UTF-8"));
  CHECK_FALSE(posix_locale_tag("POSIX"));
  CHECK_FALSE(posix_locale_tag(""));
}

TEST_CASE("LC_ALL, then LC_MESSAGES, then LANG, the first set and not empty") {
  std::map<std::string, std::string> env;
  auto getenv = [&](const char* name) -> const char* {
    auto at = env.find(name);
    return at == env.end() ? nullptr : at->second.c_str();
  };
  CHECK_FALSE(environment_locale(getenv));
  env["LANG"] = "es_US.UTF-8";
  CHECK(environment_locale(getenv)->str() == "es-US");
  env["LC_MESSAGES"] = "en_US.UTF-8";
  CHECK(environment_locale(getenv)->str() == "en-US");
  env["LC_ALL"] = "";
  CHECK(environment_locale(getenv)->str() == "en-US");
  env["LC_ALL"] = "C";  // set: it wins, and means the base
  CHECK_FALSE(environment_locale(getenv));
}

TEST_CASE("the overlays that make a locale, most general first, falling back by language") {
  const LocaleTag base{"en", "GB"};
  const std::vector<std::string> available{"en-US", "es", "es-ES", "es-US"};
  auto choose = [&](const char* tag) {
    return choose_locale(*parse_locale_tag(tag), base, available);
  };
  CHECK(choose("es-US")->overlays == std::vector<std::string>{"es", "es-US"});
  CHECK(choose("es-US")->tag == "es-US");
  CHECK(choose("es-MX")->overlays == std::vector<std::string>{"es"});
  CHECK(choose("es-MX")->tag == "es");
  CHECK(choose("es")->tag == "es");
  CHECK(choose("en-US")->overlays == std::vector<std::string>{"en-US"});
  CHECK(choose("en-GB")->overlays.empty());
  CHECK(choose("en-GB")->tag == "en-GB");
  CHECK(choose("en-AU")->tag == "en-GB");  // the base's language, no overlay of its own
  CHECK(choose("en")->tag == "en-GB");
  CHECK_FALSE(choose("fr-FR"));
  CHECK_FALSE(choose("fr"));
}
