#include "charts.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "theme.hpp"
#include "widgets.hpp"

namespace continuum::ui::charts {

namespace {

std::string number(double v) {
    char buf[32];
    if (std::abs(v - std::round(v)) < 1e-9)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// Focused from the keyboard: after a click the item keeps focus, but its tooltip and ring would
// only clutter the chart while the mouse is elsewhere.
bool keyboard_focused() {
    return ImGui::IsItemFocused() && !GImGui->NavDisableHighlight;
}

// The focus ring ImGui draws for its own widgets, for our invisible ones.
void outline_if_focused(ImDrawList* dl, ImVec2 a, ImVec2 b) {
    if (!keyboard_focused() && !ImGui::IsItemHovered()) return;
    dl->AddRect(a, b, ImGui::GetColorU32(ImGuiCol_NavHighlight), 2.0f, 0, 2.0f);
}

void tooltip(const std::string& text) {
    if (text.empty() || (!ImGui::IsItemHovered() && !keyboard_focused())) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// Text drawn straight onto the draw list is not in ImGui's log; written there too, so what a
// chart says can be copied (and read by the headless tests) like any other text.
void log_text(const std::string& s) {
    if (GImGui->LogEnabled) ImGui::LogText("%s\n", s.c_str());
}

// Text clipped to [x0, x1] with an ellipsis, vertically centred in [y0, y1].
void clipped_text(ImDrawList* dl, float x0, float x1, float y0, float y1, const std::string& s,
                  ImU32 colour) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    float h = ImGui::GetFontSize();
    ImVec2 a(x0, y0 + (y1 - y0 - h) / 2), b(x1, y0 + (y1 - y0 + h) / 2);
    ImGui::RenderTextEllipsis(dl, a, b, x1, x1, s.c_str(), nullptr, nullptr);
    ImGui::PopStyleColor();
}

}  // namespace

ImVec4 ramp(float t) {
    // ColorBrewer "Blues" (sequential, safe for the common colour-vision deficiencies).
    static constexpr std::array<unsigned, 9> stops = {
        0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b};
    t = std::clamp(t, 0.0f, 1.0f) * (stops.size() - 1);
    std::size_t i = std::min(static_cast<std::size_t>(t), stops.size() - 2);
    float f = t - static_cast<float>(i);
    auto chan = [&](int shift) {
        float a = static_cast<float>((stops[i] >> shift) & 0xff);
        float b = static_cast<float>((stops[i + 1] >> shift) & 0xff);
        return (a + (b - a) * f) / 255.0f;
    };
    return ImVec4(chan(16), chan(8), chan(0), 1.0f);
}

int bar_chart(const char* id, std::span<const Bar> bars, const BarChartOptions& opts) {
    if (bars.empty()) return -1;
    ImGui::PushID(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImGuiStyle& st = ImGui::GetStyle();
    const float em = ImGui::GetFontSize();
    const float row_h = em + st.FramePadding.y * 2;
    const float width = std::max(ImGui::GetContentRegionAvail().x, em * 20);
    const float label_w = opts.label_width_em * em;

    std::vector<std::string> texts;
    float text_w = 0;
    for (const Bar& b : bars) {
        texts.push_back(b.value_text.empty() ? number(b.value) : b.value_text);
        text_w = std::max(text_w, ImGui::CalcTextSize(texts.back().c_str()).x);
    }
    text_w += st.ItemInnerSpacing.x;
    const double lo = opts.min_value, hi = std::max(opts.max_value, opts.min_value + 1e-9);
    const bool signed_axis = lo < 0;
    // Room for value text after the longest bar, and before the shortest when bars go negative.
    const float plot_x0 = label_w + st.ItemSpacing.x + (signed_axis ? text_w : 0);
    const float plot_x1 = std::max(plot_x0 + em * 4, width - text_w);
    auto x_of = [&](double v) {
        double f = std::clamp((v - lo) / (hi - lo), 0.0, 1.0);
        return plot_x0 + static_cast<float>(f) * (plot_x1 - plot_x0);
    };
    const float zero_x = x_of(std::clamp(0.0, lo, hi));
    const ImU32 accent = ImGui::GetColorU32(ImGuiCol_CheckMark);
    const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
    const ImVec2 origin = ImGui::GetCursorScreenPos();

    int activated = -1;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& b = bars[i];
        const float y = origin.y + static_cast<float>(i) * (row_h + st.ItemSpacing.y / 2);
        ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::InvisibleButton("bar", ImVec2(width, row_h))) activated = static_cast<int>(i);
        ImGui::PopID();
        widgets::register_item(std::string("chart/") + id + "/" + std::to_string(i));
        tooltip(b.tooltip.empty() ? b.label + ": " + texts[i] : b.tooltip);
        outline_if_focused(dl, ImVec2(origin.x, y), ImVec2(origin.x + width, y + row_h));

        clipped_text(dl, origin.x, origin.x + label_w, y, y + row_h, b.label, text_col);
        log_text(b.label + ": " + texts[i]);
        float vx = x_of(b.value);
        float bar_pad = row_h * 0.15f;
        ImVec2 a(origin.x + std::min(zero_x, vx), y + bar_pad);
        ImVec2 c(origin.x + std::max(zero_x, vx), y + row_h - bar_pad);
        if (c.x - a.x < 1.0f && b.value != 0) c.x = a.x + 1.0f;  // a sliver, never nothing
        dl->AddRectFilled(a, c, b.colour ? b.colour : accent, 2.0f);
        float tw = ImGui::CalcTextSize(texts[i].c_str()).x;
        float tx = b.value < 0 ? a.x - st.ItemInnerSpacing.x - tw : c.x + st.ItemInnerSpacing.x;
        dl->AddText(ImVec2(tx, y + (row_h - em) / 2), text_col, texts[i].c_str());
    }
    const float bottom =
        origin.y + static_cast<float>(bars.size()) * (row_h + st.ItemSpacing.y / 2);
    if (signed_axis)
        dl->AddLine(ImVec2(origin.x + zero_x, origin.y - 2), ImVec2(origin.x + zero_x, bottom),
                    ImGui::GetColorU32(ImGuiCol_Text), 1.0f);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, bottom));
    ImGui::Dummy(ImVec2(0, 0));
    ImGui::PopID();
    return activated;
}

std::optional<std::pair<int, int>> heat_map(const char* id, const HeatMap& map) {
    const std::size_t nr = map.rows.size(), nc = map.cols.size();
    if (nr == 0 || nc == 0 || map.cells.size() != nr * nc) return std::nullopt;
    ImGui::PushID(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImGuiStyle& st = ImGui::GetStyle();
    const float em = ImGui::GetFontSize();
    const float pad = st.FramePadding.x;
    const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 muted = ImGui::GetColorU32(palette().text_muted);

    // At least as wide as the longest word of a column name, so wrapping never splits a word.
    float cell_w = em * 4;
    float row_word_w = 0;
    auto widest_word = [](const std::string& text) {
        float w = 0;
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = std::min(text.find(' ', start), text.size());
            w = std::max(w, ImGui::CalcTextSize(text.data() + start, text.data() + end).x);
            start = end + 1;
        }
        return w;
    };
    for (const auto& c : map.cols)
        cell_w = std::max(cell_w, widest_word(c) + pad * 2);
    const float min_cell_w = cell_w;
    for (const auto& c : map.cols)
        cell_w = std::max(cell_w, ImGui::CalcTextSize(c.c_str()).x + pad * 2);
    for (const auto& r : map.rows)
        row_word_w = std::max(row_word_w, widest_word(r));

    // Row names take what the columns leave, wrapping onto more lines when that is narrow.
    const float total = ImGui::GetContentRegionAvail().x;
    float row_head_w = ImGui::CalcTextSize(map.row_title.c_str()).x;
    for (const auto& r : map.rows)
        row_head_w = std::max(row_head_w, ImGui::CalcTextSize(r.c_str()).x);
    row_head_w += pad * 2;
    row_head_w = std::min(row_head_w, total - min_cell_w * static_cast<float>(nc));
    row_head_w = std::max(row_head_w, std::max(em * 6, row_word_w + pad * 2));
    const float avail = total - row_head_w;
    cell_w = std::max(min_cell_w, std::min(cell_w, avail / static_cast<float>(nc)));
    float cell_h = em * 2;
    for (const auto& r : map.rows)
        cell_h =
            std::max(cell_h, ImGui::CalcTextSize(r.c_str(), nullptr, false, row_head_w - pad).y +
                                 st.FramePadding.y * 2);
    // Column names wrap at spaces within their cell rather than being cut short.
    float head_h = em;
    for (const auto& c : map.cols)
        head_h = std::max(head_h, ImGui::CalcTextSize(c.c_str(), nullptr, false, cell_w - pad).y);
    head_h += st.FramePadding.y * 2;

    double top = 0;
    for (double v : map.cells)
        top = std::max(top, v);
    // Shade on a log scale: a transition matrix is mostly its diagonal, and a handful of
    // changed cases must still show against hundreds unchanged. Zero keeps the lightest shade.
    auto shade = [&](double v) {
        if (v <= 0 || top <= 0) return 0.0f;
        return 0.15f + 0.85f * static_cast<float>(std::log1p(v) / std::log1p(top));
    };

    const ImVec2 o = ImGui::GetCursorScreenPos();
    // Column title centred over the columns; the row title in the corner above the row names.
    float grid_x = o.x + row_head_w;
    float title_w = ImGui::CalcTextSize(map.col_title.c_str()).x;
    float grid_w = cell_w * static_cast<float>(nc);
    dl->AddText(ImVec2(grid_x + std::max(0.0f, (grid_w - title_w) / 2), o.y), text_col,
                map.col_title.c_str());
    const float head_y = o.y + em + st.ItemSpacing.y / 2;
    clipped_text(dl, o.x, grid_x - pad, head_y, head_y + head_h, map.row_title, muted);
    log_text(map.row_title + " \u2192 " + map.col_title);
    for (std::size_t c = 0; c < nc; ++c) {
        float x = grid_x + cell_w * static_cast<float>(c);
        float w = ImGui::CalcTextSize(map.cols[c].c_str(), nullptr, false, cell_w - pad).x;
        float x0 = x + std::max(pad / 2, (cell_w - w) / 2);
        ImVec4 clip(x, head_y, x + cell_w, head_y + head_h);
        dl->AddText(ImGui::GetFont(), em, ImVec2(x0, head_y + st.FramePadding.y), text_col,
                    map.cols[c].c_str(), nullptr, cell_w - pad, &clip);
    }
    const float grid_y = head_y + head_h;

    std::optional<std::pair<int, int>> activated;
    for (std::size_t r = 0; r < nr; ++r) {
        float y = grid_y + cell_h * static_cast<float>(r);
        float rh = ImGui::CalcTextSize(map.rows[r].c_str(), nullptr, false, row_head_w - pad).y;
        ImVec4 clip(o.x, y, grid_x, y + cell_h);
        dl->AddText(ImGui::GetFont(), em, ImVec2(o.x, y + (cell_h - rh) / 2), text_col,
                    map.rows[r].c_str(), nullptr, row_head_w - pad, &clip);
        for (std::size_t c = 0; c < nc; ++c) {
            double v = map.cells[r * nc + c];
            ImVec2 a(grid_x + cell_w * static_cast<float>(c), y);
            ImVec2 b(a.x + cell_w, y + cell_h);
            ImGui::SetCursorScreenPos(a);
            ImGui::PushID(static_cast<int>(r * nc + c));
            if (ImGui::InvisibleButton("cell", ImVec2(cell_w, cell_h)))
                activated = std::make_pair(static_cast<int>(r), static_cast<int>(c));
            ImGui::PopID();
            widgets::register_item(std::string("heat/") + id + "/" + std::to_string(r) + "/" +
                                   std::to_string(c));
            ImVec4 bg = ramp(shade(v));
            dl->AddRectFilled(a, b, ImGui::GetColorU32(bg));
            dl->AddRect(a, b, ImGui::GetColorU32(ImGuiCol_Border));
            std::string n = number(v);
            log_text(map.rows[r] + " \u2192 " + map.cols[c] + ": " + n);
            ImVec2 ts = ImGui::CalcTextSize(n.c_str());
            dl->AddText(ImVec2(a.x + (cell_w - ts.x) / 2, a.y + (cell_h - ts.y) / 2),
                        ImGui::GetColorU32(text_colour_on(bg)), n.c_str());
            outline_if_focused(dl, a, b);
            tooltip(map.row_title + ": " + map.rows[r] + "\n" + map.col_title + ": " + map.cols[c] +
                    "\n" + n);
        }
    }
    const float bottom = grid_y + cell_h * static_cast<float>(nr);
    ImGui::SetCursorScreenPos(ImVec2(o.x, bottom + st.ItemSpacing.y));
    ImGui::Dummy(ImVec2(0, 0));
    ImGui::PopID();
    return activated;
}

}  // namespace continuum::ui::charts
