#include "load_rules.hpp"

#include <iostream>

#include "cli.hpp"
#include "engine/ruleset/load.hpp"

namespace continuum::cli {

int exit_code_for(const engine::Diagnostics& d) {
    for (const auto& item : d.items())
        if (item.severity == engine::Severity::Error &&
            (item.code == "no-ruleset" || item.code == "unreadable-file" ||
             item.code == "unreadable-folder"))
            return kUsage;
    return d.has_errors() ? kFindings : kOk;
}

std::shared_ptr<const engine::RuleSet> load_rules_or_report(const std::string& folder) {
    int ignored = kOk;
    return load_rules_or_report(folder, ignored);
}

std::shared_ptr<const engine::RuleSet> load_rules_or_report(const std::string& folder,
                                                            int& failure_code) {
    engine::LoadResult loaded = engine::load_ruleset(folder);
    for (const auto& d : loaded.diagnostics.items())
        if (d.severity == engine::Severity::Error)
            std::cerr << engine::format_diagnostic(d) << "\n";
    if (!loaded.ok())
        std::cerr << "continuum: the rule set in " << folder << " has "
                  << loaded.diagnostics.error_count() << " error(s); run 'continuum lint " << folder
                  << "' for all messages\n";
    failure_code = exit_code_for(loaded.diagnostics);
    return loaded.rules;
}

}  // namespace continuum::cli
