// Synthetic rule sets of a chosen size, shaped like real ones (yes/no and graded questions,
// rules at three levels with `unless`, combinations, routes), so the cost of evaluation can be
// measured as the rule count grows.
#pragma once
#include <cstdint>
#include <string>

#include <memory>

#include "engine/case.hpp"
#include "engine/ruleset/load.hpp"
#include "engine/ruleset/schema.hpp"

namespace bench {

// The loaded rules, or the diagnostics on stderr and exit 1: a benchmark of rules that do not
// load measures nothing.
std::shared_ptr<const continuum::engine::RuleSet> must_load(continuum::engine::LoadResult loaded,
                                                            const std::string& what);

// A complete rule set text (one file) with `rules` level rules over rules/2 questions.
std::string generated_rules_text(int rules, std::uint64_t seed = 7);

// A case answering about 70% of the questions, 10% unknown, the rest not asked.
continuum::engine::Case generated_case(const continuum::engine::RuleSet& rs, std::uint64_t seed);

}  // namespace bench
