// Loading a rule set for a subcommand: diagnostics go to stderr, nothing is evaluated on a
// rule set with errors.
#pragma once
#include <memory>
#include <string>

#include "engine/diagnostics.hpp"
#include "engine/ruleset/schema.hpp"

namespace continuum::cli {

// Null (after printing the errors) when the rule set cannot be used.
std::shared_ptr<const engine::RuleSet> load_rules_or_report(const std::string& folder);
// The same, also giving the exit code for a failure: kUsage when the folder or a file cannot be
// read at all, kFindings when the rules have errors.
std::shared_ptr<const engine::RuleSet> load_rules_or_report(const std::string& folder,
                                                            int& failure_code);

// Both rule sets of a comparison, read side by side on two threads (each takes tens of
// milliseconds), their errors printed base first as if read one after the other. Null for
// either that cannot be used.
struct RulePair {
    std::shared_ptr<const engine::RuleSet> base, candidate;
};
RulePair load_rule_pair_or_report(const std::string& base, const std::string& candidate);

// kUsage when any error says an input could not be read, kFindings for any other error, else kOk.
int exit_code_for(const engine::Diagnostics& d);

}  // namespace continuum::cli
