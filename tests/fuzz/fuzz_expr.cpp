// Fuzz target: condition expressions. The input is parsed on its own, then placed as the
// condition of a rule in a real rule set so that it is also compiled, type-checked, ordered and
// evaluated. Any input must give a result or positioned diagnostics, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/case.hpp"
#include "engine/chronology.hpp"
#include "engine/evaluate.hpp"
#include "engine/expr/parser.hpp"
#include "engine/trace.hpp"
#include "engine/what_could_change.hpp"
#include "fixture_rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace continuum::engine;
    std::string text(reinterpret_cast<const char*>(data), size);
    auto parsed = expr::parse(text);
    (void)parsed;

    // A TOML literal string cannot hold ''' or a stray carriage return; such inputs stop here.
    if (text.find("'''") != std::string::npos || text.find('\r') != std::string::npos) return 0;
    std::string rule =
        "\n[[rule]]\nid = \"fuzzed\"\nlevel = \"targeted\"\ndomain = \"d\"\nsays = \"x\"\nwhen = "
        "'''" +
        text + "'''\ncites = [\"src\"]\n";
    auto loaded = load_ruleset_from_texts("fuzz", {{"base.toml", fuzzing::base_text()},
                                                   {"rules.toml", fuzzing::rules_text()},
                                                   {"chronology.toml", fuzzing::chronology_text()},
                                                   {"fuzzed.toml", rule}});
    if (!loaded.ok()) return 0;
    const RuleSet& rules = *loaded.rules;
    Case c = blank_case(rules);
    Outcome o = evaluate(rules, c);
    auto trace = build_trace(rules, c, o);
    // Again with a partial chronology, so contacts(...) and days_since(...) count real contacts:
    // one on the day of the referral, one a year and a day before it.
    c.referred_at = DateTime{day_number(2026, 6, 15), 9 * 3600};
    c.answers[rules.chronology.question] =
        chronology_answer(Chronology{false,
                                     {Contact{day_number(2025, 6, 14), 1, 0, 0b101},
                                      Contact{day_number(2026, 6, 15), 0, 2, 0b010}}});
    o = evaluate(rules, c);
    trace = build_trace(rules, c, o);
    (void)trace;
    (void)what_could_change(rules, c, o);  // tries what checking the missing agencies finds
    return 0;
}
