// continuum impact BASE CANDIDATE CASES.jsonl [--json] [--limit N] [--threads N]: what the
// candidate rules would change for every case of a library, and which edits are responsible.
// Exit 0 when the analysis ran, whatever it found (cases that cannot be read are counted and
// listed with their line); 1 when either rule set has errors; 2 for bad arguments or a library
// that cannot be read at all.
#include <iostream>

#include "cli.hpp"
#include "commands.hpp"
#include "engine/impact.hpp"
#include "library_file.hpp"
#include "load_rules.hpp"
#include "report/impact_render.hpp"

namespace continuum::cli {

namespace {

struct ImpactOptions {
    std::string base, candidate, library;
    bool json = false;
    std::size_t limit = 20;
    unsigned threads = 0;
};

int run_impact(const ImpactOptions& opt) {
    auto base = load_rules_or_report(opt.base);
    auto candidate = load_rules_or_report(opt.candidate);
    if (!base || !candidate) return kFindings;
    auto library = LibraryFile::open(opt.library);
    if (!library) return kUsage;
    engine::ImpactOptions options;
    options.file = opt.library;
    options.threads = opt.threads;
    engine::ImpactReport r = engine::analyse_impact(*base, *candidate, *library, options);
    if (!library->error().empty()) {  // a report on part of the library would mislead
        std::cerr << "continuum: " << library->error() << "\n";
        return kUsage;
    }
    if (opt.json)
        std::cout << report::to_json(r).dump(2) << "\n";
    else
        std::cout << report::to_text(r, opt.limit);
    for (const auto& d : r.diagnostics.items())
        std::cerr << engine::format_diagnostic(d) << "\n";
    return kOk;
}

}  // namespace

void add_impact(CLI::App& app, Action& run) {
    auto* cmd = app.add_subcommand("impact",
                                   "What candidate rules would change for a library of past cases");
    auto opt = std::make_shared<ImpactOptions>();
    cmd->add_option("BASE", opt->base, "Rule set in use (folder)")->required();
    cmd->add_option("CANDIDATE", opt->candidate, "Edited rule set (folder)")->required();
    cmd->add_option("CASES", opt->library, "Case library (JSON Lines, one case a line)")
        ->required();
    cmd->add_flag("--json", opt->json, "Print the stable JSON form (schema continuum.impact/1)");
    cmd->add_option("--limit", opt->limit, "Changed cases to list in the text output (default 20)");
    cmd->add_option("--threads", opt->threads, "Threads to use (default: one per core)");
    cmd->callback([&run, opt] { run = [opt] { return run_impact(*opt); }; });
}

}  // namespace continuum::cli
