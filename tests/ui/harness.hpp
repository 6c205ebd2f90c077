// Drives the real views headlessly (ImGui 1.86, no window, no GL): state in, simulated keys
// and clicks, intents applied by the real Session after each frame.
#pragma once
#include <imgui.h>
#include <imgui_internal.h>
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "ui/shell/keys.hpp"
#include "ui/shell/views.hpp"
#include "ui/shell/widgets.hpp"
#include "ui/triage/session.hpp"

namespace ui_test {

using namespace continuum;

// Records appends in memory; can be told to fail, as a full or read-only disk would.
class MemorySink final : public ui::DecisionSink {
  public:
    bool append(audit::DecisionRecord& r, std::string& error) override {
        if (fail) {
            error = "disk full";
            return false;
        }
        r.sequence = static_cast<std::int64_t>(records.size() + 1);
        r.recorded_at = "2026-11-23T10:00:00Z";
        r.hash = std::string(63, '0') + std::to_string(records.size() + 1);
        records.push_back(r);
        return true;
    }
    std::string head() const override { return records.empty() ? "" : records.back().hash; }
    std::string describe() const override { return "memory"; }
    std::vector<audit::DecisionRecord> records;
    bool fail = false;
};

inline ui::Settings test_settings() {
    ui::Settings s;
    s.practitioner = "Test Practitioner";
    s.role = "Social worker";
    return s;
}

struct Harness {
    MemorySink sink;
    // A real sink (e.g. an audit store) used instead of `sink` when given.
    std::unique_ptr<ui::DecisionSink> external;
    ui::Session session;
    ui::Intents intents;
    std::vector<ui::widgets::RegisteredItem> items;
    std::string text;  // everything drawn in the last frame

    explicit Harness(const std::string& rules = std::string(CONTINUUM_TEST_DATA) + "/rules/mini",
                     std::unique_ptr<ui::DecisionSink> real_sink = nullptr)
        : external(std::move(real_sink)), session(external ? *external : sink, test_settings()) {
        context = ImGui::CreateContext();
        ImGui::SetCurrentContext(context);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        io.DisplaySize = ImVec2(1440, 900);
        io.DeltaTime = 1.0f / 60.0f;
        // The GLFW backend's key codes, which the views' shortcuts use.
        io.KeyMap[ImGuiKey_Tab] = 258;
        io.KeyMap[ImGuiKey_LeftArrow] = 263;
        io.KeyMap[ImGuiKey_RightArrow] = 262;
        io.KeyMap[ImGuiKey_UpArrow] = 265;
        io.KeyMap[ImGuiKey_DownArrow] = 264;
        io.KeyMap[ImGuiKey_PageUp] = 266;
        io.KeyMap[ImGuiKey_PageDown] = 267;
        io.KeyMap[ImGuiKey_Space] = 32;
        io.KeyMap[ImGuiKey_Enter] = 257;
        io.KeyMap[ImGuiKey_Escape] = 256;
        io.KeyMap[ImGuiKey_KeyPadEnter] = 335;
        unsigned char* px;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        ui::widgets::set_test_registry(&items);
        ui::widgets::set_test_text(&text);
        REQUIRE(session.load_rules(rules));
        frame();
    }
    ~Harness() {
        ui::widgets::set_test_registry(nullptr);
        ui::widgets::set_test_text(nullptr);
        ImGui::DestroyContext(context);
    }
    ImGuiContext* context = nullptr;

    const ui::AppState& state() const { return session.state(); }

    // Each frame waits for the audit store's work it started (recording, History), so a test
    // reads its outcome on the next line; a test of the window going on meanwhile turns it off.
    bool settle = true;
    void frame() {
        ImGui::SetCurrentContext(context);
        items.clear();
        ImGui::NewFrame();
        text.clear();
        ui::draw_main(session.state(), session.scratch(), intents);
        ImGui::Render();
        session.apply_all(intents);
        if (settle) session.wait_for_store();
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i)
            frame();
    }

    const ui::widgets::RegisteredItem* find(const std::string& key) const {
        for (const auto& i : items)
            if (i.key == key) return &i;
        return nullptr;
    }
    bool shown(const std::string& key) const { return find(key) != nullptr; }

    // A mouse click at the item's centre: hover, press, release (the 1.86 recipe).
    void click(const std::string& key) {
        const auto* item = find(key);
        INFO("clicking " << key);
        REQUIRE(item);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2((item->min.x + item->max.x) / 2, (item->min.y + item->max.y) / 2);
        frame();
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        io.MousePos = ImVec2(-1, -1);
        frame();
    }

    // Activates an item by id, as keyboard navigation would (works when scrolled out of view).
    void activate(const std::string& key) {
        const auto* item = find(key);
        INFO("activating " << key);
        REQUIRE(item);
        ImGui::ActivateItem(item->id);
        frames(2);
    }

    void press(int key, bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = ctrl;
        io.KeysDown[key] = true;
        frame();
        io.KeysDown[key] = false;
        io.KeyCtrl = false;
        frame();
    }

    std::uint32_t question(const char* id) const { return state().rules->question_index(id); }
    const engine::Answer& answer(const char* id) const {
        return state().kase.answers[question(id)];
    }
    std::string level() const { return state().rules->levels[state().evaluation.outcome.level].id; }
    void go_to_step(const char* name) {
        REQUIRE(session.select_step(name));
        frames(2);
    }
};

}  // namespace ui_test
