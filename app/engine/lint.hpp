// continuum lint: everything the loader reports, plus the checks that need a loaded rule set
// (scenario tests that name unknown ids, questions that can never be asked).
#pragma once
#include <filesystem>

#include "diagnostics.hpp"
#include "ruleset/schema.hpp"

namespace continuum::engine {

Diagnostics lint_ruleset(const std::filesystem::path& folder);

// Questions whose ask_when is false whatever the questions it reads are answered.
void check_unreachable_questions(const RuleSet& rules, Diagnostics& d);

}  // namespace continuum::engine
