// Which questions to put to the practitioner now: those that apply, not those ruled out by
// earlier answers, and not yet those that depend on answers still to come.
#pragma once
#include "case.hpp"
#include "outcome.hpp"
#include "ruleset/schema.hpp"

namespace continuum::engine {

enum class Applies : std::uint8_t {
    Yes,     // no ask_when, or it holds, or it is open only because answers are "unknown"
    No,      // ask_when is false: earlier answers rule the question out
    NotYet,  // ask_when is open until questions not yet asked are answered
};

class Tracer;

Applies question_applies(const RuleSet& rules, const Case& c, const Outcome& o,
                         std::uint32_t question);
// The same with a Tracer's buffers, for asking about every question of one evaluation.
Applies question_applies(Tracer& tracer, const Case& c, const Outcome& o, std::uint32_t question);
const char* to_string(Applies a);  // "yes", "no", "not_yet"

}  // namespace continuum::engine
