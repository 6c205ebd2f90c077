// Headless tests of the chart widgets: the bar or cell under a click (or activated from the
// keyboard) is the one returned, and nothing is drawn for no data.
#include <imgui.h>
#include <imgui_internal.h>
#include <catch2/catch.hpp>

#include <functional>
#include <vector>

#include "ui/shell/charts.hpp"
#include "ui/shell/widgets.hpp"

using namespace continuum::ui;

namespace {

// One window drawing `body` each frame, with the registry of chart items.
struct ChartFrame {
    ImGuiContext* ctx;
    std::vector<widgets::RegisteredItem> items;
    std::function<void()> body;
    ChartFrame() : ctx(ImGui::CreateContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1000, 700);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* px;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        widgets::set_test_registry(&items);
    }
    ~ChartFrame() {
        widgets::set_test_registry(nullptr);
        ImGui::DestroyContext(ctx);
    }
    int vertices = 0;  // drawn inside the window by the body
    void frame() {
        items.clear();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1000, 700));
        ImGui::Begin("charts");
        int before = ImGui::GetWindowDrawList()->VtxBuffer.Size;
        body();
        vertices = ImGui::GetWindowDrawList()->VtxBuffer.Size - before;
        ImGui::End();
        ImGui::Render();
    }
    const widgets::RegisteredItem& item(const std::string& key) {
        for (const auto& i : items)
            if (i.key == key) return i;
        FAIL("no item " << key);
        throw;
    }
    void click(const std::string& key) {
        const auto& it = item(key);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2((it.min.x + it.max.x) / 2, (it.min.y + it.max.y) / 2);
        frame();
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        io.MousePos = ImVec2(-1, -1);
        frame();
    }
};

}  // namespace

TEST_CASE("a bar chart returns the bar clicked or activated", "[ui][charts]") {
    ChartFrame f;
    std::vector<charts::Bar> bars = {
        {"Rule L3-07 (new)", 14, "14 cases", "", 0},
        {"Rule L2-02 (changed)", 3, "", "", 0},
        {"Rule R-01 (removed)", -2, "", "", 0},
    };
    std::vector<int> got;
    f.body = [&] {
        int i = charts::bar_chart("impact", bars, {.min_value = -5, .max_value = 20});
        if (i >= 0) got.push_back(i);
    };
    f.frame();
    REQUIRE(f.items.size() == 3);
    // Rows are stacked top to bottom in order and do not overlap.
    CHECK(f.item("chart/impact/0").max.y <= f.item("chart/impact/1").min.y);
    CHECK(f.item("chart/impact/1").max.y <= f.item("chart/impact/2").min.y);
    f.click("chart/impact/1");
    REQUIRE(got == std::vector<int>{1});
    got.clear();
    ImGui::ActivateItem(f.item("chart/impact/2").id);  // as Enter on a focused bar does
    f.frame();
    f.frame();
    CHECK(got == std::vector<int>{2});
}

TEST_CASE("a heat map returns the cell clicked as (row, column)", "[ui][charts]") {
    ChartFrame f;
    charts::HeatMap map{"Base",
                        "Candidate",
                        {"Universal", "Targeted", "Intensive"},
                        {"Universal", "Targeted", "Intensive"},
                        {100, 2, 0, 0, 50, 14, 0, 1, 30}};
    std::vector<std::pair<int, int>> got;
    f.body = [&] {
        if (auto c = charts::heat_map("matrix", map)) got.push_back(*c);
    };
    f.frame();
    REQUIRE(f.items.size() == 9);
    // Row-major: the cell right of (1,1) is (1,2), the one below it (2,1).
    CHECK(f.item("heat/matrix/1/2").min.x >= f.item("heat/matrix/1/1").max.x);
    CHECK(f.item("heat/matrix/2/1").min.y >= f.item("heat/matrix/1/1").max.y);
    f.click("heat/matrix/1/2");
    REQUIRE(got.size() == 1);
    CHECK(got[0] == std::make_pair(1, 2));
}

TEST_CASE("the heat map's ramp darkens with the value and keeps its numbers readable",
          "[ui][charts]") {
    auto lum = [](ImVec4 c) { return 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z; };
    float prev = 2;
    for (float t = 0; t <= 1.0f; t += 0.125f) {
        float l = lum(charts::ramp(t));
        CHECK(l < prev);
        prev = l;
    }
}

TEST_CASE("charts draw nothing and return nothing for no data", "[ui][charts]") {
    ChartFrame f;
    std::vector<charts::Bar> none;
    charts::HeatMap empty;
    charts::HeatMap mismatched{"Base", "Candidate", {"A", "B"}, {"A", "B"}, {1, 2, 3}};
    int bar = 0;
    bool cell = true;
    f.body = [&] {
        bar = charts::bar_chart("none", none);
        cell = charts::heat_map("empty", empty).has_value() ||
               charts::heat_map("mismatched", mismatched).has_value();
    };
    f.frame();
    CHECK(bar == -1);
    CHECK_FALSE(cell);
    CHECK(f.items.empty());
    CHECK(f.vertices == 0);
}
