// Rules (F6): the rule set in use browsed by level, domain or route with each definition's
// condition in words, its citations and where it is written; the diagnostics of the latest
// load; the impact of the rules in use against a base over a case library (a heat map of level
// moves, a bar chart of changes by responsible rule, the changed cases, and one case's traces
// side by side); and the diff against another folder. Drawn from AppState::rules_view only.
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "engine/printable.hpp"
#include "policy/impact_render.hpp"
#include "rules_tools.hpp"
#include "ui/shell/charts.hpp"
#include "ui/shell/theme.hpp"
#include "ui/shell/views.hpp"
#include "ui/shell/widgets.hpp"

namespace continuum::ui {

namespace {

const char* kPopup = "Rules";

void muted(const std::string& text) {
    widgets::wrapped_coloured(palette().text_muted, text);
}

void draw_entry(const CatalogueEntry& e) {
    ImGui::PushID(e.id.c_str());
    std::string head = e.id;
    if (!e.title.empty()) head += "  \u2014  " + e.title;
    ImGui::PushTextWrapPos(0.0f);
    widgets::bold_text(head.c_str());
    ImGui::PopTextWrapPos();
    std::string kind = e.kind == "rule"          ? "Indicator"
                       : e.kind == "combination" ? "Combination"
                       : e.kind == "trigger"     ? "Trigger"
                                                 : "Statutory route";
    if (!e.level_name.empty())
        kind += (e.kind == "trigger" ? ", at least " : ", points to ") + e.level_name;
    if (!e.domain_title.empty()) kind += "  \u00B7  " + e.domain_title;
    ImGui::SameLine();
    ImGui::TextDisabled("%s", kind.c_str());
    ImGui::Indent();
    if (!e.says.empty()) ImGui::TextWrapped("%s", e.says.c_str());
    std::string glossary;
    for (const auto& g : e.glossary)
        glossary += (glossary.empty() ? "" : "\n") + g;
    if (!e.condition.empty()) {
        ImGui::TextWrapped("%s %s", e.kind == "route" ? "Test:" : "When:", e.condition.c_str());
        widgets::explain_on_hover(glossary, "");
    }
    if (!e.unless.empty()) {
        ImGui::TextWrapped("Unless: %s", e.unless.c_str());
        widgets::explain_on_hover(glossary, "");
        if (!e.unless_says.empty()) muted("(" + e.unless_says + ")");
    }
    if (!e.citations.empty()) muted("Source: " + e.citations);
    muted("Written at " + e.written_at);
    ImGui::Unindent();
    ImGui::Spacing();
    ImGui::PopID();
}

// One collapsible group of entries; nothing when none match.
void draw_group(const std::string& title, const std::vector<const CatalogueEntry*>& entries) {
    if (entries.empty()) return;
    std::string label = fmt::format("{} ({})###{}", title, entries.size(), title);
    if (!ImGui::CollapsingHeader(label.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
    for (const auto* e : entries)
        draw_entry(*e);
}

void draw_browse(const AppState& s, Scratch& scratch) {
    RulesScratch& rs = scratch.rules_view;
    const auto& cat = s.rules_view.catalogue;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 26);
    ImGui::InputTextWithHint("##rules_search", "Search: id, words, condition or citation",
                             &rs.search);
    widgets::register_item("rules/search");
    ImGui::SameLine();
    if (widgets::choice_button("By level", rs.grouping == RulesGrouping::Level))
        rs.grouping = RulesGrouping::Level;
    widgets::register_item("rules/by_level");
    ImGui::SameLine();
    if (widgets::choice_button("By domain", rs.grouping == RulesGrouping::Domain))
        rs.grouping = RulesGrouping::Domain;
    widgets::register_item("rules/by_domain");
    ImGui::SameLine();
    if (widgets::choice_button("Routes and triggers", rs.grouping == RulesGrouping::Route))
        rs.grouping = RulesGrouping::Route;
    widgets::register_item("rules/by_route");

    std::vector<const CatalogueEntry*> shown;
    for (const auto& e : cat)
        if (catalogue_matches(e, rs.search)) shown.push_back(&e);
    ImGui::SameLine();
    ImGui::TextDisabled("%zu of %zu shown", shown.size(), cat.size());

    ImGui::BeginChild("rules_list", ImVec2(0, 0), true, ImGuiWindowFlags_NavFlattened);
    if (shown.empty())
        ImGui::TextWrapped("Nothing in the rules in use matches \"%s\".", rs.search.c_str());
    const engine::RuleSet& rules = *s.rules;
    auto pick = [&](auto&& pred) {
        std::vector<const CatalogueEntry*> out;
        for (const auto* e : shown)
            if (pred(*e)) out.push_back(e);
        return out;
    };
    switch (rs.grouping) {
        case RulesGrouping::Level:
            for (auto it = rules.levels.rbegin(); it != rules.levels.rend(); ++it)
                draw_group(it->name, pick([&](const CatalogueEntry& e) {
                               return e.kind != "route" && e.level == it->id;
                           }));
            draw_group("Statutory routes",
                       pick([](const CatalogueEntry& e) { return e.kind == "route"; }));
            draw_group("Triggers with no minimum level", pick([](const CatalogueEntry& e) {
                           return e.kind == "trigger" && e.level.empty();
                       }));
            break;
        case RulesGrouping::Domain:
            for (const auto& d : rules.domains)
                draw_group(d.title,
                           pick([&](const CatalogueEntry& e) { return e.domain == d.id; }));
            draw_group("Not tied to one domain",
                       pick([](const CatalogueEntry& e) { return e.domain.empty(); }));
            break;
        case RulesGrouping::Route:
            draw_group("Statutory routes",
                       pick([](const CatalogueEntry& e) { return e.kind == "route"; }));
            draw_group("Triggers",
                       pick([](const CatalogueEntry& e) { return e.kind == "trigger"; }));
            break;
    }
    ImGui::EndChild();
}

void draw_diagnostics(const AppState& s) {
    const RulesStatus& st = s.rules_status;
    std::size_t errors = st.diagnostics.error_count();
    std::size_t warnings = st.diagnostics.warning_count();
    if (st.last_load_failed)
        widgets::wrapped_coloured(
            palette().error,
            fmt::format("\u2717 The rule files in {} have {} error{}: still using the last good "
                        "rules. Fix them and save; they are reloaded automatically.",
                        st.folder, errors, errors == 1 ? "" : "s"));
    else
        widgets::wrapped_coloured(
            palette().success,
            fmt::format("\u2713 The rules in {} loaded with no errors and {} warning{}.", st.folder,
                        warnings, warnings == 1 ? "" : "s"));
    ImGui::BeginChild("rules_diagnostics", ImVec2(0, 0), true);
    for (const auto& d : st.diagnostics.items()) {
        bool error = d.severity == engine::Severity::Error;
        widgets::wrapped_coloured(error ? palette().error : palette().warning,
                                  engine::format_diagnostic(d));
    }
    ImGui::EndChild();
}

std::string level_move(const engine::ImpactReport& r, const engine::CaseChange& c) {
    auto name = [](const std::vector<std::string>& ids, const std::vector<std::string>& names,
                   const std::string& id) {
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (ids[i] == id) return names[i];
        return id;
    };
    std::string from = name(r.base_levels, r.base_level_names, c.level_before);
    std::string to = name(r.candidate_levels, r.candidate_level_names, c.level_after);
    if (from == to && c.higher_possible_before == c.higher_possible_after)
        return from + " (unchanged)";
    if (from == to)
        return from + (c.higher_possible_after ? ", a higher level can no longer be ruled out"
                                               : ", a higher level is now ruled out");
    return from + " \u2192 " + to;
}

// "cannot_rule_out" as "cannot rule out".
std::string state_words(std::string s) {
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

std::string parts_changed(const engine::CaseChange& c) {
    std::string out;
    auto add = [&](const std::vector<engine::StateChange>& v) {
        for (const auto& x : v)
            out += (out.empty() ? "" : "; ") + x.id + " " + state_words(x.before) + " \u2192 " +
                   state_words(x.after);
    };
    add(c.routes);
    add(c.triggers);
    if (!c.actions.empty()) out += (out.empty() ? "" : "; ") + std::string("actions changed");
    if (!c.outcome_changed) out += (out.empty() ? "" : "; ") + std::string("reasoning only");
    return out;
}

void draw_trace_entry(const engine::TraceEntry& e) {
    const char* mark = e.status == engine::Tri::True      ? "\u25CF"
                       : e.status == engine::Tri::Unknown ? "?"
                                                          : "\u25CB";
    std::string line =
        fmt::format("{} {} {}", mark, e.id, e.says.empty() ? "" : "\u2014 " + e.says);
    if (e.unless_blocked)
        line += " (stopped by: " + (e.unless_says.empty() ? e.unless : e.unless_says) + ")";
    ImVec4 colour = e.status == engine::Tri::True      ? palette().met
                    : e.status == engine::Tri::Unknown ? palette().cannot_rule_out
                                                       : palette().not_met;
    widgets::wrapped_coloured(colour, line);
}

// What differs from the other side first, then (folded) what both rule sets agree on.
void draw_trace_side(const char* title, const std::string& level,
                     const std::vector<engine::TraceEntry>& trace,
                     const std::vector<bool>& differs) {
    widgets::bold_text(title);
    ImGui::TextWrapped("Level: %s", level.c_str());
    ImGui::Separator();
    std::size_t same = 0;
    ImGui::TextDisabled("Not so under the other rule set:");
    for (std::size_t i = 0; i < trace.size(); ++i) {
        if (!differs[i]) {
            ++same;
            continue;
        }
        draw_trace_entry(trace[i]);
    }
    std::string label = fmt::format("The same under both ({})", same);
    if (same && ImGui::CollapsingHeader(label.c_str()))
        for (std::size_t i = 0; i < trace.size(); ++i)
            if (!differs[i]) draw_trace_entry(trace[i]);
}

void draw_opened_case(const ImpactState& im, Intents& out) {
    const ImpactCase& c = *im.opened;
    widgets::bold_text(("Case " + c.ref).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Close case")) out.push_back(intent::CloseImpactCase{});
    widgets::register_item("impact/close_case");
    if (!c.error.empty()) {
        widgets::wrapped_coloured(palette().error, c.error);
        return;
    }
    muted("What fired (\u25CF) or could not be settled (?) under each rule set.");
    float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    ImGui::BeginChild("trace_base", ImVec2(w, 0), true);
    draw_trace_side("Base", c.base_level, c.base_trace, c.base_differs);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("trace_candidate", ImVec2(0, 0), true);
    draw_trace_side("Rules in use", c.candidate_level, c.candidate_trace, c.candidate_differs);
    ImGui::EndChild();
}

void draw_impact_controls(const AppState& s, RulesScratch& rs, Intents& out) {
    const float em = ImGui::GetFontSize();
    if (rs.library.empty() && s.rules)
        rs.library =
            (std::filesystem::path(s.rules_status.folder) / "cases" / "library.jsonl").string();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Case library");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 28);
    ImGui::InputText("##impact_library", &rs.library);
    widgets::register_item("impact/library");
    ImGui::SameLine();
    ImGui::TextUnformatted("Compare with");
    ImGui::SameLine();
    if (widgets::choice_button("The rules at start", rs.base_is_start)) rs.base_is_start = true;
    widgets::register_item("impact/base_start");
    ImGui::SameLine();
    if (widgets::choice_button("Another folder", !rs.base_is_start)) rs.base_is_start = false;
    widgets::register_item("impact/base_other");
    if (!rs.base_is_start) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 22);
        ImGui::InputTextWithHint("##impact_base", "rule set folder", &rs.base_folder);
        widgets::register_item("impact/base_folder");
    }
    const ImpactState& im = s.rules_view.impact;
    ImGui::BeginDisabled(im.running);
    if (ImGui::Button(im.running ? "Running\u2026" : "Run impact"))
        out.push_back(intent::RunImpact{rs.library, rs.base_is_start ? "" : rs.base_folder});
    ImGui::EndDisabled();
    widgets::register_item("impact/run");
}

// Lines of the library that could not be read are left out of every figure: say how many,
// plainly, and list them with their line and what is wrong, so none is lost without a word.
void draw_unreadable_lines(const engine::ImpactReport& r) {
    widgets::wrapped_coloured(
        palette().warning,
        fmt::format("\u2717 {} of {} line{} of the library could not be read: {} left out of "
                    "every figure here.",
                    r.failed, r.lines, r.lines == 1 ? "" : "s",
                    r.failed == 1 ? "that case is" : "those cases are"));
    constexpr std::size_t kListed = 100;
    const auto& items = r.diagnostics.items();
    const float rows = static_cast<float>(std::min<std::size_t>(items.size(), 5) + 1);
    ImGui::BeginChild("impact_unreadable", ImVec2(0, rows * ImGui::GetTextLineHeightWithSpacing()),
                      true);
    // The library's name is above; each line says where and what, wrapped to the panel.
    ImGui::PushTextWrapPos(0.0f);
    for (std::size_t i = 0; i < items.size() && i < kListed; ++i) {
        const engine::Diagnostic& d = items[i];
        std::string where = fmt::format("Line {}, column {}: ", d.pos.line,
                                        std::max<std::uint32_t>(1, d.pos.column));
        ImGui::TextUnformatted(
            (where + engine::printable(d.message, engine::LineBreaks::Refused)).c_str());
    }
    ImGui::PopTextWrapPos();
    if (items.size() > kListed)
        muted(
            fmt::format("\u2026 and {} more: continuum impact on the command line lists "
                        "them all.",
                        items.size() - kListed));
    ImGui::EndChild();
    widgets::register_item("impact/unreadable");
}

void draw_impact(const AppState& s, Scratch& scratch, Intents& out) {
    RulesScratch& rs = scratch.rules_view;
    const ImpactState& im = s.rules_view.impact;
    draw_impact_controls(s, rs, out);
    if (!im.error.empty()) widgets::wrapped_coloured(palette().error, im.error);
    if (im.running) {
        // An indeterminate bar: the engine reports no progress part-way.
        float t = static_cast<float>(ImGui::GetTime());
        ImGui::ProgressBar(-1.0f * t, ImVec2(ImGui::GetFontSize() * 20, 0),
                           "Evaluating the library under both rule sets\u2026");
    }
    if (!im.report) {
        if (!im.running && im.error.empty())
            ImGui::TextWrapped(
                "Run impact to see which cases in the library the rules in use would decide "
                "differently from the base, and which rule is responsible.");
        return;
    }
    const engine::ImpactReport& r = *im.report;
    ImGui::TextWrapped(
        "Complete: %zu cases in %.2f s against %s. %zu change outcome (%zu change level), %zu "
        "change reasoning only, %zu unchanged%s.",
        r.evaluated, im.seconds, im.base_label.c_str(), r.outcome_changed, r.level_changed,
        r.reasoning_only, r.unchanged,
        r.failed ? fmt::format("; {} could not be read", r.failed).c_str() : "");
    if (r.failed > 0) draw_unreadable_lines(r);
    if (r.diff.empty()) muted("The rules in use are the same as the base: nothing can change.");

    const ImGuiStyle& st = ImGui::GetStyle();
    float left_w = std::max(ImGui::GetFontSize() * 30, ImGui::GetContentRegionAvail().x * 0.5f);
    ImGui::BeginChild("impact_charts", ImVec2(left_w, 0), true, ImGuiWindowFlags_NavFlattened);
    ImGui::PushTextWrapPos(0.0f);
    widgets::bold_text("Level moves: base (rows) to rules in use (columns)");
    ImGui::PopTextWrapPos();
    charts::HeatMap map;
    map.row_title = "Base";
    map.col_title = "Rules in use";
    map.rows = r.base_level_names;
    map.cols = r.candidate_level_names;
    for (const auto& row : r.transitions)
        for (std::size_t v : row)
            map.cells.push_back(static_cast<double>(v));
    if (auto cell = charts::heat_map("transitions", map)) rs.cell = *cell, rs.group_filter = -1;
    ImGui::Spacing();
    widgets::bold_text("Cases whose outcome changes, by responsible rule");
    std::vector<charts::Bar> bars;
    double top = 1;
    for (const auto& g : r.groups) {
        std::string label = g.kind == "unattributed" ? std::string("no edited definition")
                                                     : fmt::format("{} {} ({})", g.kind, g.id,
                                                                   engine::to_string(g.change));
        std::string value =
            fmt::format("{} case{}", g.outcome_cases, g.outcome_cases == 1 ? "" : "s");
        if (g.reasoning_cases) value += fmt::format(" (+{} reasoning)", g.reasoning_cases);
        bars.push_back(
            {label, static_cast<double>(g.outcome_cases), value, report::group_summary(r, g), 0});
        top = std::max(top, static_cast<double>(g.outcome_cases));
    }
    if (bars.empty()) muted("No rule changes any case's outcome.");
    int picked =
        charts::bar_chart("groups", bars, {.min_value = 0, .max_value = top, .label_width_em = 18});
    if (picked >= 0) rs.group_filter = picked, rs.cell.reset();
    ImGui::EndChild();
    ImGui::SameLine();

    ImGui::BeginChild("impact_cases", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    std::string filter = rs.outcome_only ? "Cases whose outcome changes" : "All changed cases";
    if (rs.group_filter >= 0 && rs.group_filter < static_cast<int>(r.groups.size()))
        filter =
            "Changed by " + r.groups[rs.group_filter].kind + " " + r.groups[rs.group_filter].id;
    else if (rs.cell)
        filter = fmt::format("Moving from {} to {}", r.base_level_names[rs.cell->first],
                             r.candidate_level_names[rs.cell->second]);
    widgets::bold_text(filter.c_str());
    if (rs.group_filter >= 0 || rs.cell) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Show all")) rs.group_filter = -1, rs.cell.reset();
        widgets::register_item("impact/show_all");
    }
    ImGui::SameLine();
    ImGui::Checkbox("Only cases whose outcome changes", &rs.outcome_only);
    widgets::register_item("impact/outcome_only");
    float list_h = im.opened ? ImGui::GetContentRegionAvail().y * 0.4f : 0.0f;
    ImGui::BeginChild("impact_case_list", ImVec2(0, list_h), true, ImGuiWindowFlags_NavFlattened);
    std::size_t listed = 0;
    for (std::size_t i = 0; i < r.changes.size(); ++i) {
        const engine::CaseChange& c = r.changes[i];
        if (rs.group_filter >= 0 &&
            std::find(c.responsible.begin(), c.responsible.end(),
                      static_cast<std::uint32_t>(rs.group_filter)) == c.responsible.end())
            continue;
        if (rs.outcome_only && !c.outcome_changed) continue;
        if (rs.cell) {
            if (c.level_before != r.base_levels[rs.cell->first] ||
                c.level_after != r.candidate_levels[rs.cell->second])
                continue;
        }
        ++listed;
        std::string label = fmt::format("{}  {}", c.ref, level_move(r, c));
        std::string parts = parts_changed(c);
        if (!parts.empty()) label += "  \u00B7  " + parts;
        bool opened = im.opened && im.opened->change == i;
        if (ImGui::Selectable((label + "##" + std::to_string(i)).c_str(), opened))
            out.push_back(intent::OpenImpactCase{i});
        widgets::register_item("impact/case/" + c.ref);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(
                "%s, line %u of the library\n%s\nEnter or click: both traces side by side",
                c.ref.c_str(), c.line, label.c_str());
    }
    if (listed == 0) ImGui::TextUnformatted("No changed cases here.");
    ImGui::EndChild();
    (void)st;
    if (im.opened) draw_opened_case(im, out);
    ImGui::EndChild();
}

void draw_diff_side(const std::string& condition, const std::string& cites,
                    const engine::Origin& at) {
    if (condition.empty() && cites.empty() && at.file.empty()) {
        ImGui::TextDisabled("(not defined)");
        return;
    }
    if (!condition.empty()) ImGui::TextWrapped("%s", condition.c_str());
    const std::string& c = cites;
    if (!c.empty()) muted("Source: " + c);
    if (!at.file.empty()) muted(fmt::format("{}:{}:{}", at.file, at.pos.line, at.pos.column));
}

// A field that differs, in bold so the eye finds it beside the unchanged condition.
void changed_field(const std::string& field, const std::string& value) {
    std::string text = field + ": " + (value.empty() ? "(not given)" : value);
    ImGui::PushTextWrapPos(0.0f);
    widgets::bold_text(text.c_str());
    ImGui::PopTextWrapPos();
}

void draw_diff(const AppState& s, Scratch& scratch, Intents& out) {
    RulesScratch& rs = scratch.rules_view;
    const DiffState& d = s.rules_view.diff;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Compare the rules in use with the rule set in");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
    ImGui::InputTextWithHint("##diff_folder", "folder", &rs.diff_folder);
    widgets::register_item("diff/folder");
    ImGui::SameLine();
    if (ImGui::Button("Compare")) out.push_back(intent::DiffAgainst{rs.diff_folder});
    widgets::register_item("diff/compare");
    if (!d.error.empty()) widgets::wrapped_coloured(palette().error, d.error);
    if (!d.diff) return;
    const engine::RuleDiff& diff = *d.diff;
    ImGui::TextWrapped(
        "%zu new, %zu removed, %zu changed: from %s to %s.", diff.count(engine::DiffChange::Added),
        diff.count(engine::DiffChange::Removed), diff.count(engine::DiffChange::Changed),
        d.before_label.c_str(), d.after_label.c_str());
    if (diff.empty()) {
        ImGui::TextUnformatted("The two rule sets define the same things in the same way.");
        return;
    }
    if (!ImGui::BeginTable("diff", 3,
                           ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                               ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Definition", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn("Before (other folder)", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("After (rules in use)", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableHeadersRow();
    for (const auto& e : diff.entries) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0.0f);
        widgets::bold_text(e.id.c_str());
        ImGui::PopTextWrapPos();
        ImGui::TextDisabled("%s, %s", e.kind.c_str(), engine::to_string(e.change));
        std::size_t n = static_cast<std::size_t>(&e - diff.entries.data());
        ImGui::TableNextColumn();
        draw_diff_side(e.condition_before, d.cites_before[n], e.before);
        for (const auto& f : e.fields)
            if (f.field != "when" && f.field != "test" && f.field != "ask_when" &&
                f.field != "cites")
                changed_field(f.field, f.before);
        ImGui::TableNextColumn();
        draw_diff_side(e.condition_after, d.cites_after[n], e.after);
        for (const auto& f : e.fields)
            if (f.field != "when" && f.field != "test" && f.field != "ask_when" &&
                f.field != "cites")
                changed_field(f.field, f.after);
    }
    ImGui::EndTable();
}

bool tab_button(const char* label, RulesTab tab, const AppState& s, Intents& out, const char* key) {
    bool pressed = widgets::choice_button(label, s.rules_view.tab == tab);
    widgets::register_item(key);
    if (pressed) out.push_back(intent::SelectRulesTab{tab});
    return pressed;
}

}  // namespace

void draw_rules_view(const AppState& s, Scratch& scratch, Intents& out) {
    const RulesViewState& rv = s.rules_view;
    if (!widgets::begin_view_popup(kPopup, rv.open)) return;
    widgets::capture_begin();
    if (s.rules) {
        std::string head = fmt::format("In use: {} {} from {}  \u00B7  {}", s.rules->info.id,
                                       s.rules->info.version, s.rules_status.folder,
                                       s.rules->digest.substr(0, 12));
        ImGui::TextWrapped("%s", head.c_str());
    }
    if (!rv.watch_status.empty()) muted(rv.watch_status);
    if (s.rules_status.last_load_failed)
        widgets::wrapped_coloured(palette().error,
                                  "\u2717 The latest edit has errors: the last good rules are "
                                  "still in use. See Diagnostics.");
    std::size_t problems =
        s.rules_status.diagnostics.error_count() + s.rules_status.diagnostics.warning_count();
    tab_button("Browse rules", RulesTab::Browse, s, out, "rules/tab/browse");
    ImGui::SameLine();
    tab_button(fmt::format("Diagnostics ({})###diag", problems).c_str(), RulesTab::Diagnostics, s,
               out, "rules/tab/diagnostics");
    ImGui::SameLine();
    tab_button("Impact on cases", RulesTab::Impact, s, out, "rules/tab/impact");
    ImGui::SameLine();
    tab_button("Compare with a folder", RulesTab::Diff, s, out, "rules/tab/diff");
    ImGui::SameLine();
    float close_w = ImGui::CalcTextSize("Close (Esc)").x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SetCursorPosX(
        std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - close_w));
    if (widgets::close_view_button("rules/close")) out.push_back(intent::CloseRules{});
    ImGui::Separator();
    if (!s.rules) {
        ImGui::TextWrapped("No rule set is loaded: see Diagnostics.");
        if (rv.tab == RulesTab::Diagnostics) draw_diagnostics(s);
    } else {
        switch (rv.tab) {
            case RulesTab::Browse:
                draw_browse(s, scratch);
                break;
            case RulesTab::Diagnostics:
                draw_diagnostics(s);
                break;
            case RulesTab::Impact:
                draw_impact(s, scratch, out);
                break;
            case RulesTab::Diff:
                draw_diff(s, scratch, out);
                break;
        }
    }
    widgets::capture_end();
    ImGui::EndPopup();
}

}  // namespace continuum::ui
