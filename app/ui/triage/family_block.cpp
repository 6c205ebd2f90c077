// The summary for the family, in the Review and record step: a plain-English letter for the
// parents or carers, or for the young person, to copy or save. When the rule set withholds it
// (telling the family now would put the child at more risk) the practitioner is told why.
#include <fmt/format.h>
#include <imgui.h>

#include "report/family_summary.hpp"
#include "ui/shell/theme.hpp"
#include "ui/shell/views.hpp"
#include "ui/shell/widgets.hpp"

namespace continuum::ui {

void draw_family_block(const AppState& s, Intents& out) {
    widgets::bold_text("Summary for the family");
    report::FamilySummary parents =
        report::family_summary(s.evaluation, report::FamilyAudience::Parents, "");
    if (!parents.available) {
        widgets::wrapped_coloured(palette().warning, parents.why_not);
        return;
    }
    widgets::wrapped_coloured(
        palette().text_muted,
        fmt::format("A plain-English letter: what the worry is, what happens next and by when, "
                    "what they can agree to, and who to contact (you). Reading ease {:.0f} "
                    "(Flesch; 80 and over is easy).",
                    report::flesch_reading_ease(report::family_body(parents))));
    if (ImGui::Button("Copy for the parents or carers"))
        out.push_back(intent::CopyFamilySummary{false});
    widgets::register_item("family/copy");
    ImGui::SameLine();
    if (ImGui::Button("Copy for the young person")) out.push_back(intent::CopyFamilySummary{true});
    widgets::register_item("family/copy_young_person");
    ImGui::SameLine();
    if (ImGui::Button("Save (HTML)")) out.push_back(intent::SaveFamilySummary{false});
    widgets::register_item("family/save");
}

}  // namespace continuum::ui
