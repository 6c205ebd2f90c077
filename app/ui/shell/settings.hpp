// What the practitioner sets once and expects to find again: window size, font scale, theme,
// who they are, where decisions are recorded. Kept as JSON in the XDG config folder.
#pragma once
#include <filesystem>
#include <string>

namespace continuum::ui {

enum class ThemeKind { Normal, HighContrast };

struct Settings {
    int window_width = 1440;
    int window_height = 900;
    float font_scale = 1.0f;  // on top of the monitor's content scale
    ThemeKind theme = ThemeKind::Normal;
    std::string practitioner;   // name as it goes into the audit record
    std::string role;           // e.g. "MASH social worker"
    std::string audit_file;     // empty: the audit store's default path
    std::string report_folder;  // empty: the home folder

    friend bool operator==(const Settings&, const Settings&) = default;
};

// $XDG_CONFIG_HOME/continuum/settings.json, or ~/.config/continuum/settings.json.
std::filesystem::path settings_path();

// Missing file: defaults and no error. A damaged file: defaults and `error` says what is wrong
// (the file is left as it is, so nothing the practitioner set is overwritten unseen).
Settings load_settings(const std::filesystem::path& path, std::string& error);

// Writes to a temporary file and renames it, so a crash never leaves half a file.
bool save_settings(const std::filesystem::path& path, const Settings& s, std::string& error);

}  // namespace continuum::ui
