// continuum cases generate RULESET --count N --seed S [--output FILE]: a synthetic case
// library (JSON Lines), the same for the same rule set and seed. Exit 0 when written; 1 when
// the rule set has errors; 2 for bad arguments or an output file that cannot be written.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "commands.hpp"
#include "engine/case_io.hpp"
#include "load_rules.hpp"
#include "policy/case_generator.hpp"
#include "read_file.hpp"

namespace continuum::cli {

namespace {

struct GenerateOptions {
    std::string rules, output;
    std::size_t count = 0;
    std::uint64_t seed = 0;
};

int run_generate(const GenerateOptions& opt) {
    auto rules = load_rules_or_report(opt.rules);
    if (!rules) return kFindings;
    engine::CaseGenerator generator(*rules, opt.seed);
    std::string out;
    for (std::size_t i = 0; i < opt.count; ++i) {
        out += engine::case_to_json(*rules, generator.next()).dump();
        out += '\n';
    }
    if (opt.output.empty()) {
        std::cout << out;
        return std::cout ? kOk : kUsage;
    }
    if (!write_file_atomically(opt.output, out)) return kUsage;
    std::cerr << "continuum: wrote " << opt.count << " synthetic case"
              << (opt.count == 1 ? "" : "s") << " to " << opt.output << "\n";
    return kOk;
}

}  // namespace

void add_cases(CLI::App& app, Action& run) {
    auto* cmd = app.add_subcommand("cases", "Case libraries");
    cmd->require_subcommand(1);
    auto* gen = cmd->add_subcommand("generate",
                                    "Write a synthetic case library (JSON Lines) for a rule set");
    auto opt = std::make_shared<GenerateOptions>();
    gen->add_option("RULESET", opt->rules, "Rule set folder")->required();
    gen->add_option("--count", opt->count, "How many cases")
        ->required()
        ->check(CLI::Range(1, 10'000'000));
    gen->add_option("--seed", opt->seed, "Seed: the same seed gives the same cases")->required();
    gen->add_option("--output,-o", opt->output, "File to write (default: standard output)");
    gen->callback([&run, opt] { run = [opt] { return run_generate(*opt); }; });
}

}  // namespace continuum::cli
