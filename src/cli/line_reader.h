#pragma once
// Reads lines from a file descriptor in bounded memory. A line longer than
// the limit is not kept: the reader skips to its end and says it was too
// long, so one bad line cannot exhaust memory or shift the lines after it.
//
// `ready()` tells whether the next line can be had without waiting, so batch
// mode can hand over its output before it blocks: a program that writes one
// line and waits for the answer gets it at once, while a file streams in
// large chunks.
#include <cstddef>
#include <string>
#include <vector>

namespace backtriage::cli {

class LineReader {
 public:
  static constexpr std::size_t kMaxLineBytes = 1024 * 1024;
  // Of a line too long, what is kept: its start, where a record id is.
  static constexpr std::size_t kKeptOfTooLong = 4096;

  explicit LineReader(int fd) : fd_(fd), buffer_(64 * 1024) {}

  // False at end of input (or on a read error: see failed()). Otherwise
  // `line` holds the line without its "\n" or "\r\n", and `too_long` says
  // whether it was dropped for exceeding kMaxLineBytes.
  bool next(std::string& line, bool& too_long);
  // True when next() would not block.
  bool ready();
  bool failed() const { return error_ != 0; }
  int error() const { return error_; }

 private:
  bool fill();  // reads more into the buffer; false at end of input or error

  int fd_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  int error_ = 0;
};

}  // namespace backtriage::cli
