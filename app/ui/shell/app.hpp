// The desktop application: continuum with no subcommand.
#pragma once

namespace continuum::ui {

// Opens the window on the default (or --rules) rule set and runs until it is closed.
// With --screenshot FILE it renders a scripted state, writes the PNG and exits.
int run(int argc, char** argv);

}  // namespace continuum::ui
