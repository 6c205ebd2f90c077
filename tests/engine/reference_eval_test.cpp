// The evaluator and the trace against a plain reading of the same rules (reference.hpp), on
// random rule sets that use every kind of condition and on the shipped rule sets, over
// thousands of cases: every definition's status, `unless`, the level, what could be higher,
// every route finding, and every trace entry (first failing part, blocking questions).
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

#include "engine/evaluate.hpp"
#include "engine/ruleset/load.hpp"
#include "engine/trace.hpp"
#include "fixture.hpp"
#include "policy/case_generator.hpp"
#include "random_rules.hpp"
#include "reference.hpp"

using namespace continuum::engine;

namespace {

// Everything the engine says about one case, compared with the plain reading. Returns the
// number of differences (each also reported).
int compare(const RuleSet& rs, const Case& c, Evaluator& evaluator, Tracer& tracer,
            Outcome& outcome, CompactTrace& trace) {
    evaluator.evaluate(c, outcome);
    tracer.trace(c, outcome, trace);
    reference::Reading reading(rs, c);
    const reference::Outcome& want = reading.outcome();
    int differences = 0;
    auto differ = [&](bool same, const std::string& what) {
        if (same) return;
        ++differences;
        if (differences <= 5) UNSCOPED_INFO("case " << c.ref << ": " << what);
    };
    for (std::uint32_t s = 0; s < rs.slot_count; ++s) {
        differ(outcome.slots[s].status == want.status[s],
               "status of " + rs.symbols[s].id + ": " +
                   std::string(to_string(outcome.slots[s].status)) + ", plainly " +
                   std::string(to_string(want.status[s])));
        differ(outcome.slots[s].unless_blocked == want.unless_blocked[s],
               "unless of " + rs.symbols[s].id);
    }
    differ(outcome.level == want.level, "level");
    differ(outcome.higher_level_possible == want.higher_level_possible, "higher level possible");
    for (std::size_t r = 0; r < rs.routes.size(); ++r) {
        const Tri t = want.status[rs.routes[r].slot];
        const Finding f = t == Tri::True    ? Finding::Met
                          : t == Tri::False ? Finding::NotMet
                                            : Finding::CannotRuleOut;
        differ(outcome.routes[r] == f, "route " + rs.routes[r].id);
    }
    for (const TraceFacts& f : trace.entries) {
        const reference::TraceFacts w = reading.trace(f.slot);
        const std::string id = rs.symbols[f.slot].id;
        differ(f.failing_node == w.failing_node, "first failing part of " + id);
        differ(f.failed_on_unless == w.failed_on_unless, "failed on unless: " + id);
        const std::vector<std::uint32_t> blocking(
            trace.blocking.begin() + f.blocking_begin,
            trace.blocking.begin() + f.blocking_begin + f.blocking_count);
        differ(blocking == w.blocking, "blocking questions of " + id);
    }
    return differences;
}

}  // namespace

TEST_CASE("random rule sets: the evaluator and trace say what a plain reading of the rules says",
          "[reference]") {
    // Each rule set mixes every kind of condition at random, nested up to four deep, so that
    // conditions are cut into steps in every way the machine cuts them.
    std::size_t cases = 0;
    for (std::uint64_t seed = 1; seed <= 80; ++seed) {
        auto loaded = fixture::load(random_rules::rule_set_text(seed));
        std::string messages;
        for (const auto& m : fixture::messages(loaded.diagnostics))
            messages += m + "\n";
        INFO("rule set seed " << seed << "\n" << messages);
        REQUIRE(loaded.ok());
        const RuleSet& rs = *loaded.rules;
        Evaluator evaluator(rs);
        Tracer tracer(rs);
        Outcome outcome;
        CompactTrace trace;
        std::mt19937_64 rng(seed * 7919);
        int differences = 0;
        for (int i = 0; i < 150; ++i, ++cases) {
            Case c = random_rules::random_case(rs, rng);
            c.ref = "R-" + std::to_string(i);
            differences += compare(rs, c, evaluator, tracer, outcome, trace);
        }
        CHECK(differences == 0);
    }
    CHECK(cases == 12000);
}

TEST_CASE("shipped rule sets: the evaluator and trace say what a plain reading says",
          "[reference]") {
    for (const char* set : {"surrey", "london-4"}) {
        INFO(set);
        auto loaded = load_ruleset(std::filesystem::path(CONTINUUM_SOURCE_DIR) / "rules" / set);
        REQUIRE(loaded.ok());
        const RuleSet& rs = *loaded.rules;
        Evaluator evaluator(rs);
        Tracer tracer(rs);
        Outcome outcome;
        CompactTrace trace;
        // Cases as a front door sees them (the generator answers what applies), then cases
        // answered at random, questions that do not apply included.
        CaseGenerator generator(rs, 2026);
        std::mt19937_64 rng(11);
        int differences = 0;
        for (int i = 0; i < 1500; ++i) {
            Case c = i % 2 ? generator.next() : random_rules::random_case(rs, rng);
            c.ref = "S-" + std::to_string(i);
            differences += compare(rs, c, evaluator, tracer, outcome, trace);
        }
        CHECK(differences == 0);
    }
}

TEST_CASE("every yes/no part of a condition has a cell or a step of its own for the trace",
          "[reference]") {
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        auto loaded = fixture::load(random_rules::rule_set_text(seed));
        REQUIRE(loaded.ok());
        const auto& m = loaded.rules->machine;
        const auto& nodes = loaded.rules->program.nodes;
        for (std::uint32_t n = 0; n < nodes.size(); ++n)
            if (nodes[n].type == ValueType::Bool)
                CHECK((m.node_cells[n] != expr::kNoCell || m.inner_of[n] != expr::kNoCell));
    }
}
