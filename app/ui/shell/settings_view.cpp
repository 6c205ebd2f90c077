// Settings: who the practitioner is, font scale, theme, where decisions and reports go.
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "audit/location.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace continuum::ui {

namespace {

// What the audit log field says it is: a file here, or the team store (whose decisions carry
// the login's registered name). "" when it can be saved; otherwise why not.
std::string describe_audit_field(const std::string& field, float indent) {
    ImGui::Indent(indent);
    std::string refusal;
    if (audit::is_team_location(field)) {
        ImGui::TextWrapped(
            "A team store (PostgreSQL): %s. Decisions are recorded under the database login, "
            "with the name registered for it; when the server cannot be reached they are held "
            "on this computer and sent when it is back.",
            audit::redact(field).c_str());
        if (audit::has_password(field)) {
            refusal =
                "The connection string holds a password, which would be saved in plain text. "
                "Leave it out and put it in ~/.pgpass (libpq reads it from there).";
            widgets::wrapped_coloured(palette().error, refusal);
        }
    } else {
        ImGui::TextWrapped("A file on this computer: %s.",
                           field.empty() ? "the default, in your data folder" : field.c_str());
    }
    ImGui::TextDisabled("Takes effect when continuum is next started.");
    ImGui::Unindent(indent);
    return refusal;
}

}  // namespace

void draw_settings_view(const AppState& s, Scratch& scratch, Intents& out) {
    if (s.settings_open && !ImGui::IsPopupOpen("Settings")) ImGui::OpenPopup("Settings");
    // Height 0, every frame: the dialog fits what it says about the audit log as it is typed.
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34.0f, 0), ImGuiCond_Always);
    if (!ImGui::BeginPopupModal("Settings", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    widgets::capture_begin();
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
    if (s.sink.team) {
        // The team store records the login's registered name; the typed one is never sent.
        ImGui::Indent(label_w);
        ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
        ImGui::TextWrapped(
            "Not used on the team store: decisions are recorded as %s, the name registered "
            "for the login \"%s\".",
            s.sink.recorded_as.empty() ? "the name the administrator registered"
                                       : s.sink.recorded_as.c_str(),
            s.sink.login.c_str());
        ImGui::PopStyleColor();
        ImGui::Unindent(label_w);
    }
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
    field("Audit log", "##audit", e.audit_file,
          "a file, or postgresql://login@server/database (default: your data folder)");
    widgets::register_item("settings/audit");
    std::string refusal = describe_audit_field(e.audit_file, label_w);
    field("Reports folder", "##reports", e.report_folder, "default: your home folder");
    ImGui::Spacing();
    ImGui::BeginDisabled(!refusal.empty());
    if (ImGui::Button("Save")) {
        out.push_back(intent::ApplySettings{e});
        ImGui::CloseCurrentPopup();
    }
    widgets::register_item("settings/save");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel") ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        out.push_back(intent::CloseSettings{});
        ImGui::CloseCurrentPopup();
    }
    widgets::capture_end();
    ImGui::EndPopup();
}

}  // namespace continuum::ui
