// A combination that counts rules across domains, where a rule set has more domains than the
// evaluator marks in two words: both ways of counting must agree with what the rules say.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "engine/evaluate.hpp"
#include "fixture.hpp"

using namespace continuum::engine;

namespace {

// `domains` domains; rule r{k} (targeted, when q{k}) in domain x{k % domains}, for `rules`
// rules; a combination needing `needed` targeted rules across `needed` domains.
std::string rule_set(int domains, int rules, int needed) {
    std::string text;
    for (int d = 0; d < domains; ++d)
        text += fmt::format("[[domain]]\nid = \"x{}\"\ntitle = \"Domain {}\"\n\n", d, d);
    for (int k = 0; k < rules; ++k)
        text += fmt::format(
            "[[question]]\nid = \"q{0}\"\nprompt = \"Q{0}?\"\ntype = \"yes_no\"\ndomain = "
            "\"x{1}\"\ncites = [\"src\"]\n\n[[rule]]\nid = \"r{0}\"\nlevel = \"targeted\"\n"
            "domain = \"x{1}\"\nsays = \"r\"\nwhen = \"q{0}\"\ncites = [\"src\"]\n\n",
            k, k % domains);
    text += fmt::format(
        "[[combination]]\nid = \"many\"\nlevel = \"statutory\"\nsays = \"Many\"\ncounts_level = "
        "\"targeted\"\nat_least = {0}\nacross_domains = {0}\ncites = [\"src\"]\n",
        needed);
    return text;
}

// The combination's status with q{k} answered yes for k in `yes`, unanswered for k in `open`,
// and no for the rest.
Tri combination(const RuleSet& rules, const std::vector<int>& yes, const std::vector<int>& open) {
    Case c = blank_case(rules);
    for (std::size_t q = 0; q < rules.questions.size(); ++q)
        c.answers[q] = Answer{AnswerState::Answered, Value::boolean(Tri::False)};
    for (int k : yes)
        c.answers[static_cast<std::size_t>(k)] =
            Answer{AnswerState::Answered, Value::boolean(Tri::True)};
    for (int k : open)
        c.answers[static_cast<std::size_t>(k)] = Answer{};
    Outcome o;
    Evaluator(rules).evaluate(c, o);
    return o.slots[rules.combinations.at(0).slot].status;
}

std::vector<int> range(int from, int to) {
    std::vector<int> v;
    for (int k = from; k < to; ++k)
        v.push_back(k);
    return v;
}

}  // namespace

TEST_CASE("a combination counts domains the same with few and with many domains",
          "[evaluate][combination]") {
    // Two more domains than rules need, in the fixture (d and e); 68 and 30 of ours.
    for (int domains : {68, 30}) {
        INFO(domains << " domains");
        const int needed = domains - 1;
        auto loaded = fixture::load(rule_set(domains, domains + 2, needed));
        for (const auto& m : fixture::messages(loaded.diagnostics))
            INFO(m);
        REQUIRE(loaded.ok());
        const RuleSet& rules = *loaded.rules;
        // Rules 0 .. needed-1, each in a domain of its own: met.
        CHECK(combination(rules, range(0, needed), {}) == Tri::True);
        // One fewer, and the one left out answered no: cannot be met.
        CHECK(combination(rules, range(0, needed - 1), {}) == Tri::False);
        // As many rules, but two in one domain (r0 and r{domains}): one domain short.
        std::vector<int> doubled = range(0, needed - 1);
        doubled.push_back(domains);
        CHECK(combination(rules, doubled, {}) == Tri::False);
        // ... and with the missing domain's rule unanswered, it may yet be met.
        CHECK(combination(rules, doubled, {needed - 1}) == Tri::Unknown);
        // A domain's second rule unanswered adds no domain it could still reach.
        CHECK(combination(rules, range(0, needed - 1), {domains}) == Tri::False);
    }
}
