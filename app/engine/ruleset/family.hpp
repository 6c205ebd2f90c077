// Reading the family summary's wording ([family_letter] and [[family_text]]) and checking it:
// every id it is chosen by must exist, and none may be a question's answer or read a question
// whose answer can identify who told us (golden rule 5: protected_source).
#pragma once
#include "../diagnostics.hpp"
#include "schema.hpp"
#include "toml_reader.hpp"

namespace continuum::engine {

void read_family_letter(const toml::table& t, const SourceFile& file, Diagnostics& d, RuleSet& rs);
void read_family_text(const toml::table& t, const SourceFile& file, Diagnostics& d, RuleSet& rs);
// Once every id is known: resolves if_any and applies golden rule 5.
void resolve_family(RuleSet& rs, Diagnostics& d);
// `continuum lint`: a rule set without a family summary, or with a part that has no words.
void check_family(const RuleSet& rs, Diagnostics& d);

}  // namespace continuum::engine
