// The chronology's aggregates for one case, worked out once before the evaluator runs, so a
// rule reading `contacts(...)` costs what reading a number costs. Three-valued like every
// answer: a complete chronology counts exactly; a partial one gives "at least" what is recorded
// (and a last contact no longer ago than the last one recorded); none at all gives unknown.
#pragma once
#include <vector>

#include "case.hpp"
#include "expr/contact_query.hpp"
#include "outcome.hpp"
#include "ruleset/schema.hpp"

namespace continuum::engine {

// One aggregate over `chronology` (nullptr: not recorded) for a referral on `referral_day`:
//   Count          complete: the number; partial: [recorded, +inf); none: unknown
//   DaysSinceLast  complete: days since the last match (+inf when there is none);
//                  partial: [0, days since the last match recorded]; none: unknown
Value contact_value(const expr::ContactQuery& q, const Chronology* chronology,
                    DayNumber referral_day);

// Every aggregate the rule set's conditions use, into its register in `numbers` (by register,
// Machine::contact_registers), where the evaluator's number tests read it.
void contact_values(const RuleSet& rules, const Case& c, Value* numbers);

// The value of a contact-query node (Op::Chronology) after evaluation.
inline const Value& contact_node_value(const RuleSet& rules, const Outcome& o, std::uint32_t node) {
    const std::uint32_t query = rules.program.nodes[node].set_first;
    return o.numbers[rules.machine.contact_registers[query]];
}

}  // namespace continuum::engine
