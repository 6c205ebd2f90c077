// Saving what the window shows as a PNG: for the screenshot tests and for looking at a result.
#pragma once
#include <string>
#include <vector>

#include "widgets.hpp"

namespace continuum::ui {

// Reads the back buffer (call after rendering, before swapping); false with `error` on failure.
bool write_screenshot(const std::string& path, int width, int height, std::string& error);

// --expect-visible: whether each of the comma-separated keys was drawn in the last frame
// wholly inside its window's visible area (no scrolling needed); one line per key on stdout.
bool report_visible(const std::string& keys, const std::vector<widgets::RegisteredItem>& shown);

}  // namespace continuum::ui
