// A rule-level semantic diff of two rule sets: which definitions were added, removed or
// changed, field by field, with the old and new conditions and citations side by side.
// Definitions are matched by kind and id, so moving them between files or reordering them
// is no change; conditions are compared token by token, so spacing is no change either.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ruleset/schema.hpp"

namespace continuum::engine {

enum class DiffChange : std::uint8_t { Added, Removed, Changed };

const char* to_string(DiffChange c);  // "new", "removed", "changed"

struct FieldChange {
    std::string field;          // "when", "at_least", "cites", ...
    std::string before, after;  // as written; "" when the field was not given
};

struct DiffEntry {
    // "ruleset", "calendar", "source", "level", "level_order", "domain", "chronology",
    // "question", "fact", "rule", "combination", "trigger", "route", "action", "consent"
    std::string kind;
    std::string id;
    DiffChange change = DiffChange::Changed;
    std::vector<FieldChange> fields;  // Changed: the fields that differ, in a fixed order
    // The main condition (when / test / ask_when) and the citations of each side, for showing
    // side by side; empty on the side where the definition does not exist.
    std::string condition_before, condition_after;
    std::vector<std::string> cites_before, cites_after;  // "source#pinpoint"
    Origin before, after;                                // where each side is written
};

struct RuleDiff {
    std::vector<DiffEntry> entries;  // in kind order (as above), then by id

    bool empty() const { return entries.empty(); }
    std::size_t count(DiffChange c) const;
    // The entry for a definition, or null when it is the same in both.
    const DiffEntry* find(std::string_view kind, std::string_view id) const;
};

RuleDiff diff_rulesets(const RuleSet& before, const RuleSet& after);

// A condition's tokens joined by single spaces: two conditions that differ only in spacing
// have the same normal form. Text that does not tokenise is returned trimmed, unchanged.
std::string normalise_condition(std::string_view text);

// "source#pinpoint", or "source" without a pinpoint.
std::string citation_key(const Citation& c);

}  // namespace continuum::engine
