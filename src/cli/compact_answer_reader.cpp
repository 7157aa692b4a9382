#include "cli/compact_answer_reader.h"

#include <algorithm>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "cli/flat_json_reader.h"
#include "cli/record_id.h"
#include "cli/scalar_answer.h"

namespace backtriage::cli {

namespace {

// Room to read past a line's end: two loads of sixteen bytes from a key's
// start, one from its value's, at most 34 bytes after the key's start.
constexpr std::size_t kPadding = 64;

std::uint64_t key_slot_hash(std::uint64_t first_bytes, std::size_t length) {
  return (first_bytes ^ length) * 0x9E3779B97F4A7C15u;
}

std::size_t remembered_slot(const std::array<std::uint64_t, 2>& value, std::size_t length,
                            std::size_t slots) {
  const std::uint64_t hash =
      (value[0] * 0xBF58476D1CE4E5B9u) ^ (value[1] * 0x94D049BB133111EBu) ^ length;
  return static_cast<std::size_t>((hash ^ (hash >> 29)) >> 32) & (slots - 1);
}

// Two words compared as words: std::array's == called memcmp, 13% of a
// brief line's time.
bool same(const std::array<std::uint64_t, 2>& a, const std::array<std::uint64_t, 2>& b) {
  return ((a[0] ^ b[0]) | (a[1] ^ b[1])) == 0;
}

#if defined(__SSE2__)
// Sixteen bytes of 0xFF then sixteen of zero: from 16 - n on, a mask that
// keeps the first n bytes of a load (n from 0 to 16).
alignas(16) constexpr unsigned char kOnesThenZeros[32] = {
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};

__m128i load(const char* at) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
}

// The first n bytes of `bytes`, the rest zero.
std::array<std::uint64_t, 2> first_bytes(__m128i bytes, std::size_t n) {
  const __m128i keep = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kOnesThenZeros + 16 - n));
  std::array<std::uint64_t, 2> out;
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out.data()), _mm_and_si128(bytes, keep));
  return out;
}

unsigned positions_of(__m128i bytes, char c) {
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(c))));
}
#endif

}  // namespace

CompactAnswerReader::CompactAnswerReader(const ruleset::RuleSet& rules)
    : rules_(rules), seen_on_(rules.questions.size(), 0) {
  for (const ruleset::Question& question : rules.questions) {
    remembered_at_.push_back(remembered_.size());
    remembered_slots_.push_back(question.type == engine::FactType::Number ? kRememberedNumbers
                                                                          : kRememberedOthers);
    remembered_.resize(remembered_.size() + remembered_slots_.back());
  }
  std::size_t slots = 16;
  while (slots < 4 * rules.questions.size()) slots *= 2;
  keys_.resize(slots);
  for (std::size_t q = 0; q < rules.questions.size(); ++q) {
    const std::string& id = rules.questions[q].id;
    if (id.size() > kLongestKey) continue;  // such a key's lines are left to the flat reader
    Key key;
    std::memcpy(key.low.data(), id.data(), std::min<std::size_t>(id.size(), 16));
    if (id.size() > 16) std::memcpy(key.high.data(), id.data() + 16, id.size() - 16);
    key.length = id.size();
    key.question = static_cast<int>(q);
    std::size_t slot = key_slot_hash(key.low[0], key.length) >> (64 - std::countr_zero(slots));
    while (keys_[slot].question >= 0) slot = (slot + 1) & (slots - 1);
    keys_[slot] = key;
  }
}

int CompactAnswerReader::question_of(const Bytes& low, const Bytes& high,
                                     std::size_t length) const {
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t slot = key_slot_hash(low[0], length) >> (64 - std::countr_zero(keys_.size()));;
       slot = (slot + 1) & mask) {
    const Key& key = keys_[slot];
    if (key.question < 0) return -1;
    if (key.length == length && same(key.low, low) && same(key.high, high)) return key.question;
  }
}

bool CompactAnswerReader::answer_of(int q, std::string_view text, bool& answered,
                                    engine::Value& answer) const {
  FlatJsonValue value;
  if (!read_flat_json_value(text, value)) return false;
  answered = value.kind != FlatJsonValue::Kind::Null;
  if (!answered) return true;
  return scalar_answer(rules_.questions[static_cast<std::size_t>(q)], value, answer);
}

bool CompactAnswerReader::record_id(std::string_view text, std::string& out) const {
  FlatJsonValue value;
  return read_flat_json_value(text, value) && record_id_text(value, out);
}

bool CompactAnswerReader::read(std::string_view text, engine::Answers& answers, std::string* id) {
#if !defined(__SSE2__)
  (void)text, (void)answers, (void)id;
  return false;
#else
  if (text.size() < 2 || text.front() != '{' || text.back() != '}') return false;
  padded_.assign(text);
  padded_.append(kPadding, '\0');
  const char* p = padded_.data() + 1;                          // a member's first byte
  const char* const close = padded_.data() + text.size() - 1;  // the object's closing brace
  read_.clear();
  ++line_;
  std::string record;
  bool seen_id = false;
  while (p != close) {
    if (*p != '"') return false;
    // The key: up to the next quote, within kLongestKey bytes.
    const __m128i key_low = load(p + 1), key_high = load(p + 17);
    const unsigned key_quotes = positions_of(key_low, '"') | positions_of(key_high, '"') << 16;
    if (key_quotes == 0) return false;
    const auto key_length = static_cast<std::size_t>(std::countr_zero(key_quotes));
    const char* value = p + key_length + 2;
    if (*value != ':') return false;
    ++value;
    // The value: a string to its closing quote, anything else to the , or }
    // after it; within one load of sixteen bytes.
    const __m128i bytes = load(value);
    const unsigned quotes = positions_of(bytes, '"');
    const unsigned ends = positions_of(bytes, ',') | positions_of(bytes, '}');
    const unsigned closing = quotes & ~1u;
    std::size_t length = (quotes & 1) != 0 ? (closing != 0 ? std::countr_zero(closing) + 1 : 0)
                                           : (ends != 0 ? std::countr_zero(ends) : 0);
    if (id && key_length == 2 && p[1] == 'i' && p[2] == 'd') {
      // The record id, of any length: found by its quote, once a line.
      if ((quotes & 1) != 0) {
        const void* end = std::memchr(value + 1, '"', static_cast<std::size_t>(close - value - 1));
        if (!end) return false;
        length = static_cast<std::size_t>(static_cast<const char*>(end) - value) + 1;
      }
      if (length == 0 || std::exchange(seen_id, true) ||
          !record_id(std::string_view(value, length), record))
        return false;
    } else {
      if (length == 0) return false;
      const int q =
          question_of(first_bytes(key_low, std::min<std::size_t>(key_length, 16)),
                      first_bytes(key_high, key_length > 16 ? key_length - 16 : 0), key_length);
      if (q < 0 || seen_on_[static_cast<std::size_t>(q)] == line_) return false;
      seen_on_[static_cast<std::size_t>(q)] = line_;
      const Bytes token = first_bytes(bytes, length);
      const auto question = static_cast<std::size_t>(q);
      Remembered& remembered =
          remembered_[remembered_at_[question] +
                      remembered_slot(token, length, remembered_slots_[question])];
      if (remembered.length != length || !same(remembered.value, token)) {
        Remembered fresh{token, length, false, {}};
        if (!answer_of(q, std::string_view(value, length), fresh.answered, fresh.answer))
          return false;
        remembered = fresh;
      }
      read_.push_back({q, remembered.answered, remembered.answer});
    }
    const char* after = value + length;
    if (after > close || (*after != ',' && *after != '}')) return false;
    if (*after == '}') {
      if (after != close) return false;
      break;
    }
    p = after + 1;
    if (p == close) return false;  // a comma before the brace
  }
  for (const Read& r : read_) {
    auto& answer = answers[static_cast<std::size_t>(r.question)];
    if (r.answered)
      answer.emplace(r.answer);
    else
      answer.reset();
  }
  if (id) *id = std::move(record);
  return true;
#endif
}

}  // namespace backtriage::cli
