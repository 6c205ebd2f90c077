// Fuzz target: the case readers (TOML case files and JSON case-library lines) against the
// fixture rule set; a case that reads must evaluate.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/case_io.hpp"
#include "engine/evaluate.hpp"
#include "fixture_rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace continuum::engine;
    const RuleSet& rules = fuzzing::mini_rules();
    std::string text(reinterpret_cast<const char*>(data), size);
    Diagnostics d;
    if (auto c = read_case_toml(rules, "case.toml", text, d)) (void)evaluate(rules, *c);
    Diagnostics dj;
    if (auto c = read_case_json(rules, text, "cases.jsonl", 1, dj)) (void)evaluate(rules, *c);
    return 0;
}
