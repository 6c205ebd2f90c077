// The one window: the rules banner on top, steps | current step | outcome panel, the status
// bar at the bottom; the settings dialog and the close prompt over it; global shortcuts.
#include <imgui.h>

#include "keys.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace continuum::ui {

void handle_shortcuts(const AppState& s, Intents& out) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl &&
        (ImGui::IsKeyPressed(keys::Enter, false) || ImGui::IsKeyPressed(keys::KeypadEnter, false)))
        out.push_back(intent::Record{});
    if (ImGui::IsKeyPressed(keys::F2, false)) out.push_back(intent::OpenSettings{});
    if (ImGui::IsKeyPressed(keys::F3, false)) out.push_back(intent::OpenHistory{});
    if (ImGui::IsKeyPressed(keys::F5, false)) out.push_back(intent::ReloadRules{});
    if (ImGui::IsKeyPressed(keys::F6, false)) out.push_back(intent::OpenRules{});
    if (ImGui::IsKeyPressed(keys::F7, false)) out.push_back(intent::OpenTraining{});
    if (ImGui::IsKeyPressed(keys::F8, false)) out.push_back(intent::OpenTrainer{});
    if (ImGui::IsKeyPressed(keys::F9, false)) out.push_back(intent::OpenOverrides{});
    if (io.KeyCtrl && ImGui::IsKeyPressed(keys::PageDown, false) && s.step + 1 < s.steps.size())
        out.push_back(intent::GoToStep{s.step + 1});
    if (io.KeyCtrl && ImGui::IsKeyPressed(keys::PageUp, false) && s.step > 0)
        out.push_back(intent::GoToStep{s.step - 1});
}

void draw_close_prompt(const AppState& s, Intents& out) {
    if (s.confirm_close && !ImGui::IsPopupOpen("Close continuum?"))
        ImGui::OpenPopup("Close continuum?");
    if (!ImGui::BeginPopupModal(
            "Close continuum?", nullptr,
            ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings))
        return;
    widgets::capture_begin();
    const bool sending = s.record.phase == RecordPhase::Sending;
    if (sending) {
        // Closing now could leave the decision neither recorded nor held: wait for the answer.
        ImGui::TextUnformatted("The decision is still being sent to the audit store.");
        ImGui::TextUnformatted("It will be recorded, or held on this computer, within seconds.");
    } else {
        ImGui::TextUnformatted("This case has answers that have not been recorded.");
        ImGui::TextUnformatted("If you close now, they are lost.");
    }
    ImGui::Spacing();
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    if (ImGui::Button("Keep working") ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        out.push_back(intent::CancelClose{});
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (sending ? ImGui::Button("Close once it is recorded or held")
                : ImGui::Button("Close without recording")) {
        out.push_back(sending ? Intent{intent::CloseWhenSent{}} : Intent{intent::ConfirmClose{}});
        ImGui::CloseCurrentPopup();
    }
    widgets::capture_end();
    ImGui::EndPopup();
}

void draw_main(const AppState& s, Scratch& scratch, Intents& out) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("continuum", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    widgets::capture_begin();
    if (!s.settings_open && !s.confirm_close && !s.history.open && !s.rules_view.open &&
        !s.training.open && !s.trainer.open && !s.overrides.open)
        handle_shortcuts(s, out);
    draw_rules_banner(s);

    const ImGuiStyle& st = ImGui::GetStyle();
    float status_h = ImGui::GetFrameHeightWithSpacing() + st.ItemSpacing.y * 2;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float height = avail.y - status_h;
    if (s.rules && !s.steps.empty()) {
        float em = ImGui::GetFontSize();
        // Wide enough for the longest step title, within reason.
        float steps_w = em * 12.0f;
        for (std::size_t i = 0; i < s.steps.size(); ++i)
            steps_w =
                std::max(steps_w, ImGui::CalcTextSize(s.steps[i].title.c_str()).x + em * 4.0f);
        steps_w = std::min(steps_w, em * 20.0f);
        float outcome_w = std::max(em * 24.0f, avail.x * 0.33f);
        float centre_w = avail.x - steps_w - outcome_w - st.ItemSpacing.x * 2;
        ImGuiWindowFlags child = ImGuiWindowFlags_NavFlattened;

        ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().panel_background);
        ImGui::BeginChild("steps", ImVec2(steps_w, height), true, child);
        draw_step_list(s, out);
        ImGui::EndChild();
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::BeginChild("step", ImVec2(centre_w, height), true, child);
        if (s.steps[s.step].is_record)
            draw_record_view(s, scratch, out);
        else
            draw_questions(s, scratch, out);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().panel_background);
        ImGui::BeginChild("outcome", ImVec2(outcome_w, height), true, child);
        draw_outcome_panel(s, out);
        ImGui::EndChild();
        ImGui::PopStyleColor();
    } else {
        ImGui::BeginChild("empty", ImVec2(0, height), false);
        ImGui::TextWrapped(
            "No rule set could be loaded. The errors are listed above; fix them and press F5, "
            "or start continuum with --rules FOLDER.");
        ImGui::EndChild();
    }
    draw_status_bar(s, out);
    widgets::capture_end();
    draw_settings_view(s, scratch, out);
    draw_history_view(s, scratch, out);
    draw_overrides_view(s, scratch, out);
    draw_rules_view(s, scratch, out);
    draw_training_view(s, scratch, out);
    draw_trainer_view(s, scratch, out);
    draw_close_prompt(s, out);
    ImGui::End();
}

}  // namespace continuum::ui
