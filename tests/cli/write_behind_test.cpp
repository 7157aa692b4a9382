#include "cli/write_behind.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include "cli/exit_code.h"
#include "cli/output.h"

using backtriage::cli::CliError;
using backtriage::cli::kIoError;
using backtriage::cli::Output;
using backtriage::cli::ReaderGone;
using backtriage::cli::WriteBehind;
using backtriage::cli::writes_copy;

namespace {

using File = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

std::string contents(std::FILE* file) {
  std::fflush(file);
  std::rewind(file);
  std::string text;
  char block[4096];
  for (std::size_t n; (n = std::fread(block, 1, sizeof block, file)) > 0;) text.append(block, n);
  return text;
}

// The i'th text of a run: lengths from 1 byte to beyond a stdio buffer, so
// that order and completeness show in the bytes.
std::string text_number(int i) {
  return std::string(1 + (i * 7919) % 20000, char('a' + i % 26));
}

}  // namespace

TEST_CASE("texts handed over are written whole and in order", "[batch]") {
  const bool on_thread = GENERATE(true, false);
  CAPTURE(on_thread);
  File file(std::tmpfile(), &std::fclose);
  REQUIRE(file);
  Output out(file.get());
  std::string expected;
  {
    WriteBehind writer(out, on_thread);
    std::string text;
    for (int i = 0; i < 2000; ++i) {
      text += text_number(i);
      expected += text_number(i);
      if (i % 3 == 0) {
        writer.hand(text);
        CHECK(text.empty());  // a buffer to fill next, never the text again
      }
      if (i == 1000) {
        writer.flush();  // everything so far is out, the rest still to come
        CHECK(contents(file.get()) == expected.substr(0, expected.size() - text.size()));
        std::fseek(file.get(), 0, SEEK_END);
      }
    }
    writer.hand(text);
    writer.flush();
    CHECK(contents(file.get()) == expected);
    std::fseek(file.get(), 0, SEEK_END);
    text = "after the flush";
    expected += text;
    writer.hand(text);
  }  // not flushed: what waits is written before the writer goes
  CHECK(contents(file.get()) == expected);
}

// A disk that is full for the first write only: whatever is written after
// a failure would show.
struct FullOnce {
  bool failed = false;
  std::string written;
  static ssize_t write(void* cookie, const char* data, std::size_t size) {
    auto* disk = static_cast<FullOnce*>(cookie);
    if (!disk->failed) {
      disk->failed = true;
      errno = ENOSPC;
      return 0;  // nothing written: stdio reports the error (-1 upset glibc 2.36)
    }
    disk->written.append(data, size);
    return static_cast<ssize_t>(size);
  }
};

TEST_CASE("a reader slower than the caller: the caller waits, nothing is lost", "[batch]") {
  // More texts than the queue holds, into a pipe read a little at a time.
  int ends[2];
  REQUIRE(pipe(ends) == 0);
  std::string received;
  std::thread reader([&] {
    char block[16384];
    for (ssize_t n; (n = read(ends[0], block, sizeof block)) > 0;) {
      received.append(block, static_cast<std::size_t>(n));
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    close(ends[0]);
  });
  std::string expected;
  {
    File file(fdopen(ends[1], "w"), &std::fclose);
    REQUIRE(file);
    Output out(file.get());
    WriteBehind writer(out, true);
    std::string text;
    for (int i = 0; i < 3 * static_cast<int>(WriteBehind::kDepth); ++i) {
      text = text_number(i);
      expected += text;
      writer.hand(text);
    }
    writer.flush();
  }  // the pipe closes, and the reader sees its end
  reader.join();
  CHECK(received.size() == expected.size());
  CHECK(received == expected);
}

TEST_CASE("a write that fails reaches the caller, and nothing is written after it", "[batch]") {
  const bool on_thread = GENERATE(true, false);
  CAPTURE(on_thread);
  FullOnce disk;
  File file(fopencookie(&disk, "w", {nullptr, &FullOnce::write, nullptr, nullptr}), &std::fclose);
  REQUIRE(file);
  Output out(file.get());
  {
    WriteBehind writer(out, on_thread);
    std::string text;
    bool thrown = false;
    try {
      // Three, each more than stdio buffers, so that some may wait behind the
      // one that fails.
      for (int i = 0; i < 3; ++i) writer.hand(text = std::string(300 * 1024, 'x'));
      writer.flush();
    } catch (const CliError& e) {
      thrown = true;
      CHECK(e.code() == kIoError);
      CHECK(std::string(e.what()) == "cannot write standard output: No space left on device");
    }
    CHECK(thrown);
    // Every later call says so again, rather than carrying on as if written.
    text = "more";
    CHECK_THROWS_AS(writer.hand(text), CliError);
    CHECK_THROWS_AS(writer.flush(), CliError);
  }
  CHECK(disk.failed);
  CHECK(disk.written.empty());
}

TEST_CASE("a reader that went away is ReaderGone, from the writer thread too", "[batch]") {
  const bool on_thread = GENERATE(true, false);
  CAPTURE(on_thread);
  std::signal(SIGPIPE, SIG_IGN);  // as main() does
  int ends[2];
  REQUIRE(pipe(ends) == 0);
  close(ends[0]);
  File file(fdopen(ends[1], "w"), &std::fclose);
  REQUIRE(file);
  Output out(file.get());
  WriteBehind writer(out, on_thread);
  std::string text(100 * 1024, 'x');
  CHECK_THROWS_AS((writer.hand(text), writer.flush()), ReaderGone);
}

TEST_CASE("a writer thread only where writing copies the bytes", "[batch]") {
  File file(std::tmpfile(), &std::fclose);
  CHECK(writes_copy(file.get()));
  int ends[2];
  REQUIRE(pipe(ends) == 0);
  File pipe_end(fdopen(ends[1], "w"), &std::fclose);
  CHECK(writes_copy(pipe_end.get()));
  close(ends[0]);
  File null(std::fopen("/dev/null", "w"), &std::fclose);
  CHECK_FALSE(writes_copy(null.get()));
}
