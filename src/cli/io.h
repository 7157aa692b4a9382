#pragma once
// The process's surroundings, passed in so commands can be run in-process by
// tests: the three streams, whether each is a terminal, and the environment.
#include <cstdio>
#include <functional>
#include <string>

namespace backtriage::cli {

struct Io {
  std::FILE* in = stdin;
  std::FILE* out = stdout;
  std::FILE* err = stderr;
  bool in_tty = false, out_tty = false, err_tty = false;
  std::function<const char*(const char*)> getenv = [](const char*) { return nullptr; };
};

// Whether to colour what goes to a stream: `mode` is auto|always|never; auto
// means the stream is a terminal (`stream_is_tty`), NO_COLOR is unset or
// empty, and TERM is not "dumb".
bool use_color(const std::string& mode, const Io& io, bool stream_is_tty);

}  // namespace backtriage::cli
