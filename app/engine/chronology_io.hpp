// A case's chronology in files. In a case file (and a scenario test, [test.chronology]):
//
//   [chronology]
//   complete = false            # true once every agency has been checked
//   contacts = [
//     { date = 2026-03-02, source = "police", categories = ["domestic_abuse"], outcome = "nfa" },
//   ]
//
// In a case library line: "chronology": {"complete": false, "contacts": [{"date": "2026-03-02",
// "source": "police", "categories": ["domestic_abuse"], "outcome": "nfa"}]}.
// Sources, categories and outcomes are the rule set's [chronology] terms. Every fault is a
// positioned diagnostic; a contact dated after the referral is refused.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <toml++/toml.h>
#include <nlohmann/json_fwd.hpp>

#include "case.hpp"
#include "diagnostics.hpp"
#include "ruleset/toml_reader.hpp"

namespace continuum::engine {

// Reads the [chronology] table `node` (absent: nothing to read) into c's chronology answer.
// Call once c.referred_at is known.
void read_chronology_toml(const RuleSet& rules, const toml::node* node, const SourceFile& file,
                          Diagnostics& d, Case& c);

// The same for the "chronology" member of a JSON case. With `set_aside`, terms this rule set
// does not define (impact reads one library under two rule sets) are left out and "chronology"
// listed there, as is the whole chronology when the rule set defines none.
void read_chronology_json(const RuleSet& rules, const nlohmann::json& j, const std::string& file,
                          std::uint32_t line, Diagnostics& d, Case& c,
                          std::vector<std::string>* set_aside);

// What is wrong with one contact ("" when nothing): dated after the referral, no category.
std::string check_contact(const Contact& contact, DayNumber referral_day);

// The [chronology] table of a case file (with its heading), or "" when none is recorded.
std::string chronology_to_toml(const RuleSet& rules, const Chronology& c);
nlohmann::json chronology_to_json(const RuleSet& rules, const Chronology& c);

}  // namespace continuum::engine
