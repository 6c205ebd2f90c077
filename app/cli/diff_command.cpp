// continuum diff OLD NEW [--json]: a rule-level diff of two rule sets, not a text diff.
// Exit 0 when it ran (with or without differences); 1 when either rule set has errors.
#include <iostream>

#include "cli.hpp"
#include "commands.hpp"
#include "load_rules.hpp"
#include "policy/rule_diff.hpp"
#include "policy/rule_diff_render.hpp"

namespace continuum::cli {

namespace {

struct DiffOptions {
    std::string before, after;
    bool json = false;
};

int run_diff(const DiffOptions& opt) {
    auto [before, after] = load_rule_pair_or_report(opt.before, opt.after);
    if (!before || !after) return kFindings;
    engine::RuleDiff diff = engine::diff_rulesets(*before, *after);
    report::DiffSides sides = report::diff_sides(*before, *after);
    if (opt.json)
        std::cout << report::to_json(diff, sides).dump(2) << "\n";
    else
        std::cout << report::to_text(diff, sides);
    return kOk;
}

}  // namespace

void add_diff(CLI::App& app, Action& run) {
    auto* cmd = app.add_subcommand("diff", "Rule-level differences between two rule sets");
    auto opt = std::make_shared<DiffOptions>();
    cmd->add_option("OLD", opt->before, "Rule set before (folder)")->required();
    cmd->add_option("NEW", opt->after, "Rule set after (folder)")->required();
    cmd->add_flag("--json", opt->json, "Print the stable JSON form (schema continuum.diff/1)");
    cmd->callback([&run, opt] { run = [opt] { return run_diff(*opt); }; });
}

}  // namespace continuum::cli
