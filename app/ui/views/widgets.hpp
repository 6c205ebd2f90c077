// Small pieces several views draw the same way.
#pragma once
#include <string>
#include <vector>

#include <imgui.h>

#include "engine/outcome.hpp"
#include "engine/ruleset/schema.hpp"

namespace continuum::ui::widgets {

// "Children Act 1989, s47(1)(b); Working Together ..." for a list of citations.
std::string citations(const engine::RuleSet& rules, const std::vector<engine::Citation>& cites);

// A tooltip on the last item with help text and its citations, when hovered or nav-focused.
void explain_on_hover(const std::string& help, const std::string& cites);

// A button drawn as chosen or not; returns true when pressed.
bool choice_button(const char* label, bool chosen);

// The finding of a route in words, with a symbol and colour (never colour alone).
void finding_label(const engine::Route& route, engine::Finding f);

// A view over the main window (History, Rules, Training, Trainer): a modal popup nearly the
// window's size, opened while `open` holds and closed as soon as it does not (another view
// took over). True while it is drawn; end it with ImGui::EndPopup().
bool begin_view_popup(const char* id, bool open);
// The view's "Close (Esc)" button, registered as `key` for tests: true (and the popup closed)
// when it is pressed, or Esc is pressed outside a text field.
bool close_view_button(const char* key);

// Text in the bold font.
void bold_text(const char* text);
void heading(const char* text);

// Wrapped text in a colour.
void wrapped_coloured(ImVec4 colour, const std::string& text);

// `text` as it fits in `width` pixels of the current font: whole, or cut at a character and
// ended with an ellipsis, so a narrow cell shows it is shortened rather than clipping mid-letter.
std::string fit_to_width(const std::string& text, float width);

}  // namespace continuum::ui::widgets

namespace continuum::ui::widgets {
// A clickable, keyboard-focusable line of wrapped text in `colour`; true when activated.
bool link(const std::string& text, ImVec4 colour);
}  // namespace continuum::ui::widgets

namespace continuum::ui::widgets {
// For headless tests (ImGui 1.86 has no test-engine hooks): when a registry is set, views note
// the last item under a stable key ("answer/<question>/Yes", "jump/<question>", "record") with
// its id and rectangle, so a test can click it or activate it by id.
struct RegisteredItem {
    std::string key;
    ImGuiID id = 0;
    ImVec2 min, max;
    bool in_view = false;  // wholly inside its window's visible area: seen without scrolling
};
void set_test_registry(std::vector<RegisteredItem>* registry);
void register_item(const std::string& key);
}  // namespace continuum::ui::widgets

namespace continuum::ui::widgets {
// For headless tests: when set, the text each top-level window draws is appended to `sink`
// (ImGui's LogToBuffer, which stops at the end of every top-level window, hence the pairs).
void set_test_text(std::string* sink);
void capture_begin();
void capture_end();
}  // namespace continuum::ui::widgets
