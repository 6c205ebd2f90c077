// What the Overrides view (F9) shows: the override figures of the audit log, worked out on a
// worker thread when the view opens or its period changes (overrides_job.hpp), never per frame.
#pragma once
#include <string>

#include "audit/decision_stats.hpp"

namespace continuum::ui {

struct OverridesState {
    bool open = false;
    bool working = false;        // a worker is reading the log
    std::string unavailable;     // why there are no figures ("" when there are)
    std::string from, to;        // the period the figures are for (YYYY-MM-DD, "" = open)
    std::string period_problem;  // a malformed date, in words (the last figures stay)
    bool have = false;           // `stats` holds figures
    audit::DecisionStats stats;
    audit::VerifyReport chain;
    std::string store;      // where the figures were read
    unsigned computed = 0;  // times the figures were worked out
};

// The period as typed in the view.
struct OverridesScratch {
    std::string from, to;
};

}  // namespace continuum::ui
