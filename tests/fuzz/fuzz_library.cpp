// Fuzz target: a case library (JSON Lines) as impact analysis reads it. Two properties beyond
// "no crash":
//  - the fast reader takes a line only if the careful reader takes it without a word, and
//    then gives exactly the careful reader's case (a lax fast path would change figures);
//  - every line is accounted for: evaluated + failed == lines, and every failure has a message.
// The candidate rules differ from the base (a widened rule, an extra question), so answers set
// aside for one side and the careful path under two rule sets are exercised too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/case_io.hpp"
#include "engine/case_json_fast.hpp"
#include "fixture_rules.hpp"
#include "policy/impact.hpp"

namespace {

using namespace continuum::engine;

const RuleSet& candidate_rules() {
    static const auto loaded = [] {
        std::string rules = fuzzing::rules_text();
        const std::string from = "when = \"dv == \\\"conflict\\\"\"";
        rules.replace(rules.find(from), from.size(),
                      "when = \"dv in [\\\"conflict\\\", \\\"incidents\\\"]\"");
        rules +=
            "\n[[question]]\nid = \"extra\"\nprompt = \"Extra?\"\ntype = \"yes_no\"\n"
            "domain = \"d\"\ncites = [\"src\"]\n\n[[fact]]\nid = \"extra_fact\"\n"
            "label = \"Extra\"\nwhen = \"extra and bruising\"\ncites = [\"src\"]\n";
        return load_ruleset_from_texts(
            "candidate", {{"base.toml", fuzzing::base_text()}, {"rules.toml", rules}});
    }();
    if (!loaded.ok()) std::abort();
    return *loaded.rules;
}

bool same(const Case& a, const Case& b) {
    if (a.ref != b.ref || !(a.referred_at == b.referred_at) || a.answers.size() != b.answers.size())
        return false;
    for (std::size_t i = 0; i < a.answers.size(); ++i) {
        const Answer &x = a.answers[i], &y = b.answers[i];
        if (x.state != y.state || x.text() != y.text() || x.value.truth != y.value.truth ||
            x.value.choice != y.value.choice || x.value.known != y.value.known ||
            !(x.value.lo == y.value.lo || (x.value.lo != x.value.lo && y.value.lo != y.value.lo)) ||
            !(x.value.hi == y.value.hi || (x.value.hi != x.value.hi && y.value.hi != y.value.hi)))
            return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const RuleSet& base = fuzzing::mini_rules();
    const std::string library(reinterpret_cast<const char*>(data), size);

    FastCaseReader fast(base);
    for (std::size_t start = 0; start <= library.size();) {
        std::size_t end = library.find('\n', start);
        if (end == std::string::npos) end = library.size();
        std::string_view line(library.data() + start, end - start);
        Case quick;
        if (fast.read(line, library.size() - start, quick)) {
            Diagnostics d;
            auto careful = read_case_json(base, line, "cases.jsonl", 1, d);
            if (!careful || !d.empty() || !same(*careful, quick)) std::abort();
        }
        start = end + 1;
    }

    ImpactOptions options;
    options.threads = 1;
    ImpactReport r = analyse_impact(base, candidate_rules(), library, options);
    if (r.evaluated + r.failed != r.lines) std::abort();
    if (r.failed > 0 && r.diagnostics.empty()) std::abort();
    if (r.unchanged + r.outcome_changed + r.reasoning_only != r.evaluated) std::abort();
    return 0;
}
