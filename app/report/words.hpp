// Sentences from the rule set's own words: what a question's answer, a fact or a route reads
// as inside an explanation ("the harm has not been corroborated", "the child is 5 months old",
// "whether the harm has been corroborated"). Ids never appear in these; they stay in --json and
// in the technical detail. Where a rule set gives no words (lint warns), the prompt or label
// stands in.
#pragma once
#include <string>
#include <vector>

#include "engine/case.hpp"
#include "engine/outcome.hpp"
#include "engine/ruleset/schema.hpp"

namespace continuum::report {

// "Known FGM" -> "known FGM", "A parent asks" -> "a parent asks"; "FGM reported" unchanged.
std::string lower_first(std::string s);
// First letter upper case and a full stop at the end (unless it already ends a sentence).
std::string as_sentence(std::string s);
// "a", "a and b", "a, b and c" (or with `word` = "or").
std::string join_words(const std::vector<std::string>& items, const char* word = "and");

// A number with its unit ("5 months", "85% attendance"); a range answer reads "at least 3
// incidents", "at most 2", "between 3 and 5 weeks".
std::string number_words(const engine::Question& q, const engine::Value& v);
// An answer as a practitioner would say it: "Yes", "No", the choice's label, "5 months",
// "Monday 23 November 2026".
std::string answer_words(const engine::Question& q, const engine::Value& v);

// "whether the harm has been corroborated" / "what caused the harm" for a question.
std::string open_clause(const engine::Question& q);
// What one question's answer in this case reads as: its yes_says / no_says, its answer_says
// with the answer in place, or "<open clause> is not known" / "... does not apply".
std::string answer_statement(const engine::RuleSet& rules, const engine::Case& c,
                             const engine::Outcome& o, std::uint32_t question);
// What a fact, combination, rule, trigger, route, action or consent rule reads as when it holds
// (True), does not (False) or may (Unknown, an open clause: "whether ...").
std::string definition_statement(const engine::RuleSet& rules, std::uint32_t slot,
                                 engine::Tri truth);
// "whether ..." for any slot: a question's open clause, or a definition's.
std::string slot_open_clause(const engine::RuleSet& rules, std::uint32_t slot);

}  // namespace continuum::report
