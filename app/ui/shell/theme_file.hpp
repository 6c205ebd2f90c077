// A theme's colour table as the policy of assets/theme/*.toml: the Dear ImGui style it starts
// from, ImGui colours overridden by name, and the colours that carry meaning in the views.
#pragma once
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <imgui.h>

#include "theme.hpp"

namespace continuum::ui {

struct ThemeTable {
    bool dark_base = false;                                   // base = "dark"
    std::array<std::optional<ImVec4>, ImGuiCol_COUNT> imgui;  // unset: the base style's colour
    Palette meaning;
};

// Reads one theme file. On a fault, nullopt and `error` says where ("file:line:col: ...").
std::optional<ThemeTable> read_theme_table(const std::filesystem::path& file, std::string& error);
std::optional<ThemeTable> parse_theme_table(std::string_view text, std::string_view source_name,
                                            std::string& error);

// The meaning colours by their names in the file, in the order Palette declares them.
struct MeaningColour {
    const char* name;
    ImVec4 Palette::*member;
};
extern const std::array<MeaningColour, 10> kMeaningColours;

}  // namespace continuum::ui
