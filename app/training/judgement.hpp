// A threshold judgement as something that can be compared: the level, each route's finding
// and the always-refer triggers. Trainees commit one, scenario packs expect one, the engine
// gives one; all three are compared criterion by criterion in the same words.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "engine/outcome.hpp"
#include "engine/ruleset/schema.hpp"

namespace continuum::engine {

struct Judgement {
    std::string level;                          // a level id
    std::map<std::string, std::string> routes;  // route id -> "met" / "not_met" / "cannot_rule_out"
    std::vector<std::string> triggers;          // trigger ids, sorted, no repeats

    bool operator==(const Judgement&) const = default;
};

// One point of comparison: "level", "route:s47", or "triggers", with the category given.
struct Criterion {
    std::string id;        // "level", "route:<id>", "triggers"
    std::string category;  // the level id, the finding, or the trigger ids joined by "+"
};

// What the engine suggests for an evaluated case.
Judgement judgement_of(const RuleSet& rules, const Outcome& o);

// The criteria of a rule set, in a fixed order: level, each route in file order, triggers.
std::vector<std::string> criterion_ids(const RuleSet& rules);

// The categories a judgement gives for `ids`; a route the judgement leaves out is "not_given".
std::vector<Criterion> criteria_of(const Judgement& j, const std::vector<std::string>& ids);

// The triggers category: ids joined by "+", or "none".
std::string triggers_category(const std::vector<std::string>& sorted_ids);

// Sorts and removes repeats, so trigger lists compare as sets.
void normalise(Judgement& j);

}  // namespace continuum::engine
