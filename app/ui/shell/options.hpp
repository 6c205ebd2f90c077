// The GUI's command-line options.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "settings.hpp"

namespace continuum::ui {

struct Options {
    std::string rules;                // --rules DIR
    std::string case_file;            // --case FILE
    std::string screenshot;           // --screenshot FILE: render a scripted state and exit
    std::string step;                 // --step NAME: which step the screenshot shows
    bool expand = false;              // --expand: open every "why" in the outcome panel
    std::string audit;                // --audit FILE|postgresql://...|libpq connection string
    std::string outbox;               // --outbox FILE: decisions held for the team store
    bool record_demo = false;         // --record-demo: record the case with example consent
    std::optional<ThemeKind> theme;   // --theme normal|high-contrast
    std::optional<float> font_scale;  // --font-scale X
    int width = 0, height = 0;        // --size WxH (screenshots)
    bool timing = false;              // --timing: print time to first frame and idle cost
    std::string view;                 // --view history|rules|impact|diff|training|trainer
    std::string impact_base;          // --impact-base DIR: the base for impact and diff
    std::string impact_case;          // --impact-case REF: open that changed case's traces
    std::string training_results;     // --training-results FILE (default: beside the audit log)
    std::string training_demo;        // --training-demo SCENARIO: a scripted trainee's session
    std::string expect_visible;       // --expect-visible KEY,...: screenshot fails unless shown
};

// Parses argv; returns the exit code to stop with (0 after --help, 2 on a usage error).
std::optional<int> parse_options(int argc, char** argv, Options& out);

}  // namespace continuum::ui
