// The outcome in words, urgent first, shared by the text report, the decision report (text,
// Markdown, HTML) and `continuum eval`: fired triggers and the earliest deadline, then the
// level (settled or not), then each route with its reasons, then the actions by due date.
#pragma once
#include <string>
#include <vector>

#include "evaluation.hpp"

namespace continuum::report {

// Fired always-refer triggers ("Always refer: <title>. <says>") and the first deadline
// ("First deadline: <action>, <due>"); empty when nothing is urgent.
std::vector<std::string> urgent_lines(const Evaluation& e);

// Indices into outcome.actions, the earliest deadline first; actions needed only if an open
// route is met after those needed now; actions without a timescale last.
std::vector<std::size_t> actions_by_due(const engine::Outcome& o);
// "Referral decision: by the end of Tuesday 24 November 2026 (1 working day from the referral)"
std::string action_line(const Evaluation& e, const engine::NeededAction& n);

// The level: its headline ("Statutory Services (Getting more help)" or "Not yet settled: ..."),
// what made it ("Because: ..."), and each higher level not yet ruled out with what it turns on.
std::vector<std::string> level_lines(const Evaluation& e);

// Every "what could change this" option as a sentence; or one line saying nothing could.
std::vector<std::string> change_lines(const Evaluation& e);

// "Source: Working Together 2023, para 3.14; ..." for citations, empty for none.
std::string sources_text(const engine::RuleSet& rules, const std::vector<engine::Citation>& c);

}  // namespace continuum::report
