# Writes OUTPUT, a C++ file defining backtriage::NAMESPACE::FUNCTION() (by
# default backtriage::ruleset::embedded_rules_text()), returning the bytes of
# INPUT. Hex bytes rather than a raw string literal, so no
# content of the rule file can end the literal early.
if(NOT NAMESPACE)
  set(NAMESPACE ruleset)
endif()
if(NOT FUNCTION)
  set(FUNCTION embedded_rules_text)
endif()
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){16})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}" "// Generated from ${INPUT} by src/ruleset/embed_file.cmake. Do not edit.
#include <string_view>

namespace backtriage::${NAMESPACE} {
namespace {
const char kText[] = {
${bytes}'\\0'};
}  // namespace

std::string_view ${FUNCTION}() { return std::string_view(kText, ${size}); }

}  // namespace backtriage::${NAMESPACE}
")
