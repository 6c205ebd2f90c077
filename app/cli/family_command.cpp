// continuum family RULESET CASE [--for parents|young-person] [--contact TEXT] [--html]
// [--readability]: the plain-English summary to give the child's parents or carers, or a young
// person, in the rule set's words.
#include <fmt/format.h>

#include <iostream>

#include "cli.hpp"
#include "commands.hpp"
#include "engine/case_io.hpp"
#include "load_rules.hpp"
#include "report/family_summary.hpp"

namespace continuum::cli {

namespace {

struct FamilyOptions {
    std::string rules, case_file, audience = "parents", contact;
    bool html = false, readability = false;
};

int run_family(const FamilyOptions& opt) {
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
    report::FamilySummary s =
        report::family_summary(e,
                               opt.audience == "young-person" ? report::FamilyAudience::YoungPerson
                                                              : report::FamilyAudience::Parents,
                               opt.contact);
    if (!s.available) {
        // Nothing to give the family: the practitioner is told why, and it is not an error of
        // the command.
        std::cerr << s.why_not << "\n";
        return kFindings;
    }
    std::cout << (opt.html ? report::family_html(s) : report::family_text(s));
    if (opt.readability)
        std::cerr << fmt::format("Flesch reading ease: {:.1f}\n",
                                 report::flesch_reading_ease(report::family_body(s)));
    return kOk;
}

}  // namespace

void add_family(CLI::App& app, Action& run) {
    auto* cmd = app.add_subcommand(
        "family", "The plain-English summary for the child's parents or carers, or a young person");
    auto opt = std::make_shared<FamilyOptions>();
    cmd->add_option("RULESET", opt->rules, "Rule set folder")->required();
    cmd->add_option("CASE", opt->case_file, "Case file (TOML)")->required();
    cmd->add_option("--for", opt->audience, "Who reads it: parents (default) or young-person")
        ->check(CLI::IsMember({"parents", "young-person"}));
    cmd->add_option("--contact", opt->contact,
                    "Who the family should contact, e.g. \"Sam Patel, social worker\"");
    cmd->add_flag("--html", opt->html, "A standalone HTML page instead of plain text");
    cmd->add_flag("--readability", opt->readability,
                  "Also print its Flesch reading ease on standard error");
    cmd->callback([&run, opt] { run = [opt] { return run_family(*opt); }; });
}

}  // namespace continuum::cli
