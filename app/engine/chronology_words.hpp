// The chronology's aggregates in a practitioner's words, from the rule set's own terms:
// "3 earlier contacts about neglect in the 12 months before the referral (the chronology is
// partial)", "the last earlier contact from police was 40 days before the referral". No ids.
#pragma once
#include <string>

#include "case.hpp"
#include "expr/contact_query.hpp"
#include "outcome.hpp"
#include "ruleset/schema.hpp"

namespace continuum::engine {

// What a query's filter asks of a contact: " from police about domestic abuse", "" for none.
std::string contact_filter_words(const RuleSet& rules, const expr::ContactQuery& q);

// "3 earlier contacts about neglect" (no window): `count` contacts passing the filter.
std::string contact_count_words(const RuleSet& rules, const expr::ContactQuery& q,
                                std::size_t count);

// The value an Op::Chronology node took in this case, in words.
std::string contact_node_words(const RuleSet& rules, const Case& c, const Outcome& o,
                               std::uint32_t node);

}  // namespace continuum::engine
