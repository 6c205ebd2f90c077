// Review and record: agree with the suggestion or override it (level and/or routes) with a
// category and a reason; consent and the basis for sharing; then record and take the report.
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "decision.hpp"
#include "record_options.hpp"
#include "report/evaluation.hpp"
#include "ui/shell/theme.hpp"
#include "ui/shell/views.hpp"
#include "ui/shell/widgets.hpp"

namespace continuum::ui {

using namespace engine;

namespace {

template <std::size_t N>
void option_list(const char* id, const std::array<RecordOption, N>& options, int& chosen) {
    ImGui::PushID(id);
    for (std::size_t i = 0; i < N; ++i) {
        std::string label(options[i].label);
        if (ImGui::RadioButton(label.c_str(), chosen == static_cast<int>(i)))
            chosen = static_cast<int>(i);
    }
    ImGui::PopID();
}

void draw_override(const AppState& s, RecordDraft& d) {
    const RuleSet& rules = *s.rules;
    float label_w = ImGui::GetFontSize() * 16.0f;
    ImGui::Indent();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Level");
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0f);
    if (ImGui::BeginCombo("##level", rules.levels[d.level].name.c_str())) {
        for (std::uint32_t l = 0; l < rules.levels.size(); ++l)
            if (ImGui::Selectable(rules.levels[l].name.c_str(), d.level == l)) d.level = l;
        ImGui::EndCombo();
    }
    static const Finding kFindings[] = {Finding::Met, Finding::NotMet, Finding::CannotRuleOut};
    for (std::size_t i = 0; i < rules.routes.size() && i < d.routes.size(); ++i) {
        const Route& r = rules.routes[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(fmt::format("{} {}", r.section, r.title).c_str());
        ImGui::SameLine(label_w);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0f);
        if (ImGui::BeginCombo("##route", report::finding_text(r, d.routes[i]).c_str())) {
            for (Finding f : kFindings)
                if (ImGui::Selectable(report::finding_text(r, f).c_str(), d.routes[i] == f))
                    d.routes[i] = f;
            ImGui::EndCombo();
        }
        if (d.routes[i] != s.evaluation.outcome.routes[i]) {
            ImGui::SameLine();
            ImGui::TextDisabled("suggested: %s",
                                report::finding_text(r, s.evaluation.outcome.routes[i]).c_str());
        }
        ImGui::PopID();
    }
    ImGui::Spacing();
    widgets::bold_text("Category of override");
    int category = d.category == OverrideCategory::Policy          ? 0
                   : d.category == OverrideCategory::Discretionary ? 1
                                                                   : -1;
    option_list("category", kOverrideCategory, category);
    d.category = category == 0   ? OverrideCategory::Policy
                 : category == 1 ? OverrideCategory::Discretionary
                                 : OverrideCategory::None;
    widgets::bold_text("Reason (required)");
    ImGui::InputTextMultiline("##reason", &d.reason, ImVec2(-1, ImGui::GetFontSize() * 4.5f));
    ImGui::Unindent();
}

// Where the decision is, in plain words: on the team store or in the file, or held in the
// outbox on this computer until the team store can be reached.
void draw_where(const AppState& s, Intents& out) {
    const audit::DecisionRecord& r = s.record.record;
    if (s.record.phase == RecordPhase::Held) {
        // Drawn in the flow, not in a box of fixed height: every word of it must show.
        ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
        widgets::bold_text("\u25CB Held in the outbox on this computer: not yet on the team store");
        ImGui::PopStyleColor();
        ImGui::TextWrapped("%s", s.record.held.c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
        std::string decided = r.submitted_at;  // "2026-11-24T09:41:07Z"
        if (decided.size() == 20) decided = decided.substr(0, 10) + " " + decided.substr(11, 8);
        ImGui::TextWrapped("Submission %s, decided %s UTC, to be recorded as %s.",
                           r.submission_id.substr(0, 12).c_str(), decided.c_str(),
                           r.practitioner.c_str());
        if (!s.sink.problem.empty()) ImGui::TextWrapped("Why: %s", s.sink.problem.c_str());
        ImGui::PopStyleColor();
        if (ImGui::Button("Send now")) out.push_back(intent::SendHeld{});
        widgets::register_item("record/send_now");
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, palette().success);
    widgets::bold_text(
        fmt::format("\u2713 Recorded as audit record {} at {}", r.sequence, r.recorded_at).c_str());
    ImGui::PopStyleColor();
    if (s.sink.team)
        ImGui::TextWrapped(
            "On the team store %s, as %s.", s.sink.location.c_str(),
            r.role.empty() ? r.practitioner.c_str() : (r.practitioner + ", " + r.role).c_str());
    ImGui::TextDisabled("Chain head: %s", s.record.chain_head.c_str());
}

void draw_recorded(const AppState& s, Scratch& scratch, Intents& out) {
    draw_where(s, out);
    ImGui::Spacing();
    if (ImGui::Button("Copy report as text")) out.push_back(intent::CopyReport{});
    ImGui::SameLine();
    if (ImGui::Button("Save report (HTML)"))
        out.push_back(intent::SaveReport{intent::ReportFormat::Html});
    ImGui::SameLine();
    if (ImGui::Button("Save report (Markdown)"))
        out.push_back(intent::SaveReport{intent::ReportFormat::Markdown});
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##report_path", "Save to (leave empty for your home folder)",
                             &scratch.report_path);
    if (!s.record.report_saved_to.empty())
        ImGui::TextDisabled("Saved to %s", s.record.report_saved_to.c_str());
    ImGui::Spacing();
    if (ImGui::Button("Start a new case")) out.push_back(intent::NewCase{});
}

// Being recorded: the window goes on working while the store answers.
void draw_sending(const AppState& s) {
    widgets::bold_text(s.sink.team ? "Sending the decision to the team store\u2026"
                                   : "Recording the decision\u2026");
    ImGui::TextWrapped(
        "%s", s.sink.team ? "If the team store does not answer in time (a minute at most), the "
                            "decision is held on this computer and sent when it can be reached. "
                            "You can go on working meanwhile."
                          : "It is written to the audit file on this computer.");
}

}  // namespace

void draw_record_view(const AppState& s, Scratch& scratch, Intents& out) {
    const RuleSet& rules = *s.rules;
    RecordDraft& d = scratch.draft;
    widgets::heading(fmt::format("{}. Review and record", s.step + 1).c_str());
    ImGui::TextWrapped("Case %s, referred %s. Suggested level: %s.",
                       s.kase.ref.empty() ? "(no reference yet)" : s.kase.ref.c_str(),
                       format_date_long(s.kase.referred_at.day).c_str(),
                       rules.levels[s.evaluation.outcome.level].name.c_str());
    ImGui::Spacing();

    widgets::bold_text("Your decision");
    if (ImGui::RadioButton("I agree with the suggested level and route findings", d.agree))
        d.agree = true;
    if (s.focus_question == kFocusRecord) {
        // Ctrl+Enter brought the practitioner here: keyboard focus on the first choice.
        ImGui::SetFocusID(ImGui::GetItemID(), ImGui::GetCurrentWindow());
        ImGui::GetCurrentContext()->NavDisableHighlight = false;
        out.push_back(intent::FocusDone{s.focus_serial});
    }
    if (ImGui::RadioButton("I am overriding the suggestion", !d.agree)) d.agree = false;
    if (!d.agree)
        draw_override(s, d);
    else {
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##note", "Note for the record (optional)", &d.reason);
    }
    ImGui::Spacing();
    ImGui::Separator();
    widgets::bold_text("Consent to a service");
    option_list("consent", kServiceConsent, d.service_consent);
    widgets::bold_text("Basis for sharing information");
    option_list("sharing", kSharingBasis, d.sharing_basis);
    ImGui::Checkbox("The family has been told what is shared and why", &d.family_informed);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint(
        "##consent_note", "Consent note (required when consent was not sought)", &d.consent_note);
    ImGui::Spacing();
    ImGui::Separator();
    draw_family_block(s, out);
    ImGui::Separator();
    ImGui::Spacing();

    std::string problem = draft_problem(s, d);
    const RecordPhase phase = s.record.phase;
    if ((phase == RecordPhase::Recorded || phase == RecordPhase::Held) && !s.unsaved) {
        draw_recorded(s, scratch, out);
        return;
    }
    if (phase == RecordPhase::Sending) {
        draw_sending(s);
        return;
    }
    if (s.record.phase == RecordPhase::Failed) {
        ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().error_background);
        ImGui::BeginChild("record_error", ImVec2(0, ImGui::GetFontSize() * 4.2f), true);
        widgets::wrapped_coloured(palette().error, "Not recorded. " + s.record.error);
        ImGui::TextWrapped(
            "Your answers and decision are still here. Fix the problem, then retry.");
        ImGui::EndChild();
        ImGui::PopStyleColor();
    }
    const char* label = s.record.phase == RecordPhase::Failed ? "Retry recording (Ctrl+Enter)"
                                                              : "Record decision (Ctrl+Enter)";
    if (fonts().bold) ImGui::PushFont(fonts().bold);
    if (ImGui::Button(label)) out.push_back(intent::Record{});
    widgets::register_item("record");
    if (fonts().bold) ImGui::PopFont();
    if (!problem.empty()) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        widgets::wrapped_coloured(palette().warning, problem);
    }
}

}  // namespace continuum::ui
