// Loading a rule set for a subcommand: diagnostics go to stderr, nothing is evaluated on a
// rule set with errors.
#pragma once
#include <memory>
#include <string>

#include "engine/ruleset/schema.hpp"

namespace continuum::cli {

// Null (after printing the errors) when the rule set cannot be used.
std::shared_ptr<const engine::RuleSet> load_rules_or_report(const std::string& folder);

}  // namespace continuum::cli
