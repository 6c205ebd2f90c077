// Settings: who the practitioner is, font scale, theme, where decisions and reports go.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "views.hpp"
#include "widgets.hpp"

namespace continuum::ui {

void draw_settings_view(const AppState& s, Scratch& scratch, Intents& out) {
    if (s.settings_open && !ImGui::IsPopupOpen("Settings")) ImGui::OpenPopup("Settings");
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34.0f, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Settings", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    Settings& e = scratch.settings_edit;
    float label_w = ImGui::GetFontSize() * 10.0f;
    auto field = [&](const char* label, const char* id, std::string& value, const char* hint) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        ImGui::SameLine(label_w);
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint(id, hint, &value);
    };
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    field("Your name", "##name", e.practitioner, "as it goes into the audit record");
    field("Your role", "##role", e.role, "e.g. MASH social worker");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Text size");
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderFloat("##scale", &e.font_scale, 0.8f, 2.0f, "%.2fx");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Theme");
    ImGui::SameLine(label_w);
    if (ImGui::RadioButton("Normal", e.theme == ThemeKind::Normal)) e.theme = ThemeKind::Normal;
    ImGui::SameLine();
    if (ImGui::RadioButton("High contrast", e.theme == ThemeKind::HighContrast))
        e.theme = ThemeKind::HighContrast;
    field("Audit file", "##audit", e.audit_file,
          "default: your data folder (takes effect on restart)");
    field("Reports folder", "##reports", e.report_folder, "default: your home folder");
    ImGui::Spacing();
    if (ImGui::Button("Save")) {
        out.push_back(intent::ApplySettings{e});
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        out.push_back(intent::CloseSettings{});
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace continuum::ui
