#include "cli/input_file.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "cli/exit_code.h"

namespace backtriage::cli {

std::string read_input(const std::string& path, std::FILE* stdin_file) {
  const bool is_stdin = path == "-";
  const std::string name = is_stdin ? "<stdin>" : path;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned(nullptr, &std::fclose);
  std::FILE* file = stdin_file;
  if (!is_stdin) {
    owned.reset(std::fopen(path.c_str(), "rb"));
    if (!owned)
      throw CliError(kNoInput, fmt::format("cannot open {}: {}", path, std::strerror(errno)));
    file = owned.get();
  }
  std::string text;
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    if (text.size() + n > kMaxInputBytes)
      throw CliError(kDataError, fmt::format("{}: input is larger than {} MiB", name,
                                             kMaxInputBytes / (1024 * 1024)));
    text.append(buffer, n);
  }
  if (std::ferror(file))  // e.g. a directory: EISDIR
    throw CliError(kNoInput, fmt::format("cannot read {}: {}", name, std::strerror(errno)));
  return text;
}

}  // namespace backtriage::cli
