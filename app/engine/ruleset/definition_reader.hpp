// Reading one rule file's definitions ([ruleset], [calendar], [[source]], [[level]],
// [[question]], [[rule]], [[route]], ...) into a RuleSet. Each is checked on its own here;
// what needs every file (references, conditions, order) waits for resolve_ruleset.
#pragma once
#include <vector>

#include <toml++/toml.h>

#include "../diagnostics.hpp"
#include "schema.hpp"
#include "toml_reader.hpp"

namespace continuum::engine {

// Adds what `doc` (parsed from `file`) defines to `rs`, its conditions to `pending`; faults go
// to `d` with their positions. `seen_ruleset` and `seen_calendar` carry across the files of one
// rule set, as [ruleset] and [calendar] may each be written once.
void read_definitions(const toml::table& doc, const SourceFile& file, RuleSet& rs,
                      std::vector<PendingCondition>& pending, bool& seen_ruleset,
                      bool& seen_calendar, Diagnostics& d);

}  // namespace continuum::engine
