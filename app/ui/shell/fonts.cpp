#include "fonts.hpp"

#include <filesystem>

#include <imgui.h>

#include "theme.hpp"

namespace continuum::ui {

namespace {
constexpr const char* kFolder = "/usr/share/fonts/truetype/dejavu/";
constexpr float kBodyPixels = 16.0f;

// Latin and Latin-1, general punctuation (dashes, quotes), arrows, geometric shapes (the route
// markers) and dingbats (the tick).
const ImWchar kRanges[] = {0x0020, 0x00FF, 0x2010, 0x205E, 0x2190, 0x21FF,
                           0x25A0, 0x25FF, 0x2713, 0x2717, 0};
}  // namespace

bool load_fonts(float pixel_scale) {
    return load_fonts(*ImGui::GetIO().Fonts, pixel_scale);
}

bool load_fonts(ImFontAtlas& atlas, float pixel_scale) {
    atlas.Clear();
    Fonts& f = fonts();
    std::filesystem::path regular = std::filesystem::path(kFolder) / "DejaVuSans.ttf";
    std::filesystem::path bold = std::filesystem::path(kFolder) / "DejaVuSans-Bold.ttf";
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    if (!std::filesystem::exists(regular)) {
        ImFontConfig cfg;
        cfg.SizePixels = 13.0f * pixel_scale;
        f.body = atlas.AddFontDefault(&cfg);
        f.bold = f.heading = f.body;
        atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
        return false;
    }
    const std::string& bold_path = std::filesystem::exists(bold) ? bold.string() : regular.string();
    f.body = atlas.AddFontFromFileTTF(regular.c_str(), kBodyPixels * pixel_scale, nullptr, kRanges);
    f.bold =
        atlas.AddFontFromFileTTF(bold_path.c_str(), kBodyPixels * pixel_scale, nullptr, kRanges);
    f.heading = atlas.AddFontFromFileTTF(bold_path.c_str(), kBodyPixels * 1.3f * pixel_scale,
                                         nullptr, kRanges);
    atlas.GetTexDataAsRGBA32(&pixels, &width, &height);  // the glyphs rasterised now
    return true;
}

}  // namespace continuum::ui
