// The words a rule set gives its questions, facts and combinations so that explanations read
// as sentences ("the harm has not been corroborated") rather than ids: reading them from a
// definition's table, and the lint check that every definition has them.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "../diagnostics.hpp"
#include "schema.hpp"
#include "toml_reader.hpp"

namespace continuum::engine {

// The keys a question may carry for its words (facts and combinations: all but answer_says).
inline const std::vector<std::string> kStatementKeys = {"yes_says", "no_says", "open_says",
                                                        "answer_says"};
// The placeholder answer_says must contain: the answer in words, with its unit.
inline constexpr std::string_view kAnswerPlaceholder = "{answer}";

// Reads yes_says / no_says / open_says / answer_says into `words`. `type` is the question's
// answer type, or nothing for a fact or a combination (which hold or do not, like yes/no).
void read_statement(TableReader& r, Statement& words, std::optional<AnswerType> type);

// A true/false key (protected_source, guard); false when absent, an error when not a boolean.
bool read_flag(TableReader& r, std::string_view key);

// `continuum lint`: one warning for each question, fact and combination that lacks words an
// explanation needs; reports then fall back to its prompt or label.
void check_words(const RuleSet& rules, Diagnostics& d);

}  // namespace continuum::engine
