// The application icon's PNG sizes from assets/icons, decoded for glfwSetWindowIcon (the window
// manager picks the size it draws). Kept apart from GLFW so tests can read them headless.
#pragma once
#include <array>
#include <filesystem>
#include <string>
#include <vector>

namespace continuum::ui {

inline constexpr std::array<int, 6> kIconSizes = {16, 32, 48, 64, 128, 256};

struct IconImage {
    int width = 0, height = 0;
    std::vector<unsigned char> rgba;  // width * height * 4 bytes, top row first
};

// Every size in kIconSizes that reads as a square PNG of that size; `error` names the first
// one that does not (the window then opens with the sizes that did read, or none).
std::vector<IconImage> read_window_icons(const std::filesystem::path& assets, std::string& error);

}  // namespace continuum::ui
