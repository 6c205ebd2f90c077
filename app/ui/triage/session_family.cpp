// The session's side of the family summary: the plain-English letter for the child's parents
// or carers, or for the young person, copied as text or saved as an HTML page. Its contact is
// the practitioner in Settings; nothing else of the case but the rule set's wording and the
// due dates goes into it (report/family_summary.hpp).
#include <fmt/format.h>

#include "report/family_summary.hpp"
#include "session.hpp"
#include "ui/shell/write_file.hpp"

namespace continuum::ui {

namespace {

report::FamilySummary summary_for(const AppState& s, bool young_person) {
    std::string contact = s.settings.practitioner;
    if (!contact.empty() && !s.settings.role.empty()) contact += ", " + s.settings.role;
    return report::family_summary(
        s.evaluation,
        young_person ? report::FamilyAudience::YoungPerson : report::FamilyAudience::Parents,
        contact);
}

}  // namespace

void Session::copy_family_summary(bool young_person) {
    if (!state_.rules) return;
    report::FamilySummary s = summary_for(state_, young_person);
    if (!s.available) {
        state_.notice = s.why_not;
        return;
    }
    clipboard_ = report::family_text(s);
    state_.notice = young_person ? "Summary for the young person copied to the clipboard."
                                 : "Summary for the parents or carers copied to the clipboard.";
}

void Session::save_family_summary(bool young_person) {
    if (!state_.rules) return;
    report::FamilySummary s = summary_for(state_, young_person);
    if (!s.available) {
        state_.notice = s.why_not;
        return;
    }
    std::filesystem::path path =
        report_folder(state_.settings.report_folder) /
        fmt::format("family-summary-{}{}.html",
                    state_.kase.ref.empty() ? std::string("case") : state_.kase.ref,
                    young_person ? "-young-person" : "");
    std::string error;
    if (!write_whole_file(path, report::family_html(s), error)) {
        state_.notice = error;
        return;
    }
    state_.notice = "Family summary saved to " + path.string();
}

}  // namespace continuum::ui
