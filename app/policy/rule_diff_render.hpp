// A rule diff as text for a terminal and as the stable JSON form (continuum diff --json),
// schema "continuum.diff/1", documented in app/policy/policy-json.md.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "rule_diff.hpp"

namespace continuum::report {

inline constexpr const char* kDiffSchema = "continuum.diff/1";

struct DiffSides {
    std::string before_root, before_id, before_version;
    std::string after_root, after_id, after_version;
};

DiffSides diff_sides(const engine::RuleSet& before, const engine::RuleSet& after);

std::string to_text(const engine::RuleDiff& diff, const DiffSides& sides);
nlohmann::json to_json(const engine::RuleDiff& diff, const DiffSides& sides);
// The entries alone, as they appear under "entries" (also inside continuum.impact/1).
nlohmann::json diff_entries_json(const engine::RuleDiff& diff);

}  // namespace continuum::report
