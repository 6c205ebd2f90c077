// Plain state the views draw from. Views never change it: they emit intents (intents.hpp),
// and the session (session.hpp) applies them between frames.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "audit/decision_record.hpp"
#include "engine/applicability.hpp"
#include "engine/diagnostics.hpp"
#include "report/evaluation.hpp"
#include "settings.hpp"
#include "ui/history/history_state.hpp"
#include "ui/history/overrides_state.hpp"
#include "ui/rules/rules_view_state.hpp"
#include "ui/training/training_state.hpp"
#include "ui/triage/decision_sink.hpp"

namespace continuum::ui {

inline constexpr std::uint32_t kNoQuestion = UINT32_MAX;
// A focus request for the record step's first choice rather than a question.
inline constexpr std::uint32_t kFocusRecord = UINT32_MAX - 1;

// One entry of the step list on the left: a domain's questions, or the record step.
struct Step {
    std::string title;
    std::uint32_t domain = kNoQuestion;  // index into RuleSet::domains; kNoQuestion for record
    bool is_record = false;
};

struct RulesStatus {
    std::string folder;
    engine::Diagnostics diagnostics;  // of the most recent load
    bool last_load_failed = false;    // its errors are shown; the last good rules stay in use
};

enum class OverrideCategory { None, Policy, Discretionary };

// What the practitioner is filling in on the record step. Edited in place by the record view
// (it is their draft, not the case), checked by the session when they record.
struct RecordDraft {
    bool agree = true;
    std::uint32_t level = 0;              // decided level when overriding
    std::vector<engine::Finding> routes;  // decided findings when overriding
    OverrideCategory category = OverrideCategory::None;
    std::string reason;
    int service_consent = -1;  // index into kServiceConsent; -1 not chosen
    int sharing_basis = -1;    // index into kSharingBasis
    bool family_informed = false;
    std::string consent_note;
};

// Where the decision is once the practitioner pressed Record: being sent (the window goes on
// working), recorded in the audit log, held in the outbox on this computer until the team
// store can be reached, or failed (nowhere; the draft stays for a retry).
enum class RecordPhase { Editing, Sending, Recorded, Held, Failed };

struct RecordStatus {
    RecordPhase phase = RecordPhase::Editing;
    std::string problem;           // why the draft cannot be recorded yet (shown by the button)
    std::string error;             // why the last append failed (the draft stays for a retry)
    std::string held;              // why the decision is held and what happens next
    audit::DecisionRecord record;  // the last record written (or held: no sequence or hash yet)
    std::string chain_head;        // the store's head after it
    std::string report_saved_to;   // last report file written
};

struct AppState {
    std::shared_ptr<const engine::RuleSet> rules;  // the last good rules (null before any)
    RulesStatus rules_status;
    engine::Case kase;
    report::Evaluation evaluation;
    std::vector<engine::Applies> applies;  // by question: whether to ask it now
    std::vector<Step> steps;
    std::size_t step = 0;

    // A request to bring a question into view and give it keyboard focus.
    std::uint32_t focus_question = kNoQuestion;
    unsigned focus_serial = 0;  // bumped per request; the view reports back when done

    bool unsaved = false;  // answers changed since the last record
    RecordStatus record;
    Settings settings;
    SinkStatus sink;  // where decisions go, as the recording thread last found it
    bool settings_open = false;
    bool confirm_close = false;
    bool close_now = false;
    bool close_after_send = false;     // close once the decision being sent is recorded or held
    bool expand_explanations = false;  // scripted screenshots open every "why"
    std::string notice;                // a one-line confirmation or complaint
    HistoryState history;
    OverridesState overrides;
    TrainingState training;
    TrainerState trainer;
    RulesViewState rules_view;
};

// Buffers the views edit in place: what is being typed before it becomes an answer.
struct Scratch {
    std::map<std::string, std::string> text;  // by field ("ref", "referred_at", question ids)
    RecordDraft draft;
    Settings settings_edit;
    std::string report_path;
    HistoryScratch history;
    OverridesScratch overrides;
    TrainingScratch training;
    RulesScratch rules_view;
};

}  // namespace continuum::ui
