// Training: a trainee's session. Name and cohort; a scenario from the rule set's training
// pack; its narrative as a referrer tells it; the questions it leaves open (the triage
// question widgets); the trainee's own judgement, committed before anything is revealed;
// then the trainee, the expected outcome and the engine side by side, criterion by criterion,
// with the rules' reasons, the sources and the teaching points. Drawn only from
// AppState::training, which holds nothing of the answer until the judgement is saved.
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "report/evaluation.hpp"
#include "training.hpp"
#include "ui/shell/keys.hpp"
#include "ui/shell/theme.hpp"
#include "ui/shell/views.hpp"
#include "ui/shell/widgets.hpp"

namespace continuum::ui {

namespace {

const char* kPopup = "Training";

bool locked(const TrainingState& t) {
    return t.phase == TrainingPhase::Committed || t.phase == TrainingPhase::Revealed;
}

void muted(const std::string& text) {
    widgets::wrapped_coloured(palette().text_muted, text);
}

void draw_identity(const TrainingState& t, TrainingScratch& ts) {
    float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    widgets::bold_text("Your name");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 14.0f);
    ImGui::InputTextWithHint("##trainee", "name or pseudonym", &ts.trainee);
    widgets::register_item("training/trainee");
    ImGui::SameLine(0, em * 1.5f);
    ImGui::AlignTextToFramePadding();
    widgets::bold_text("Cohort");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 12.0f);
    ImGui::InputTextWithHint("##cohort", "e.g. MASH induction, March", &ts.cohort);
    widgets::register_item("training/cohort");
    ImGui::SameLine(0, em * 1.5f);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", t.results_description.c_str());
}

void draw_scenario_list(const TrainingState& t, Intents& out) {
    widgets::bold_text("Scenarios");
    ImGui::Spacing();
    if (t.scenarios.empty())
        muted("This rule set has no training pack (rules/<set>/training/*.toml).");
    const ImGuiStyle& st = ImGui::GetStyle();
    for (std::size_t i = 0; i < t.scenarios.size(); ++i) {
        const ScenarioSummary& sc = t.scenarios[i];
        ImGui::PushID(static_cast<int>(i));
        // The whole title, wrapped, with its tags beneath: a selectable as tall as both.
        std::string title = fmt::format("{}. {}", i + 1, sc.title);
        std::string tags;
        for (const auto& tag : sc.tags)
            tags += (tags.empty() ? "" : " \u00B7 ") + tag;
        float wrap = ImGui::GetContentRegionAvail().x;
        ImVec2 title_size = ImGui::CalcTextSize(title.c_str(), nullptr, false, wrap);
        float tags_h = tags.empty() ? 0.0f : ImGui::GetTextLineHeight();
        ImVec2 pos = ImGui::GetCursorScreenPos();
        bool chosen = t.scenario == static_cast<int>(i);
        if (ImGui::Selectable("##scenario", chosen, 0, ImVec2(0, title_size.y + tags_h)))
            out.push_back(intent::ChooseScenario{static_cast<int>(i)});
        widgets::register_item("training/scenario/" + sc.id);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddText(nullptr, 0.0f, pos, ImGui::GetColorU32(ImGuiCol_Text), title.c_str(), nullptr,
                    wrap);
        if (!tags.empty())
            dl->AddText(ImVec2(pos.x + st.IndentSpacing, pos.y + title_size.y),
                        ImGui::GetColorU32(palette().text_muted), tags.c_str());
        // The text capture of headless tests sees the title too.
        ImGui::LogText("%s\n", title.c_str());
        if (!tags.empty()) ImGui::LogText("%s\n", tags.c_str());
        ImGui::PopID();
    }
}

void draw_narrative(const ScenarioSummary& sc) {
    widgets::heading(sc.title.c_str());
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().panel_background);
    ImGui::PushTextWrapPos(0.0f);
    float wrap = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().WindowPadding.x * 2;
    float h = ImGui::CalcTextSize(sc.narrative.c_str(), nullptr, false, wrap).y +
              ImGui::GetStyle().WindowPadding.y * 2 + 2;
    ImGui::BeginChild("narrative", ImVec2(0, h), true, ImGuiWindowFlags_NoScrollbar);
    ImGui::TextWrapped("%s", sc.narrative.c_str());
    ImGui::EndChild();
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

// The questions the narrative leaves for the trainee, with the triage widgets; their answers
// go to the training case, never to the case on the triage screen.
void draw_asked(const AppState& s, TrainingScratch& ts, Intents& out) {
    const TrainingState& t = s.training;
    ImGui::Spacing();
    widgets::bold_text("From what you have read");
    muted(
        "Answer these as the referrer's account supports. 'Unknown' is an answer: the rules "
        "treat it as open, never as 'no'.");
    ImGui::Spacing();
    if (locked(t)) ImGui::BeginDisabled();
    Intents asked;
    for (std::uint32_t qi : t.to_ask)
        draw_question({*s.rules, t.kase, ts.text}, qi, asked);
    if (locked(t)) ImGui::EndDisabled();
    for (auto& i : asked) {
        if (auto* a = std::get_if<intent::SetAnswer>(&i))
            out.push_back(intent::TrainingAnswer{a->question, a->answer});
        else if (std::holds_alternative<intent::Notice>(i))
            out.push_back(std::move(i));
    }
}

void draw_judgement(const AppState& s, TrainingScratch& ts) {
    const engine::RuleSet& rules = *s.rules;
    const TrainingState& t = s.training;
    ts.draft.routes.resize(rules.routes.size(), -1);
    ts.draft.triggers.resize(rules.triggers.size(), false);
    // Once committed, what is shown is what was saved, and nothing can change it.
    const bool frozen = locked(t);
    JudgementDraft shown = frozen ? draft_of(rules, t.committed) : ts.draft;
    JudgementDraft& d = frozen ? shown : ts.draft;
    widgets::heading("Your judgement");
    muted(
        "Decide before you see anything else: the expected outcome and the engine's "
        "suggestion are shown only after you commit.");
    ImGui::Spacing();
    if (locked(t)) ImGui::BeginDisabled();

    widgets::bold_text("Level");
    for (std::size_t l = 0; l < rules.levels.size(); ++l) {
        ImGui::PushID(static_cast<int>(l));
        std::string label = fmt::format("{} {}", l + 1, rules.levels[l].name);
        if (l > 0 && ImGui::GetContentRegionAvail().x > 0) {
            float w = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
            float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
            if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w < right)
                ImGui::SameLine();
        }
        if (widgets::choice_button(label.c_str(), d.level == static_cast<int>(l)))
            d.level = static_cast<int>(l);
        widgets::register_item("training/level/" + rules.levels[l].id);
        ImGui::PopID();
    }
    ImGui::Spacing();
    widgets::bold_text("Statutory routes");
    const engine::Finding findings[] = {engine::Finding::Met, engine::Finding::NotMet,
                                        engine::Finding::CannotRuleOut};
    const char* finding_keys[] = {"met", "not_met", "cannot_rule_out"};
    for (std::size_t r = 0; r < rules.routes.size(); ++r) {
        const engine::Route& route = rules.routes[r];
        ImGui::PushID(static_cast<int>(r));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(fmt::format("{} {}", route.section, route.title).c_str());
        ImGui::PopTextWrapPos();
        widgets::explain_on_hover(std::string("Standard: ") + engine::describe(route.standard), "");
        for (int f = 0; f < 3; ++f) {
            if (f > 0) ImGui::SameLine();
            std::string label = report::finding_text(route, findings[f]);
            if (widgets::choice_button(label.c_str(), d.routes[r] == f)) d.routes[r] = f;
            widgets::register_item("training/route/" + route.id + "/" +
                                   std::string(finding_keys[f]));
        }
        ImGui::PopID();
    }
    ImGui::Spacing();
    widgets::bold_text("Always-refer triggers");
    muted("Tick each one the referral sets off; leave them all clear if none does.");
    for (std::size_t tr = 0; tr < rules.triggers.size(); ++tr) {
        ImGui::PushID(static_cast<int>(tr));
        bool on = d.triggers[tr];
        if (ImGui::Checkbox(rules.triggers[tr].title.c_str(), &on)) d.triggers[tr] = on;
        widgets::register_item("training/trigger/" + rules.triggers[tr].id);
        ImGui::PopID();
    }
    if (locked(t)) ImGui::EndDisabled();
}

std::string save_failed_text(const TrainingState& t) {
    return "Your judgement could not be saved, so nothing has been revealed. It is still here: " +
           t.save_error;
}

std::string saved_text(const TrainingState& t) {
    return fmt::format("\u2713 Saved for {} ({}). It can no longer be changed.", t.trainee,
                       t.cohort);
}

// The height the commit or reveal button needs with the messages above it, so that it stays
// in view below the judgement however long the lists are.
float actions_height(const TrainingState& t, float width) {
    const ImGuiStyle& st = ImGui::GetStyle();
    auto text_h = [&](const std::string& text) {
        return ImGui::CalcTextSize(text.c_str(), nullptr, false, width).y + st.ItemSpacing.y;
    };
    float h = ImGui::GetFrameHeightWithSpacing() + st.ItemSpacing.y + st.WindowPadding.y;
    if (!t.problem.empty()) h += text_h(t.problem);
    if (t.phase == TrainingPhase::SaveFailed) h += text_h(save_failed_text(t));
    if (t.phase == TrainingPhase::Committed) h += text_h(saved_text(t));
    return h;
}

void draw_actions(const AppState& s, TrainingScratch& ts, Intents& out) {
    const TrainingState& t = s.training;
    ImGui::Spacing();
    if (!t.problem.empty()) widgets::wrapped_coloured(palette().warning, t.problem);
    switch (t.phase) {
        case TrainingPhase::Answering:
            if (ImGui::Button("Commit my judgement"))
                out.push_back(intent::CommitTraining{ts.trainee, ts.cohort, ts.draft});
            widgets::register_item("training/commit");
            break;
        case TrainingPhase::SaveFailed:
            widgets::wrapped_coloured(palette().error, save_failed_text(t));
            if (ImGui::Button("Retry saving"))
                out.push_back(intent::CommitTraining{ts.trainee, ts.cohort, ts.draft});
            widgets::register_item("training/commit");
            break;
        case TrainingPhase::Committed:
            widgets::wrapped_coloured(palette().success, saved_text(t));
            if (ImGui::Button("Reveal: compare with the expected outcome"))
                out.push_back(intent::RevealTraining{});
            widgets::register_item("training/reveal");
            break;
        default:
            break;
    }
}

const char* mark(bool agrees) {
    return agrees ? "\u2713" : "\u2717";
}

void draw_comparison(const TrainingReveal& r) {
    double pct = r.criteria ? 100.0 * static_cast<double>(r.matched) / r.criteria : 0.0;
    widgets::heading(fmt::format("Score: {} of {} criteria match the expected outcome ({:.0f}%)",
                                 r.matched, r.criteria, pct)
                         .c_str());
    muted(
        "Engine: what the rules give on the answers you gave. \u2713 matches the expected "
        "outcome, \u2717 does not.");
    ImGui::Spacing();
    ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("comparison", 4, flags)) {
        ImGui::TableSetupColumn("Criterion", ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn("You", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Expected", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Engine", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        for (const RevealRow& row : r.rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", row.label.c_str());
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text,
                                  row.you_agree ? palette().success : palette().error);
            ImGui::TextWrapped("%s %s", mark(row.you_agree), row.yours.c_str());
            ImGui::PopStyleColor();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", row.expected.c_str());
            ImGui::TableNextColumn();
            if (row.engine_agrees) {
                ImGui::TextWrapped("%s %s", mark(true), row.engine.c_str());
            } else {
                ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
                ImGui::TextWrapped("%s %s", mark(false), row.engine.c_str());
                ImGui::PopStyleColor();
            }
        }
        ImGui::EndTable();
    }
}

void draw_differences(const TrainingReveal& r) {
    ImGui::Spacing();
    widgets::heading("Where you differ, and why the rules say so");
    bool any = false;
    for (const RevealRow& row : r.rows) {
        if (row.you_agree && row.engine_agrees) continue;
        any = true;
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0.0f);
        widgets::bold_text(row.label.c_str());
        ImGui::PopTextWrapPos();
        if (!row.you_agree) {
            ImGui::TextWrapped("You: %s.  Expected: %s.", row.yours.c_str(), row.expected.c_str());
            if (!row.why.empty()) ImGui::TextWrapped("%s", row.why.c_str());
            if (!row.cites.empty()) muted("Source: " + row.cites);
        } else {
            ImGui::TextWrapped(
                "You agree with the expected outcome (%s); the engine, on your "
                "answers, does not.",
                row.expected.c_str());
        }
        for (const auto& line : row.engine_reasons) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", line.c_str());
        }
    }
    if (!any) ImGui::TextWrapped("Nowhere: every criterion matches the expected outcome.");
    if (!r.answers.empty()) {
        ImGui::Spacing();
        widgets::bold_text("Questions you answered differently from the narrative");
        for (const auto& a : r.answers) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s  You: %s.  The narrative supports: %s.", a.question.c_str(),
                               a.yours.c_str(), a.scenario.c_str());
        }
    }
}

void draw_teaching(const TrainingReveal& r, const ScenarioSummary& sc) {
    widgets::heading("Teaching points");
    for (const auto& tp : r.teaching) {
        ImGui::Spacing();
        ImGui::Bullet();
        ImGui::TextWrapped("%s", tp.point.c_str());
        if (!tp.cites.empty()) {
            ImGui::Indent();
            muted("Source: " + tp.cites);
            ImGui::Unindent();
        }
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    widgets::bold_text("The referral again");
    ImGui::TextWrapped("%s", sc.narrative.c_str());
}

void draw_scenario(const AppState& s, TrainingScratch& ts, Intents& out) {
    const TrainingState& t = s.training;
    const ScenarioSummary& sc = t.scenarios[static_cast<std::size_t>(t.scenario)];
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float gap = ImGui::GetStyle().ItemSpacing.x;
    ImGuiWindowFlags child = ImGuiWindowFlags_NavFlattened;
    if (t.phase == TrainingPhase::Revealed && t.reveal) {
        float left = std::max(ImGui::GetFontSize() * 30.0f, avail.x * 0.6f);
        ImGui::BeginChild("training_compare", ImVec2(left, avail.y), false, child);
        widgets::heading(sc.title.c_str());
        ImGui::Spacing();
        draw_comparison(*t.reveal);
        draw_differences(*t.reveal);
        ImGui::EndChild();
        ImGui::SameLine(0, gap);
        ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().panel_background);
        ImGui::BeginChild("training_teaching", ImVec2(0, avail.y), true, child);
        draw_teaching(*t.reveal, sc);
        ImGui::EndChild();
        ImGui::PopStyleColor();
        return;
    }
    float left = std::max(ImGui::GetFontSize() * 26.0f, avail.x * 0.55f);
    ImGui::BeginChild("training_case", ImVec2(left, avail.y), false, child);
    draw_narrative(sc);
    draw_asked(s, ts, out);
    ImGui::EndChild();
    ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    float actions_h = actions_height(t, ImGui::GetContentRegionAvail().x);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().panel_background);
    ImGui::BeginChild("training_judgement", ImVec2(0, avail.y - actions_h), true, child);
    draw_judgement(s, ts);
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::BeginChild("training_actions", ImVec2(0, 0), false, child);
    draw_actions(s, ts, out);
    ImGui::EndChild();
    ImGui::EndGroup();
}

}  // namespace

void draw_training_view(const AppState& s, Scratch& scratch, Intents& out) {
    const TrainingState& t = s.training;
    if (!widgets::begin_view_popup(kPopup, t.open)) return;
    widgets::capture_begin();
    if (ImGui::IsKeyPressed(keys::F8, false)) out.push_back(intent::OpenTrainer{});
    TrainingScratch& ts = scratch.training;
    const float em = ImGui::GetFontSize();
    draw_identity(t, ts);
    if (!t.pack_problem.empty()) widgets::wrapped_coloured(palette().error, t.pack_problem);
    ImGui::Separator();

    const ImGuiStyle& st = ImGui::GetStyle();
    float footer = ImGui::GetFrameHeightWithSpacing() + st.ItemSpacing.y * 2;
    float body_h = std::max(em * 8.0f, ImGui::GetContentRegionAvail().y - footer);
    float list_w = std::clamp(ImGui::GetContentRegionAvail().x * 0.2f, em * 14.0f, em * 20.0f);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().panel_background);
    ImGui::BeginChild("training_scenarios", ImVec2(list_w, body_h), true,
                      ImGuiWindowFlags_NavFlattened);
    draw_scenario_list(t, out);
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::BeginChild("training_body", ImVec2(0, body_h), false, ImGuiWindowFlags_NavFlattened);
    if (s.rules && t.scenario >= 0 && t.scenario < static_cast<int>(t.scenarios.size())) {
        draw_scenario(s, ts, out);
    } else {
        ImGui::TextWrapped(
            "Choose a scenario on the left. Read the referral as the referrer tells it, answer "
            "the questions it leaves open, then commit your own judgement: the level, each "
            "statutory route and any always-refer trigger. The expected outcome and the "
            "engine's suggestion are shown only after you commit.");
    }
    ImGui::EndChild();
    ImGui::Separator();
    if (widgets::close_view_button("training/close")) out.push_back(intent::CloseTraining{});
    ImGui::SameLine();
    if (ImGui::Button("Trainer view (F8)")) out.push_back(intent::OpenTrainer{});
    widgets::register_item("training/trainer");
    widgets::capture_end();
    ImGui::EndPopup();
}

}  // namespace continuum::ui
