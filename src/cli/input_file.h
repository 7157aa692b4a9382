#pragma once
// Reading a whole input (a file, or standard input for "-") with a size
// limit and the contract's exit codes.
#include <cstdio>
#include <string>

namespace backtriage::cli {

// Inputs larger than this are refused rather than read into memory.
inline constexpr std::size_t kMaxInputBytes = 64 * 1024 * 1024;

// Reads a whole file, or standard input for "-". Throws CliError: 66 when it
// cannot be opened or read, 65 when it is larger than kMaxInputBytes.
std::string read_input(const std::string& path, std::FILE* stdin_file);

}  // namespace backtriage::cli
