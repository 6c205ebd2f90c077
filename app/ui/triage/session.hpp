// The one place the GUI's state changes: loading rules (keeping the last good ones), applying
// the intents the views emitted, re-evaluating only when the case changed, and recording.
#pragma once
#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "audit/store.hpp"
#include "decision_sink.hpp"
#include "store_worker.hpp"
#include "ui/history/overrides_job.hpp"
#include "ui/rules/impact_job.hpp"
#include "ui/shell/intents.hpp"
#include "ui/shell/state.hpp"

namespace continuum::ui {

class TrainingResults;
struct TrainingBackstage;

class Session {
  public:
    // The sink is used from the session's recording thread from here on (store_worker.hpp).
    Session(DecisionSink& sink, Settings settings);
    ~Session();

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
    void set_wake(std::function<void()> wake);
    void set_watch_status(std::string status) {
        state_.rules_view.watch_status = std::move(status);
    }
    // Collects finished background work (called after each frame's intents).
    void poll_jobs();
    // Blocks until the impact run and the audit store's queued work are done (tests, scripted
    // screenshots, closing).
    void wait_for_jobs();
    // Blocks until the audit store's queued work is done and applies it (the headless tests
    // step frames with it; a sending decision is then recorded, held or failed).
    void wait_for_store();

  private:
    void reevaluate();
    void rebuild_steps();
    void reset_draft();
    void save_report(intent::ReportFormat format);
    // The audit store (session_store.cpp): recording and the outbox on one thread, History
    // on another, so neither the window nor recording waits for a long chain check.
    void start_store();
    void poll_store();
    void record();
    void delivered(audit::DecisionRecord record, Delivery delivery, std::string message,
                   std::string head, SinkStatus status, unsigned case_revision);
    void sent(std::vector<audit::DecisionRecord> records, std::string head, SinkStatus status);
    // Reloads the History list and, when asked, rechecks the chain (on opening it and after a
    // record), on History's thread.
    void refresh_history(const HistoryFilter& filter, bool verify);
    void on_store(const intent::SendHeld&);
    void on_store(const intent::RefreshHistory&);
    void on_store(const intent::CloseWhenSent&);
    void copy_family_summary(bool young_person);
    void save_family_summary(bool young_person);
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
    // The Overrides view (session_overrides.cpp): figures worked out on a worker.
    void on_overrides(const intent::OpenOverrides&);
    void on_overrides(const intent::CloseOverrides&);
    void on_overrides(const intent::OverridesPeriod&);
    void on_overrides(const intent::ShowDecisions&);
    void start_overrides();
    void poll_overrides();

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
    // The Overrides figures being worked out, and whether to start again once they are (the
    // period changed meanwhile).
    std::unique_ptr<OverridesJob> overrides_job_;
    bool overrides_again_ = false;
    // Bumped whenever the case changes: a decision recorded from an older revision leaves the
    // case unsaved.
    unsigned case_revision_ = 0;
    // The decision last sent, as made (before the store signed it): recorded again unchanged
    // after a failure, it keeps its submission id.
    std::optional<audit::DecisionRecord> last_sent_;
    // History's own handle on the store, opened on its thread when first needed.
    std::unique_ptr<audit::Store> reader_store_;
    std::shared_ptr<std::atomic<unsigned>> history_serial_;  // a newer load makes older ones moot
    std::chrono::milliseconds retry_delay_{0};  // the outbox's next try (recording thread only)
    // Last: stopped (and their queued work finished) before anything they use goes away.
    std::unique_ptr<StoreWorker> recorder_, reader_;
};

}  // namespace continuum::ui
