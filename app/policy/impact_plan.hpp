// How the definitions of two rule sets pair up by id, worked out once before any case is
// evaluated, and which edited definitions could explain a change in each part of an outcome.
// Internal to impact analysis.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/ruleset/schema.hpp"
#include "rule_diff.hpp"

namespace continuum::engine::impact_detail {

inline constexpr int kNoEntry = -1;

// A definition with a fired / not fired / undetermined status (or, for a question, whether it
// applies), by its slot in each rule set.
struct TracedPair {
    ItemKind kind = ItemKind::Fact;
    std::string id;
    std::uint32_t base_slot = kNone, cand_slot = kNone;
    int entry = kNoEntry;       // its rule diff entry, when edited
    bool level_edited = false;  // the level it points to was changed
};

struct IndexPair {
    std::string id;
    std::uint32_t base = kNone, cand = kNone;  // index in each rule set
    int entry = kNoEntry;
};

// Something edited that could explain a change in one needed action.
struct ActionCause {
    enum class When : std::uint8_t {
        Always,
        RouteActive,
        TriggerActive,
        LevelIs
    } when = When::Always;
    int entry = kNoEntry;
    std::uint32_t pair = 0;  // route / trigger pair index
    std::string level;       // LevelIs: level id
};

struct ActionPair : IndexPair {
    std::vector<ActionCause> causes;
};

struct Plan {
    const RuleSet* base = nullptr;
    const RuleSet* cand = nullptr;
    const RuleDiff* diff = nullptr;
    // Facts, rules, combinations, triggers, routes, consent rules and actions' conditions.
    std::vector<TracedPair> traced;
    // By traced definition: the edited definitions it reads, directly or through others (in
    // either rule set). An unedited definition that changes is explained by these: a rule
    // raised a level fires just the same, but the combinations counting it do not.
    std::vector<std::vector<std::uint32_t>> upstream;
    std::vector<IndexPair> questions;  // edited questions only
    std::vector<IndexPair> routes, triggers, consents;
    std::vector<ActionPair> actions;
    // Edited levels and the level order: the last resort to explain a level move.
    std::vector<int> level_entries;
    // Base question index -> candidate question index (kNone when the candidate lacks it).
    // When every question both ask takes the same answers (type, choices, range, and for the
    // chronology the same terms in the same order), a case read under the base carries over
    // to the candidate without reading its line again.
    std::vector<std::uint32_t> question_map;
    bool answers_carry_over = true;
    // Carried over, and every question has the same index under both (none added, removed
    // or moved; an ask_when may differ, as it is applied when evaluating, not when reading):
    // a case read under the base is, as it stands, the case under the candidate.
    bool same_questions = false;

    // For telling at a glance that a case's two outcomes are the same, as most are, before
    // comparing them part by part: the traced definitions' slots, both sides' where both have
    // it, and one side's alone (absent counts as not fired); base level / action index ->
    // the candidate's of the same id (kNone when it has none).
    std::vector<std::pair<std::uint32_t, std::uint32_t>> shared_slots;
    std::vector<std::uint32_t> base_only_slots, cand_only_slots;
    std::vector<std::uint32_t> level_map, action_map;
};

Plan make_plan(const RuleSet& base, const RuleSet& cand, const RuleDiff& diff);

}  // namespace continuum::engine::impact_detail
