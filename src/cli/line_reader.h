#pragma once
// Reads a stream line by line in bounded memory. A line longer than the
// limit is not kept: the reader skips to its end and says it was too long,
// so one bad line cannot exhaust memory or shift the lines after it.
#include <cstdio>
#include <string>

namespace backtriage::cli {

class LineReader {
 public:
  static constexpr std::size_t kMaxLineBytes = 1024 * 1024;

  explicit LineReader(std::FILE* file) : file_(file) {}

  // False at end of input. Otherwise `line` holds the line without its "\n"
  // or "\r\n", and `too_long` says whether it was cut.
  bool next(std::string& line, bool& too_long);
  bool failed() const { return std::ferror(file_) != 0; }

 private:
  std::FILE* file_;
};

}  // namespace backtriage::cli
