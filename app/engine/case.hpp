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
    Value value;       // when answered; a number answered as a range is an interval (lo < hi)
    std::string text;  // free-text answers
};

// The bounds a practitioner stated for a number answered as a range ("at least 1, perhaps
// more"): the interval is kept clipped to the question's min and max, so a bound equal to the
// question's own limit says nothing more and is not written back, unless it is all there is.
struct StatedBounds {
    bool lower = false, upper = false;
    double at_least = 0, at_most = 0;
};

// True for a number question answered with a range rather than one value.
bool is_range_answer(const Question& q, const Answer& a);
StatedBounds stated_bounds(const Question& q, const Value& v);

struct Case {
    std::string ref;  // pseudonymous, never a name
    DateTime referred_at;
    std::vector<Answer> answers;  // by question index; size == rules.questions.size()
};

// An empty case for a rule set: nothing asked yet.
Case blank_case(const RuleSet& rules);

const char* to_string(AnswerState s);  // "answered", "unknown", "not_asked"

// Renders an answer's value in the words a practitioner would use ("yes", "14", "at least 1",
// the choice's label); "unknown" / "not asked" for the other states.
std::string describe_answer(const Question& q, const Answer& a);
// The same for the value of any slot during evaluation (yes / no / unknown for conditions).
std::string describe_value(const RuleSet& rules, std::uint32_t slot, const Value& v);

}  // namespace continuum::engine
