// A case as the practitioner gives it: a pseudonymous reference, the referral time, and per
// question whether it was answered, answered "unknown", or not asked.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "date_time.hpp"
#include "ruleset/schema.hpp"
#include "value.hpp"

namespace continuum::engine {

enum class AnswerState : std::uint8_t { NotAsked, Answered, Unknown };

struct Answer {
    AnswerState state = AnswerState::NotAsked;
    Value value;       // when answered
    std::string text;  // free-text answers
};

struct Case {
    std::string ref;  // pseudonymous, never a name
    DateTime referred_at;
    std::vector<Answer> answers;  // by question index; size == rules.questions.size()
};

// An empty case for a rule set: nothing asked yet.
Case blank_case(const RuleSet& rules);

const char* to_string(AnswerState s);  // "answered", "unknown", "not_asked"

// Renders an answer's value in the words a practitioner would use ("yes", "14", the choice's
// label); "unknown" / "not asked" for the other states.
std::string describe_answer(const Question& q, const Answer& a);
// The same for the value of any slot during evaluation (yes / no / unknown for conditions).
std::string describe_value(const RuleSet& rules, std::uint32_t slot, const Value& v);

}  // namespace continuum::engine
