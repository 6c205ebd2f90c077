#include "cli.hpp"

#include <cstring>
#include <iostream>

#include "commands.hpp"
#include "terminal_text.hpp"

namespace continuum::cli {

namespace {
const char* const kSubcommands[] = {"lint",  "test",  "eval",     "family", "impact", "diff",
                                    "cases", "audit", "training", "server", "bench"};
}

bool is_subcommand(const char* word) {
    for (const char* s : kSubcommands)
        if (std::strcmp(word, s) == 0) return true;
    return false;
}

int run(int argc, char** argv) {
    TerminalText escaped;  // everything printed from here on, CLI11's messages included
    CLI::App app{"continuum: a decision aid for children's services front doors"};
    app.require_subcommand(1);
    Action action;
    add_lint(app, action);
    add_test(app, action);
    add_eval(app, action);
    add_family(app, action);
    add_audit(app, action);
    add_training(app, action);
    add_impact(app, action);
    add_diff(app, action);
    add_cases(app, action);
    add_server(app, action);
    add_bench(app, action);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kUsage;
    }
    return action ? action() : kUsage;
}

}  // namespace continuum::cli
