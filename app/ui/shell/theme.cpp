#include "theme.hpp"

#include <cmath>
#include <optional>
#include <utility>

#include "install_paths.hpp"
#include "theme_file.hpp"

namespace continuum::ui {

namespace {

Palette g_palette;
Fonts g_fonts;
bool g_palette_set = false;

ImVec4 rgb(int r, int g, int b, float a = 1.0f) {
    return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a);
}

// Used only while no theme file has ever been read (a missing or broken assets folder): the
// stock ImGui style and colours that still read; the notice says why.
Palette emergency_palette(bool dark) {
    return dark
               ? Palette{rgb(230, 230, 230), rgb(255, 160, 96), rgb(110, 190, 255),
                         rgb(230, 230, 230), rgb(255, 220, 0),  rgb(255, 154, 154),
                         rgb(60, 0, 0),      rgb(90, 230, 150), rgb(20, 40, 70),
                         rgb(0, 0, 0)}
               : Palette{rgb(80, 80, 80),    rgb(160, 56, 0),   rgb(0, 90, 160),    rgb(80, 80, 80),
                         rgb(130, 78, 0),    rgb(160, 0, 28),   rgb(253, 232, 232), rgb(0, 100, 64),
                         rgb(236, 243, 252), rgb(250, 250, 248)};
}

std::optional<ThemeTable> g_last_good[2];

const char* theme_file_name(ThemeKind kind) {
    return kind == ThemeKind::HighContrast ? "high-contrast.toml" : "normal.toml";
}

// The colours of `kind`: the theme file if it reads, else the last good table of that kind.
std::string load_colours(ThemeKind kind, ImGuiStyle& st, const std::filesystem::path& assets) {
    const std::size_t k = kind == ThemeKind::HighContrast ? 1 : 0;
    std::string error;
    if (auto table = read_theme_table(assets / "theme" / theme_file_name(kind), error))
        g_last_good[k] = std::move(table);
    const bool dark = g_last_good[k] ? g_last_good[k]->dark_base : k == 1;
    if (dark)
        ImGui::StyleColorsDark(&st);
    else
        ImGui::StyleColorsLight(&st);
    if (!g_last_good[k]) {
        g_palette = emergency_palette(dark);
        return error + " (using the built-in colours)";
    }
    for (std::size_t i = 0; i < g_last_good[k]->imgui.size(); ++i)
        if (g_last_good[k]->imgui[i]) st.Colors[i] = *g_last_good[k]->imgui[i];
    g_palette = g_last_good[k]->meaning;
    return error.empty() ? error : error + " (keeping the colours last read)";
}

float relative_luminance(ImVec4 c) {
    auto lin = [](float v) {
        return v <= 0.03928f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
    };
    return 0.2126f * lin(c.x) + 0.7152f * lin(c.y) + 0.0722f * lin(c.z);
}

}  // namespace

std::string apply_theme(ThemeKind kind, float scale) {
    return apply_theme(kind, scale, assets_folder());
}

std::string apply_theme(ThemeKind kind, float scale, const std::filesystem::path& assets) {
    ImGuiStyle st;
    std::string error = load_colours(kind, st, assets);
    if (kind == ThemeKind::HighContrast) {
        st.FrameBorderSize = 1.0f;
        st.ChildBorderSize = 2.0f;
    } else {
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
    return error;
}

const Palette& palette() {
    if (!g_palette_set) {  // before any theme is applied (headless tests): the normal colours
        ImGuiStyle st;
        load_colours(ThemeKind::Normal, st, assets_folder());
        g_palette_set = true;
    }
    return g_palette;
}

Fonts& fonts() {
    return g_fonts;
}

std::optional<ImVec4> parse_hex_colour(std::string_view hex) {
    if (hex.size() != 7 || hex[0] != '#') return std::nullopt;
    auto nib = [](char ch) -> int {
        if (ch >= '0' && ch <= '9') return ch - '0';
        if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
        if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
        return -1;
    };
    int v[6];
    for (int i = 0; i < 6; ++i)
        if ((v[i] = nib(hex[static_cast<std::size_t>(i) + 1])) < 0) return std::nullopt;
    return rgb(v[0] * 16 + v[1], v[2] * 16 + v[3], v[4] * 16 + v[5]);
}

ImVec4 hex_colour(std::string_view hex, ImVec4 fallback) {
    return parse_hex_colour(hex).value_or(fallback);
}

float contrast_ratio(ImVec4 a, ImVec4 b) {
    float la = relative_luminance(a), lb = relative_luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05f) / (lb + 0.05f);
}

ImVec4 text_colour_on(ImVec4 bg) {
    // WCAG relative luminance: dark text on light bands, white text on dark ones.
    return relative_luminance(bg) > 0.179f ? ImVec4(0.05f, 0.05f, 0.05f, 1) : ImVec4(1, 1, 1, 1);
}

}  // namespace continuum::ui
