// continuum impact BASE CANDIDATE CASES.jsonl [--json] [--limit N] [--threads N]: what the
// candidate rules would change for every case of a library, and which edits are responsible.
// Exit 0 when every case was read and analysed, whatever it found; 1 when either rule set has
// errors, or when some lines of the library could not be read (they are listed with their
// line and column, and the other cases are still analysed: but figures that leave cases out
// must not pass a script's check as complete); 2 for bad arguments, or a library of which no
// line could be read (not a case library at all, e.g. a TOML file given by mistake).
#include <iostream>

#include "cli.hpp"
#include "commands.hpp"
#include "engine/printable.hpp"
#include "library_file.hpp"
#include "load_rules.hpp"
#include "policy/impact.hpp"
#include "policy/impact_render.hpp"

namespace continuum::cli {

namespace {

struct ImpactOptions {
    std::string base, candidate, library;
    bool json = false;
    std::size_t limit = 20;
    unsigned threads = 0;
};

int run_impact(const ImpactOptions& opt) {
    auto [base, candidate] = load_rule_pair_or_report(opt.base, opt.candidate);
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
    engine::Diagnostics shown = r.diagnostics;
    shown.cap_repeats();
    for (const auto& d : shown.items())
        std::cerr << engine::format_diagnostic(d) << "\n";
    if (r.failed == 0) return kOk;
    const bool none = r.evaluated == 0;
    std::cerr << "continuum impact: " << (none ? "none" : engine::thousands(r.failed)) << " of "
              << engine::thousands(r.lines) << " line" << (r.lines == 1 ? "" : "s") << " of "
              << opt.library
              << (none ? " could be read: is it a case library (JSON Lines)?\n"
                       : " could not be read; the figures leave those cases out\n");
    return none ? kUsage : kFindings;
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
