// Saving what the window shows as a PNG: for the screenshot tests and for looking at a result.
#pragma once
#include <string>

namespace continuum::ui {

// Reads the back buffer (call after rendering, before swapping); false with `error` on failure.
bool write_screenshot(const std::string& path, int width, int height, std::string& error);

}  // namespace continuum::ui
