// What checking the agencies not yet checked could find, for "what could change this", lint and
// the invariants: chronologies that complete the one a case records (or record one where there
// is none), each adding contacts that match a rule's aggregate, as many as take its count either
// side of each threshold the rules compare it with, or one contact either side of a days_since
// threshold. Every one keeps the contacts already recorded: checking finds more, never fewer.
#pragma once
#include <vector>

#include "case.hpp"
#include "ruleset/schema.hpp"
#include "what_could_change.hpp"

namespace continuum::engine {

// Empty when the case's chronology is complete (nothing left to find).
std::vector<HypotheticalAnswer> candidate_chronologies(const RuleSet& rules, const Case& c);

// A contact that passes query `q`'s filter, dated `day`, preferably from a source none of
// `recorded` comes from; false when no contact can.
bool contact_matching(const RuleSet& rules, const expr::ContactQuery& q, DayNumber day,
                      Contact& out, const std::vector<Contact>& recorded = {});

}  // namespace continuum::engine
