// Explanations built from what the evaluator wrote: for each definition, whether it fired,
// the first condition that failed and the values it read, or the unknown answers that kept it
// undetermined. One model, rendered as practitioner text, auditor detail and JSON elsewhere.
#pragma once
#include <string>
#include <vector>

#include "case.hpp"
#include "outcome.hpp"
#include "ruleset/schema.hpp"

namespace continuum::engine {

struct ValueRead {
    std::string id;
    std::string value;  // "yes", "14", "Significant harm", "unknown", "not asked"
    bool question = false;
};

struct TraceEntry {
    ItemKind kind = ItemKind::Fact;
    std::uint32_t index = 0;  // into the vector of its kind
    std::uint32_t slot = 0;
    std::string id;
    std::string says;         // the definition's own words (says / label / title)
    std::string level;        // level id for rules, combinations and triggers
    Tri status = Tri::Unknown;
    std::string condition;    // as written
    std::string failing;      // not fired: the first condition that was false
    std::vector<ValueRead> values;       // the values `failing` read (or, when fired, the condition)
    std::vector<std::string> blocking;   // undetermined: questions whose answers would settle it
    bool unless_blocked = false;         // the condition held but `unless` stopped it (or may)
    std::string unless, unless_says;
    std::vector<Citation> cites;
};

// "fired" / "not_fired" / "undetermined"
const char* trace_status(Tri t);

TraceEntry trace_entry(const RuleSet& rules, const Case& c, const Outcome& o, std::uint32_t slot);

// Every fact, rule, combination, trigger, route, consent rule and conditional action, in that
// order and in the order they are written.
std::vector<TraceEntry> build_trace(const RuleSet& rules, const Case& c, const Outcome& o);

// The questions, unanswered or unknown, that keep `slot` undetermined.
std::vector<std::uint32_t> blocking_questions(const RuleSet& rules, const Case& c, const Outcome& o,
                                              std::uint32_t slot);

// The slots that make up the suggested level: everything that fired at that level.
std::vector<std::uint32_t> level_reasons(const RuleSet& rules, const Outcome& o);
// Undetermined rules, combinations and triggers that point above the suggested level.
std::vector<std::uint32_t> higher_level_candidates(const RuleSet& rules, const Outcome& o);

}  // namespace continuum::engine
