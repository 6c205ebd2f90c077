// What a user asked for while a frame was drawn. Views append intents; the session applies
// them after Render(), so state never changes half-way through drawing.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "engine/case.hpp"
#include "settings.hpp"
#include "ui/history/history_state.hpp"
#include "ui/rules/rules_view_state.hpp"
#include "ui/training/training_state.hpp"

namespace continuum::ui {

namespace intent {
struct SetAnswer {
    std::uint32_t question;
    engine::Answer answer;  // NotAsked clears it
};
struct SetCaseRef {
    std::string ref;
};
struct SetReferredAt {
    engine::DateTime at;
};
struct GoToStep {
    std::size_t step;
};
struct JumpToQuestion {
    std::uint32_t question;
};
struct FocusDone {
    unsigned serial;
};
struct Record {};  // Ctrl+Enter or the Record button
struct CopyReport {};
enum class ReportFormat { Html, Markdown };
struct SaveReport {
    ReportFormat format;
};
// The plain-English summary for the family (parents and carers, or the young person).
struct CopyFamilySummary {
    bool young_person = false;
};
struct SaveFamilySummary {
    bool young_person = false;
};
struct NewCase {};
struct OpenSettings {};
struct ApplySettings {
    Settings settings;
};
struct CloseSettings {};
struct ReloadRules {};
struct RequestClose {};
struct ConfirmClose {};
struct CancelClose {};
struct Notice {
    std::string text;
};
struct OpenHistory {};  // F3 or the status bar button: loads the list and checks the chain
struct CloseHistory {};
struct FilterHistory {
    HistoryFilter filter;
};
struct SelectHistory {
    std::int64_t sequence;
};
struct ExportHistory {
    std::string path;
    ExportFormat format;
};
// Training (F7) and Trainer (F8); applied in session_training.cpp.
struct OpenTraining {};
struct CloseTraining {};
struct ChooseScenario {
    int index;  // into TrainingState::scenarios
};
struct TrainingAnswer {
    std::uint32_t question;
    engine::Answer answer;  // NotAsked clears it
};
struct CommitTraining {  // the trainee's own judgement, before anything is revealed
    std::string trainee, cohort;
    JudgementDraft draft;
};
struct RevealTraining {};  // refused until the judgement is committed and saved
struct OpenTrainer {};
struct CloseTrainer {};
struct FilterTrainer {
    std::string cohort, scenario;  // "" = all
};
struct ExportTrainer {
    std::string path;
    bool judgements = false;  // every judgement rather than the figures
};
// The Rules view (F6): browse, diagnostics, impact and diff.
struct OpenRules {};
struct CloseRules {};
struct SelectRulesTab {
    RulesTab tab;
};
struct RulesChangedOnDisk {};  // the folder watch saw a rule file change: reload
struct RunImpact {
    std::string library;
    std::string base_folder;  // "": the rules as they were when continuum started
};
struct OpenImpactCase {
    std::size_t change;  // index into ImpactReport::changes
};
struct CloseImpactCase {};
struct DiffAgainst {
    std::string folder;
};
// The audit store (session_store.cpp).
struct SendHeld {};        // "Send now": the outbox's decisions, refused ones too, at once
struct RefreshHistory {};  // "Try again": read History and check the chain again
struct CloseWhenSent {};   // close once the decision being sent is recorded or held
// The Overrides view (F9); applied in session_overrides.cpp.
struct OpenOverrides {};
struct CloseOverrides {};
struct OverridesPeriod {
    std::string from, to;  // YYYY-MM-DD or ""
};
struct ShowDecisions {  // a bar or a cell clicked: History lists the decisions behind it
    HistoryFilter filter;
};
}  // namespace intent

using Intent = std::variant<
    intent::SetAnswer, intent::SetCaseRef, intent::SetReferredAt, intent::GoToStep,
    intent::JumpToQuestion, intent::FocusDone, intent::Record, intent::CopyReport,
    intent::SaveReport, intent::CopyFamilySummary, intent::SaveFamilySummary, intent::NewCase,
    intent::OpenSettings, intent::ApplySettings, intent::CloseSettings, intent::ReloadRules,
    intent::RequestClose, intent::ConfirmClose, intent::CancelClose, intent::Notice,
    intent::OpenHistory, intent::CloseHistory, intent::FilterHistory, intent::SelectHistory,
    intent::ExportHistory, intent::OpenTraining, intent::CloseTraining, intent::ChooseScenario,
    intent::TrainingAnswer, intent::CommitTraining, intent::RevealTraining, intent::OpenTrainer,
    intent::CloseTrainer, intent::FilterTrainer, intent::ExportTrainer, intent::OpenRules,
    intent::CloseRules, intent::SelectRulesTab, intent::RulesChangedOnDisk, intent::RunImpact,
    intent::OpenImpactCase, intent::CloseImpactCase, intent::DiffAgainst, intent::SendHeld,
    intent::RefreshHistory, intent::CloseWhenSent, intent::OpenOverrides, intent::CloseOverrides,
    intent::OverridesPeriod, intent::ShowDecisions>;
using Intents = std::vector<Intent>;

}  // namespace continuum::ui
