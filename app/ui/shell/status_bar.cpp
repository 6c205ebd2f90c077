// The status bar (rule set id, version and short hash; where decisions are recorded; who is
// working) and the banner that shows a broken rule set's positioned errors.
#include <fmt/format.h>
#include <imgui.h>

#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace continuum::ui {

namespace {

std::string outbox_label(const AppState& s) {
    return fmt::format("Outbox: {} held{}", s.sink.held,
                       s.sink.held_refused > 0
                           ? fmt::format(", {} refused by the team store", s.sink.held_refused)
                           : "");
}

// Decisions held on this computer for the team store, and a way to send them at once.
void draw_outbox_status(const AppState& s, Intents& out) {
    if (s.sink.held == 0) return;
    ImGui::SameLine();
    const bool refused = s.sink.held_refused > 0;
    ImGui::PushStyleColor(ImGuiCol_Text, refused ? palette().error : palette().warning);
    ImGui::TextUnformatted(outbox_label(s).c_str());
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "%s", fmt::format("{} decision{} held on this computer, in {}.\n{}", s.sink.held,
                              s.sink.held == 1 ? "" : "s", s.sink.outbox,
                              refused ? "The team store refused: " + s.sink.held_refused_reason +
                                            "\nThey stay on this computer; Send now tries again."
                                      : "They are sent by themselves when the team store can be "
                                        "reached, each recorded once.")
                      .c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Send now")) out.push_back(intent::SendHeld{});
    widgets::register_item("outbox/send_now");
}

}  // namespace

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
    // The full path is on hover: the bar must fit at large text sizes.
    const std::string& described = s.sink.description;
    const bool down = s.sink.team && !s.sink.reachable;
    std::string sink = !s.sink.team ? described
                       : down       ? "Team store not reachable"
                                    : "Team store " + s.sink.location;
    if (auto slash = sink.rfind('/');
        !s.sink.team && slash != std::string::npos && sink.size() > 48)
        sink = sink.substr(0, sink.find('/')) + "\u2026" + sink.substr(slash);
    // On the team store the name recorded is the login's, never the one in Settings.
    const std::string who = !s.sink.team                  ? s.settings.practitioner
                            : !s.sink.recorded_as.empty() ? s.sink.recorded_as
                                                          : "login " + s.sink.login;
    // When even that leaves the buttons no room, the bar says only where it records.
    float needed = ImGui::CalcTextSize(sink.c_str()).x + ImGui::CalcTextSize(who.c_str()).x +
                   ImGui::GetFontSize() * 8.0f;
    for (const char* label :
         {"Settings (F2)", "History (F3)", "Rules (F6)", "Training (F7)", "Reload (F5)"})
        needed += ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2 +
                  ImGui::GetStyle().ItemSpacing.x;
    if (s.sink.held > 0)
        needed += ImGui::CalcTextSize(outbox_label(s).c_str()).x +
                  ImGui::CalcTextSize("Send now").x + ImGui::GetFontSize() * 2;
    if (needed > ImGui::GetContentRegionAvail().x) {
        if (s.sink.team && !down)
            sink = "Team store";
        else if (auto slash = described.find('/'); !s.sink.team && slash != std::string::npos)
            sink = described.substr(0, slash) + "\u2026";
    }
    if (down) ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
    ImGui::TextUnformatted(sink.c_str());
    if (down) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s%s%s", described.c_str(), s.sink.problem.empty() ? "" : "\n",
                          s.sink.problem.c_str());
    draw_outbox_status(s, out);
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    ImGui::TextUnformatted(who.empty() ? "Practitioner: not set" : who.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Settings (F2)")) out.push_back(intent::OpenSettings{});
    ImGui::SameLine();
    if (ImGui::SmallButton("History (F3)")) out.push_back(intent::OpenHistory{});
    widgets::register_item("open_history");
    ImGui::SameLine();
    if (ImGui::SmallButton("Rules (F6)")) out.push_back(intent::OpenRules{});
    widgets::register_item("open_rules");
    ImGui::SameLine();
    if (ImGui::SmallButton("Training (F7)")) out.push_back(intent::OpenTraining{});
    widgets::register_item("open_training");
    ImGui::SameLine();
    if (ImGui::SmallButton("Reload (F5)")) out.push_back(intent::ReloadRules{});
    if (!s.notice.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("|");
        ImGui::SameLine();
        ImGui::TextUnformatted(s.notice.c_str());
    }
}

void draw_rules_banner(const AppState& s) {
    if (!s.rules_status.last_load_failed) return;
    std::size_t errors = s.rules_status.diagnostics.error_count();
    std::string head =
        s.rules ? fmt::format(
                      "The rule set in {} has {} error{}. Still using the last good rules ({} {}). "
                      "Fix the files and press F5.",
                      s.rules_status.folder, errors, errors == 1 ? "" : "s", s.rules->info.id,
                      s.rules->info.version)
                : fmt::format(
                      "The rule set in {} has {} error{} and no good rules are loaded. Fix the "
                      "files and press F5.",
                      s.rules_status.folder, errors, errors == 1 ? "" : "s");
    std::vector<std::string> lines;
    for (const auto& d : s.rules_status.diagnostics.items()) {
        if (d.severity != engine::Severity::Error) continue;
        if (lines.size() == 6) {
            lines.push_back(fmt::format("... and {} more (run: continuum lint {})", errors - 6,
                                        s.rules_status.folder));
            break;
        }
        lines.push_back(engine::format_diagnostic(d));
    }
    // The banner is as tall as its wrapped text, so no message is cut off.
    const ImGuiStyle& st = ImGui::GetStyle();
    float wrap = ImGui::GetContentRegionAvail().x - st.WindowPadding.x * 2;
    float height = st.WindowPadding.y * 2;
    ImFont* bold = fonts().bold ? fonts().bold : ImGui::GetFont();
    height += bold->CalcTextSizeA(bold->FontSize, FLT_MAX, wrap, head.c_str()).y + st.ItemSpacing.y;
    for (const auto& l : lines)
        height += ImGui::CalcTextSize(l.c_str(), nullptr, false, wrap).y + st.ItemSpacing.y;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().error_background);
    ImGui::BeginChild("rules_banner", ImVec2(0, height), true);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().error);
    ImGui::PushTextWrapPos(0.0f);
    widgets::bold_text(head.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    for (const auto& l : lines)
        ImGui::TextWrapped("%s", l.c_str());
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace continuum::ui
