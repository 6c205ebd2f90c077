// The status bar (rule set id, version and short hash; where decisions are recorded; who is
// working) and the banner that shows a broken rule set's positioned errors.
#include <fmt/format.h>
#include <imgui.h>

#include "../theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace continuum::ui {

void draw_status_bar(const AppState& s, Intents& out) {
    ImGui::Separator();
    ImGui::AlignTextToFramePadding();
    if (s.rules) {
        const auto& info = s.rules->info;
        ImGui::Text("Rules: %s %s  \u00B7  %s", info.id.c_str(), info.version.c_str(),
                    s.rules->digest.substr(0, 12).c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s\n%s\nSHA-256 %s", info.name.c_str(),
                              s.rules_status.folder.c_str(), s.rules->digest.c_str());
    } else {
        ImGui::TextUnformatted("Rules: none loaded");
    }
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    ImGui::TextUnformatted(s.sink_description.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    ImGui::TextUnformatted(s.settings.practitioner.empty() ? "Practitioner: not set"
                                                           : s.settings.practitioner.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Settings (F2)")) out.push_back(intent::OpenSettings{});
    ImGui::SameLine();
    if (ImGui::SmallButton("Reload rules (F5)")) out.push_back(intent::ReloadRules{});
    if (!s.notice.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("|");
        ImGui::SameLine();
        ImGui::TextUnformatted(s.notice.c_str());
    }
}

void draw_rules_banner(const AppState& s) {
    if (!s.rules_status.last_load_failed) return;
    const auto& items = s.rules_status.diagnostics.items();
    std::size_t errors = s.rules_status.diagnostics.error_count();
    float lines = static_cast<float>(std::min<std::size_t>(errors, 6) + 2);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().error_background);
    ImGui::BeginChild("rules_banner",
                      ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * lines +
                                    ImGui::GetStyle().WindowPadding.y * 2),
                      true);
    std::string head = s.rules ? fmt::format(
                                     "The rule set in {} has {} error{}. Still using the last good "
                                     "rules ({} {}). Fix the files and press F5.",
                                     s.rules_status.folder, errors, errors == 1 ? "" : "s",
                                     s.rules->info.id, s.rules->info.version)
                               : fmt::format(
                                     "The rule set in {} has {} error{} and no good rules are "
                                     "loaded. Fix the files and press F5.",
                                     s.rules_status.folder, errors, errors == 1 ? "" : "s");
    ImGui::PushStyleColor(ImGuiCol_Text, palette().error);
    widgets::bold_text(head.c_str());
    ImGui::PopStyleColor();
    std::size_t shown = 0;
    for (const auto& d : items) {
        if (d.severity != engine::Severity::Error) continue;
        if (shown++ == 6) {
            ImGui::Text("... and %zu more (run: continuum lint %s)", errors - 6,
                        s.rules_status.folder.c_str());
            break;
        }
        ImGui::TextUnformatted(engine::format_diagnostic(d).c_str());
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace continuum::ui
