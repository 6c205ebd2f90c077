// What evaluating one case returns. The truths the evaluator writes as it goes are what the
// trace (trace.hpp) turns into explanations.
#pragma once
#include <cstdint>
#include <vector>

#include "date_time.hpp"
#include "tri.hpp"
#include "value.hpp"

namespace continuum::engine {

enum class Finding : std::uint8_t { NotMet, Met, CannotRuleOut };

const char* to_string(Finding f);  // "not_met", "met", "cannot_rule_out"

struct Due {
    bool has_due = false;
    DateTime at;                    // the deadline
    bool end_of_day = false;        // days-based: by the end of at.day
    bool outside_calendar = false;  // counted past the bank holidays the rule set holds
};

struct NeededAction {
    std::uint32_t action = 0;
    bool definite = true;  // false: needed only if an undetermined route or trigger is met
    Due due;
    std::uint32_t reasons_first = 0;  // into Outcome::action_reasons: slots that call for it
    std::uint32_t reasons_count = 0;
};

// Per slot: a question's visibility (its ask_when; True when it has none), or the status of
// a fact, rule, combination, trigger, route, consent rule or action condition.
struct SlotResult {
    Tri status = Tri::Unknown;
    bool unless_blocked = false;  // condition held but `unless` did (or may have)
};

struct Outcome {
    std::uint32_t level = 0;                       // index into RuleSet::levels
    bool higher_level_possible = false;            // an undetermined rule points higher
    std::vector<Finding> routes;                   // by route index
    std::vector<std::uint32_t> triggers;           // fired, by trigger index
    std::vector<std::uint32_t> possible_triggers;  // undetermined
    std::vector<NeededAction> actions;
    std::vector<std::uint32_t> action_reasons;
    std::vector<std::uint32_t> consent;           // consent rules that hold
    std::vector<std::uint32_t> possible_consent;  // undetermined
    DateTime referred_at;

    std::vector<SlotResult> slots;  // by slot
    // What the evaluation wrote (expr::Machine): truths by cell (a slot's truth is in the cell
    // of the same number), and the answers to number, choice, date and text questions by
    // register. Read a slot's value through slot_value (evaluate.hpp).
    std::vector<Tri> truths;
    std::vector<Value> numbers;
};

}  // namespace continuum::engine
