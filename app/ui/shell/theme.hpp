// Colours and fonts: the normal (light, calm) and high-contrast themes read from
// assets/theme, the colours that carry meaning (route findings, warnings, focus), and the
// fonts the views use.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <imgui.h>

#include "settings.hpp"

namespace continuum::ui {

struct Palette {
    ImVec4 text_muted;
    ImVec4 met;              // a route's test is met (vermillion: safe for colour-blind readers)
    ImVec4 cannot_rule_out;  // blue, with a "?" beside it: never colour alone
    ImVec4 not_met;
    ImVec4 warning;
    ImVec4 error;
    ImVec4 error_background;
    ImVec4 success;
    ImVec4 focus_background;  // the question being answered
    ImVec4 panel_background;
};

struct Fonts {
    ImFont* body = nullptr;  // null: ImGui's default (headless tests)
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;
};

// Sets ImGui's style for the theme, scaled (sizes in pixels at 1.0), with the colours of
// assets/theme/<kind>.toml. Returns "" or what went wrong reading the file; on a fault the
// colours last read stay in use.
std::string apply_theme(ThemeKind kind, float scale);
std::string apply_theme(ThemeKind kind, float scale, const std::filesystem::path& assets);
const Palette& palette();
Fonts& fonts();

// "#rrggbb" to a colour; nullopt (or `fallback`) when malformed.
std::optional<ImVec4> parse_hex_colour(std::string_view hex);
ImVec4 hex_colour(std::string_view hex, ImVec4 fallback);
// WCAG 2.2 contrast ratio of two opaque colours, 1 to 21.
float contrast_ratio(ImVec4 a, ImVec4 b);
// Black or white, whichever reads better on `background`.
ImVec4 text_colour_on(ImVec4 background);

}  // namespace continuum::ui
