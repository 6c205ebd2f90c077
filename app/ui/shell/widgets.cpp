#include "widgets.hpp"

#include "report/evaluation.hpp"
#include "theme.hpp"

namespace continuum::ui::widgets {

std::string citations(const engine::RuleSet& rules, const std::vector<engine::Citation>& cites) {
    std::string out;
    for (const auto& c : cites)
        out += (out.empty() ? "" : "; ") + report::citation_text(rules, c);
    return out;
}

void explain_on_hover(const std::string& help, const std::string& cites) {
    if (help.empty() && cites.empty()) return;
    if (!ImGui::IsItemHovered() && !ImGui::IsItemFocused()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
    if (!help.empty()) ImGui::TextUnformatted(help.c_str());
    if (!cites.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
        ImGui::TextWrapped("Source: %s", cites.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

bool choice_button(const char* label, bool chosen) {
    if (chosen) {
        ImVec4 c = ImGui::GetStyle().Colors[ImGuiCol_CheckMark];
        ImGui::PushStyleColor(ImGuiCol_Button, c);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, c);
        ImGui::PushStyleColor(ImGuiCol_Text, text_colour_on(c));
    }
    bool pressed = ImGui::Button(label);
    if (chosen) ImGui::PopStyleColor(3);
    return pressed;
}

void finding_label(const engine::Route& route, engine::Finding f) {
    const Palette& p = palette();
    ImVec4 colour = f == engine::Finding::Met             ? p.met
                    : f == engine::Finding::CannotRuleOut ? p.cannot_rule_out
                                                          : p.not_met;
    const char* mark = f == engine::Finding::Met             ? "\u25CF "
                       : f == engine::Finding::CannotRuleOut ? "? "
                                                             : "\u25CB ";
    std::string text = mark + report::finding_text(route, f);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    if (f != engine::Finding::NotMet && fonts().bold) ImGui::PushFont(fonts().bold);
    ImGui::TextWrapped("%s", text.c_str());
    if (f != engine::Finding::NotMet && fonts().bold) ImGui::PopFont();
    ImGui::PopStyleColor();
}

void bold_text(const char* text) {
    if (fonts().bold) ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(text);
    if (fonts().bold) ImGui::PopFont();
}

void heading(const char* text) {
    if (fonts().heading) ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(text);
    if (fonts().heading) ImGui::PopFont();
}

void wrapped_coloured(ImVec4 colour, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

std::string fit_to_width(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    const char* ellipsis = "\u2026";
    // The font stops at the last whole character that fits the room left for the ellipsis.
    const char* fits = text.data();
    ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), width - ImGui::CalcTextSize(ellipsis).x,
                                    0.0f, text.data(), text.data() + text.size(), &fits);
    auto end = static_cast<std::size_t>(fits - text.data());
    while (end > 0 && text[end - 1] == ' ')
        --end;  // "school or…", not "school or …"
    if (end > 0 && text[end - 1] == ',') --end;
    return text.substr(0, end) + ellipsis;
}

bool close_view_button(const char* key) {
    const bool close = ImGui::Button("Close (Esc)") ||
                       (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) &&
                        !ImGui::GetIO().WantTextInput);
    if (close) ImGui::CloseCurrentPopup();
    register_item(key);
    return close;
}

bool begin_view_popup(const char* id, bool open) {
    if (open && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x * 0.96f, io.DisplaySize.y * 0.94f));
    if (!ImGui::BeginPopupModal(
            id, nullptr,
            ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove))
        return false;
    if (!open) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return false;
    }
    return true;
}

}  // namespace continuum::ui::widgets

namespace continuum::ui::widgets {

bool link(const std::string& text, ImVec4 colour) {
    float wrap = ImGui::GetContentRegionAvail().x;
    ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::Selectable(("##" + text).c_str(), false, 0, size);
    ImGui::GetWindowDrawList()->AddText(nullptr, 0.0f, pos, ImGui::GetColorU32(colour),
                                        text.c_str(), nullptr, wrap);
    if (ImGui::IsItemHovered() || ImGui::IsItemFocused()) {
        ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x, b.y), b, ImGui::GetColorU32(colour));
    }
    return pressed;
}

}  // namespace continuum::ui::widgets

#include <imgui_internal.h>

namespace continuum::ui::widgets {

namespace {
std::vector<RegisteredItem>* g_registry = nullptr;
}

void set_test_registry(std::vector<RegisteredItem>* registry) {
    g_registry = registry;
}

namespace {
std::string* g_text = nullptr;
}

void set_test_text(std::string* sink) {
    g_text = sink;
}

void capture_begin() {
    if (g_text) ImGui::LogToBuffer(0);  // 0: do not open tree nodes while logging
}

void capture_end() {
    if (!g_text || !GImGui->LogEnabled) return;
    *g_text += GImGui->LogBuffer.c_str();
    *g_text += "\n";
    ImGui::LogFinish();
}

void register_item(const std::string& key) {
    if (!g_registry) return;
    const ImRect rect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    const bool in_view = ImGui::GetCurrentWindow()->InnerClipRect.Contains(rect);
    g_registry->push_back({key, ImGui::GetItemID(), rect.Min, rect.Max, in_view});
}

}  // namespace continuum::ui::widgets
