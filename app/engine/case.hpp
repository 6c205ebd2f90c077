// A case as the practitioner gives it: a pseudonymous reference, the referral time, and per
// question whether it was answered, answered "unknown", or not asked.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "chronology.hpp"
#include "date_time.hpp"
#include "ruleset/schema.hpp"
#include "value.hpp"

namespace continuum::engine {

enum class AnswerState : std::uint8_t { NotAsked, Answered, Unknown };

struct Answer {
    Answer() = default;
    Answer(AnswerState s, Value v, std::string t = {}, std::shared_ptr<const Chronology> c = {});
    Answer(const Answer& other);
    Answer& operator=(const Answer& other);
    Answer(Answer&&) noexcept = default;
    Answer& operator=(Answer&&) noexcept = default;

    AnswerState state = AnswerState::NotAsked;
    Value value;  // when answered; a number answered as a range is an interval (lo < hi)

    // A text question's words ("" for every other answer).
    const std::string& text() const;
    void set_text(std::string text);
    // The chronology question's answer (value.known: complete, every agency checked). Shared
    // and never changed in place, so copying a case copies no contacts.
    const std::shared_ptr<const Chronology>& chronology() const;

    // Back to a blank answer (not asked), in place.
    void reset() {
        state = AnswerState::NotAsked;
        value = Value{};
        detail_.reset();
    }

  private:
    // Text and chronology are rare and never read while rules are evaluated: kept out of line,
    // an answer is 40 bytes, so the answers a case's evaluation reads take half the cache
    // lines they did with the words inside.
    struct Detail {
        std::string text;
        std::shared_ptr<const Chronology> chronology;
    };
    std::unique_ptr<Detail> detail_;
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
// True for a chronology recorded only in part: more contacts may be found.
bool is_partial_chronology(const Question& q, const Answer& a);
// The chronology question's answer: the contacts, complete or not.
Answer chronology_answer(Chronology c);

StatedBounds stated_bounds(const Question& q, const Value& v);

struct Case {
    std::string ref;  // pseudonymous, never a name
    DateTime referred_at;
    std::vector<Answer> answers;  // by question index; size == rules.questions.size()
};

// The chronology a case records, or nullptr when it has none (not asked).
const Chronology* recorded_chronology(const RuleSet& rules, const Case& c);

// An empty case for a rule set: nothing asked yet.
Case blank_case(const RuleSet& rules);
// Makes `c` what blank_case(rules) gives, keeping its storage: a reader that reuses one case
// for line after line starts each line from this, so nothing of the last line stays.
void make_blank(const RuleSet& rules, Case& c);

const char* to_string(AnswerState s);  // "answered", "unknown", "not_asked"

// Renders an answer's value in the words a practitioner would use ("yes", "14", "at least 1",
// the choice's label); "unknown" / "not asked" for the other states.
std::string describe_answer(const Question& q, const Answer& a);
// The same for the value of any slot during evaluation (yes / no / unknown for conditions).
std::string describe_value(const RuleSet& rules, std::uint32_t slot, const Value& v);

}  // namespace continuum::engine
