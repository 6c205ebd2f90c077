#include "load_rules.hpp"

#include <iostream>

#include "engine/ruleset/load.hpp"

namespace continuum::cli {

std::shared_ptr<const engine::RuleSet> load_rules_or_report(const std::string& folder) {
    engine::LoadResult loaded = engine::load_ruleset(folder);
    for (const auto& d : loaded.diagnostics.items())
        if (d.severity == engine::Severity::Error) std::cerr << engine::format_diagnostic(d) << "\n";
    if (!loaded.ok())
        std::cerr << "continuum: the rule set in " << folder << " has "
                  << loaded.diagnostics.error_count() << " error(s); run 'continuum lint " << folder
                  << "' for all messages\n";
    return loaded.rules;
}

}  // namespace continuum::cli
