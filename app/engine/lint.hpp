// continuum lint: everything the loader reports, plus the checks that need a loaded rule set
// (scenario tests that name unknown ids, questions that can never be asked).
#pragma once
#include <filesystem>

#include "diagnostics.hpp"
#include "ruleset/schema.hpp"

namespace continuum::engine {

Diagnostics lint_ruleset(const std::filesystem::path& folder);

// Questions whose ask_when is false whatever the questions it reads are answered, and rules,
// triggers, routes and facts that no answers make true. `work_budget` bounds the trials
// (evaluations times the rule set's slots, about a second's work by default); definitions
// left untried when it runs out are counted in one `check-incomplete` warning.
inline constexpr double kLintWorkBudget = 4e8;
void check_unreachable_questions(const RuleSet& rules, Diagnostics& d,
                                 double work_budget = kLintWorkBudget);

}  // namespace continuum::engine
