// continuum eval RULESET CASE [--json] [--full]: one case, its suggestion and its reasons.
#include <iostream>

#include "cli.hpp"
#include "commands.hpp"
#include "engine/case_io.hpp"
#include "load_rules.hpp"
#include "report/evaluation_json.hpp"
#include "report/evaluation_text.hpp"

namespace continuum::cli {

namespace {

struct EvalOptions {
    std::string rules, case_file;
    bool json = false, full = false;
};

int run_eval(const EvalOptions& opt) {
    int failure = kFindings;
    auto rules = load_rules_or_report(opt.rules, failure);
    if (!rules) return failure;
    engine::Diagnostics d;
    auto c = engine::read_case_file(*rules, opt.case_file, d);
    d.sort();
    for (const auto& item : d.items())
        std::cerr << engine::format_diagnostic(item) << "\n";
    if (!c) return kUsage;
    report::Evaluation e = report::evaluate_fully(*rules, *c);
    if (opt.json)
        std::cout << report::to_json(e).dump(2) << "\n";
    else
        std::cout << report::to_text(e, opt.full ? report::Detail::Full : report::Detail::Summary);
    return kOk;
}

}  // namespace

void add_eval(CLI::App& app, Action& run) {
    auto* cmd = app.add_subcommand("eval", "Evaluate one case (TOML) against a rule set");
    auto opt = std::make_shared<EvalOptions>();
    cmd->add_option("RULESET", opt->rules, "Rule set folder")->required();
    cmd->add_option("CASE", opt->case_file, "Case file (TOML)")->required();
    cmd->add_flag("--json", opt->json, "Print the stable JSON form (schema continuum.eval/1)");
    cmd->add_flag("--full", opt->full, "Include every rule's trace in the text output");
    cmd->callback([&run, opt] { run = [opt] { return run_eval(*opt); }; });
}

}  // namespace continuum::cli
