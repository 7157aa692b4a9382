#pragma once
// One answer from a JSON scalar: native JSON (true, 2) or a string spelt as
// a flag value ("yes", "2"). Every reader of JSON answers — nlohmann's, the
// flat reader's, batch's compact lines — comes through here, so they cannot
// disagree on what an answer means.
#include "cli/flat_json_reader.h"
#include "engine/value.h"
#include "ruleset/answer_domain.h"
#include "ruleset/rule_set.h"

namespace backtriage::cli {

// Whether a JSON scalar is written in a common way — true or false, 1 or 0
// for yes or no, text as flags take it most often (no, "unsure", a
// choice's id) — and if so its answer, in `out`. Never an error: batch
// reads some twenty a line, and most are these. (Not an optional<Value>:
// put together in memory a byte and a word at a time and then read whole,
// it stalled the processor a dozen cycles an answer, waiting for the
// stores.)
bool common_answer(const ruleset::Question& q, const FlatJsonValue& v, engine::Value& out);

// The answer, or what is wrong with it. null ("not answered") is the
// caller's to handle.
ruleset::ParsedAnswer answer_from_scalar(const ruleset::Question& q, const FlatJsonValue& v);

// The answer in `out`, a common spelling found without building a
// ParsedAnswer; false for a bad answer, whose message the reader that words
// errors (nlohmann's path) gives. For the flat and compact readers.
bool scalar_answer(const ruleset::Question& q, const FlatJsonValue& v, engine::Value& out);

}  // namespace backtriage::cli
