// continuum lint RULESET: every diagnostic as FILE:LINE:COL: error|warning: message.
#include <iostream>

#include "cli.hpp"
#include "commands.hpp"
#include "engine/lint.hpp"
#include "load_rules.hpp"

namespace continuum::cli {

void add_lint(CLI::App& app, Action& run) {
    auto* cmd =
        app.add_subcommand("lint", "Check a rule set: errors and warnings with their positions");
    auto folder = std::make_shared<std::string>();
    cmd->add_option("RULESET", *folder, "Rule set folder, e.g. rules/surrey")->required();
    cmd->callback([&run, folder] {
        run = [folder] {
            engine::Diagnostics d = engine::lint_ruleset(*folder);
            for (const auto& item : d.items())
                std::cout << engine::format_diagnostic(item) << "\n";
            std::cout << d.error_count() << " error" << (d.error_count() == 1 ? "" : "s") << ", "
                      << d.warning_count() << " warning" << (d.warning_count() == 1 ? "" : "s")
                      << "\n";
            return exit_code_for(d);
        };
    });
}

}  // namespace continuum::cli
