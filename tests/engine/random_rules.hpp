// Random rule sets and cases for checking the evaluator against the plain reading
// (reference.hpp): every kind of condition the language has (and, or, not, count, comparisons
// either way round, in, known, days_since, yes/no equality), nested at random, over questions
// that apply only sometimes, facts that read facts, rules with `unless`, combinations across
// domains, triggers, routes, consent rules and actions with conditions of their own.
#pragma once
#include <cstdint>
#include <random>
#include <string>

#include "engine/case.hpp"
#include "engine/ruleset/schema.hpp"

namespace random_rules {

// A rule set file to load on fixture::kBase (levels universal, targeted, statutory; domains
// d and e; source src).
std::string rule_set_text(std::uint64_t seed);

// A case answering some questions (any value the question takes, thresholds either side),
// answering others "unknown" and leaving the rest not asked.
continuum::engine::Case random_case(const continuum::engine::RuleSet& rules, std::mt19937_64& rng);

}  // namespace random_rules
