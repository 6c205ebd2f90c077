// Small charts drawn with ImGui's draw lists (Dear ImGui 1.86 has no chart library): a
// horizontal bar chart and a heat map. Every bar and cell is a keyboard-focusable item with a
// tooltip, so the pictures can be read and drilled into without a mouse; the numbers are
// always printed, never left to colour alone.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <imgui.h>

namespace continuum::ui::charts {

struct Bar {
    std::string label;
    double value = 0;
    std::string value_text;  // printed at the bar's end; the value itself when empty
    std::string tooltip;
    ImU32 colour = 0;  // 0: the theme's accent colour
};

struct BarChartOptions {
    double min_value = 0;
    double max_value = 1;
    float label_width_em = 14;
};

// Horizontal bars, label on the left, value_text at the bar's end, an axis at zero when
// min_value < 0 (kappa runs from -1 to 1). Each bar is a keyboard-focusable item; returns the
// index activated, or -1. Draws nothing for no bars.
int bar_chart(const char* id, std::span<const Bar> bars, const BarChartOptions& opts = {});

struct HeatMap {
    std::string row_title, col_title;
    std::vector<std::string> rows, cols;
    std::vector<double> cells;  // row-major, rows.size() * cols.size()
};

// Cells shaded by value (a sequential, colour-blind-safe ramp; the count printed in each cell,
// contrast kept); returns the cell activated as (row, col), or nullopt. Draws nothing when
// there are no rows or columns or the cells do not match them.
std::optional<std::pair<int, int>> heat_map(const char* id, const HeatMap& map);

// The ramp's colour for t in [0, 1] (light to dark), for legends and tests.
ImVec4 ramp(float t);

}  // namespace continuum::ui::charts
