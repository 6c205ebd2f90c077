// Trainer: a cohort's committed judgements, for showing a room where and how much they
// disagree. Per criterion and per scenario: agreement with the expected outcome, Cohen's kappa
// (trainees against the expected judgements) and Fleiss' kappa (trainees with one another), as
// numbers and as bar charts; the scenarios and criteria that divide people most; CSV export.
// Drawn only from AppState::trainer, which the session loads from the results file when the
// view opens and when a filter changes.
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "training.hpp"
#include "ui/shell/charts.hpp"
#include "ui/shell/keys.hpp"
#include "ui/shell/theme.hpp"
#include "ui/shell/views.hpp"
#include "ui/shell/widgets.hpp"

namespace continuum::ui {

namespace {

const char* kPopup = "Trainer";

std::string percent_text(const std::optional<double>& p) {
    return p ? fmt::format("{:.0f}%", *p * 100) : "n/a";
}

std::string kappa_text(const std::optional<double>& k) {
    return k ? fmt::format("{:.2f}", *k) : "n/a";
}

std::string scenario_title(const AppState& s, const std::string& id) {
    for (const auto& sc : s.training.scenarios)
        if (sc.id == id) return sc.title;
    return id;
}

std::string criterion_name(const AppState& s, const std::string& id) {
    return s.rules ? criterion_label(*s.rules, id) : id;
}

std::string category_words(const AppState& s, const std::string& criterion,
                           const std::string& category) {
    return s.rules ? ui::category_words(*s.rules, criterion, category) : category;
}

void muted(const std::string& text) {
    widgets::wrapped_coloured(palette().text_muted, text);
}

void draw_filters(const AppState& s, TrainingScratch& ts, Intents& out) {
    const TrainerState& t = s.trainer;
    float em = ImGui::GetFontSize();
    bool changed = false;
    ImGui::AlignTextToFramePadding();
    widgets::bold_text("Cohort");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 16.0f);
    if (ImGui::BeginCombo("##cohort",
                          ts.cohort_filter.empty() ? "All cohorts" : ts.cohort_filter.c_str())) {
        if (ImGui::Selectable("All cohorts", ts.cohort_filter.empty())) {
            ts.cohort_filter.clear();
            changed = true;
        }
        for (const auto& c : t.cohorts)
            if (ImGui::Selectable(c.c_str(), c == ts.cohort_filter)) {
                ts.cohort_filter = c;
                changed = true;
            }
        ImGui::EndCombo();
    }
    widgets::register_item("trainer/cohort");
    ImGui::SameLine(0, em * 1.5f);
    ImGui::AlignTextToFramePadding();
    widgets::bold_text("Scenario");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 24.0f);
    std::string shown =
        ts.scenario_filter.empty() ? "All scenarios" : scenario_title(s, ts.scenario_filter);
    if (ImGui::BeginCombo("##scenario", shown.c_str())) {
        if (ImGui::Selectable("All scenarios", ts.scenario_filter.empty())) {
            ts.scenario_filter.clear();
            changed = true;
        }
        for (const auto& id : t.scenarios)
            if (ImGui::Selectable(scenario_title(s, id).c_str(), id == ts.scenario_filter)) {
                ts.scenario_filter = id;
                changed = true;
            }
        ImGui::EndCombo();
    }
    widgets::register_item("trainer/scenario");
    if (changed) out.push_back(intent::FilterTrainer{ts.cohort_filter, ts.scenario_filter});
}

void draw_summary(const TrainerState& t) {
    const report::CohortReport& r = t.report;
    widgets::heading(fmt::format("{} judgement{} by {} trainee{} on {} scenario{}", r.judgements,
                                 r.judgements == 1 ? "" : "s", r.trainees,
                                 r.trainees == 1 ? "" : "s", r.scenarios,
                                 r.scenarios == 1 ? "" : "s")
                         .c_str());
    ImGui::TextWrapped("Overall: %s agreement with the expected outcomes; Cohen's kappa %s.",
                       percent_text(r.percent).c_str(), kappa_text(r.cohen).c_str());
    muted(
        "Kappa: 1 is full agreement, 0 is what chance would give, below 0 is worse than "
        "chance; n/a when everyone gave the same answer. Only each trainee's latest judgement "
        "on a scenario counts.");
}

void draw_criteria_table(const AppState& s) {
    const report::CohortReport& r = s.trainer.report;
    widgets::bold_text("By criterion, in figures");
    ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("trainer_criteria", 4, flags)) return;
    ImGui::TableSetupColumn("Criterion", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Agreement", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn("Cohen's kappa", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Fleiss' kappa", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableHeadersRow();
    for (const auto& c : r.criteria) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", criterion_name(s, c.criterion).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(percent_text(c.percent).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(kappa_text(c.cohen).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(kappa_text(c.fleiss).c_str());
    }
    ImGui::EndTable();
}

void draw_scenario_table(const AppState& s) {
    const report::CohortReport& r = s.trainer.report;
    widgets::bold_text("By scenario");
    ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("trainer_scenarios", 5, flags)) return;
    ImGui::TableSetupColumn("Scenario", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Trainees", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Agree with expected", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn("Fleiss' kappa", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Mean score", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableHeadersRow();
    for (const auto& sc : r.per_scenario) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", scenario_title(s, sc.scenario).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%zu", sc.trainees);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(percent_text(sc.percent).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(kappa_text(sc.fleiss).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%.0f%%", sc.mean_score * 100);
    }
    ImGui::EndTable();
}

// The scenario and criterion pairs where trainees split, least agreement first: the ones to
// discuss with the room. The first `limit`; the rest are in the CSV export.
void draw_divisions(const AppState& s, std::size_t limit) {
    const report::CohortReport& r = s.trainer.report;
    widgets::bold_text("Where trainees divide most");
    muted("Share of pairs of trainees who gave the same answer, least first.");
    if (r.divisions.empty()) {
        ImGui::TextWrapped("Nowhere: every trainee gave the same answer on every criterion.");
        return;
    }
    std::size_t shown = 0;
    for (const auto& d : r.divisions) {
        if (++shown > limit) break;
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0.0f);
        widgets::bold_text(fmt::format("{} of pairs agree: {} \u2014 {}", percent_text(d.agreement),
                                       scenario_title(s, d.scenario),
                                       criterion_name(s, d.criterion))
                               .c_str());
        ImGui::PopTextWrapPos();
        std::string spread;
        for (const auto& [category, n] : d.spread)
            spread += fmt::format("{}{} \u00D7{}", spread.empty() ? "" : ";  ",
                                  category_words(s, d.criterion, category), n);
        ImGui::Indent();
        ImGui::TextWrapped("%s", spread.c_str());
        muted("Expected: " + category_words(s, d.criterion, d.expected));
        ImGui::Unindent();
    }
    if (r.divisions.size() > limit)
        muted(fmt::format("{} more in the export (Every judgement, or Figures).",
                          r.divisions.size() - limit));
}

// "Level", "s47", "Triggers": short enough for three charts side by side.
std::string short_criterion(const std::string& id) {
    if (id == "level") return "Level";
    if (id == "triggers") return "Triggers";
    return id.substr(id.find(':') + 1);
}

charts::Bar bar(std::string label, const std::optional<double>& v, bool percent,
                std::string tooltip) {
    charts::Bar b;
    b.label = std::move(label);
    b.value = v.value_or(0.0);
    b.value_text = percent ? percent_text(v) : kappa_text(v);
    b.tooltip = std::move(tooltip);
    // A kappa below zero is worse than chance: marked in the warning colour as well as by
    // the bar running left of the axis.
    if (!percent && v && *v < 0) b.colour = ImGui::GetColorU32(palette().warning);
    return b;
}

// A titled chart in the current table cell.
int titled_chart(const char* id, const char* title, const std::vector<charts::Bar>& bars,
                 charts::BarChartOptions opts) {
    widgets::bold_text(title);
    return charts::bar_chart(id, bars, opts);
}

void draw_criteria_charts(const AppState& s) {
    const report::CohortReport& r = s.trainer.report;
    widgets::bold_text("By criterion");
    std::vector<charts::Bar> pct, cohen, fleiss;
    for (const auto& c : r.criteria) {
        std::string name = criterion_name(s, c.criterion), shortname = short_criterion(c.criterion);
        pct.push_back(bar(shortname, c.percent, true,
                          fmt::format("{}: {} of judgements agree with the expected outcome", name,
                                      percent_text(c.percent))));
        cohen.push_back(bar(shortname, c.cohen, false,
                            fmt::format("{}: Cohen's kappa, trainees against the expected "
                                        "outcome, {}",
                                        name, kappa_text(c.cohen))));
        fleiss.push_back(bar(shortname, c.fleiss, false,
                             fmt::format("{}: Fleiss' kappa, trainees with one another, {}", name,
                                         kappa_text(c.fleiss))));
    }
    if (!ImGui::BeginTable("criteria_charts", 3, ImGuiTableFlags_SizingStretchSame)) return;
    ImGui::TableNextColumn();
    titled_chart("criteria_percent", "Agree with expected", pct, {0, 1, 6});
    ImGui::TableNextColumn();
    titled_chart("criteria_cohen", "Cohen's kappa (with expected)", cohen, {-1, 1, 6});
    ImGui::TableNextColumn();
    titled_chart("criteria_fleiss", "Fleiss' kappa (with one another)", fleiss, {-1, 1, 6});
    ImGui::EndTable();
}

void draw_scenarios(const AppState& s, Intents& out) {
    const report::CohortReport& r = s.trainer.report;
    draw_scenario_table(s);
    ImGui::Spacing();
    std::vector<charts::Bar> pct, fleiss;
    for (const auto& sc : r.per_scenario) {
        std::string title = scenario_title(s, sc.scenario);
        pct.push_back(bar(title, sc.percent, true,
                          fmt::format("{}: {} agreement with the expected outcome ({} trainees). "
                                      "Enter or click to see this scenario alone.",
                                      title, percent_text(sc.percent), sc.trainees)));
        fleiss.push_back(bar(title, sc.fleiss, false,
                             fmt::format("{}: Fleiss' kappa {}. Enter or click to see this "
                                         "scenario alone.",
                                         title, kappa_text(sc.fleiss))));
    }
    if (!ImGui::BeginTable("scenario_charts", 2, ImGuiTableFlags_SizingStretchSame)) return;
    ImGui::TableNextColumn();
    int a = titled_chart("scenario_percent", "Agree with expected, by scenario", pct, {0, 1, 16});
    ImGui::TableNextColumn();
    int b = titled_chart("scenario_fleiss", "Fleiss' kappa, by scenario", fleiss, {-1, 1, 16});
    ImGui::EndTable();
    // A scenario's bar drills into that scenario alone.
    int chosen = a >= 0 ? a : b;
    if (chosen >= 0)
        out.push_back(intent::FilterTrainer{s.trainer.cohort, r.per_scenario[chosen].scenario});
}

void draw_export(const TrainerState& t, TrainingScratch& ts, Intents& out) {
    float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Export to");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 22.0f);
    ImGui::InputTextWithHint("##export_path", "file path, e.g. /tmp/cohort.csv", &ts.export_path);
    widgets::register_item("trainer/export_path");
    ImGui::SameLine();
    if (ImGui::Button("Figures (CSV)")) out.push_back(intent::ExportTrainer{ts.export_path, false});
    widgets::register_item("trainer/export");
    ImGui::SameLine();
    if (ImGui::Button("Every judgement (CSV)"))
        out.push_back(intent::ExportTrainer{ts.export_path, true});
    widgets::register_item("trainer/export_judgements");
    if (!t.export_message.empty()) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::PushStyleColor(ImGuiCol_Text, t.export_failed ? palette().error : palette().success);
        ImGui::TextUnformatted(t.export_message.c_str());
        ImGui::PopStyleColor();
    }
}

}  // namespace

void draw_trainer_view(const AppState& s, Scratch& scratch, Intents& out) {
    const TrainerState& t = s.trainer;
    if (!widgets::begin_view_popup(kPopup, t.open)) return;
    widgets::capture_begin();
    if (ImGui::IsKeyPressed(keys::F7, false)) out.push_back(intent::OpenTraining{});
    TrainingScratch& ts = scratch.training;
    const float em = ImGui::GetFontSize();
    draw_filters(s, ts, out);
    ImGui::Separator();

    const ImGuiStyle& st = ImGui::GetStyle();
    float footer = ImGui::GetFrameHeightWithSpacing() * 2 + st.ItemSpacing.y * 3;
    float body_h = std::max(em * 8.0f, ImGui::GetContentRegionAvail().y - footer);
    ImGui::BeginChild("trainer_body", ImVec2(0, body_h), false, ImGuiWindowFlags_NavFlattened);
    if (!t.unavailable.empty()) {
        widgets::wrapped_coloured(palette().error, t.unavailable);
    } else if (t.results == 0) {
        ImGui::TextWrapped(
            "No committed judgements yet%s. Trainees commit them in the Training view (F7).",
            t.cohort.empty() ? "" : fmt::format(" for the cohort '{}'", t.cohort).c_str());
    } else {
        draw_summary(t);
        ImGui::Spacing();
        // The pictures first; then the criteria's full names and numbers beside what divides
        // the room; the scenarios below.
        draw_criteria_charts(s);
        ImGui::Spacing();
        if (ImGui::BeginTable("trainer_middle", 2,
                              ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV)) {
            ImGui::TableNextColumn();
            draw_criteria_table(s);
            ImGui::TableNextColumn();
            draw_divisions(s, 6);
            ImGui::EndTable();
        }
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::Spacing();
        draw_scenarios(s, out);
    }
    ImGui::EndChild();
    ImGui::Separator();
    draw_export(t, ts, out);
    if (widgets::close_view_button("trainer/close")) out.push_back(intent::CloseTrainer{});
    ImGui::SameLine();
    if (ImGui::Button("Training view (F7)")) out.push_back(intent::OpenTraining{});
    widgets::register_item("trainer/training");
    widgets::capture_end();
    ImGui::EndPopup();
}

}  // namespace continuum::ui
