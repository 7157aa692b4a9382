#include "ruleset/compact_rule_set.h"

#include <cstring>
#include <memory>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>

namespace backtriage::ruleset {

using engine::Condition;

namespace {

// Bumped whenever a field list below, or an item struct's (item.h), changes.
constexpr std::string_view kMagic = "backtriage-rules-compact-10\n";

// Each struct's fields are listed once, in `describe`, and the same list
// drives writing and reading, so the two directions cannot drift apart.
// Adding a field to a struct in rule_set.h means adding it here too (an
// item's content goes through its struct's own list, `fields`); the test
// compact_rule_set_test compares every report of the compact embedded set
// with the YAML-loaded one and fails when a field is forgotten.
template <typename Codec>
void describe(Codec& c, Location& x) {
  c(x.file, x.line, x.column);
}
template <typename Codec>
void describe(Codec& c, Range& x) {
  c(x.min, x.max);
}
template <typename Codec>
void describe(Codec& c, Dose& x) {
  c(x.hold_seconds, x.hold_breaths, x.reps, x.sets, x.per_side, x.alternating, x.per_week);
}
template <typename Codec>
void describe(Codec& c, Point& x) {
  c(x.x, x.y);
}
template <typename Codec>
void describe(Codec& c, Pose& x) {
  for (auto& p : x.at) c(p);
}
template <typename Codec>
void describe(Codec& c, Prop& x) {
  c(x.kind, x.joints, x.anchor, x.end, x.via);
}
template <typename Codec>
void describe(Codec& c, Figure& x) {
  c(x.view, x.props, x.start, x.end, x.has_toes, x.has_low_back, x.face);
}
// An item's content: the keys its struct lists (item.h).
template <typename Codec, typename T>
requires requires(T& x) {
  T::fields(x, [](std::string_view, Read, auto&) {});
}
void describe(Codec& c, T& x) {
  T::fields(x, [&](std::string_view, Read, auto& member) { c(member); });
}
template <typename Codec>
void describe(Codec& c, Item& x) {
  c(x.id, x.source, x.content);
}
template <typename Codec>
void describe(Codec& c, AdviceText& x) {
  c(x.text, x.per_week, x.source);
}
template <typename Codec>
void describe(Codec& c, Question& x) {
  c(x.id, x.type, x.prompt, x.help, x.why, x.spoken_help, x.source, x.unit, x.title, x.min, x.max,
    x.whole, x.choices, x.spoken_units, x.spoken_phrases, x.red_flag, x.unsure, x.optional,
    x.assumed, x.checklist, x.where);
}
template <typename Codec>
void describe(Codec& c, DerivedFact& x) {
  c(x.id, x.title, x.type, x.values, x.where);
}
template <typename Codec>
void describe(Codec& c, CheckIn& x) {
  c(x.week, x.text);
}
template <typename Codec>
void describe(Codec& c, Plan& x) {
  c(x.weeks, x.sessions_per_week, x.check_ins, x.source);
}
template <typename Codec>
void describe(Codec& c, Advice& x) {
  c(x.frequency, x.expected_course, x.safe_activities, x.plan);
}
template <typename Codec>
void describe(Codec& c, Checklist& x) {
  c(x.id, x.prompt, x.help);
}
template <typename Codec, typename T>
void describe(Codec& c, std::pair<std::string, T>& x) {
  c(x.first, x.second);
}
template <typename Codec>
void describe(Codec& c, SpokenAmount& x) {
  c(x.says, x.times, x.per);
}
template <typename Codec>
void describe(Codec& c, SpokenWords& x) {
  c(x.yes, x.no, x.unsure, x.none, x.why, x.back, x.skip, x.quit, x.fillers, x.contrasts,
    x.negations, x.numbers);
}
template <typename Codec>
void describe(Codec& c, Roles& x) {
  for (const RoleSpec& spec : role_specs())
    if (spec.in_report()) c(x.*spec.fact);
  c(x.classification);
}
template <typename Codec>
void describe(Codec& c, Condition& x) {
  c(x.kind, x.op, x.fact, x.operands, x.children, x.count);
}
template <typename Codec>
void describe(Codec& c, engine::FactDecl& x) {
  c(x.id, x.type, x.symbols, x.is_input, x.optional);
}
template <typename Codec>
void describe(Codec& c, engine::Assertion& x) {
  c(x.fact, x.value);
}
template <typename Codec>
void describe(Codec& c, engine::Rule& x) {
  c(x.id, x.when, x.then, x.source);
}
template <typename Codec>
void describe(Codec& c, engine::KnowledgeBase::Order& x) {
  c(x.readers, x.writers, x.reads, x.strata, x.cyclic, x.stratum_of);
}

class Writer {
 public:
  template <typename... T>
  void operator()(T&... fields) {
    (put(fields), ...);
  }
  std::string take() { return std::move(out_); }

 private:
  template <typename T>
  void raw(const T& value) {
    out_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void put(std::string& s) {
    raw(static_cast<std::uint32_t>(s.size()));
    out_ += s;
  }
  void put(engine::Value& v) { raw(v.as_number()); }
  template <typename T>
  void put(std::optional<T>& o) {
    raw(static_cast<bool>(o));
    if (o) put(*o);
  }
  template <typename T>
  void put(std::shared_ptr<const T>& p) {
    raw(static_cast<bool>(p));
    if (p) put(const_cast<T&>(*p));
  }
  template <typename T>
  void put(std::vector<T>& list) {
    raw(static_cast<std::uint32_t>(list.size()));
    for (auto& element : list) put(element);
  }
  template <typename... T>
  void put(std::variant<T...>& v) {
    raw(static_cast<std::uint32_t>(v.index()));
    std::visit([&](auto& alternative) { put(alternative); }, v);
  }
  void put(std::vector<bool>::reference) = delete;
  template <typename T>
  void put(T& value) {
    if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>)
      raw(value);
    else
      describe(*this, value);
  }
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : in_(bytes) {}
  template <typename... T>
  void operator()(T&... fields) {
    (get(fields), ...);
  }
  bool at_end() const { return in_.empty(); }

 private:
  std::string_view take(std::size_t n) {
    if (n > in_.size()) throw std::runtime_error("compact rule set is truncated");
    auto bytes = in_.substr(0, n);
    in_.remove_prefix(n);
    return bytes;
  }
  template <typename T>
  T raw() {
    T value;
    std::memcpy(&value, take(sizeof value).data(), sizeof value);
    return value;
  }
  void get(std::string& s) {
    const std::string_view text = take(raw<std::uint32_t>());
    // Made, then moved in: assigning took the string's general replace, 72,000
    // instructions more a start.
    s = std::string(text.data(), text.size());
  }
  void get(engine::Value& v) { v = engine::Value::number(raw<double>()); }
  template <typename T>
  void get(std::optional<T>& o) {
    if (!raw<bool>()) return o.reset();
    get(o.emplace());
  }
  template <typename T>
  void get(std::shared_ptr<const T>& p) {
    if (!raw<bool>()) return p.reset();
    auto read = std::make_shared<T>();
    get(*read);
    p = std::move(read);
  }
  template <typename T>
  void get(std::vector<T>& list) {
    list.resize(raw<std::uint32_t>());
    for (auto& element : list) get(element);
  }
  template <typename... T>
  void get(std::variant<T...>& v) {
    const auto index = raw<std::uint32_t>();
    if (index >= sizeof...(T)) throw std::runtime_error("compact rule set has a bad item");
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      ((index == I ? (v.template emplace<I>(), void()) : void()), ...);
    }
    (std::index_sequence_for<T...>{});
    std::visit([&](auto& alternative) { get(alternative); }, v);
  }
  template <typename T>
  void get(T& value) {
    if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>)
      value = raw<T>();
    else
      describe(*this, value);
  }
  std::string_view in_;
};

// What a built RuleSet holds beside its public parts: the knowledge base's
// facts, rules and order, and the questions' follow-up triggers. Working the
// order and the triggers out again took a sixth of a triage.
struct Derived {
  std::vector<engine::FactDecl> facts;
  std::vector<engine::Rule> rules;
  engine::KnowledgeBase::Order order;
  std::vector<std::vector<engine::FactId>> triggers;
};

template <typename Codec>
void describe_rule_set(Codec& c, RuleSet& rs, Derived& d) {
  c(rs.id, rs.version, rs.title, rs.disclaimer, rs.origin, rs.language, rs.locale, rs.paper,
    rs.locales, rs.questions, rs.derived, rs.rule_locations, rs.roles, rs.undecided, rs.checklists,
    rs.spoken, rs.advice, rs.positions, rs.views, rs.words, rs.example, d.facts, d.rules, d.order,
    d.triggers);
}

}  // namespace

class CompactReader {
 public:
  static std::unique_ptr<const RuleSet> read(std::string_view bytes) {
    if (bytes.substr(0, kMagic.size()) != kMagic)
      throw std::runtime_error("not a compact rule set of this build");
    Reader reader(bytes.substr(kMagic.size()));
    auto rs = std::make_unique<RuleSet>(RuleSet::WithoutWords{});
    Derived d;
    describe_rule_set(reader, *rs, d);
    if (!reader.at_end()) throw std::runtime_error("compact rule set has trailing bytes");
    rs->finish(std::make_unique<engine::KnowledgeBase>(engine::KnowledgeBase::from_order(
                   std::move(d.facts), std::move(d.rules), std::move(d.order))),
               std::move(d.triggers));
    return rs;
  }
};

std::string write_compact(const RuleSet& rules) {
  Writer writer;
  // The writer only reads, but one field list serves both directions.
  auto& rs = const_cast<RuleSet&>(rules);
  const auto& kb = rules.knowledge_base();
  Derived d{kb.facts(), kb.rules(), kb.order(), {}};
  for (engine::FactId q = 0; q < static_cast<engine::FactId>(rules.questions.size()); ++q)
    d.triggers.push_back(rules.triggers_of(q));
  describe_rule_set(writer, rs, d);
  return std::string(kMagic) + writer.take();
}

std::string write_compact(const Figure& figure) {
  Writer writer;
  writer(const_cast<Figure&>(figure));  // only read, as above
  return writer.take();
}

std::unique_ptr<const RuleSet> read_compact(std::string_view bytes) {
  return CompactReader::read(bytes);
}

}  // namespace backtriage::ruleset
