// The session's side of the Training and Trainer views. Commit before reveal is kept here:
// the scenario pack (with its expected judgements) and the engine's evaluation of the
// trainee's answers stay in TrainingBackstage, out of AppState, until the trainee's own
// judgement has been committed and saved and they ask for the reveal.
#include <fmt/format.h>

#include "training.hpp"
#include "training/training_pack.hpp"
#include "training/training_score.hpp"
#include "ui/triage/session.hpp"

namespace continuum::ui {

using namespace engine;

struct TrainingBackstage {
    std::unique_ptr<TrainingResults> results =
        unavailable_training_results("no training results file is open");
    TrainingPack pack;
    std::string rules_digest;  // of the rules the pack was read with
    // From a saved commit until the next scenario: never in AppState before the reveal.
    report::Evaluation engine;
};

namespace {

// The engine's view of the trainee's case needs no what-could-change search.
const ChangeLimits kNoChangeSearch{1, 0, 0};

std::string trimmed(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

TrainingBackstage& Session::backstage() {
    if (!training_) training_ = std::make_shared<TrainingBackstage>();
    return *training_;
}

void Session::set_training_results(std::unique_ptr<TrainingResults> results) {
    backstage().results = std::move(results);
    state_.training.results_description = backstage().results->describe();
}

void Session::load_training(const std::filesystem::path& folder) {
    TrainingBackstage& b = backstage();
    TrainingState& t = state_.training;
    bool same_rules = b.rules_digest == state_.rules->digest;
    Diagnostics d;
    TrainingPack pack = load_training_pack(*state_.rules, folder, d);
    t.pack_problem.clear();
    if (d.has_errors()) {
        pack.scenarios.clear();
        for (const auto& m : d.items())
            if (m.severity == Severity::Error) {
                t.pack_problem = fmt::format(
                    "The training pack has {} error{} (run: continuum training check {}). "
                    "First: {}",
                    d.error_count(), d.error_count() == 1 ? "" : "s", folder.string(),
                    format_diagnostic(m));
                break;
            }
    }
    b.pack = std::move(pack);
    b.rules_digest = state_.rules->digest;
    t.scenarios.clear();
    for (const auto& s : b.pack.scenarios)
        t.scenarios.push_back({s.id, s.title, reflow(s.narrative), {}});
    // Reloading unchanged rules keeps a session in progress; anything else starts afresh.
    if (!same_rules || t.scenario >= static_cast<int>(t.scenarios.size())) {
        t.phase = TrainingPhase::Choosing;
        t.scenario = -1;
        t.reveal.reset();
        t.problem.clear();
    }
    if (t.results_description.empty()) t.results_description = b.results->describe();
}

bool Session::apply_training(const Intent& any) {
    return std::visit(
        [this](const auto& i) -> bool {
            using T = std::decay_t<decltype(i)>;
            TrainingState& t = state_.training;
            TrainingScratch& ts = scratch_.training;
            if constexpr (std::is_same_v<T, intent::OpenTraining>) {
                t.open = true;
                state_.trainer.open = false;
            } else if constexpr (std::is_same_v<T, intent::CloseTraining>) {
                t.open = false;
            } else if constexpr (std::is_same_v<T, intent::ChooseScenario>) {
                if (!state_.rules || i.index < 0 ||
                    i.index >= static_cast<int>(backstage().pack.scenarios.size()))
                    return true;
                if (t.phase == TrainingPhase::SaveFailed) {
                    // The unsaved judgement would be lost.
                    t.problem =
                        "Your judgement has not been saved yet: press Retry saving first (or "
                        "close Training to discard it).";
                    return true;
                }
                const TrainingScenario& s = backstage().pack.scenarios[i.index];
                t.scenario = i.index;
                t.kase = s.prefilled();
                t.to_ask = s.to_ask;
                t.phase = TrainingPhase::Answering;
                t.problem.clear();
                t.save_error.clear();
                t.committed = {};
                t.result_id = 0;
                t.reveal.reset();
                backstage().engine = {};
                ts.text.clear();
                ts.draft = blank_draft(*state_.rules);
            } else if constexpr (std::is_same_v<T, intent::TrainingAnswer>) {
                // Only the questions left for the trainee, and only until they commit.
                bool asked =
                    std::find(t.to_ask.begin(), t.to_ask.end(), i.question) != t.to_ask.end();
                if (t.phase == TrainingPhase::Answering && asked &&
                    i.question < t.kase.answers.size())
                    t.kase.answers[i.question] = i.answer;
            } else if constexpr (std::is_same_v<T, intent::CommitTraining>) {
                commit_training(i);
            } else if constexpr (std::is_same_v<T, intent::RevealTraining>) {
                reveal_training();
            } else if constexpr (std::is_same_v<T, intent::OpenTrainer>) {
                state_.trainer.open = true;
                t.open = false;
                state_.trainer.export_message.clear();
                load_trainer(state_.trainer, *backstage().results, ts.cohort_filter,
                             ts.scenario_filter);
            } else if constexpr (std::is_same_v<T, intent::CloseTrainer>) {
                state_.trainer.open = false;
            } else if constexpr (std::is_same_v<T, intent::FilterTrainer>) {
                load_trainer(state_.trainer, *backstage().results, i.cohort, i.scenario);
            } else if constexpr (std::is_same_v<T, intent::ExportTrainer>) {
                export_trainer(state_.trainer, *backstage().results, i.path, i.judgements);
            } else {
                return false;
            }
            return true;
        },
        any);
}

void Session::commit_training(const intent::CommitTraining& c) {
    TrainingState& t = state_.training;
    if (!state_.rules || t.scenario < 0) {
        t.problem = "Choose a scenario first.";
        return;
    }
    if (t.phase == TrainingPhase::Committed || t.phase == TrainingPhase::Revealed) {
        t.problem = "This judgement is already committed: choose a scenario to try another.";
        return;
    }
    const RuleSet& rules = *state_.rules;
    std::string trainee = trimmed(c.trainee), cohort = trimmed(c.cohort);
    if (trainee.empty()) {
        t.problem = "Type your name (or a pseudonym) first.";
        return;
    }
    if (cohort.empty()) {
        t.problem = "Type your cohort first, e.g. the session's date.";
        return;
    }
    for (std::uint32_t qi : t.to_ask)
        if (t.kase.answers[qi].state == AnswerState::NotAsked) {
            t.problem = fmt::format(
                "Answer every question from the narrative first ('Unknown' is an answer): {}",
                rules.questions[qi].prompt);
            return;
        }
    std::string problem;
    std::optional<Judgement> judgement = judgement_of_draft(rules, c.draft, problem);
    if (!judgement) {
        t.problem = problem;
        return;
    }
    TrainingBackstage& b = backstage();
    const TrainingScenario& s = b.pack.scenarios[t.scenario];
    b.engine = report::evaluate_fully(rules, t.kase, kNoChangeSearch);

    audit::TrainingResult r;
    r.trainee = trainee;
    r.cohort = cohort;
    r.scenario_id = s.id;
    r.ruleset_id = rules.info.id;
    r.ruleset_version = rules.info.version;
    r.ruleset_digest = rules.digest;
    r.committed = *judgement;
    r.expected = s.expect;
    r.engine = judgement_of(rules, b.engine.outcome);
    r.answers = asked_answers_json(rules, t.kase, t.to_ask);
    report::TrainingFeedback f = report::score_judgement(rules, r.committed, r.expected);
    r.matched = static_cast<std::int64_t>(f.matched);
    r.criteria = static_cast<std::int64_t>(f.criteria.size());

    t.trainee = trainee;
    t.cohort = cohort;
    t.committed = *judgement;
    t.problem.clear();
    std::string error;
    if (!b.results->commit(r, error)) {
        // Nothing is revealed and the draft stays in the view: the trainee can retry.
        t.phase = TrainingPhase::SaveFailed;
        t.save_error = error;
        return;
    }
    t.phase = TrainingPhase::Committed;
    // The scenario's tags name its expected level and route: held only once it is committed.
    t.scenarios[t.scenario].tags = b.pack.scenarios[t.scenario].tags;
    t.save_error.clear();
    t.result_id = r.id;
    state_.notice = fmt::format("Judgement saved (training result {}).", r.id);
}

void Session::reveal_training() {
    TrainingState& t = state_.training;
    if (t.phase != TrainingPhase::Committed) {
        if (t.phase != TrainingPhase::Revealed)
            t.problem =
                "Commit your own judgement first: the expected outcome and the engine's "
                "suggestion are shown only once it is saved.";
        return;
    }
    TrainingBackstage& b = backstage();
    std::string error;
    if (!b.results->reveal(t.result_id, error))
        state_.notice = "Your judgement is saved, but the time of the reveal was not: " + error;
    t.reveal =
        build_reveal(*state_.rules, b.pack.scenarios[t.scenario], t.kase, b.engine, t.committed);
    t.phase = TrainingPhase::Revealed;
    t.problem.clear();
}

}  // namespace continuum::ui
