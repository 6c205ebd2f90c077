// Fuzz target: the rule loader. The input is one rule file beside the fixture's base file; it
// must load or give positioned diagnostics, and a rule set that loads must evaluate a blank case.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/case.hpp"
#include "engine/evaluate.hpp"
#include "engine/trace.hpp"
#include "fixture_rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace continuum::engine;
    std::string text(reinterpret_cast<const char*>(data), size);
    auto loaded = load_ruleset_from_texts(
        "fuzz", {{"base.toml", fuzzing::base_text()}, {"rules.toml", text}});
    for (const auto& d : loaded.diagnostics.items())
        (void)format_diagnostic(d);
    if (!loaded.ok()) return 0;
    Case c = blank_case(*loaded.rules);
    Outcome o = evaluate(*loaded.rules, c);
    auto trace = build_trace(*loaded.rules, c, o);
    (void)trace;
    return 0;
}
