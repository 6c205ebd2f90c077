// The demo decisions the History screenshots show (file and team store alike): the opened
// case's record step filled as a practitioner would, then recorded through the real session.
#pragma once
#include <cstdint>

#include "ui/triage/session.hpp"

namespace ui_demo {

// Consent not sought (seeking it would increase the risk), shared on a safeguarding basis; an
// override to `override_level` with `reason` when given. Records it and waits for the store:
// true when it is recorded.
inline bool record_demo_decision(continuum::ui::Session& session, const char* override_level,
                                 const char* reason) {
    namespace ui = continuum::ui;
    session.select_step("record");
    ui::RecordDraft& d = session.scratch().draft;
    d.service_consent = 2;  // not sought: seeking it would increase the risk
    d.sharing_basis = 1;    // public task / safeguarding
    d.consent_note = "Seeking consent could alert the adult thought to be causing harm.";
    if (override_level) {
        d.agree = false;
        // An override must differ from the suggestion: one level lower if it already is.
        std::uint32_t level = session.state().rules->level_index(override_level);
        if (level == session.state().evaluation.outcome.level && level > 0) --level;
        d.level = level;
        d.category = ui::OverrideCategory::Policy;
        d.reason = reason;
    }
    session.apply(ui::intent::Record{});
    session.wait_for_store();
    return session.state().record.phase == ui::RecordPhase::Recorded;
}

}  // namespace ui_demo
