// Each subcommand registers itself on the CLI11 app and returns the code to exit with.
#pragma once
#include <functional>

#include <CLI/CLI.hpp>

namespace continuum::cli {

// Adds a subcommand; `run` is set to its action when the subcommand is chosen.
using Action = std::function<int()>;
void add_lint(CLI::App& app, Action& run);
void add_test(CLI::App& app, Action& run);
void add_eval(CLI::App& app, Action& run);
void add_family(CLI::App& app, Action& run);
void add_audit(CLI::App& app, Action& run);
void add_audit_stats(CLI::App& audit, Action& run);  // stats_command.cpp
void add_training(CLI::App& app, Action& run);
void add_impact(CLI::App& app, Action& run);
void add_diff(CLI::App& app, Action& run);
void add_cases(CLI::App& app, Action& run);
void add_server(CLI::App& app, Action& run);
void add_bench(CLI::App& app, Action& run);

}  // namespace continuum::cli
