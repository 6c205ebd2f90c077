// From the record step's draft to an audit::DecisionRecord: what must be filled in before a
// decision can be recorded, and the record itself.
#pragma once
#include <string>

#include "audit/decision_record.hpp"
#include "ui/shell/state.hpp"

namespace continuum::ui {

// "" when the draft can be recorded; otherwise what is missing, in words.
std::string draft_problem(const AppState& s, const RecordDraft& d);

// The record as the store receives it (sequence, time and hashes are the store's to fill).
audit::DecisionRecord make_record(const AppState& s, const RecordDraft& d);

// Whether the draft differs from the suggestion (an override), for the level or any route.
bool draft_overrides(const AppState& s, const RecordDraft& d);

// Whether two records hold the same decision: every field the practitioner decided, leaving
// out what the store fills (sequence, time, hashes). A retry of the same decision keeps its
// submission id, so the team store records it at most once.
bool same_decision(const audit::DecisionRecord& a, const audit::DecisionRecord& b);

}  // namespace continuum::ui
