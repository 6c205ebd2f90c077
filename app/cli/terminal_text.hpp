// What the command line prints goes through one filter: a control character that came from
// a user's file (an escape sequence in a case reference, a bell, a NUL, a bidirectional
// override) is written as a visible escape (engine::printable), so a hostile file cannot
// rewrite, recolour or hide what the terminal shows. Tab and line feed pass. JSON needs
// nothing: it escapes control characters itself.
//
// Exports are data, not text for the screen: `audit export` and `training export` write their
// exact bytes to raw_stdout().
#pragma once
#include <ostream>

namespace continuum::cli {

// For its lifetime, std::cout and std::cerr escape control characters; restored after.
class TerminalText {
  public:
    TerminalText();
    ~TerminalText();
    TerminalText(const TerminalText&) = delete;
    TerminalText& operator=(const TerminalText&) = delete;
};

// Standard output unfiltered, for exports (std::cout is flushed first, so nothing reorders).
std::ostream& raw_stdout();

}  // namespace continuum::cli
