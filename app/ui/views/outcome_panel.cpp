// The outcome panel, always visible: the suggested level in its colour, each statutory route's
// finding with why / why not, triggers, actions with due dates, and what could change this.
// Everything shown comes from report::Evaluation: the engine decides, this only draws.
#include <fmt/format.h>
#include <imgui.h>

#include "../theme.hpp"
#include "engine/trace.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace continuum::ui {

using namespace engine;

namespace {

const TraceEntry* entry(const report::Evaluation& e, std::uint32_t slot) {
    for (const auto& t : e.trace)
        if (t.slot == slot) return &t;
    return nullptr;
}

bool expander(const AppState& s, const char* label) {
    if (s.expand_explanations) ImGui::SetNextItemOpen(true, ImGuiCond_Always);
    return ImGui::TreeNodeEx(label, ImGuiTreeNodeFlags_SpanAvailWidth);
}

void cite_line(const RuleSet& rules, const std::vector<Citation>& cites) {
    std::string c = widgets::citations(rules, cites);
    if (!c.empty()) widgets::wrapped_coloured(palette().text_muted, "Source: " + c);
}

// "Open until answered:" with each question a link that jumps to it.
void blocking_links(const RuleSet& rules, const std::vector<std::string>& ids, Intents& out) {
    for (const auto& id : ids) {
        std::uint32_t q = rules.question_index(id);
        if (q == kNone) continue;
        ImGui::Bullet();
        ImGui::PushID(static_cast<int>(q));
        if (widgets::link(rules.questions[q].prompt, palette().cannot_rule_out))
            out.push_back(intent::JumpToQuestion{q});
        widgets::register_item("open/" + id);
        ImGui::PopID();
    }
}

void draw_level(const AppState& s, Intents& out) {
    const RuleSet& rules = *s.rules;
    const report::Evaluation& e = s.evaluation;
    const Level& level = rules.levels[e.outcome.level];
    ImGui::TextDisabled("SUGGESTED LEVEL");
    ImVec4 band = hex_colour(level.colour, ImVec4(0.5f, 0.5f, 0.5f, 1));
    ImVec2 p = ImGui::GetCursorScreenPos();
    float w = ImGui::GetContentRegionAvail().x;
    float h = ImGui::GetFontSize() * 2.6f;
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(band),
                                              6.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, text_colour_on(band));
    ImGui::SetCursorScreenPos(
        ImVec2(p.x + ImGui::GetFontSize() * 0.7f, p.y + h * 0.5f - ImGui::GetFontSize() * 0.62f));
    std::string name = fmt::format("{} {}", e.outcome.level + 1, level.name);
    widgets::heading(name.c_str());
    if (!level.band.empty() && level.band != level.name) {
        ImGui::SameLine();
        ImGui::TextUnformatted(("  " + level.band).c_str());
    }
    ImGui::PopStyleColor();
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + ImGui::GetStyle().ItemSpacing.y));
    if (e.outcome.higher_level_possible)
        widgets::wrapped_coloured(palette().cannot_rule_out,
                                  "? A higher level cannot be ruled out yet.");

    if (expander(s, "Why this level")) {
        auto reasons = level_reasons(rules, e.outcome);
        if (reasons.empty()) ImGui::TextWrapped("No indicator of a higher level is present.");
        for (std::uint32_t slot : reasons)
            if (const TraceEntry* t = entry(e, slot)) {
                ImGui::Bullet();
                ImGui::TextWrapped("%s", t->says.c_str());
                ImGui::Indent();
                cite_line(rules, t->cites);
                ImGui::Unindent();
            }
        for (std::uint32_t slot : higher_level_candidates(rules, e.outcome))
            if (const TraceEntry* t = entry(e, slot)) {
                std::uint32_t li = rules.level_index(t->level);
                widgets::wrapped_coloured(
                    palette().cannot_rule_out,
                    fmt::format("Not ruled out: {} ({})", t->says,
                                li == kNone ? t->level : rules.levels[li].name));
                ImGui::Indent();
                blocking_links(rules, t->blocking, out);
                ImGui::Unindent();
            }
        ImGui::TreePop();
    }
}

void explain_route(const AppState& s, std::size_t ri, Intents& out) {
    const RuleSet& rules = *s.rules;
    const Route& r = rules.routes[ri];
    const TraceEntry* t = entry(s.evaluation, r.slot);
    if (!t) return;
    Finding f = s.evaluation.outcome.routes[ri];
    const char* label = f == Finding::Met      ? "Why"
                        : f == Finding::NotMet ? "Why not"
                                               : "What is open";
    ImGui::PushID(static_cast<int>(ri));
    if (expander(s, label)) {
        if (!r.says.empty()) ImGui::TextWrapped("%s", r.says.c_str());
        if (t->status == Tri::True) {
            ImGui::TextWrapped("The test holds: %s", report::values_text(t->values).c_str());
        } else if (t->status == Tri::False) {
            if (t->unless_blocked)
                ImGui::TextWrapped("Set aside because: %s",
                                   (r.unless_says.empty() ? r.unless.text : r.unless_says).c_str());
            else
                ImGui::TextWrapped("Not met because: %s",
                                   t->values.empty() ? t->failing.c_str()
                                                     : report::values_text(t->values).c_str());
        } else {
            ImGui::TextWrapped("Open until these are answered:");
            blocking_links(rules, t->blocking, out);
        }
        widgets::wrapped_coloured(palette().text_muted, "Test: " + r.test.text);
        cite_line(rules, r.cites);
        ImGui::TreePop();
    }
    ImGui::PopID();
}

void draw_routes(const AppState& s, Intents& out) {
    const RuleSet& rules = *s.rules;
    ImGui::TextDisabled("STATUTORY ROUTES");
    for (std::size_t i = 0; i < rules.routes.size(); ++i) {
        const Route& r = rules.routes[i];
        ImGui::PushTextWrapPos(0.0f);
        widgets::bold_text(fmt::format("{} {}", r.section, r.title).c_str());
        ImGui::PopTextWrapPos();
        widgets::wrapped_coloured(palette().text_muted,
                                  fmt::format("Standard: {}", describe(r.standard)));
        widgets::finding_label(r, s.evaluation.outcome.routes[i]);
        explain_route(s, i, out);
        ImGui::Spacing();
    }
}

void draw_triggers_actions(const AppState& s) {
    const RuleSet& rules = *s.rules;
    const Outcome& o = s.evaluation.outcome;
    if (!o.triggers.empty() || !o.possible_triggers.empty()) {
        ImGui::TextDisabled("ALWAYS-REFER TRIGGERS");
        for (std::uint32_t t : o.triggers) {
            ImGui::PushStyleColor(ImGuiCol_Text, palette().met);
            widgets::bold_text(("\u25CF " + rules.triggers[t].title).c_str());
            ImGui::PopStyleColor();
            ImGui::TextWrapped("%s", rules.triggers[t].says.c_str());
            cite_line(rules, rules.triggers[t].cites);
        }
        for (std::uint32_t t : o.possible_triggers)
            widgets::wrapped_coloured(palette().cannot_rule_out,
                                      "? Cannot rule out: " + rules.triggers[t].title);
        ImGui::Spacing();
    }
    ImGui::TextDisabled("ACTIONS");
    if (o.actions.empty()) ImGui::TextWrapped("None yet.");
    for (const auto& n : o.actions) {
        const Action& a = rules.actions[n.action];
        widgets::bold_text(((n.definite ? "" : "If needed: ") + a.title).c_str());
        widgets::wrapped_coloured(
            n.due.outside_calendar ? palette().warning : ImGui::GetStyle().Colors[ImGuiCol_Text],
            report::due_text(n.due));
        widgets::explain_on_hover(a.says, widgets::citations(rules, a.cites));
    }
    if (!o.consent.empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled("CONSENT AND INFORMATION SHARING");
        for (std::uint32_t c : o.consent) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", rules.consents[c].says.c_str());
            widgets::explain_on_hover("", widgets::citations(rules, rules.consents[c].cites));
        }
    }
}

std::string becomes_text(const RuleSet& rules, const ChangeTarget& t, const std::string& becomes) {
    if (t.is_level) {
        std::uint32_t li = rules.level_index(becomes);
        return li == kNone ? becomes : rules.levels[li].name;
    }
    Finding f = becomes == "met"       ? Finding::Met
                : becomes == "not_met" ? Finding::NotMet
                                       : Finding::CannotRuleOut;
    return report::finding_text(rules.routes[t.route], f);
}

void draw_what_could_change(const AppState& s, Intents& out) {
    const RuleSet& rules = *s.rules;
    ImGui::TextDisabled("WHAT COULD CHANGE THIS");
    bool any = false;
    int id = 0;
    for (const auto& t : s.evaluation.changes) {
        std::string target = t.is_level ? "Level" : rules.routes[t.route].section;
        for (const auto& set : t.sets)
            for (const auto& opt : set.options) {
                any = true;
                ImGui::PushID(id++);
                ImGui::Bullet();
                ImGui::TextWrapped("%s would become %s if:", target.c_str(),
                                   becomes_text(rules, t, opt.becomes).c_str());
                ImGui::Indent();
                for (const auto& h : opt.answers) {
                    ImGui::PushID(static_cast<int>(h.question));
                    std::string text =
                        fmt::format("{}  \u2192 {}", rules.questions[h.question].prompt, h.label);
                    if (widgets::link(text, palette().cannot_rule_out))
                        out.push_back(intent::JumpToQuestion{h.question});
                    widgets::register_item("jump/" + rules.questions[h.question].id);
                    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Go to this question");
                    ImGui::PopID();
                }
                ImGui::Unindent();
                ImGui::PopID();
            }
        if (!t.complete) ImGui::TextDisabled("(%s: more answers may matter)", target.c_str());
    }
    if (!any) ImGui::TextWrapped("No unanswered question could change the level or any route.");
}

}  // namespace

void draw_outcome_panel(const AppState& s, Intents& out) {
    draw_level(s, out);
    ImGui::Spacing();
    ImGui::Separator();
    draw_routes(s, out);
    ImGui::Separator();
    draw_triggers_actions(s);
    ImGui::Spacing();
    ImGui::Separator();
    draw_what_could_change(s, out);
    ImGui::Spacing();
    widgets::wrapped_coloured(
        palette().text_muted,
        "A suggestion to support your professional judgement, not a decision.");
}

}  // namespace continuum::ui
