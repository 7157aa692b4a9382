#include "cli/record_id.h"

#include <catch2/catch.hpp>
#include <string>

using backtriage::cli::leading_record_id;

TEST_CASE("a line that cannot be read whole still gives the id at its start", "[batch]") {
  // Each of these fails as JSON after the id; the id is read all the same.
  CHECK(leading_record_id(R"({"id":"p0100","duration_weeks":1e400})") == R"("p0100")");
  CHECK(leading_record_id(R"({"id": 17, "fever": true} trailing)") == "17");
  CHECK(leading_record_id(" \t{ \"id\" : \"a\\\"b\\u00e9\" ,") == R"("a\"b\u00e9")");
  CHECK(leading_record_id("\xEF\xBB\xBF{\"id\":-2.5e3}") == "-2.5e3");
  CHECK(leading_record_id(R"({"id":"x","a":[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]})") == R"("x")");
  CHECK(leading_record_id("{\"id\":\"r1\",\"age\":\"\xFF\"}") == R"("r1")");
}

TEST_CASE("an id that is not first, or not whole, is not guessed", "[batch]") {
  CHECK(leading_record_id(R"({"fever":true,"id":"p1"} x)").empty());     // not the first key
  CHECK(leading_record_id(R"({"id":"p1)").empty());                      // the string never ends
  CHECK(leading_record_id(R"({"id":1e400,"fever":true})").empty());      // not a finite number
  CHECK(leading_record_id(R"({"id":01,"fever":true})").empty());         // not a JSON number
  CHECK(leading_record_id(R"({"id":"p1" "fever":true})").empty());       // no comma after it
  CHECK(leading_record_id("{\"id\":\"\xFF\",\"fever\":true}").empty());  // not UTF-8
  CHECK(leading_record_id(R"({"id":true})").empty());                    // not a string or number
  CHECK(leading_record_id(R"(["id",1])").empty());
  CHECK(leading_record_id("").empty());
}
