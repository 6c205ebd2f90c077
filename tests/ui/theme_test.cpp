// The theme tables in assets/theme: every text colour readable on what it is drawn on, broken
// files refused with their position while the colours last read stay, and the icon's sizes.
#include <imgui.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "ui/shell/theme.hpp"
#include "ui/shell/theme_file.hpp"
#include "ui/shell/window_icon.hpp"

using namespace continuum::ui;
namespace fs = std::filesystem;

namespace {

const fs::path kThemes = fs::path(CONTINUUM_SOURCE_DIR) / "assets" / "theme";

ThemeTable must_read(const char* name) {
    std::string error;
    auto table = read_theme_table(kThemes / name, error);
    INFO(error);
    REQUIRE(table);
    return *table;
}

ImVec4 imgui_colour(const ThemeTable& t, ImGuiCol index) {
    INFO("the theme sets " << ImGui::GetStyleColorName(index));
    REQUIRE(t.imgui[static_cast<std::size_t>(index)]);
    return *t.imgui[static_cast<std::size_t>(index)];
}

// Every pair of text and the background it is drawn on in the views, with its name.
std::vector<std::pair<std::string, std::pair<ImVec4, ImVec4>>> drawn_pairs(const ThemeTable& t) {
    std::vector<std::pair<std::string, std::pair<ImVec4, ImVec4>>> pairs;
    const ImGuiCol backgrounds[] = {
        ImGuiCol_WindowBg,      ImGuiCol_ChildBg,        ImGuiCol_PopupBg,
        ImGuiCol_FrameBg,       ImGuiCol_FrameBgHovered, ImGuiCol_Button,
        ImGuiCol_ButtonHovered, ImGuiCol_ButtonActive,   ImGuiCol_Header,
        ImGuiCol_HeaderHovered, ImGuiCol_HeaderActive};
    for (ImGuiCol bg : backgrounds)
        pairs.push_back({std::string("Text on ") + ImGui::GetStyleColorName(bg),
                         {imgui_colour(t, ImGuiCol_Text), imgui_colour(t, bg)}});
    const std::pair<const char*, ImVec4> panels[] = {
        {"WindowBg", imgui_colour(t, ImGuiCol_WindowBg)},
        {"ChildBg", imgui_colour(t, ImGuiCol_ChildBg)},
        {"FrameBg", imgui_colour(t, ImGuiCol_FrameBg)},
        {"panel_background", t.meaning.panel_background},
        {"focus_background", t.meaning.focus_background}};
    for (const auto& [bg_name, bg] : panels) {
        pairs.push_back({std::string("Text on ") + bg_name, {imgui_colour(t, ImGuiCol_Text), bg}});
        pairs.push_back({std::string("TextDisabled on ") + bg_name,
                         {imgui_colour(t, ImGuiCol_TextDisabled), bg}});
        for (const auto& m : kMeaningColours) {
            const std::string name = m.name;
            if (name.find("background") != std::string::npos) continue;
            pairs.push_back({name + " on " + bg_name, {t.meaning.*m.member, bg}});
        }
    }
    pairs.push_back({"error on error_background", {t.meaning.error, t.meaning.error_background}});
    return pairs;
}

void check_contrast(const ThemeTable& t, float minimum) {
    for (const auto& [what, colours] : drawn_pairs(t)) {
        INFO(what << ": " << contrast_ratio(colours.first, colours.second) << ":1");
        CHECK(contrast_ratio(colours.first, colours.second) >= minimum);
    }
}

struct TempAssets {
    fs::path root = fs::temp_directory_path() / ("continuum-theme-" + std::to_string(::getpid()));
    TempAssets() {
        fs::remove_all(root);
        fs::create_directories(root / "theme");
        for (const char* name : {"normal.toml", "high-contrast.toml"})
            fs::copy_file(kThemes / name, root / "theme" / name);
    }
    ~TempAssets() { fs::remove_all(root); }
    void write(const char* name, const std::string& text) {
        std::ofstream(root / "theme" / name, std::ios::trunc) << text;
    }
};

}  // namespace

TEST_CASE("the contrast ratio is WCAG's: 21 for black on white, 1 for a colour on itself",
          "[theme]") {
    CHECK(contrast_ratio(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)) == Approx(21.0f));
    CHECK(contrast_ratio(ImVec4(1, 1, 1, 1), ImVec4(0, 0, 0, 1)) == Approx(21.0f));
    CHECK(contrast_ratio(ImVec4(0.5f, 0.2f, 0.1f, 1), ImVec4(0.5f, 0.2f, 0.1f, 1)) == Approx(1.0f));
    // #767676 on white is the lightest grey that passes AA: 4.54:1
    CHECK(contrast_ratio(*parse_hex_colour("#767676"), ImVec4(1, 1, 1, 1)) ==
          Approx(4.54f).margin(0.01f));
}

TEST_CASE("normal theme: all text at least 4.5:1 (WCAG AA) on what it is drawn on", "[theme]") {
    ThemeTable t = must_read("normal.toml");
    CHECK_FALSE(t.dark_base);
    check_contrast(t, 4.5f);
}

TEST_CASE("high-contrast theme: all text at least 7:1 (WCAG AAA) on what it is drawn on",
          "[theme]") {
    ThemeTable t = must_read("high-contrast.toml");
    CHECK(t.dark_base);
    check_contrast(t, 7.0f);
}

TEST_CASE("a broken theme file is refused with the file, line and column", "[theme]") {
    std::string error;
    const std::string good_meaning =
        "[meaning]\ntext_muted = \"#5c6066\"\nmet = \"#b44000\"\ncannot_rule_out = \"#0066aa\"\n"
        "not_met = \"#5c6066\"\nwarning = \"#965a00\"\nerror = \"#b00020\"\n"
        "error_background = \"#fde8e8\"\nsuccess = \"#006e46\"\nfocus_background = \"#ecf3fc\"\n"
        "panel_background = \"#fafaf8\"\n";
    REQUIRE(parse_theme_table("base = \"light\"\n" + good_meaning, "t.toml", error));

    CHECK_FALSE(parse_theme_table("base = \"light\"\n[imgui]\nText = \"#12345\"\n" + good_meaning,
                                  "t.toml", error));
    CHECK(error == "t.toml:3:8: 'Text' must be a colour written \"#rrggbb\"");

    CHECK_FALSE(parse_theme_table("base = \"light\"\n[imgui]\nTxet = \"#123456\"\n" + good_meaning,
                                  "t.toml", error));
    CHECK(error.rfind("t.toml:3:1: 'Txet' is not a Dear ImGui colour name", 0) == 0);

    CHECK_FALSE(parse_theme_table("base = \"pastel\"\n" + good_meaning, "t.toml", error));
    CHECK(error == "t.toml:1:8: 'base' must be \"light\" or \"dark\"");

    CHECK_FALSE(
        parse_theme_table("base = \"light\"\n[meaning]\nmet = \"#b44000\"\n", "t.toml", error));
    CHECK(error.rfind("t.toml:2:1: [meaning] needs 'text_muted'", 0) == 0);

    CHECK_FALSE(parse_theme_table("base = \"light\"\n[imgui\n", "t.toml", error));
    CHECK(error.rfind("t.toml:2:", 0) == 0);
}

TEST_CASE("a theme file broken after start keeps the colours last read, and says why", "[theme]") {
    ImGui::CreateContext();
    TempAssets assets;
    CHECK(apply_theme(ThemeKind::Normal, 1.0f, assets.root).empty());
    const ImVec4 text = ImGui::GetStyle().Colors[ImGuiCol_Text];
    const ImVec4 met = palette().met;
    CHECK(text.x == Approx(0x1c / 255.0f));

    assets.write("normal.toml", "base = \"light\"\n[imgui]\nText = \"red\"\n");
    std::string error = apply_theme(ThemeKind::Normal, 1.0f, assets.root);
    CHECK(error.find("normal.toml:3:8: 'Text' must be a colour") != std::string::npos);
    CHECK(error.find("keeping the colours last read") != std::string::npos);
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_Text].x == Approx(text.x));
    CHECK(palette().met.x == Approx(met.x));

    // An edit that reads is used at once.
    assets.write("normal.toml",
                 "base = \"light\"\n[imgui]\nText = \"#000000\"\n[meaning]\n"
                 "text_muted = \"#5c6066\"\nmet = \"#b44000\"\n"
                 "cannot_rule_out = \"#0066aa\"\nnot_met = \"#5c6066\"\n"
                 "warning = \"#965a00\"\nerror = \"#b00020\"\n"
                 "error_background = \"#fde8e8\"\nsuccess = \"#006e46\"\n"
                 "focus_background = \"#ecf3fc\"\npanel_background = \"#fafaf8\"\n");
    CHECK(apply_theme(ThemeKind::Normal, 1.0f, assets.root).empty());
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_Text].x == Approx(0.0f));
    ImGui::DestroyContext();
}

TEST_CASE("the window icon reads in every size the build renders from the SVG", "[theme]") {
    std::string error;
    auto icons = read_window_icons(CONTINUUM_BUILD_ASSETS_DIR, error);
    INFO(error);
    CHECK(error.empty());
    REQUIRE(icons.size() == kIconSizes.size());
    for (std::size_t i = 0; i < icons.size(); ++i) {
        const auto& icon = icons[i];
        CHECK(icon.width == kIconSizes[i]);
        CHECK(icon.height == kIconSizes[i]);
        auto alpha = [&](int x, int y) { return icon.rgba[(y * icon.width + x) * 4 + 3]; };
        CHECK(alpha(0, 0) == 0);                               // rounded corner: see-through
        CHECK(alpha(icon.width / 2, icon.height / 2) == 255);  // the body is drawn
    }

    std::string missing_error;
    CHECK(read_window_icons("/nonexistent", missing_error).empty());
    CHECK(missing_error.rfind("/nonexistent/icons/continuum-16.png: ", 0) == 0);
}
