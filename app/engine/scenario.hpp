// Scenario tests: cases beside the rules with the outcome a policy group expects, run by
// `continuum test` and by ctest. Files are rules/<set>/tests/*.toml, each [[test]] a case.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "case.hpp"
#include "diagnostics.hpp"
#include "outcome.hpp"
#include "ruleset/schema.hpp"

namespace continuum::engine {

struct ScenarioExpectation {
    std::optional<std::string> level;
    std::optional<bool> higher_level_possible;
    std::vector<std::pair<std::string, Finding>> routes;  // only those listed are checked
    std::optional<std::vector<std::string>> triggers;     // exactly these fire, when given
    std::vector<std::string> fired, not_fired, undetermined;
    std::vector<std::string> actions;                     // at least these are needed
};

struct Scenario {
    std::string name, narrative;
    Origin origin;
    bool todo = false;  // listed but not run: a known gap, reported as skipped
    Case kase;
    ScenarioExpectation expect;
};

struct ScenarioResult {
    const Scenario* scenario = nullptr;
    bool passed = false;
    std::vector<std::string> failures;  // "expected level 'x', got 'y'" ...
    std::vector<std::string> trace;     // the trace lines that explain each failure
};

// Reads every tests/*.toml under the rule set folder.
std::vector<Scenario> load_scenarios(const RuleSet& rules, const std::filesystem::path& folder,
                                     Diagnostics& d);
std::vector<Scenario> load_scenarios_from_text(const RuleSet& rules, const std::string& path,
                                               const std::string& text, Diagnostics& d);

ScenarioResult run_scenario(const RuleSet& rules, const Scenario& s);

}  // namespace continuum::engine
