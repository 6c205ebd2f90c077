#include "options.hpp"

#include <cstdio>

#include <CLI/CLI.hpp>

#include "install_paths.hpp"

namespace continuum::ui {

std::optional<int> parse_options(int argc, char** argv, Options& o) {
    CLI::App app{
        "continuum: a decision aid for children's services front doors (desktop application)"};
    app.add_option("--rules", o.rules, "Rule set folder (default: rules/surrey)");
    app.add_option("--case", o.case_file, "Open a case file (TOML) prefilled");
    app.add_option("--screenshot", o.screenshot, "Render the scripted state to this PNG and exit");
    app.add_option("--step", o.step, "Step to show: its number, title, domain id, or 'record'");
    app.add_flag("--expand", o.expand, "Open every explanation in the outcome panel");
    app.add_option("--audit", o.audit,
                   "Audit log: a file (default: your data folder), or a team store as "
                   "postgresql://LOGIN@HOST/DB or a libpq connection string");
    app.add_option("--outbox", o.outbox,
                   "Where decisions wait while the team store cannot be reached (default: "
                   "outbox.sqlite in your data folder)");
    app.add_flag("--record-demo", o.record_demo,
                 "Record the opened case with example consent answers (for screenshots)");
    std::string theme;
    app.add_option("--theme", theme, "normal or high-contrast")
        ->check(CLI::IsMember({"normal", "high-contrast"}));
    float scale = 0;
    app.add_option("--font-scale", scale, "Text size, 0.8 to 2")->check(CLI::Range(0.5f, 3.0f));
    std::string size;
    app.add_option("--size", size, "Window size WIDTHxHEIGHT");
    app.add_option("--view", o.view,
                   "Open a view at start: history, overrides, rules, impact, diff, training or "
                   "trainer")
        ->check(CLI::IsMember(
            {"triage", "history", "overrides", "rules", "impact", "diff", "training", "trainer"}));
    app.add_option("--impact-base", o.impact_base,
                   "Rules view: compare with this rule set folder (default: the rules at start)");
    app.add_option("--impact-case", o.impact_case,
                   "With --view impact: open this changed case's traces side by side");
    app.add_option("--training-results", o.training_results,
                   "Training results file (default: training.sqlite beside the audit log)");
    app.add_option("--training-demo", o.training_demo,
                   "Run a scripted trainee through this training scenario, committed and "
                   "revealed (for screenshots)");
    app.add_option("--expect-visible", o.expect_visible,
                   "With --screenshot: fail unless these items (e.g. urgent/trigger,"
                   "urgent/deadline) are on screen without scrolling");
    app.add_flag("--timing", o.timing, "Print the time to the first frame");
    // Which program, rules and assets this is: the first question when something looks wrong.
    app.set_version_flag(
        "--version",
        [&o] {
            return "continuum " CONTINUUM_VERSION "\nrules:  " +
                   default_rules_folder(o.rules).string() + "\nassets: " + assets_folder().string();
        },
        "Print the version, the rule set it would open and where its assets are");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    if (!theme.empty())
        o.theme = theme == "high-contrast" ? ThemeKind::HighContrast : ThemeKind::Normal;
    if (scale > 0) o.font_scale = scale;
    if (!size.empty() && std::sscanf(size.c_str(), "%dx%d", &o.width, &o.height) != 2) {
        std::fprintf(stderr, "--size: expected WIDTHxHEIGHT, e.g. 1440x900, not '%s'\n",
                     size.c_str());
        return 2;
    }
    return std::nullopt;
}

}  // namespace continuum::ui
