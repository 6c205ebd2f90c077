// The checks that need the whole rule set: ids and their references, compiled conditions,
// and one evaluation order without cycles.
#pragma once
#include <vector>

#include "../diagnostics.hpp"
#include "schema.hpp"
#include "toml_reader.hpp"

namespace continuum::engine {

void resolve_ruleset(RuleSet& rs, const std::vector<PendingCondition>& pending, Diagnostics& d);

}  // namespace continuum::engine
