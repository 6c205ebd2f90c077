// Explanations in words, built from the rule set's statements (words.hpp) and what the
// evaluator wrote: "Met, because a statutory-level indicator is present: bruising or injury in
// a child who is not independently mobile." "Cannot rule out: it turns on whether the harm has
// been corroborated and what caused the harm." One source for the GUI, the text and HTML
// reports and `continuum eval`.
#pragma once
#include <string>
#include <vector>

#include "evaluation.hpp"

namespace continuum::report {

// Why a condition (a compiled node) has the value `want` in this case: the statements of the
// answers and definitions that made it so, a derived one followed by what made it hold
// ("there is reasonable cause to suspect significant harm: physical abuse is suspected").
std::vector<std::string> reasons(const Evaluation& e, std::uint32_t node, engine::Tri want);

// Reasons joined into one clause: "a, b and c", or "a: b; and c" when they hold their own
// colons or commas; past six, the rest are counted ("and 3 more in the technical detail").
std::string join_reasons(std::vector<std::string> items);

// A route's finding with its reasons, one sentence.
std::string route_explanation(const Evaluation& e, std::size_t route);

// "it turns on whether the harm has been corroborated and what caused the harm" for the
// questions that keep a definition open (trace ids); empty when there are none.
std::string turns_on(const Evaluation& e, const std::vector<std::string>& question_ids);

// Whether the level is settled, and if not the highest level still possible and what would
// settle it.
struct LevelStatus {
    bool settled = true;
    std::uint32_t at_least = 0;            // the suggested level
    std::uint32_t could_be = 0;            // the highest level still possible
    std::vector<std::uint32_t> questions;  // open questions that would settle it, by index
    std::vector<std::pair<std::uint32_t, std::size_t>> by_step;  // domain index, count
};
LevelStatus level_status(const Evaluation& e);
// "Not yet settled: at least Universal, could be Statutory Services: answer 3 questions in
// Safety and harm." / "Settled: Statutory Services."
std::string level_headline(const Evaluation& e, const LevelStatus& s);

// "the level" / "Enquiries: significant harm (Children Act 1989 s47(1))" for a change target.
std::string change_target_name(const engine::RuleSet& rules, const engine::ChangeTarget& t);
// What the target would become, in the rule set's words ("Statutory Services", "Not met").
std::string change_result(const engine::RuleSet& rules, const engine::ChangeTarget& t,
                          const std::string& becomes);
// "If “Is the child independently mobile?” is answered “Yes”, the level becomes Targeted
// Support."
std::string change_sentence(const engine::RuleSet& rules, const engine::ChangeTarget& t,
                            const engine::ChangeOption& option);

}  // namespace continuum::report
