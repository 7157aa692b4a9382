#pragma once
// For the build-time tools that write C++: bytes as an array definition,
// `const unsigned char NAME[] = {...,0};` (the 0 after the last byte lets an
// empty one compile), which no escaping can get wrong.
#include <cstddef>
#include <ostream>
#include <string_view>

namespace backtriage::ruleset {

inline void write_cpp_bytes(std::ostream& out, std::string_view name, std::string_view bytes) {
  out << "const unsigned char " << name << "[] = {";
  for (std::size_t i = 0; i < bytes.size(); ++i)
    out << (i % 20 == 0 ? "\n" : "") << static_cast<unsigned>(static_cast<unsigned char>(bytes[i]))
        << ',';
  out << "0};\n";
}

}  // namespace backtriage::ruleset
