#include "cli/output.h"

#include <cerrno>
#include <cstring>
#include <string>

#include "cli/exit_code.h"

namespace backtriage::cli {

void Output::check(bool ok) {
  if (ok) return;
  int error = errno;
  if (error == EPIPE) throw ReaderGone{};
  throw CliError(kIoError, std::string("cannot write output: ") + std::strerror(error));
}

void Output::write(std::string_view text) {
  errno = 0;
  check(std::fwrite(text.data(), 1, text.size(), file_) == text.size());
}

void Output::flush() {
  errno = 0;
  check(std::fflush(file_) == 0);
}

}  // namespace backtriage::cli
