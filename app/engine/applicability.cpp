#include "applicability.hpp"

#include "trace.hpp"

namespace continuum::engine {

Applies question_applies(const RuleSet& rules, const Case& c, const Outcome& o, std::uint32_t qi) {
    Tracer tracer(rules);
    return question_applies(tracer, c, o, qi);
}

Applies question_applies(Tracer& tracer, const Case& c, const Outcome& o, std::uint32_t qi) {
    const RuleSet& rules = tracer.rules();
    const Question& q = rules.questions[qi];
    Tri visible = o.slots[q.slot].status;
    if (visible == Tri::True) return Applies::Yes;
    if (visible == Tri::False) return Applies::No;
    // Open: wait while anything it depends on has not been asked; once those are answered
    // "unknown", the question may apply and is asked rather than silently dropped.
    std::vector<std::uint32_t>& open = tracer.scratch_slots();
    open.clear();
    tracer.blocking(c, o, q.slot, open);
    for (std::uint32_t slot : open) {
        std::uint32_t other = rules.slot_items[slot].index;
        bool could_be_asked = o.slots[slot].status != Tri::False;
        if (other != qi && could_be_asked && c.answers[other].state == AnswerState::NotAsked)
            return Applies::NotYet;
    }
    return Applies::Yes;
}

const char* to_string(Applies a) {
    switch (a) {
        case Applies::Yes:
            return "yes";
        case Applies::No:
            return "no";
        case Applies::NotYet:
            return "not_yet";
    }
    return "?";
}

}  // namespace continuum::engine
