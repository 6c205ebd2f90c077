// continuum test RULESET: runs the scenario tests beside the rules; the last line is always
// "N passed, M failed".
#include <iostream>

#include "cli.hpp"
#include "commands.hpp"
#include "engine/scenario.hpp"
#include "invariants_command.hpp"
#include "load_rules.hpp"

namespace continuum::cli {

namespace {

int run_tests(const std::string& folder, bool verbose) {
    int failure = kFindings;
    auto rules = load_rules_or_report(folder, failure);
    if (!rules) {
        std::cout << "0 passed, 0 failed (no scenario was run: the rule set cannot be used)\n";
        return failure;
    }
    engine::Diagnostics d;
    auto scenarios = engine::load_scenarios(*rules, folder, d);
    for (const auto& item : d.items())
        std::cerr << engine::format_diagnostic(item) << "\n";
    if (d.has_errors()) {
        std::cout << "0 passed, 0 failed\n";
        return kFindings;
    }
    std::size_t passed = 0, failed = 0, skipped = 0;
    for (const auto& s : scenarios) {
        if (s.todo) {
            ++skipped;
            if (verbose) std::cout << "SKIP " << s.name << " (todo)\n";
            continue;
        }
        engine::ScenarioResult r = engine::run_scenario(*rules, s);
        if (r.passed) {
            ++passed;
            if (verbose) std::cout << "PASS " << s.name << "\n";
            continue;
        }
        ++failed;
        std::cout << "FAIL " << s.origin.file << ":" << s.origin.pos.line << ": " << s.name << "\n";
        for (const auto& f : r.failures)
            std::cout << "  " << f << "\n";
        for (const auto& t : r.trace)
            std::cout << "    trace: " << t << "\n";
    }
    if (scenarios.empty()) std::cout << "no scenario tests found in " << folder << "/tests\n";
    if (skipped) std::cout << skipped << " skipped (todo)\n";
    std::cout << passed << " passed, " << failed << " failed\n";
    return failed == 0 && passed > 0 ? kOk : kFindings;
}

}  // namespace

void add_test(CLI::App& app, Action& run) {
    auto* cmd = app.add_subcommand(
        "test",
        "Run a rule set's scenario tests (tests/*.toml), or its domain invariants over "
        "generated cases (--invariants N)");
    auto folder = std::make_shared<std::string>();
    auto verbose = std::make_shared<bool>(false);
    auto invariants = std::make_shared<std::size_t>(0);
    auto seed = std::make_shared<std::uint64_t>(2026);
    auto examples = std::make_shared<std::string>();
    cmd->add_option("RULESET", *folder, "Rule set folder, e.g. rules/surrey")->required();
    cmd->add_flag("-v,--verbose", *verbose, "List every test, not only failures");
    auto* count = cmd->add_option("--invariants", *invariants,
                                  "Check the domain invariants over this many generated cases "
                                  "instead of running the scenario tests")
                      ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}));
    cmd->add_option("--seed", *seed, "Seed for the generated cases (default 2026)")->needs(count);
    cmd->add_option("--examples", *examples,
                    "Folder to write each broken invariant's example case to, as <invariant>.toml")
        ->needs(count);
    cmd->callback([&run, folder, verbose, invariants, seed, examples] {
        if (*invariants > 0)
            run = [=] { return run_invariants_check(*folder, *invariants, *seed, *examples); };
        else
            run = [folder, verbose] { return run_tests(*folder, *verbose); };
    });
}

}  // namespace continuum::cli
