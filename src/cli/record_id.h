#pragma once
// The record id of a batch line that cannot be read whole (a number that
// overflows, text after the object, a line too long or nested too deep, a
// byte that is not UTF-8 further on), read from the line's start: so that
// its error line still carries the id a script joins results on. Only an
// `id` that is the object's first key can be read this way; README and man
// page say so.
#include <string>
#include <string_view>

#include "cli/flat_json_reader.h"

namespace backtriage::cli {

// The JSON text of the id (a string with its quotes, or a finite number)
// when `line` starts `{"id": <value>` followed by `,` or `}`; else "".
std::string leading_record_id(std::string_view line);

// The JSON text of an id read by batch's flat readers, into `out`: a string
// re-escaped, a number as JsonOut writes it; false, for the nlohmann path
// to word the error, when it is neither.
bool record_id_text(const FlatJsonValue& value, std::string& out);

}  // namespace backtriage::cli
