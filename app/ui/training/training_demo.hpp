// Scripted trainees, for the screenshots and the Trainer view's fixture: each reads a scenario,
// answers its questions as the narrative supports (or not, as told), commits a judgement that
// departs from the expected one in set ways, and may ask for the reveal. They go through the
// same intents as a person at the keyboard. All names are synthetic.
#pragma once
#include <string>

#include "ui/triage/session.hpp"

namespace continuum::ui {

struct DemoTrainee {
    std::string name, cohort;
    int level_shift = 0;           // levels above (+) or below (-) the expected one
    bool cautious = false;         // "cannot rule out" wherever a route is expected not met
    bool misses_triggers = false;  // ticks no trigger
    bool first_unknown = false;    // answers the first question 'Unknown'
};

// Runs one trainee on `scenario_id` of the loaded rule set's pack. False with `error` when the
// scenario is missing or the judgement was not saved.
bool run_training_demo(Session& session, const DemoTrainee& who, const std::string& scenario_id,
                       bool reveal, std::string& error);

}  // namespace continuum::ui
