// [invariants]: the levels a rule set ties its routes to, read once with the rest of the
// rules and checked over generated cases by `continuum test --invariants`.
//
//   [invariants]
//   route_levels = { s47 = "statutory", s20 = "statutory" }  # met implies at least this level
//   child_in_need_level = "intensive"                         # s17 not met implies a lower one
//   referral_level = "intensive"                              # what a referral means for a
//   referral_routes = ["s17", "s47", "s20"]                   # fired always-refer trigger
//   referral_actions = ["referral_decision", "lado_referral"]
#pragma once
#include <toml++/toml.h>

#include "../diagnostics.hpp"
#include "schema.hpp"
#include "toml_reader.hpp"

namespace continuum::engine {

void read_invariant_ties(const toml::table& t, const SourceFile& file, Diagnostics& d,
                         InvariantTies& out);

// Resolves the ids once every definition is known; unknown ones are positioned errors.
void resolve_invariant_ties(RuleSet& rs, Diagnostics& d);

}  // namespace continuum::engine
