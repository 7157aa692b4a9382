#pragma once
// Batch's reader of the commonest answers line: one compact JSON object,
// `{"key":value,...}` with no space anywhere, each key at most 31 bytes and
// each value at most 16 (a yes or no, a choice, a number, a record id).
//
// The flat reader (flat_json_reader.h) walks a line a byte at a time and
// branches on each value's kind; with answers spelt every way (no, "n", 0,
// false) those branches went wrong on most members, and reading was a third
// of a --brief line's time. This one takes each key and each value whole,
// sixteen bytes at a time, and looks them up: a key in a table of the
// question ids, a value in a small cache, by question, of the values met
// before and the answers they gave. Only a value not met before is read and
// checked the flat reader's way (read_flat_json_value, answer_from_scalar),
// so both read every line alike.
//
// Anything else — spaces, escapes, long keys or values, an unknown key, a
// bad answer — it declines, leaving the line to the flat reader and, after
// it, to nlohmann, whose messages stay the only error messages.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/evaluator.h"
#include "ruleset/rule_set.h"

namespace backtriage::cli {

class CompactAnswerReader {
 public:
  // Keeps a reference to `rules`, which outlives it.
  explicit CompactAnswerReader(const ruleset::RuleSet& rules);

  // What read_answers_json reads of such a line: true, with each member's
  // answer in `answers` (null: none) and, with `id`, the key "id" taken as
  // the record id (its JSON text in `id`, or "" without one); false, with
  // neither touched, for any line it does not read.
  bool read(std::string_view text, engine::Answers& answers, std::string* id);

 private:
  static constexpr std::size_t kLongestKey = 31;  // two loads; a value is one (16 bytes)
  // Sixteen bytes, as loaded: a value, or half a key, the rest zero.
  using Bytes = std::array<std::uint64_t, 2>;
  struct Key {
    Bytes low{}, high{};  // bytes 0-15 and 16-31 of the id
    std::size_t length = 0;
    int question = -1;  // -1: an empty slot
  };
  struct Remembered {
    Bytes value{};
    std::size_t length = 0;  // 0: an empty entry
    bool answered = false;   // false: null
    engine::Value answer;
  };
  // Values remembered by question: a question of numbers (an age, weeks)
  // meets a hundred different ones, any other a dozen spellings.
  static constexpr std::size_t kRememberedNumbers = 256, kRememberedOthers = 16;

  int question_of(const Bytes& low, const Bytes& high, std::size_t length) const;
  // The answer `text` (a value's JSON) gives question `q`, read as the flat
  // reader reads it; false for a value it does not read or a bad answer.
  bool answer_of(int q, std::string_view text, bool& answered, engine::Value& answer) const;
  bool record_id(std::string_view text, std::string& out) const;

  const ruleset::RuleSet& rules_;
  std::vector<Key> keys_;  // open addressing, a power of two of slots
  std::vector<Remembered> remembered_;
  std::vector<std::size_t> remembered_at_, remembered_slots_;  // by question: where, how many
  // A line's work: its bytes with room to read sixteen past any point, the
  // answers read, and by question the line that last answered it.
  std::string padded_;
  struct Read {
    int question;
    bool answered;
    engine::Value answer;
  };
  std::vector<Read> read_;
  std::vector<std::uint64_t> seen_on_;
  std::uint64_t line_ = 0;
};

}  // namespace backtriage::cli
