#pragma once
// A fact's value. The engine stores every value as a number so that
// conditions compare without allocating: a bool is 0 or 1, a number is
// itself, and a choice or set value is its index in the fact's declared list
// of values. What a value means (and how it prints) is the fact's business.
#include <compare>

namespace backtriage::engine {

class Value {
 public:
  constexpr Value() = default;
  static constexpr Value boolean(bool b) { return Value(b ? 1.0 : 0.0); }
  static constexpr Value number(double x) { return Value(x); }
  static constexpr Value symbol(int index) { return Value(static_cast<double>(index)); }

  constexpr double as_number() const { return raw_; }
  constexpr bool as_bool() const { return raw_ != 0.0; }
  constexpr int as_symbol() const { return static_cast<int>(raw_); }

  friend constexpr bool operator==(Value, Value) = default;
  friend constexpr auto operator<=>(Value, Value) = default;

 private:
  constexpr explicit Value(double raw) : raw_(raw) {}
  double raw_ = 0.0;
};

}  // namespace backtriage::engine
