// The views: each draws from state and appends what the user asked for to `out`. None of them
// changes state or calls the engine; the session applies the intents after the frame.
#pragma once
#include <map>
#include <string>

#include "intents.hpp"
#include "state.hpp"

namespace continuum::ui {

// The whole window: banner, steps, the current step, the outcome panel, status bar, dialogs.
void draw_main(const AppState& s, Scratch& scratch, Intents& out);

// What one question's answer widgets need: the rules, the answers shown, the buffers of typed
// answers (by question id), and a pending focus request. Triage and Training share them.
struct QuestionContext {
    const engine::RuleSet& rules;
    const engine::Case& kase;
    std::map<std::string, std::string>& text;
    std::uint32_t focus_question = kNoQuestion;
    unsigned focus_serial = 0;
};
// [triage/triage_view.cpp] The prompt, help and answer buttons of one question; emits
// SetAnswer (and Notice, FocusDone).
void draw_question(const QuestionContext& c, std::uint32_t qi, Intents& out);
// [triage/chronology_editor.cpp] The chronology question's table of earlier contacts; `focused`
// is set while any of its fields has keyboard focus.
void draw_chronology(const QuestionContext& c, std::uint32_t qi, bool& focused, Intents& out);

// triage/: triage_view.cpp, outcome_panel.cpp, record_view.cpp, family_block.cpp
void draw_step_list(const AppState& s, Intents& out);
void draw_questions(const AppState& s, Scratch& scratch, Intents& out);
void draw_outcome_panel(const AppState& s, Intents& out);
void draw_record_view(const AppState& s, Scratch& scratch, Intents& out);
// The summary for the family: copy or save it for the parents or the young person.
void draw_family_block(const AppState& s, Intents& out);
// shell/settings_view.cpp
void draw_settings_view(const AppState& s, Scratch& scratch, Intents& out);
// history/: history_view.cpp, overrides_view.cpp
void draw_history_view(const AppState& s, Scratch& scratch, Intents& out);
void draw_overrides_view(const AppState& s, Scratch& scratch, Intents& out);
// training/: training_view.cpp, trainer_view.cpp
void draw_training_view(const AppState& s, Scratch& scratch, Intents& out);
void draw_trainer_view(const AppState& s, Scratch& scratch, Intents& out);
// rules/rules_view.cpp
void draw_rules_view(const AppState& s, Scratch& scratch, Intents& out);
// shell/: status_bar.cpp, main_view.cpp
void draw_status_bar(const AppState& s, Intents& out);
void draw_rules_banner(const AppState& s);                // status_bar.cpp
void draw_close_prompt(const AppState& s, Intents& out);  // main_view.cpp
void handle_shortcuts(const AppState& s, Intents& out);   // main_view.cpp

}  // namespace continuum::ui
