// continuum audit stats STORE --by GROUPING: the override figures a policy group reads, from
// the SQLite file or the team store, opened read-only. The chain is checked too and reported
// beside the figures: exit 1 when it is damaged (the figures are still printed), 2 when the
// store cannot be read or the arguments are wrong.
#include <iostream>

#include "audit/decision_stats.hpp"
#include "audit/stats_render.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "load_rules.hpp"
#include "terminal_text.hpp"

namespace continuum::cli {

namespace {

struct StatsOptions {
    std::string store, by = "level", from, to, rules;
    bool csv = false, json = false;
};

int run_stats(const StatsOptions& opt) {
    for (const auto* date : {&opt.from, &opt.to})
        if (!date->empty() && !audit::valid_date(*date)) {
            std::cerr << "error: '" << *date << "' is not a date; write it YYYY-MM-DD.\n";
            return kUsage;
        }
    if (!opt.from.empty() && !opt.to.empty() && opt.from > opt.to) {
        std::cerr << "error: --from " << opt.from << " is after --to " << opt.to << ".\n";
        return kUsage;
    }
    audit::Grouping by = *audit::grouping_from(opt.by);  // CLI11 checked the word
    std::shared_ptr<const engine::RuleSet> rules;
    if (!opt.rules.empty()) {
        int code = kOk;
        rules = load_rules_or_report(opt.rules, code);
        if (!rules || code != kOk) return kUsage;
    }
    std::string error;
    auto store = audit::Store::open_existing(opt.store, error);
    if (!store) {
        std::cerr << "error: " << error << "\n";
        return kUsage;
    }
    audit::StatsRequest request;
    if (!opt.from.empty()) request.from = opt.from;
    if (!opt.to.empty()) request.to = opt.to;
    request.rules = rules.get();
    audit::DecisionStats stats;
    if (!audit::compute_stats(*store, request, stats, error)) {
        std::cerr << "error: cannot read the decisions in " << store->location() << ": " << error
                  << "\n";
        return kUsage;
    }
    audit::StatsContext context{store->location(), store->verify(), {}};
    if (rules) context.rules = rules->info.id + " " + rules->info.version + " (" + opt.rules + ")";
    if (opt.json) {
        std::cout << audit::stats_json(stats, by, context)
                         .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                  << "\n";
    } else if (opt.csv) {
        // CSV is data (its own CRLF line ends, cells neutralised), written as exact bytes.
        audit::write_stats_csv(raw_stdout(), stats, by);
    } else {
        audit::write_stats_text(std::cout, stats, by, context);
    }
    const audit::VerifyReport& chain = context.chain;
    if (opt.csv && (!chain.ok || !chain.protection_ok)) {
        // The CSV has no room for it: said where a person running the command sees it.
        for (const auto& p : chain.protection_problems)
            std::cerr << "PROTECTION DAMAGED: " << p << "\n";
        if (!chain.ok) std::cerr << "Chain: " << audit::chain_line(chain) << "\n";
    }
    return chain.ok && chain.protection_ok ? kOk : kFindings;
}

}  // namespace

void add_audit_stats(CLI::App& audit, Action& run) {
    auto opt = std::make_shared<StatsOptions>();
    auto* stats = audit.add_subcommand(
        "stats",
        "Override figures: agreement, levels raised and lowered, routes changed, re-referrals");
    stats->add_option("STORE", opt->store, "Audit file (SQLite) or postgresql://...")->required();
    stats->add_option("--by", opt->by, "rule, level, route, category, practitioner or month")
        ->check(CLI::IsMember({"rule", "level", "route", "category", "practitioner", "month"}))
        ->capture_default_str();
    stats->add_option("--from", opt->from, "First date recorded (YYYY-MM-DD, UTC), inclusive");
    stats->add_option("--to", opt->to, "Last date recorded (YYYY-MM-DD, UTC), inclusive");
    stats->add_option("--rules", opt->rules,
                      "A rule set folder: what its rules say now, and its levels' order");
    auto* csv = stats->add_flag("--csv", opt->csv, "One table as CSV");
    stats->add_flag("--json", opt->json, "JSON (schema continuum.stats/1)")->excludes(csv);
    stats->callback([&run, opt] { run = [opt] { return run_stats(*opt); }; });
}

}  // namespace continuum::cli
