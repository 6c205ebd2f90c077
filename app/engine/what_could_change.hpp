// "What could change this": for the suggested level and for each route, the smallest sets of
// questions not yet answered (or answered "unknown") whose answers could change the finding,
// each with an example of the answers that would do it.
//
// Sets are found by trying answers: yes and no, each choice, and for numbers and dates the
// values either side of every threshold the rules compare them with. Search is bounded
// (set size, number of evaluations); `complete` says whether the bound was reached.
#pragma once
#include <string>
#include <vector>

#include "case.hpp"
#include "outcome.hpp"
#include "ruleset/schema.hpp"

namespace continuum::engine {

struct HypotheticalAnswer {
    std::uint32_t question = 0;  // index into RuleSet::questions
    Value value;
    std::string label;  // "no", "14", the choice's label
};

struct ChangeOption {
    std::vector<HypotheticalAnswer> answers;
    std::string becomes;  // level id, or a Finding name for routes
};

struct ChangeSet {
    std::vector<std::uint32_t> questions;  // indices into RuleSet::questions, ascending
    std::vector<ChangeOption> options;     // one example per different result
};

struct ChangeTarget {
    bool is_level = true;
    std::uint32_t route = 0;  // when !is_level
    std::string current;      // level id or Finding name
    std::vector<ChangeSet> sets;
    bool complete = true;     // false: the search stopped at a limit
};

struct ChangeLimits {
    std::size_t max_set_size = 3;
    std::size_t max_evaluations = 20000;  // for all targets together
    std::size_t max_sets = 8;             // per target
    bool first_only = false;  // stop at the first set found (is there any? not: which are they?)
};

std::vector<ChangeTarget> what_could_change(const RuleSet& rules, const Case& c, const Outcome& o,
                                            const ChangeLimits& limits = {});

// The same for one target: the level, or the route `route` (an index into RuleSet::routes).
enum class ChangeOf : std::uint8_t { Level, Route };
ChangeTarget what_could_change_one(const RuleSet& rules, const Case& c, const Outcome& o,
                                   ChangeOf of, std::uint32_t route, const ChangeLimits& limits);

// The answers worth trying for one question (used by the search and by case generation).
std::vector<HypotheticalAnswer> candidate_answers(const RuleSet& rules, std::uint32_t question);
// Those answers made to fit case `c`: dates counted back from its referral day, and for a number
// answered as a range only values inside it (its own bound when no other is).
void fit_to_case(const RuleSet& rules, const Case& c, std::uint32_t question,
                 std::vector<HypotheticalAnswer>& answers);

}  // namespace continuum::engine
