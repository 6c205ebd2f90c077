// What the Training and Trainer views show. Commit before reveal is kept here: until the
// trainee's judgement is committed and saved, TrainingState holds nothing of the engine's
// suggestion or the scenario's expected outcome (the session keeps the pack and the engine's
// evaluation to itself), so no view can show them early.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/case.hpp"
#include "training/judgement.hpp"
#include "training/training_report.hpp"

namespace continuum::ui {

// A scenario as the trainee first sees it: no answers, no expected outcome.
struct ScenarioSummary {
    std::string id, title, narrative;
    // e.g. "statutory", "trigger": they give the answer away, so they are filled in only once
    // the trainee has committed this scenario.
    std::vector<std::string> tags;
};

enum class TrainingPhase {
    Choosing,    // no scenario yet
    Answering,   // reading, answering and forming a judgement
    SaveFailed,  // committed but not saved: the judgement stays for a retry, nothing revealed
    Committed,   // saved; the reveal may now be asked for
    Revealed     // trainee, expected and engine side by side
};

// One criterion of the comparison after reveal.
struct RevealRow {
    std::string id;     // "level", "route:s47", "triggers"
    std::string label;  // "Level", "s47 Enquiries: significant harm"
    std::string yours, expected, engine;
    bool you_agree = false;                   // yours == expected
    bool engine_agrees = false;               // the engine on the trainee's answers == expected
    std::string why;                          // the rule's own words, where the trainee differs
    std::string cites;                        // its sources
    std::vector<std::string> engine_reasons;  // the engine's why / why not, where they differ
};

struct TeachingLine {
    std::string point, cites;
};

// A question the trainee answered differently from what the scenario's narrative supports.
struct AnswerDifference {
    std::string question, yours, scenario;
};

struct TrainingReveal {
    std::vector<RevealRow> rows;
    std::size_t matched = 0, criteria = 0;  // the score: criteria where yours == expected
    std::vector<TeachingLine> teaching;
    std::vector<AnswerDifference> answers;
};

// The judgement being formed, as the view edits it: indices, -1 where nothing is chosen yet.
struct JudgementDraft {
    int level = -1;              // index into RuleSet::levels
    std::vector<int> routes;     // by route: 0 met, 1 not met, 2 cannot rule out
    std::vector<bool> triggers;  // by trigger
    bool operator==(const JudgementDraft&) const = default;
};

struct TrainingState {
    bool open = false;
    std::string results_description;  // where results are saved, for the header
    std::string pack_problem;         // why the pack could not be read ("" when it was)
    std::vector<ScenarioSummary> scenarios;

    TrainingPhase phase = TrainingPhase::Choosing;
    int scenario = -1;                     // index into scenarios
    engine::Case kase;                     // what the trainee is told plus what they answered
    std::vector<std::uint32_t> to_ask;     // the questions the trainee answers
    std::string problem;                   // why a commit was refused, in words
    std::string save_error;                // why the last save failed
    std::string trainee, cohort;           // as committed
    engine::Judgement committed;           // as committed (and saved, from Committed on)
    std::int64_t result_id = 0;            // the saved result
    std::optional<TrainingReveal> reveal;  // only after commit, save and the reveal intent
};

// The Trainer view: a cohort's committed judgements, summarised by report::cohort_report.
struct TrainerState {
    bool open = false;
    std::string unavailable;  // why there are no results to show ("" when there are)
    std::vector<std::string> cohorts, scenarios;  // every cohort and scenario in the results
    std::string cohort, scenario;                 // the filters applied ("" = all)
    std::size_t results = 0;                      // judgements matching the filters
    report::CohortReport report;
    std::string export_message;
    bool export_failed = false;
    unsigned loads = 0;  // times the results were read
};

// Buffers the two views edit in place.
struct TrainingScratch {
    std::string trainee, cohort;
    std::map<std::string, std::string> text;  // typed answers, by question id
    JudgementDraft draft;
    std::string cohort_filter, scenario_filter;
    std::string export_path;
};

}  // namespace continuum::ui
