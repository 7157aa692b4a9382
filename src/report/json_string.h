#pragma once
// Appends a string as a JSON string literal, byte for byte as nlohmann's
// dump(-1, ' ', false, handler) writes it, without building a json value.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace backtriage::report {

using JsonErrorHandler = nlohmann::ordered_json::error_handler_t;

// ASCII is escaped here; anything with a byte >= 0x80 goes to nlohmann, so
// UTF-8 checking (and `handler`: strict throws, replace substitutes) is
// exactly nlohmann's.
void append_json_string(std::string& out, std::string_view text, JsonErrorHandler handler);

// Appends `text` as append_json_string does if it is ASCII; if not, appends
// nothing and returns false.
bool append_ascii_json_string(std::string& out, std::string_view text);

// Whether append_json_string writes `text` without nlohmann's help.
bool is_ascii(std::string_view text);

}  // namespace backtriage::report
