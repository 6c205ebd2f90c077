// Overrides (F9): what the recorded decisions say about where practitioners and the rules
// disagree, for a policy group. The override rate of each rule among the reasons for the
// suggested level (by rule set version), the suggested -> decided level transitions as a heat
// map, and overrides by month; every bar and cell opens History on the decisions behind it.
// Drawn only from AppState::overrides, which a worker fills (session_overrides.cpp).
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "audit/stats_render.hpp"
#include "ui/shell/charts.hpp"
#include "ui/shell/theme.hpp"
#include "ui/shell/views.hpp"
#include "ui/shell/widgets.hpp"

namespace continuum::ui {

namespace {

const char* kPopup = "Overrides";

void muted(const std::string& text) {
    widgets::wrapped_coloured(palette().text_muted, text);
}

void show(Intents& out, std::vector<std::int64_t> sequences, std::string about) {
    if (sequences.empty()) return;  // nothing behind it to list
    HistoryFilter f;
    f.sequences = std::move(sequences);
    f.about = std::move(about);
    out.push_back(intent::ShowDecisions{std::move(f)});
}

void draw_period(const OverridesState& o, OverridesScratch& os, Intents& out) {
    float em = ImGui::GetFontSize();
    auto date = [&](const char* label, const char* id, std::string& value) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 6.5f);
        bool enter = ImGui::InputTextWithHint(id, "YYYY-MM-DD", &value,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
        widgets::register_item(std::string("overrides/") + (id + 2));
        ImGui::SameLine();
        return enter;
    };
    bool go = date("Decisions recorded from", "##from", os.from);
    go |= date("to", "##to", os.to);
    go |= ImGui::Button("Show");
    widgets::register_item("overrides/show");
    // Worked out again only when asked, never as the dates are typed.
    if (go) out.push_back(intent::OverridesPeriod{os.from, os.to});
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    if (o.working)
        ImGui::TextDisabled("Working out the figures\u2026");
    else if (o.have)
        ImGui::TextDisabled("%s", o.from.empty() && o.to.empty()
                                      ? "(UTC dates; empty: every decision)"
                                      : fmt::format("Shown: {} to {} (UTC dates)",
                                                    o.from.empty() ? "the first" : o.from,
                                                    o.to.empty() ? "the last" : o.to)
                                            .c_str());
    if (!o.period_problem.empty()) widgets::wrapped_coloured(palette().warning, o.period_problem);
}

void draw_summary(const OverridesState& o) {
    const audit::Figures& t = o.stats.totals;
    ImGui::PushStyleColor(ImGuiCol_Text, o.chain.ok ? palette().success : palette().error);
    ImGui::PushTextWrapPos(0.0f);
    widgets::bold_text(((o.chain.ok ? "\u2713 Chain " : "\u2717 Chain ") +
                        audit::chain_line(o.chain) + ". Read from " + o.store + ".")
                           .c_str());
    if (!o.chain.ok)
        ImGui::TextUnformatted(
            "The figures count the records as they are stored now; the damaged records may not "
            "be what was decided.");
    for (const auto& p : o.chain.protection_problems)
        ImGui::TextUnformatted(("Protection damaged: " + p).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    if (t.decisions == 0) {
        ImGui::TextWrapped("No decisions were recorded in this period.");
        return;
    }
    ImGui::TextWrapped(
        "%s", fmt::format("{} decisions: {} agreed with the suggestion, {} overridden (level "
                          "raised {}, lowered {}{}; a route finding changed {}).",
                          t.decisions, audit::count_and_share(t.agreed, t.decisions),
                          audit::count_and_share(t.overridden(), t.decisions), t.level_raised,
                          t.level_lowered,
                          t.level_order_unknown
                              ? fmt::format(", in an order not known {}", t.level_order_unknown)
                              : "",
                          t.route_changed)
                  .c_str());
    ImGui::TextWrapped("%s", fmt::format("Re-referrals (the same case referred in the 12 months "
                                         "before): {} of {} decisions, {:.1f}%.",
                                         t.re_referrals, t.decisions,
                                         100.0 * static_cast<double>(t.re_referrals) /
                                             static_cast<double>(t.decisions))
                                 .c_str());
}

// The rule set in words where it is the one loaded ("Fixture (fixture)"), else its id.
std::string ruleset_words(const AppState& s, const std::string& id) {
    if (s.rules && s.rules->info.id == id && !s.rules->info.name.empty() &&
        s.rules->info.name != id)
        return s.rules->info.name + " (" + id + ")";
    return id;
}

void draw_rules(const AppState& s, const OverridesState& o, Intents& out) {
    widgets::heading("Override rate per rule");
    widgets::register_item("overrides/rules_title");  // the screenshot test expects it on screen
    muted(
        "How often the suggestion was overridden when the rule was among the reasons for the "
        "suggested level, for each rule set version, newest first. Select a bar to list those "
        "decisions in History.");
    const auto& versions = o.stats.versions;
    if (o.stats.by_rule.empty()) {
        ImGui::TextWrapped("No rule fired at the suggested level in these decisions.");
        return;
    }
    for (auto v = versions.rbegin(); v != versions.rend(); ++v) {
        const audit::Figures& f = v->figures;
        ImGui::Spacing();
        widgets::bold_text(fmt::format("Rule set {}, version {}: {} decisions, {} overridden",
                                       ruleset_words(s, v->ruleset_id), v->ruleset_version,
                                       f.decisions,
                                       audit::count_and_share(f.overridden(), f.decisions))
                               .c_str());
        std::vector<charts::Bar> bars;
        std::vector<const audit::RuleFigures*> rows;
        for (const auto& r : o.stats.by_rule) {
            if (r.ruleset_id != v->ruleset_id || r.ruleset_version != v->ruleset_version) continue;
            const audit::Figures& ov = r.overridden;
            const std::string& says = r.says_now.empty() ? r.says : r.says_now;
            charts::Bar b;
            b.label = says.empty() ? r.id : says;  // in words; the id is in the tooltip
            b.value = static_cast<double>(ov.decisions) / static_cast<double>(r.among);
            b.value_text = fmt::format("{} of {} ({:.0f}%)", ov.decisions, r.among, b.value * 100);
            b.tooltip = fmt::format(
                "{} ({}): {}\nAmong the reasons for {} suggested level{}; {} overridden "
                "(level raised {}, lowered {}; a route changed {}).\nSelect to list {} in "
                "History.",
                r.id, r.kind, says, r.among, r.among == 1 ? "" : "s", ov.decisions, ov.level_raised,
                ov.level_lowered, ov.route_changed, ov.decisions ? "the overridden ones" : "them");
            bars.push_back(std::move(b));
            rows.push_back(&r);
        }
        std::string id = "rules/" + v->ruleset_id + "/" + v->ruleset_version;
        // Labels take up to 45% of the width: rule names are words, not ids.
        float label_em = std::clamp(ImGui::GetContentRegionAvail().x * 0.45f / ImGui::GetFontSize(),
                                    9.0f, 18.0f);
        int hit = charts::bar_chart(id.c_str(), bars, {.label_width_em = label_em});
        if (hit < 0) continue;
        const audit::RuleFigures& r = *rows[static_cast<std::size_t>(hit)];
        const std::string& says = r.says_now.empty() ? r.says : r.says_now;
        std::string where =
            fmt::format("\u2018{}\u2019 ({}) was among the reasons for the suggested level ({} {})",
                        says.empty() ? r.id : says, r.id, r.ruleset_id, r.ruleset_version);
        if (!r.overridden_sequences.empty())
            show(out, r.overridden_sequences, "Overridden decisions where " + where);
        else
            show(out, r.sequences, "Decisions where " + where + ", none overridden");
    }
}

void draw_transitions(const AppState& s, const OverridesState& o, Intents& out) {
    widgets::heading("Suggested level \u2192 decided level");
    widgets::register_item("overrides/levels_title");  // the screenshot test expects it on screen
    muted(
        "Decisions by the level suggested (rows) and the level decided (columns): the "
        "diagonal is agreement on the level. Select a cell to list its decisions.");
    for (const auto& t : o.stats.transitions) {
        charts::HeatMap map;
        map.row_title = "Suggested";
        map.col_title = "Decided";
        for (const auto& l : t.levels) {
            map.rows.push_back(l.name);
            map.cols.push_back(l.name);
        }
        for (std::int64_t c : t.counts)
            map.cells.push_back(static_cast<double>(c));
        if (o.stats.transitions.size() > 1)
            widgets::bold_text(("Rule set " + ruleset_words(s, t.ruleset_id)).c_str());
        std::string id = "levels/" + t.ruleset_id;
        if (auto cell = charts::heat_map(id.c_str(), map)) {
            auto [r, c] = *cell;
            std::size_t at =
                static_cast<std::size_t>(r) * t.levels.size() + static_cast<std::size_t>(c);
            show(out, t.sequences[at],
                 fmt::format("Decisions suggested {} and decided {} ({})",
                             t.levels[static_cast<std::size_t>(r)].name,
                             t.levels[static_cast<std::size_t>(c)].name, t.ruleset_id));
        }
    }
}

void draw_months(const OverridesState& o, Intents& out) {
    widgets::heading("Agreement and overrides by month");
    widgets::register_item("overrides/months_title");  // the screenshot test expects it on screen
    muted(
        "The share of each month's decisions that were overridden, and how many agreed with "
        "the suggestion (month recorded, UTC). Select a month to list its overridden "
        "decisions.");
    std::vector<charts::Bar> bars;
    for (const auto& m : o.stats.by_month) {
        const audit::Figures& f = m.figures;
        charts::Bar b;
        b.label = m.label;
        b.value = f.decisions ? static_cast<double>(f.overridden()) / f.decisions : 0.0;
        b.value_text = f.decisions
                           ? fmt::format("{} of {} overridden ({:.0f}%), {} agreed", f.overridden(),
                                         f.decisions, b.value * 100, f.agreed)
                           : std::string("no decisions");
        b.tooltip =
            f.decisions
                ? fmt::format(
                      "{}: {} decisions, {} overridden (level raised {}, "
                      "lowered {}; a route changed {}); re-referrals {}.",
                      m.label, f.decisions, audit::count_and_share(f.overridden(), f.decisions),
                      f.level_raised, f.level_lowered, f.route_changed, f.re_referrals)
                : m.label + ": no decisions recorded.";
        bars.push_back(std::move(b));
    }
    int hit = charts::bar_chart("months", bars, {.label_width_em = 9});
    if (hit < 0) return;
    const audit::Group& m = o.stats.by_month[static_cast<std::size_t>(hit)];
    if (!m.overridden.empty())
        show(out, m.overridden, "Overridden decisions recorded in " + m.label);
    else
        show(out, m.decisions, "Decisions recorded in " + m.label + ", none overridden");
}

}  // namespace

void draw_overrides_view(const AppState& s, Scratch& scratch, Intents& out) {
    const OverridesState& o = s.overrides;
    if (!widgets::begin_view_popup(kPopup, o.open)) return;
    widgets::capture_begin();
    if (ImGui::IsWindowAppearing() && scratch.overrides.from.empty() &&
        scratch.overrides.to.empty()) {
        scratch.overrides.from = o.from;
        scratch.overrides.to = o.to;
    }
    widgets::heading("Override figures: where practitioners and the rules disagree");
    draw_period(o, scratch.overrides, out);
    if (!o.unavailable.empty()) widgets::wrapped_coloured(palette().error, o.unavailable);
    const float em = ImGui::GetFontSize();
    const ImGuiStyle& st = ImGui::GetStyle();
    if (o.have) {
        draw_summary(o);
        ImGui::Separator();
        float footer = ImGui::GetFrameHeightWithSpacing() + st.ItemSpacing.y * 2;
        float body_h = std::max(em * 8.0f, ImGui::GetContentRegionAvail().y - footer);
        float left_w = std::max(em * 24.0f, ImGui::GetContentRegionAvail().x * 0.48f);
        if (o.stats.totals.decisions > 0) {
            ImGui::BeginChild("override_rules", ImVec2(left_w, body_h), false,
                              ImGuiWindowFlags_NavFlattened);
            draw_rules(s, o, out);
            ImGui::EndChild();
            ImGui::SameLine();
            ImGui::BeginChild("override_levels", ImVec2(0, body_h), false,
                              ImGuiWindowFlags_NavFlattened);
            draw_transitions(s, o, out);
            ImGui::Spacing();
            draw_months(o, out);
            ImGui::EndChild();
        } else {
            ImGui::Dummy(ImVec2(0, body_h));
        }
    } else if (o.working) {
        ImGui::TextWrapped("Reading the decisions and checking the chain\u2026");
    }
    if (widgets::close_view_button("overrides/close")) out.push_back(intent::CloseOverrides{});
    widgets::capture_end();
    ImGui::EndPopup();
}

}  // namespace continuum::ui
