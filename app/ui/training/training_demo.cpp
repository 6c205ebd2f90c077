#include "training_demo.hpp"

#include <algorithm>

#include "training.hpp"
#include "training/training_pack.hpp"

namespace continuum::ui {

using namespace engine;

bool run_training_demo(Session& session, const DemoTrainee& who, const std::string& scenario_id,
                       bool reveal, std::string& error) {
    const AppState& s = session.state();
    if (!s.rules) {
        error = "no rule set is loaded";
        return false;
    }
    const RuleSet& rules = *s.rules;
    // The script reads the pack for itself: the session shows a trainee nothing of it.
    Diagnostics d;
    TrainingPack pack = load_training_pack(rules, s.rules_status.folder, d);
    const TrainingScenario* sc = pack.find(scenario_id);
    auto at = std::find_if(s.training.scenarios.begin(), s.training.scenarios.end(),
                           [&](const auto& x) { return x.id == scenario_id; });
    if (!sc || at == s.training.scenarios.end()) {
        error = "no training scenario '" + scenario_id + "' in " + s.rules_status.folder;
        return false;
    }
    session.apply(intent::OpenTraining{});
    session.apply(intent::ChooseScenario{static_cast<int>(at - s.training.scenarios.begin())});
    for (std::size_t i = 0; i < sc->to_ask.size(); ++i) {
        std::uint32_t qi = sc->to_ask[i];
        Answer a = sc->intended.answers[qi];
        if (i == 0 && who.first_unknown) a = Answer{AnswerState::Unknown, {}, {}, {}};
        if (a.state == AnswerState::NotAsked) a.state = AnswerState::Unknown;
        session.apply(intent::TrainingAnswer{qi, a});
    }
    JudgementDraft draft = blank_draft(rules);
    int level = static_cast<int>(rules.level_index(sc->expect.level)) + who.level_shift;
    draft.level = std::clamp(level, 0, static_cast<int>(rules.levels.size()) - 1);
    for (std::size_t r = 0; r < rules.routes.size(); ++r) {
        auto it = sc->expect.routes.find(rules.routes[r].id);
        std::string f = it == sc->expect.routes.end() ? "not_met" : it->second;
        if (who.cautious && f == "not_met" && rules.routes[r].id != "s31") f = "cannot_rule_out";
        draft.routes[r] = f == "met" ? 0 : f == "not_met" ? 1 : 2;
    }
    if (!who.misses_triggers)
        for (std::size_t t = 0; t < rules.triggers.size(); ++t)
            draft.triggers[t] = std::count(sc->expect.triggers.begin(), sc->expect.triggers.end(),
                                           rules.triggers[t].id) > 0;
    Scratch& scratch = session.scratch();
    scratch.training.trainee = who.name;
    scratch.training.cohort = who.cohort;
    scratch.training.draft = draft;
    session.apply(intent::CommitTraining{who.name, who.cohort, draft});
    if (s.training.phase != TrainingPhase::Committed) {
        error = s.training.save_error.empty() ? s.training.problem : s.training.save_error;
        return false;
    }
    if (reveal) session.apply(intent::RevealTraining{});
    return true;
}

}  // namespace continuum::ui
