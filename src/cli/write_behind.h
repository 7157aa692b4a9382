#pragma once
// Batch output written on a thread of its own. 100,000 full reports are
// 1.2 GB, and the kernel copying them into a file took as long as `cat`
// takes for the same bytes, a third of a run done on one thread; handed to a
// writer, that copy overlaps computing the next reports. The order is kept
// (one writer, first in, first out), memory is bounded (at most kDepth
// buffers wait), and a failed write reaches the caller at its next call, as
// a direct Output::write would have: CliError (exit 74), or ReaderGone.
//
// Only where writing copies: into a file, a pipe or a socket. Into a device
// (a terminal, /dev/null) the thread would only add its wake-ups (a sixth
// of a run into /dev/null on this VM), so there the text is written at once.
#include <condition_variable>
#include <cstddef>
#include <cstdio>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "cli/output.h"

namespace backtriage::cli {

class WriteBehind {
 public:
  // 16 MB of batch's 256 KB pieces: more than one job's share of a chunk of
  // full reports (12 MB), so the shares after the first are handed over
  // without waiting and the next chunk starts while they are written. With
  // 8, --jobs 2 into a file took 0.97 s; with 64, 0.83 (median of seven).
  // The memory is used only while the reader is slower than the evaluation
  // (batch into a pipe read slowly: 14.6 MB with 8, 30.0 MB with 64).
  static constexpr std::size_t kDepth = 64;
  // The writer is woken when this many texts wait (or on a flush). A
  // wake-up costs the caller about 12 microseconds on this VM (perf), a
  // tenth of the time it takes to make 256 KB of reports; woken every other
  // text, a run into a file took 3% less.
  static constexpr std::size_t kWakeAt = 2;

  // `on_thread`: whether to start the writer (see writes_copy), or write
  // each text as it is handed over.
  WriteBehind(Output& out, bool on_thread);
  // Writes what still waits, then stops the thread. A failure then is not
  // reported: the caller has flushed, or is leaving on an error of its own.
  ~WriteBehind();
  WriteBehind(const WriteBehind&) = delete;
  WriteBehind& operator=(const WriteBehind&) = delete;

  // Queues `text` to be written and leaves in it an empty buffer to fill
  // next (one written before, so it seldom allocates). Waits while kDepth
  // buffers are waiting. Throws an earlier write's failure.
  void hand(std::string& text);
  // Returns once everything handed over is written and the output flushed,
  // or throws the failure that stopped it.
  void flush();

 private:
  void run();
  void now(const std::function<void()>& write);

  Output& out_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::string> waiting_;
  std::vector<std::string> spare_;  // written, emptied, to be handed back
  bool writing_ = false;            // one taken from waiting_ is being written
  bool stopping_ = false;
  std::exception_ptr failure_;  // set once (by the writer, if any); nothing is written after it
  std::thread thread_;          // last: it starts once the rest is made
};

// Whether writing to `file` copies the bytes somewhere (a regular file, a
// pipe, a socket), so that a writer thread has work to take over.
bool writes_copy(std::FILE* file);

}  // namespace backtriage::cli
