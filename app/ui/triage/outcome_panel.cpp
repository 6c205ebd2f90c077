// The outcome panel, always visible, urgent first: fired always-refer triggers and the first
// deadline, then the suggested level (and, when a higher one cannot be ruled out, that it is
// not yet settled, as prominently as the band), then each statutory route with why / why not
// in words, the actions by due date, consent, and what could change this. Ids appear only in
// each route's "Technical detail", for policy officers. Everything shown comes from
// report::Evaluation and report's words: the engine decides, this only draws.
#include <fmt/format.h>
#include <imgui.h>

#include "engine/trace.hpp"
#include "report/explain.hpp"
#include "report/outcome_words.hpp"
#include "report/words.hpp"
#include "ui/shell/theme.hpp"
#include "ui/shell/views.hpp"
#include "ui/shell/widgets.hpp"

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

// Each question, as it is asked, a link that jumps to it.
void question_links(const RuleSet& rules, const std::vector<std::string>& ids, Intents& out) {
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

// [SECTION] Urgent: fired triggers and the first deadline

void draw_urgent(const AppState& s) {
    const RuleSet& rules = *s.rules;
    const Outcome& o = s.evaluation.outcome;
    ImGui::PushTextWrapPos(0.0f);
    for (std::uint32_t t : o.triggers) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().met);
        widgets::bold_text(("\u25CF Always refer: " + rules.triggers[t].title).c_str());
        ImGui::PopStyleColor();
        widgets::register_item("urgent/trigger");
        ImGui::TextWrapped("%s", rules.triggers[t].says.c_str());
        cite_line(rules, rules.triggers[t].cites);
    }
    auto order = report::actions_by_due(o);
    const bool deadline =
        !order.empty() && o.actions[order.front()].definite && o.actions[order.front()].due.has_due;
    if (deadline) {
        const NeededAction& n = o.actions[order.front()];
        widgets::bold_text(
            fmt::format("First deadline: {}", rules.actions[n.action].title).c_str());
        widgets::wrapped_coloured(
            n.due.outside_calendar ? palette().warning : ImGui::GetStyle().Colors[ImGuiCol_Text],
            report::due_text(n.due));
        widgets::register_item("urgent/deadline");  // the date itself must be on screen
    }
    ImGui::PopTextWrapPos();
    if (!o.triggers.empty() || deadline) {
        ImGui::Spacing();
        ImGui::Separator();
    }
}

// [SECTION] The level, settled or not

void draw_open_level(const AppState& s, const report::LevelStatus& status, Intents& out) {
    const RuleSet& rules = *s.rules;
    ImVec4 band = hex_colour(rules.levels[status.could_be].colour, palette().cannot_rule_out);
    // As prominent as the band: the heading font, in the colour of "cannot rule out", with a bar
    // in the colour of the level it could reach (never colour alone: the words say it).
    ImGui::PushTextWrapPos(0.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().cannot_rule_out);
    widgets::heading(fmt::format("? Not yet settled: at least {}, could be {}",
                                 rules.levels[status.at_least].name,
                                 rules.levels[status.could_be].name)
                         .c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    widgets::register_item("level/open");
    const ImVec2 at = ImGui::GetItemRectMin();
    const float em = ImGui::GetFontSize();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x - em * 0.45f, at.y),
                                              ImVec2(at.x - em * 0.2f, ImGui::GetItemRectMax().y),
                                              ImGui::GetColorU32(band));
    if (status.by_step.empty()) {
        ImGui::TextWrapped("More information is needed to settle it.");
        return;
    }
    ImGui::TextUnformatted("To settle it, answer:");
    for (auto [domain, n] : status.by_step) {
        std::uint32_t first = kNone;
        for (std::uint32_t q : status.questions)
            if (rules.questions[q].domain_index == domain) {
                first = q;
                break;
            }
        ImGui::Bullet();
        ImGui::PushID(static_cast<int>(domain));
        std::string text =
            fmt::format("{} question{} in {}", n, n == 1 ? "" : "s", rules.domains[domain].title);
        if (widgets::link(text, palette().cannot_rule_out) && first != kNone)
            out.push_back(intent::JumpToQuestion{first});
        widgets::register_item("settle/" + rules.domains[domain].id);
        ImGui::PopID();
    }
}

// Always-refer situations that cannot be ruled out yet: one line, the list on opening it.
void draw_possible_triggers(const AppState& s) {
    const RuleSet& rules = *s.rules;
    const Outcome& o = s.evaluation.outcome;
    if (o.possible_triggers.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, palette().cannot_rule_out);
    std::string label =
        fmt::format("? {} always-refer situation{} not yet ruled out###possible",
                    o.possible_triggers.size(), o.possible_triggers.size() == 1 ? "" : "s");
    bool open = expander(s, label.c_str());
    ImGui::PopStyleColor();
    if (!open) return;
    for (std::uint32_t t : o.possible_triggers) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", rules.triggers[t].title.c_str());
    }
    ImGui::TreePop();
}

void draw_level(const AppState& s, Intents& out) {
    const RuleSet& rules = *s.rules;
    const report::Evaluation& e = s.evaluation;
    const Level& level = rules.levels[e.outcome.level];
    report::LevelStatus status = report::level_status(e);
    ImGui::TextDisabled(status.settled ? "SUGGESTED LEVEL" : "SUGGESTED LEVEL (AT LEAST)");
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
    if (!status.settled) draw_open_level(s, status, out);
    draw_possible_triggers(s);

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
                    fmt::format("Could be {}: {}", li == kNone ? t->level : rules.levels[li].name,
                                report::lower_first(t->says)));
                ImGui::Indent();
                question_links(rules, t->blocking, out);
                ImGui::Unindent();
            }
        ImGui::TreePop();
    }
}

// [SECTION] Routes: the finding, why in words, and the technical detail

void technical_detail(const RuleSet& rules, const Route& r, const TraceEntry& t) {
    // Ids and conditions as written, for policy officers; closed even when --expand opens the
    // practitioner's explanations.
    if (!ImGui::TreeNodeEx("Technical detail", ImGuiTreeNodeFlags_SpanAvailWidth)) return;
    widgets::wrapped_coloured(palette().text_muted, "Test: " + r.test.text);
    if (r.unless.present())
        widgets::wrapped_coloured(palette().text_muted, "Unless: " + r.unless.text);
    if (!t.values.empty())
        widgets::wrapped_coloured(palette().text_muted, "Read: " + report::values_text(t.values));
    if (!t.blocking.empty()) {
        std::string b;
        for (const auto& q : t.blocking)
            b += (b.empty() ? "" : ", ") + q;
        widgets::wrapped_coloured(palette().text_muted, "Open: " + b);
    }
    (void)rules;
    ImGui::TreePop();
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
        ImGui::TextWrapped("%s", report::route_explanation(s.evaluation, ri).c_str());
        if (t->status == Tri::Unknown && !t->blocking.empty()) {
            ImGui::TextUnformatted("Answer:");
            question_links(rules, t->blocking, out);
        }
        if (!r.says.empty()) widgets::wrapped_coloured(palette().text_muted, "The test: " + r.says);
        cite_line(rules, r.cites);
        technical_detail(rules, r, *t);
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

// [SECTION] Actions by due date, consent

void draw_actions(const AppState& s) {
    const RuleSet& rules = *s.rules;
    const Outcome& o = s.evaluation.outcome;
    ImGui::TextDisabled("ACTIONS, EARLIEST FIRST");
    if (o.actions.empty()) ImGui::TextWrapped("None yet.");
    for (std::size_t i : report::actions_by_due(o)) {
        const NeededAction& n = o.actions[i];
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

// [SECTION] What could change this: each question as it is asked, with the answer

void draw_what_could_change(const AppState& s, Intents& out) {
    const RuleSet& rules = *s.rules;
    ImGui::TextDisabled("WHAT COULD CHANGE THIS");
    bool any = false;
    int id = 0;
    for (const auto& t : s.evaluation.changes) {
        for (const auto& set : t.sets)
            for (const auto& opt : set.options) {
                any = true;
                ImGui::PushID(id++);
                ImGui::Bullet();
                std::string target = report::change_target_name(rules, t);
                target[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(target[0])));
                ImGui::TextWrapped("%s would become %s if:", target.c_str(),
                                   report::change_result(rules, t, opt.becomes).c_str());
                ImGui::Indent();
                for (const auto& h : opt.answers) {
                    const Question& q = rules.questions[h.question];
                    ImGui::PushID(static_cast<int>(h.question));
                    std::string answer =
                        q.type == AnswerType::Date ? h.label : report::answer_words(q, h.value);
                    std::string text = fmt::format("{}  \u2192 {}", q.prompt, answer);
                    if (widgets::link(text, palette().cannot_rule_out))
                        out.push_back(intent::JumpToQuestion{h.question});
                    widgets::register_item("jump/" + q.id);
                    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Go to this question");
                    ImGui::PopID();
                }
                ImGui::Unindent();
                ImGui::PopID();
            }
        if (!t.complete)
            ImGui::TextDisabled("(%s: more answers may matter)",
                                report::change_target_name(rules, t).c_str());
    }
    if (!any) ImGui::TextWrapped("No unanswered question could change the level or any route.");
}

}  // namespace

void draw_outcome_panel(const AppState& s, Intents& out) {
    draw_urgent(s);
    draw_level(s, out);
    ImGui::Spacing();
    ImGui::Separator();
    draw_routes(s, out);
    ImGui::Separator();
    draw_actions(s);
    ImGui::Spacing();
    ImGui::Separator();
    draw_what_could_change(s, out);
    ImGui::Spacing();
    widgets::wrapped_coloured(
        palette().text_muted,
        "A suggestion to support your professional judgement, not a decision.");
}

}  // namespace continuum::ui
