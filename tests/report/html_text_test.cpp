#include "report/html_text.h"

#include <catch2/catch.hpp>

using backtriage::report::html_text;

TEST_CASE("html_text escapes the five characters HTML reads, wherever they are", "[html]") {
  CHECK(html_text("") == "");
  CHECK(html_text("Knees to chest") == "Knees to chest");
  CHECK(html_text("&") == "&amp;");
  CHECK(html_text("<b>") == "&lt;b&gt;");
  CHECK(html_text("say \"ouch\"") == "say &quot;ouch&quot;");
  CHECK(html_text("it's") == "it&#39;s");
  // Next to each other, first and last, and around runs left as they are.
  CHECK(html_text("&&<x>'\"") == "&amp;&amp;&lt;x&gt;&#39;&quot;");
  CHECK(html_text("a<b & c>d") == "a&lt;b &amp; c&gt;d");
  // Text in any language passes through byte for byte.
  CHECK(html_text("dolor de espalda: ¿cuándo?") == "dolor de espalda: ¿cuándo?");
}
