#include "theme_file.hpp"

#include <cstring>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace continuum::ui {

const std::array<MeaningColour, 10> kMeaningColours = {{
    {"text_muted", &Palette::text_muted},
    {"met", &Palette::met},
    {"cannot_rule_out", &Palette::cannot_rule_out},
    {"not_met", &Palette::not_met},
    {"warning", &Palette::warning},
    {"error", &Palette::error},
    {"error_background", &Palette::error_background},
    {"success", &Palette::success},
    {"focus_background", &Palette::focus_background},
    {"panel_background", &Palette::panel_background},
}};

namespace {

std::string where(std::string_view source, const toml::source_region& at) {
    return fmt::format("{}:{}:{}", source, at.begin.line, at.begin.column);
}

int imgui_colour_index(std::string_view name) {
    for (int i = 0; i < ImGuiCol_COUNT; ++i)
        if (name == ImGui::GetStyleColorName(i)) return i;
    return -1;
}

// A "#rrggbb" string at `node`, or a positioned error.
std::optional<ImVec4> colour_at(const toml::node& node, std::string_view key,
                                std::string_view source, std::string& error) {
    const auto* text = node.as_string();
    std::optional<ImVec4> colour;
    if (text) colour = parse_hex_colour(text->get());
    if (!colour)
        error = fmt::format("{}: '{}' must be a colour written \"#rrggbb\"",
                            where(source, node.source()), key);
    return colour;
}

std::optional<ThemeTable> from_table(const toml::table& root, std::string_view source,
                                     std::string& error) {
    ThemeTable table;
    const auto* base = root.get_as<std::string>("base");
    if (!base || (base->get() != "light" && base->get() != "dark")) {
        error = fmt::format("{}: 'base' must be \"light\" or \"dark\"",
                            base ? where(source, base->source()) : std::string(source));
        return std::nullopt;
    }
    table.dark_base = base->get() == "dark";
    for (const auto& [key, node] : root) {
        if (key != "base" && key != "imgui" && key != "meaning") {
            error = fmt::format("{}: unknown key '{}' (expected base, [imgui] and [meaning])",
                                where(source, key.source()), key.str());
            return std::nullopt;
        }
    }
    if (const auto* imgui = root.get_as<toml::table>("imgui")) {
        for (const auto& [key, node] : *imgui) {
            int index = imgui_colour_index(key.str());
            if (index < 0) {
                error = fmt::format(
                    "{}: '{}' is not a Dear ImGui colour name (such as Text, "
                    "WindowBg, Button)",
                    where(source, key.source()), key.str());
                return std::nullopt;
            }
            auto colour = colour_at(node, key.str(), source, error);
            if (!colour) return std::nullopt;
            table.imgui[static_cast<std::size_t>(index)] = colour;
        }
    }
    const auto* meaning = root.get_as<toml::table>("meaning");
    if (!meaning) {
        error = fmt::format("{}: the [meaning] table is missing", source);
        return std::nullopt;
    }
    for (const auto& [key, node] : *meaning) {
        bool known = false;
        for (const auto& m : kMeaningColours)
            known = known || key.str() == m.name;
        if (!known) {
            error = fmt::format("{}: unknown meaning colour '{}'", where(source, key.source()),
                                key.str());
            return std::nullopt;
        }
    }
    for (const auto& m : kMeaningColours) {
        const toml::node* node = meaning->get(m.name);
        if (!node) {
            error =
                fmt::format("{}: [meaning] needs '{}'", where(source, meaning->source()), m.name);
            return std::nullopt;
        }
        auto colour = colour_at(*node, m.name, source, error);
        if (!colour) return std::nullopt;
        table.meaning.*m.member = *colour;
    }
    return table;
}

}  // namespace

std::optional<ThemeTable> parse_theme_table(std::string_view text, std::string_view source,
                                            std::string& error) {
    try {
        return from_table(toml::parse(text, source), source, error);
    } catch (const toml::parse_error& e) {
        error = fmt::format("{}: {}", where(source, e.source()), e.description());
        return std::nullopt;
    }
}

std::optional<ThemeTable> read_theme_table(const std::filesystem::path& file, std::string& error) {
    try {
        return from_table(toml::parse_file(file.string()), file.string(), error);
    } catch (const toml::parse_error& e) {
        // toml++ reports an unreadable file as a parse error without a position
        if (e.source().begin.line == 0)
            error =
                fmt::format("{}: cannot read the theme file ({})", file.string(), e.description());
        else
            error = fmt::format("{}: {}", where(file.string(), e.source()), e.description());
        return std::nullopt;
    }
}

}  // namespace continuum::ui
