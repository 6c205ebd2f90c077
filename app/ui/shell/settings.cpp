#include "settings.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace continuum::ui {

std::filesystem::path settings_path() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    std::filesystem::path base;
    if (xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"))
        base = std::filesystem::path(home) / ".config";
    else
        base = ".";
    return base / "continuum" / "settings.json";
}

Settings load_settings(const std::filesystem::path& path, std::string& error) {
    Settings s;
    std::ifstream in(path, std::ios::binary);
    if (!in) return s;
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        error =
            path.string() + ": not valid JSON; using default settings (the file is left as it is)";
        return s;
    }
    auto get = [&](const char* key, auto& field) {
        if (!j.contains(key)) return;
        try {
            j.at(key).get_to(field);
        } catch (const nlohmann::json::exception&) {
            error = path.string() + ": '" + key + "' has the wrong type; using its default";
        }
    };
    get("window_width", s.window_width);
    get("window_height", s.window_height);
    get("font_scale", s.font_scale);
    std::string theme;
    get("theme", theme);
    s.theme = theme == "high_contrast" ? ThemeKind::HighContrast : ThemeKind::Normal;
    get("practitioner", s.practitioner);
    get("role", s.role);
    get("audit_file", s.audit_file);
    get("report_folder", s.report_folder);
    if (s.font_scale < 0.5f || s.font_scale > 3.0f) s.font_scale = 1.0f;
    if (s.window_width < 640 || s.window_width > 16384) s.window_width = Settings{}.window_width;
    if (s.window_height < 480 || s.window_height > 16384)
        s.window_height = Settings{}.window_height;
    return s;
}

bool save_settings(const std::filesystem::path& path, const Settings& s, std::string& error) {
    nlohmann::json j = {{"window_width", s.window_width},
                        {"window_height", s.window_height},
                        {"font_scale", s.font_scale},
                        {"theme", s.theme == ThemeKind::HighContrast ? "high_contrast" : "normal"},
                        {"practitioner", s.practitioner},
                        {"role", s.role},
                        {"audit_file", s.audit_file},
                        {"report_folder", s.report_folder}};
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    std::filesystem::path tmp = path;
    tmp += ".part";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << j.dump(2) << "\n";
        out.flush();
        if (!out) {
            error = "could not write " + tmp.string();
            return false;
        }
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        error = "could not replace " + path.string() + ": " + ec.message();
        return false;
    }
    return true;
}

}  // namespace continuum::ui
