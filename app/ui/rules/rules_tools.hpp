// The Rules view's data, built from rule sets outside any view: the catalogue of what decides
// levels, routes and triggers (in words, searchable), a changed case re-read under both rule
// sets for the side-by-side traces, and the diff against another folder.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "engine/ruleset/schema.hpp"
#include "rules_view_state.hpp"

namespace continuum::ui {

// A condition with its operators in words and choice answers by their labels:
// `born and health_needs == "some_unmet"` reads `born and health_needs is "Some unmet"`.
// Each name read is explained once in `glossary` ("born: Has the child been born?").
std::string readable_condition(const engine::RuleSet& rules, std::string_view text,
                               std::vector<std::string>& glossary);

// Level rules, combinations, triggers and routes, in the order they are written.
std::vector<CatalogueEntry> build_catalogue(const engine::RuleSet& rules);

// Whether the entry's id, words, condition (as written or readable) or citations contain
// `search`, ignoring case; an empty search matches everything.
bool catalogue_matches(const CatalogueEntry& e, std::string_view search);

// The case of `change` read again from the library under both rule sets and traced.
ImpactCase open_impact_case(const engine::RuleSet& base, const engine::RuleSet& candidate,
                            const engine::ImpactReport& report, std::size_t change,
                            std::string_view library);

// The diff from the rule set in `folder` (before) to `active` (after).
DiffState diff_against(const engine::RuleSet& active, const std::string& folder);

}  // namespace continuum::ui
