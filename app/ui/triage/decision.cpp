#include "decision.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "audit/canonical.hpp"
#include "engine/case_io.hpp"
#include "engine/printable.hpp"
#include "record_options.hpp"
#include "report/evaluation_json.hpp"

namespace continuum::ui {

namespace {

bool blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

}  // namespace

bool same_decision(const audit::DecisionRecord& a, const audit::DecisionRecord& b) {
    audit::FieldTexts x = audit::field_texts(a), y = audit::field_texts(b);
    return std::equal(x.begin() + 3, x.end(), y.begin() + 3);
}

bool draft_overrides(const AppState& s, const RecordDraft& d) {
    if (d.agree || !s.rules) return false;
    if (d.level != s.evaluation.outcome.level) return true;
    for (std::size_t i = 0; i < d.routes.size() && i < s.evaluation.outcome.routes.size(); ++i)
        if (d.routes[i] != s.evaluation.outcome.routes[i]) return true;
    return false;
}

std::string draft_problem(const AppState& s, const RecordDraft& d) {
    if (!s.rules) return "No rule set is loaded.";
    if (blank(s.kase.ref)) return "Enter the case reference (first step).";
    if (auto c = engine::find_control(s.kase.ref, engine::LineBreaks::Refused))
        return fmt::format(
            "The case reference holds an invisible control character ({}, "
            "character {}), perhaps pasted with it: type the reference again.",
            engine::describe(*c), c->offset + 1);
    // On the team store the name recorded is the login's, never the one in Settings.
    if (!s.sink.team && blank(s.settings.practitioner)) return "Enter your name in Settings (F2).";
    if (!d.agree) {
        if (!draft_overrides(s, d))
            return "Your decision matches the suggestion: choose Agree, or change the level or a "
                   "route.";
        if (d.category == OverrideCategory::None)
            return "Choose whether the override is policy or discretionary.";
        if (blank(d.reason)) return "Give the reason for the override.";
    }
    if (d.service_consent < 0) return "Record the family's consent position.";
    if (d.sharing_basis < 0) return "Record the basis for sharing information.";
    if (kServiceConsent[static_cast<std::size_t>(d.service_consent)].id == "not_sought" &&
        blank(d.consent_note))
        return "Say why consent was not sought.";
    return {};
}

audit::DecisionRecord make_record(const AppState& s, const RecordDraft& d) {
    const engine::RuleSet& rules = *s.rules;
    const engine::Outcome& o = s.evaluation.outcome;
    audit::DecisionRecord r;
    r.case_ref = s.kase.ref;
    r.referred_at = engine::format_date_time(s.kase.referred_at);
    // The team store records the name registered for the login (the sink fills it in).
    if (!s.sink.team) {
        r.practitioner = s.settings.practitioner;
        r.role = s.settings.role;
    }
    r.ruleset_id = rules.info.id;
    r.ruleset_version = rules.info.version;
    r.ruleset_digest = rules.digest;
    r.suggested_level = rules.levels[o.level].id;
    r.agreed = d.agree || !draft_overrides(s, d);
    r.decided_level = r.agreed ? r.suggested_level : rules.levels[d.level].id;
    for (std::size_t i = 0; i < rules.routes.size(); ++i) {
        engine::Finding decided = r.agreed || i >= d.routes.size() ? o.routes[i] : d.routes[i];
        r.routes.push_back(
            {rules.routes[i].id, engine::to_string(o.routes[i]), engine::to_string(decided)});
    }
    if (!r.agreed)
        r.override_category = d.category == OverrideCategory::Policy ? "policy" : "discretionary";
    r.reason = d.reason;
    r.service_consent =
        std::string(kServiceConsent[static_cast<std::size_t>(d.service_consent)].id);
    r.sharing_basis = std::string(kSharingBasis[static_cast<std::size_t>(d.sharing_basis)].id);
    r.family_informed = d.family_informed;
    r.consent_note = d.consent_note;
    r.answers = engine::case_to_json(rules, s.kase);
    r.evaluation = report::to_json(s.evaluation);
    return r;
}

}  // namespace continuum::ui
