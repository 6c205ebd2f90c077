// continuum training check|report|export: checking a rule set's training pack, and the group
// agreement figures from a training results file. Results files are opened read-only.
#include <iostream>

#include "audit/training_store.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "load_rules.hpp"
#include "terminal_text.hpp"
#include "training/training_pack.hpp"
#include "training/training_report.hpp"

namespace continuum::cli {

namespace {

struct TrainingOptions {
    std::string target;  // RULESET for check, RESULTS otherwise
    bool csv = false;
    std::string scenario, cohort, format = "jsonl";
};

// Every scenario must load cleanly and its expected judgement must be the engine's on its
// full intended answers: a pack that teaches something the rules do not say is a defect.
int run_check(const TrainingOptions& opt) {
    int failure = kFindings;
    auto rules = load_rules_or_report(opt.target, failure);
    if (!rules) return failure;
    engine::Diagnostics d;
    engine::TrainingPack pack = engine::load_training_pack(*rules, opt.target, d);
    d.sort();
    for (const auto& item : d.items())
        std::cerr << engine::format_diagnostic(item) << "\n";
    if (d.has_errors()) {
        std::cout << "the training pack has errors: no scenario was checked\n";
        return exit_code_for(d);
    }
    if (pack.scenarios.empty()) {
        std::cout << "no training scenarios found in " << opt.target << "/training\n";
        return kFindings;
    }
    std::size_t agree = 0, disagree = 0;
    for (const auto& s : pack.scenarios) {
        auto diffs = engine::disagreements_with_engine(*rules, s);
        if (diffs.empty()) {
            ++agree;
            continue;
        }
        ++disagree;
        std::cout << "DISAGREE " << s.origin.file << ":" << s.origin.pos.line << ": " << s.id
                  << "\n";
        for (const auto& line : diffs)
            std::cout << "  " << line << "\n";
    }
    std::cout << agree << " scenarios agree with the engine, " << disagree << " disagree\n";
    return disagree == 0 ? kOk : kFindings;
}

std::unique_ptr<audit::TrainingStore> open_results(const std::string& file) {
    std::string error;
    auto store = audit::TrainingStore::open_existing(file, error);
    if (!store) std::cerr << "error: " << error << "\n";
    return store;
}

audit::TrainingQuery query_of(const TrainingOptions& opt) {
    audit::TrainingQuery q;
    if (!opt.scenario.empty()) q.scenario = opt.scenario;
    if (!opt.cohort.empty()) q.cohort = opt.cohort;
    return q;
}

int run_report(const TrainingOptions& opt) {
    auto store = open_results(opt.target);
    if (!store) return kUsage;
    auto results = store->list(query_of(opt));
    if (results.empty()) {
        std::cerr << "no committed judgements in " << opt.target
                  << (opt.scenario.empty() && opt.cohort.empty() ? "" : " match the filters")
                  << "\n";
        return kFindings;
    }
    std::vector<report::RatedJudgement> rated;
    for (const auto& r : results)
        rated.push_back({r.trainee, r.cohort, r.scenario_id, r.committed, r.expected});
    report::CohortReport rep = report::cohort_report(rated);
    if (opt.csv)
        report::write_report_csv(std::cout, rep);
    else
        report::write_report_text(std::cout, rep);
    return kOk;
}

int run_export(const TrainingOptions& opt) {
    auto store = open_results(opt.target);
    if (!store) return kUsage;
    auto results = store->list(query_of(opt));
    std::ostream& out = raw_stdout();  // the exact data, not text for the screen
    if (opt.format == "csv")
        audit::write_training_csv(out, results);
    else
        audit::write_training_jsonl(out, results);
    out.flush();
    return kOk;
}

}  // namespace

void add_training(CLI::App& app, Action& run) {
    auto* cmd = app.add_subcommand("training", "Training packs and the agreement of trainees");
    cmd->require_subcommand(1);
    auto opt = std::make_shared<TrainingOptions>();

    auto* check = cmd->add_subcommand(
        "check", "Check a rule set's training pack: clean, and agreeing with the engine");
    check->add_option("RULESET", opt->target, "Rule set folder, e.g. rules/surrey")->required();
    check->callback([&run, opt] { run = [opt] { return run_check(*opt); }; });

    auto* rep = cmd->add_subcommand("report",
                                    "Agreement with the expected judgements and between trainees");
    rep->add_option("RESULTS", opt->target, "Training results file (training.sqlite)")->required();
    rep->add_flag("--csv", opt->csv, "One CSV table instead of text");
    rep->add_option("--scenario", opt->scenario, "Only this scenario id");
    rep->add_option("--cohort", opt->cohort, "Only this cohort");
    rep->callback([&run, opt] { run = [opt] { return run_report(*opt); }; });

    auto* exp = cmd->add_subcommand("export", "Every committed judgement, to standard output");
    exp->add_option("RESULTS", opt->target, "Training results file (training.sqlite)")->required();
    exp->add_option("--format", opt->format, "jsonl (default) or csv")
        ->check(CLI::IsMember({"jsonl", "csv"}));
    exp->add_option("--scenario", opt->scenario, "Only this scenario id");
    exp->add_option("--cohort", opt->cohort, "Only this cohort");
    exp->callback([&run, opt] { run = [opt] { return run_export(*opt); }; });
}

}  // namespace continuum::cli
