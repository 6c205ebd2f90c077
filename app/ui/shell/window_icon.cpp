#include "window_icon.hpp"

#include <cstring>

#include <fmt/format.h>
#include <stb_image.h>

namespace continuum::ui {

std::vector<IconImage> read_window_icons(const std::filesystem::path& assets, std::string& error) {
    std::vector<IconImage> icons;
    for (int size : kIconSizes) {
        const auto file = assets / "icons" / fmt::format("continuum-{}.png", size);
        int w = 0, h = 0, channels = 0;
        unsigned char* pixels = stbi_load(file.c_str(), &w, &h, &channels, 4);
        if (!pixels || w != size || h != size) {
            if (error.empty())
                error = pixels ? fmt::format("{}: {}x{} pixels, expected {}x{}", file.string(), w,
                                             h, size, size)
                               : fmt::format("{}: {}", file.string(), stbi_failure_reason());
            stbi_image_free(pixels);
            continue;
        }
        IconImage icon{w, h, std::vector<unsigned char>(pixels, pixels + w * h * 4)};
        stbi_image_free(pixels);
        icons.push_back(std::move(icon));
    }
    return icons;
}

}  // namespace continuum::ui
