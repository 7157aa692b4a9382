#include "cli/output.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "cli/exit_code.h"

namespace backtriage::cli {

Output::Output(const std::string& path, const Io& io) : file_(io.out) {
  if (path.empty() || path == "-") return;
  owned_.reset(std::fopen(path.c_str(), "wb"));
  if (!owned_)
    throw CliError(kIoError, fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  file_ = owned_.get();
  name_ = path;
}

void Output::check(bool ok) {
  if (ok) return;
  int error = errno;
  if (error == EPIPE) throw ReaderGone{};
  throw CliError(kIoError, fmt::format("cannot write {}: {}", name_,
                                       error ? std::strerror(error) : "write failed"));
}

void Output::write(std::string_view text) {
  errno = 0;
  check(std::fwrite(text.data(), 1, text.size(), file_) == text.size());
}

void Output::flush() {
  errno = 0;
  check(std::fflush(file_) == 0);
}

void Output::finish(const Io& io) {
  flush();
  if (owned_ && io.err_tty) fmt::print(io.err, "backtriage: wrote {}\n", name_);
}

}  // namespace backtriage::cli
