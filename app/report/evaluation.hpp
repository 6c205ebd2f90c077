// One evaluated case with everything said about it: what the renderers (text, JSON, the
// decision report) and the GUI show. Built once per change of answers.
#pragma once
#include <string>
#include <vector>

#include "engine/case.hpp"
#include "engine/outcome.hpp"
#include "engine/ruleset/schema.hpp"
#include "engine/trace.hpp"
#include "engine/what_could_change.hpp"

namespace continuum::report {

struct Evaluation {
    const engine::RuleSet* rules = nullptr;
    engine::Case kase;
    engine::Outcome outcome;
    std::vector<engine::TraceEntry> trace;
    std::vector<engine::ChangeTarget> changes;
};

// `limits` bounds the what-could-change search (the GUI uses a smaller budget than the CLI so
// that answering a question stays instant; the result says when the search was cut short).
Evaluation evaluate_fully(const engine::RuleSet& rules, const engine::Case& c,
                          const engine::ChangeLimits& limits = {});

// "by the end of Tuesday 24 November 2026" / "by 13:40 on Monday 23 November 2026"
std::string due_text(const engine::Due& due);
// "1 working day", "72 hours", "15 working days after the strategy discussion"
std::string timescale_text(const engine::RuleSet& rules, const engine::Action& a);
// The words for a route's finding, honouring the rule set's wording (s31 never says "met").
std::string finding_text(const engine::Route& r, engine::Finding f);
// "Children Act 1989, s47 (para 2)" for a citation.
std::string citation_text(const engine::RuleSet& rules, const engine::Citation& c);
// "s47 met because ..." style one-liners for a trace entry's values.
std::string values_text(const std::vector<engine::ValueRead>& values);

}  // namespace continuum::report
