#include "screenshot.hpp"

#include <cstdio>

#include <vector>

#include <glad/gl.h>
#include <stb_image_write.h>

namespace continuum::ui {

bool write_screenshot(const std::string& path, int width, int height, std::string& error) {
    if (width <= 0 || height <= 0) {
        error = "the window has no size";
        return false;
    }
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) *
                                      static_cast<std::size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's rows run bottom to top; PNG's top to bottom.
    stbi_flip_vertically_on_write(1);
    if (!stbi_write_png(path.c_str(), width, height, 4, pixels.data(), width * 4)) {
        error = "could not write " + path;
        return false;
    }
    return true;
}

bool report_visible(const std::string& keys, const std::vector<widgets::RegisteredItem>& shown) {
    bool all = true;
    std::size_t from = 0;
    while (from <= keys.size()) {
        std::size_t comma = keys.find(',', from);
        std::string key =
            keys.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
        from = comma == std::string::npos ? keys.size() + 1 : comma + 1;
        if (key.empty()) continue;
        bool seen = false;
        for (const auto& item : shown)
            if (item.key == key && item.in_view) seen = true;
        std::printf("%s: %s\n", key.c_str(),
                    seen ? "visible without scrolling" : "NOT visible without scrolling");
        all = all && seen;
    }
    return all;
}

}  // namespace continuum::ui
