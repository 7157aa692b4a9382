#pragma once
// A streaming JSON writer: values go straight into a string, compact (one
// line, as batch writes) or indented (as `--json` on a terminal), with the
// commas, colons and indentation in one place. Strings are escaped as JSON
// requires, and bytes that are not UTF-8 become U+FFFD, so any input text
// still makes valid JSON.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "report/json_plain.h"

namespace backtriage::report {

// A key the program spells: a string literal, checked when compiled to
// hold nothing JSON escapes, and kept quoted with its colon (`"level":`),
// so that writing it is one append. (Keys from the rule set go through
// JsonOut::key_text.)
class JsonKey {
 public:
  static constexpr std::size_t kLongest = 40;  // quotes and colon included

  template <std::size_t N>
  consteval JsonKey(const char (&name)[N]) : size_(N + 2) {
    static_assert(N + 2 <= kLongest, "a JSON key literal longer than JsonKey holds");
    quoted_[0] = '"';
    for (std::size_t i = 0; i + 1 < N; ++i) {
      if (!is_plain_json(static_cast<unsigned char>(name[i])))
        throw "a JSON key literal must need no escaping";
      quoted_[i + 1] = name[i];
    }
    quoted_[N] = '"';
    quoted_[N + 1] = ':';
  }
  // `"name":`
  std::string_view quoted() const { return {quoted_, size_}; }

 private:
  char quoted_[kLongest]{};
  std::size_t size_;
};

class JsonOut {
 public:
  // `indent` < 0: compact; otherwise spaces per level.
  JsonOut(std::string& out, int indent) : out_(out), indent_(indent) {}

  bool compact() const { return indent_ < 0; }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(const JsonKey& name);
  void key_text(std::string_view name);  // escaped
  // A key already written as a JSON string, quotes included (a cached
  // fragment); only in compact mode.
  void quoted_key(std::string_view quoted) {
    before_value();
    out_ += quoted;
    out_ += ':';
    after_key_ = true;
  }

  void string(std::string_view text);
  void number(double x);  // whole numbers as integers: 2, not 2.0
  void integer(std::int64_t n);
  void boolean(bool b);
  void null();
  // A value already written as compact JSON (a cached fragment); only in
  // compact mode, where it is pasted as is.
  void raw(std::string_view json) {
    before_value();
    out_ += json;
  }
  // Members already written as compact JSON (`"a":1,"b":2`), pasted into
  // the open object; compact mode only.
  void raw_members(std::string_view json) { raw(json); }

  // Whole objects of strings, for the common small cases.
  void string_list(const std::vector<std::string>& items);

 private:
  void open(char bracket);
  void close(char bracket);
  // Inline with raw and quoted_key: a full report pastes a few hundred
  // fragments, and the call cost a sixth of each.
  void before_value() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ == 0) return;
    if (!(empty_ & 1)) out_ += ',';
    empty_ &= ~std::uint64_t{1};
    if (!compact()) newline();
  }
  void newline();

  std::string& out_;
  int indent_;
  // Per open container, the innermost in bit 0: nothing in it yet. Bits,
  // not a vector: batch makes a writer for each line, and the vector's
  // allocation was a tenth of a brief line's calls to malloc and free. The
  // deepest document written (a FHIR Questionnaire) is a dozen levels.
  static constexpr int kDeepest = 64;
  std::uint64_t empty_ = 0;
  int depth_ = 0;
  bool after_key_ = false;
};

// Appends `text` as a JSON string literal (quotes included).
void append_json_string(std::string& out, std::string_view text);

}  // namespace backtriage::report
