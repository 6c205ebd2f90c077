#include "theme.hpp"

#include <cmath>

namespace continuum::ui {

namespace {

Palette g_palette;
Fonts g_fonts;
bool g_palette_set = false;

ImVec4 rgb(int r, int g, int b, float a = 1.0f) {
    return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a);
}

void normal_colours(ImGuiStyle& st) {
    ImGui::StyleColorsLight(&st);
    ImVec4* c = st.Colors;
    c[ImGuiCol_Text] = rgb(28, 30, 33);
    c[ImGuiCol_TextDisabled] = rgb(100, 104, 110);
    c[ImGuiCol_WindowBg] = rgb(246, 246, 243);
    c[ImGuiCol_ChildBg] = rgb(255, 255, 255);
    c[ImGuiCol_PopupBg] = rgb(255, 255, 255);
    c[ImGuiCol_Border] = rgb(206, 208, 210);
    c[ImGuiCol_FrameBg] = rgb(236, 238, 240);
    c[ImGuiCol_FrameBgHovered] = rgb(222, 230, 240);
    c[ImGuiCol_Button] = rgb(232, 235, 238);
    c[ImGuiCol_ButtonHovered] = rgb(208, 222, 238);
    c[ImGuiCol_ButtonActive] = rgb(180, 204, 230);
    c[ImGuiCol_Header] = rgb(214, 228, 244);
    c[ImGuiCol_HeaderHovered] = rgb(200, 218, 240);
    c[ImGuiCol_HeaderActive] = rgb(184, 206, 234);
    c[ImGuiCol_CheckMark] = rgb(0, 84, 160);
    c[ImGuiCol_NavHighlight] = rgb(0, 95, 204);
    c[ImGuiCol_Separator] = rgb(214, 216, 218);
    g_palette = {rgb(92, 96, 102),   rgb(190, 70, 0),   rgb(0, 102, 170),   rgb(92, 96, 102),
                 rgb(150, 90, 0),    rgb(176, 0, 32),   rgb(253, 232, 232), rgb(0, 110, 70),
                 rgb(236, 243, 252), rgb(250, 250, 248)};
}

void high_contrast_colours(ImGuiStyle& st) {
    ImGui::StyleColorsDark(&st);
    ImVec4* c = st.Colors;
    c[ImGuiCol_Text] = rgb(255, 255, 255);
    c[ImGuiCol_TextDisabled] = rgb(220, 220, 220);
    c[ImGuiCol_WindowBg] = rgb(0, 0, 0);
    c[ImGuiCol_ChildBg] = rgb(0, 0, 0);
    c[ImGuiCol_PopupBg] = rgb(0, 0, 0);
    c[ImGuiCol_Border] = rgb(255, 255, 255);
    c[ImGuiCol_FrameBg] = rgb(30, 30, 30);
    c[ImGuiCol_FrameBgHovered] = rgb(60, 60, 0);
    c[ImGuiCol_Button] = rgb(25, 25, 25);
    c[ImGuiCol_ButtonHovered] = rgb(80, 80, 0);
    c[ImGuiCol_ButtonActive] = rgb(120, 120, 0);
    c[ImGuiCol_Header] = rgb(0, 60, 120);
    c[ImGuiCol_HeaderHovered] = rgb(0, 90, 170);
    c[ImGuiCol_HeaderActive] = rgb(0, 110, 200);
    c[ImGuiCol_CheckMark] = rgb(255, 255, 0);
    c[ImGuiCol_NavHighlight] = rgb(255, 255, 0);
    c[ImGuiCol_Separator] = rgb(255, 255, 255);
    g_palette = {rgb(230, 230, 230), rgb(255, 140, 60),  rgb(110, 190, 255), rgb(230, 230, 230),
                 rgb(255, 220, 0),   rgb(255, 110, 110), rgb(70, 0, 0),      rgb(90, 230, 150),
                 rgb(20, 40, 70),    rgb(0, 0, 0)};
}

}  // namespace

void apply_theme(ThemeKind kind, float scale) {
    ImGuiStyle st;
    if (kind == ThemeKind::HighContrast) {
        high_contrast_colours(st);
        st.FrameBorderSize = 1.0f;
        st.ChildBorderSize = 2.0f;
    } else {
        normal_colours(st);
        st.FrameBorderSize = 0.0f;
    }
    g_palette_set = true;
    st.WindowRounding = 0.0f;
    st.ChildRounding = 4.0f;
    st.FrameRounding = 4.0f;
    st.PopupRounding = 4.0f;
    st.GrabRounding = 4.0f;
    st.WindowPadding = ImVec2(12, 12);
    st.FramePadding = ImVec2(10, 5);
    st.ItemSpacing = ImVec2(10, 7);
    st.ItemInnerSpacing = ImVec2(6, 5);
    st.IndentSpacing = 18.0f;
    st.ScrollbarSize = 14.0f;
    st.ScaleAllSizes(scale);
    ImGui::GetStyle() = st;
}

const Palette& palette() {
    if (!g_palette_set) {  // before any theme is applied (headless tests): the normal colours
        ImGuiStyle st;
        normal_colours(st);
        g_palette_set = true;
    }
    return g_palette;
}

Fonts& fonts() {
    return g_fonts;
}

ImVec4 hex_colour(std::string_view hex, ImVec4 fallback) {
    if (hex.size() != 7 || hex[0] != '#') return fallback;
    auto nib = [](char ch) -> int {
        if (ch >= '0' && ch <= '9') return ch - '0';
        if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
        if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
        return -1;
    };
    int v[6];
    for (int i = 0; i < 6; ++i)
        if ((v[i] = nib(hex[static_cast<std::size_t>(i) + 1])) < 0) return fallback;
    return rgb(v[0] * 16 + v[1], v[2] * 16 + v[3], v[4] * 16 + v[5]);
}

ImVec4 text_colour_on(ImVec4 bg) {
    // Relative luminance (WCAG): dark text on light bands, white text on dark ones.
    auto lin = [](float c) {
        return c <= 0.03928f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
    };
    float l = 0.2126f * lin(bg.x) + 0.7152f * lin(bg.y) + 0.0722f * lin(bg.z);
    return l > 0.179f ? ImVec4(0.05f, 0.05f, 0.05f, 1) : ImVec4(1, 1, 1, 1);
}

}  // namespace continuum::ui
