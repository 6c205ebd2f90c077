#include "load_rules.hpp"

#include <future>
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

namespace {

std::shared_ptr<const engine::RuleSet> report(const std::string& folder,
                                              const engine::LoadResult& loaded, int& failure_code) {
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

}  // namespace

std::shared_ptr<const engine::RuleSet> load_rules_or_report(const std::string& folder,
                                                            int& failure_code) {
    return report(folder, engine::load_ruleset(folder), failure_code);
}

RulePair load_rule_pair_or_report(const std::string& base, const std::string& candidate) {
    auto reading = std::async(std::launch::async, [&] { return engine::load_ruleset(candidate); });
    const engine::LoadResult b = engine::load_ruleset(base);
    const engine::LoadResult c = reading.get();
    int ignored = kOk;
    return {report(base, b, ignored), report(candidate, c, ignored)};
}

}  // namespace continuum::cli
