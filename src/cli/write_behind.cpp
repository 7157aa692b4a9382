#include "cli/write_behind.h"

#include <sys/stat.h>

#include <functional>
#include <utility>

namespace backtriage::cli {

WriteBehind::WriteBehind(Output& out, bool on_thread) : out_(out) {
  if (on_thread) thread_ = std::thread([this] { run(); });
}

WriteBehind::~WriteBehind() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void WriteBehind::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return !waiting_.empty() || stopping_; });
    if (waiting_.empty()) return;  // stopping, and all written
    std::string text = std::move(waiting_.front());
    waiting_.pop_front();
    writing_ = true;
    const bool failed = failure_ != nullptr;  // only this thread sets it
    lock.unlock();
    std::exception_ptr failure;
    if (!failed) {
      try {
        out_.write(text);
      } catch (...) {
        failure = std::current_exception();
      }
    }
    text.clear();
    lock.lock();
    if (failure) failure_ = failure;
    writing_ = false;
    spare_.push_back(std::move(text));
    changed_.notify_all();
  }
}

// Without a thread: a failure is kept all the same, so that every later
// call throws it, as with one.
void WriteBehind::now(const std::function<void()>& write) {
  if (failure_) std::rethrow_exception(failure_);
  try {
    write();
  } catch (...) {
    failure_ = std::current_exception();
    throw;
  }
}

void WriteBehind::hand(std::string& text) {
  if (!thread_.joinable()) return now([&] { out_.write(text), text.clear(); });
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return waiting_.size() < kDepth || failure_; });
    if (failure_) std::rethrow_exception(failure_);
    waiting_.push_back(std::move(text));
    text.clear();  // a moved-from string is valid but unspecified
    if (!spare_.empty()) {
      text.swap(spare_.back());
      spare_.pop_back();
    }
    if (waiting_.size() < kWakeAt) return;
  }
  changed_.notify_all();
}

void WriteBehind::flush() {
  if (!thread_.joinable()) return now([&] { out_.flush(); });
  changed_.notify_all();  // the writer may wait for a kWakeAt'th text
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return (waiting_.empty() && !writing_) || failure_; });
  if (failure_) std::rethrow_exception(failure_);
  out_.flush();  // the writer is idle and stays so while the lock is held
}

bool writes_copy(std::FILE* file) {
  struct stat st;
  if (fstat(fileno(file), &st) != 0) return false;
  return S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode);
}

}  // namespace backtriage::cli
