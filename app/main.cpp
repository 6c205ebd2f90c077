// continuum: with no arguments (or only GUI options) the desktop application on the default
// rule set; with a subcommand (lint, test, eval, ...) the command line.
#include "cli/cli.hpp"
#ifdef CONTINUUM_WITH_GUI
#include "ui/shell/app.hpp"
#endif

int main(int argc, char** argv) {
    if (argc > 1 && continuum::cli::is_subcommand(argv[1])) return continuum::cli::run(argc, argv);
#ifdef CONTINUUM_WITH_GUI
    return continuum::ui::run(argc, argv);
#else
    return continuum::cli::run(argc, argv);
#endif
}
