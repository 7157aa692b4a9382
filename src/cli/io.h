#pragma once
// The process's surroundings, passed in so commands can be run in-process by
// tests: the three streams, whether each is a terminal and how big, and the
// environment.
#include <cstdio>
#include <functional>
#include <string>

namespace backtriage::cli {

struct Io {
  std::FILE* in = stdin;
  std::FILE* out = stdout;
  std::FILE* err = stderr;
  bool in_tty = false, out_tty = false, err_tty = false;
  // The terminal's size as the system reports it, 0 when unknown or not a
  // terminal.
  int out_columns = 0, out_rows = 0, err_columns = 0;
  std::function<const char*(const char*)> getenv = [](const char*) { return nullptr; };
};

// Whether to colour what goes to a stream: `mode` is auto|always|never; auto
// means the stream is a terminal (`stream_is_tty`), NO_COLOR is unset or
// empty, and TERM is not "dumb".
bool use_color(const std::string& mode, const Io& io, bool stream_is_tty);

// The width to wrap text for a stream to: on a terminal, COLUMNS or else the
// terminal's width, kept within 40 to 100 columns so lines stay readable;
// 80 when the stream is not a terminal.
int text_width(const Io& io, bool stream_is_tty, int stream_columns);

// The height of stdout's terminal: LINES, or else the terminal's own; 0 when
// not known.
int screen_height(const Io& io);

}  // namespace backtriage::cli
