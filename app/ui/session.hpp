// The one place the GUI's state changes: loading rules (keeping the last good ones), applying
// the intents the views emitted, re-evaluating only when the case changed, and recording.
#pragma once
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "decision_sink.hpp"
#include "impact_job.hpp"
#include "intents.hpp"
#include "state.hpp"

namespace continuum::ui {

class TrainingResults;
struct TrainingBackstage;

class Session {
  public:
    Session(DecisionSink& sink, Settings settings);

    // Loads a rule set. On errors the diagnostics are kept for the banner and the previous
    // good rules (if any) stay in use; returns whether the new rules were taken.
    bool load_rules(const std::filesystem::path& folder);
    // Opens a case file (TOML) against the current rules; false with positioned messages.
    bool open_case(const std::filesystem::path& file, std::string& error);

    void apply(const Intent& intent);
    void apply_all(Intents& intents);  // applies and clears

    const AppState& state() const { return state_; }
    Scratch& scratch() { return scratch_; }
    // The evaluations run so far (re-evaluation happens only when the case changes).
    unsigned evaluations() const { return evaluations_; }

    // Text the platform layer should put on the clipboard, once.
    std::optional<std::string> take_clipboard();
    // Sets the shown step by title, domain id, number (1-based) or "record".
    bool select_step(const std::string& name);
    void set_expand_explanations(bool on) { state_.expand_explanations = on; }
    // Where training judgements are saved (none set: every commit is refused, saying so).
    void set_training_results(std::unique_ptr<TrainingResults> results);

    // Rules view (rules_session.cpp). `wake` is called from a worker thread when a background
    // job finishes, so that a sleeping frame loop collects its result.
    void set_wake(std::function<void()> wake) { wake_ = std::move(wake); }
    void set_watch_status(std::string status) {
        state_.rules_view.watch_status = std::move(status);
    }
    // Collects finished background work (called after each frame's intents).
    void poll_jobs();
    void wait_for_jobs();  // scripted screenshots: block until the impact run is done

  private:
    void reevaluate();
    void rebuild_steps();
    void reset_draft();
    void record();
    void save_report(intent::ReportFormat format);
    void copy_family_summary(bool young_person);
    void save_family_summary(bool young_person);
    // Reloads the History list and rechecks the chain (on opening it and after a record).
    void refresh_history(const HistoryFilter& filter);
    std::string report_text() const;
    // The Training and Trainer views (session_training.cpp): the pack, the results and what
    // is kept from the trainee until they commit. Returns whether `intent` was theirs.
    bool apply_training(const Intent& intent);
    void load_training(const std::filesystem::path& folder);
    void commit_training(const intent::CommitTraining& c);
    void reveal_training();
    TrainingBackstage& backstage();
    void on_rules(const intent::OpenRules&);
    void on_rules(const intent::CloseRules&);
    void on_rules(const intent::SelectRulesTab&);
    void on_rules(const intent::RulesChangedOnDisk&);
    void on_rules(const intent::RunImpact&);
    void on_rules(const intent::OpenImpactCase&);
    void on_rules(const intent::CloseImpactCase&);
    void on_rules(const intent::DiffAgainst&);
    void start_impact(const std::string& library, const std::string& base_folder);

    DecisionSink& sink_;
    AppState state_;
    Scratch scratch_;
    std::optional<std::string> clipboard_;
    unsigned evaluations_ = 0;
    std::shared_ptr<TrainingBackstage> training_;
    // Rules view: the rules first loaded (the impact base by default), the running impact job,
    // and the rule sets and library text of the report shown (for the drill-down).
    std::shared_ptr<const engine::RuleSet> start_rules_;
    std::unique_ptr<ImpactJob> impact_job_;
    std::shared_ptr<const engine::RuleSet> impact_base_, impact_candidate_, pending_base_,
        pending_candidate_;
    std::string impact_library_text_, impact_base_folder_;
    std::function<void()> wake_;
};

}  // namespace continuum::ui
