// Settings are remembered between runs and a damaged file never loses them silently.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "ui/shell/settings.hpp"

using namespace continuum::ui;

namespace {
std::filesystem::path temp_dir() {
    auto d = std::filesystem::temp_directory_path() /
             ("continuum-ui-settings-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
}
}  // namespace

TEST_CASE("settings survive a save and a load", "[ui][settings]") {
    auto path = temp_dir() / "nested" / "settings.json";
    Settings s;
    s.window_width = 1280;
    s.window_height = 800;
    s.font_scale = 1.5f;
    s.theme = ThemeKind::HighContrast;
    s.practitioner = "Test Practitioner";
    s.role = "Team manager";
    s.audit_file = "/tmp/audit.db";
    std::string error;
    REQUIRE(save_settings(path, s, error));
    Settings back = load_settings(path, error);
    CHECK(error.empty());
    CHECK(back == s);
    std::filesystem::remove_all(temp_dir());
}

TEST_CASE("a damaged settings file gives defaults and says so", "[ui][settings]") {
    auto path = temp_dir() / "settings.json";
    std::ofstream(path) << "{ \"font_scale\": ";
    std::string error;
    Settings s = load_settings(path, error);
    CHECK(s == Settings{});
    CHECK(error.find("not valid JSON") != std::string::npos);
    std::ofstream(path, std::ios::trunc) << "{ \"font_scale\": \"big\", \"practitioner\": \"A\" }";
    error.clear();
    s = load_settings(path, error);
    CHECK(s.practitioner == "A");
    CHECK(s.font_scale == 1.0f);
    CHECK(error.find("font_scale") != std::string::npos);
    std::filesystem::remove_all(temp_dir());
}

TEST_CASE("settings live in the XDG config folder", "[ui][settings]") {
    ::setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
    CHECK(settings_path() == std::filesystem::path("/tmp/xdg-test/continuum/settings.json"));
}
