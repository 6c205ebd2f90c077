// "What could change this", checked by hand on small cases.
#include <catch2/catch.hpp>

#include "engine/evaluate.hpp"
#include "engine/what_could_change.hpp"
#include "mini_rules.hpp"

using namespace continuum::engine;

namespace {

const ChangeTarget& route_target(const std::vector<ChangeTarget>& all, const RuleSet& rules, const char* id) {
    for (const auto& t : all)
        if (!t.is_level && rules.routes[t.route].id == id) return t;
    FAIL("no target for route " << id);
    return all.front();
}

std::vector<std::string> ids(const RuleSet& rules, const ChangeSet& s) {
    std::vector<std::string> out;
    for (auto q : s.questions) out.push_back(rules.questions[q].id);
    return out;
}

}  // namespace

TEST_CASE("one unknown answer that settles a route either way", "[what-could-change]") {
    mini::Fixture f;
    f.num("age_months", 5).yes("bruising").unknown("mobile").choice("dv", "none").no("a").no("b").no("c");
    Outcome o = evaluate(*f.rules, f.c);
    auto all = what_could_change(*f.rules, f.c, o);
    const ChangeTarget& s47 = route_target(all, *f.rules, "s47");
    CHECK(s47.current == "cannot_rule_out");
    CHECK(s47.complete);
    REQUIRE(s47.sets.size() == 1);
    CHECK(ids(*f.rules, s47.sets[0]) == std::vector<std::string>{"mobile"});
    REQUIRE(s47.sets[0].options.size() == 2);
    for (const auto& opt : s47.sets[0].options) {
        REQUIRE(opt.answers.size() == 1);
        if (opt.becomes == "met") CHECK(opt.answers[0].label == "no");
        else CHECK((opt.becomes == "not_met" && opt.answers[0].label == "yes"));
    }
}

TEST_CASE("when no single answer can settle it, the smallest pairs", "[what-could-change]") {
    mini::Fixture f;
    f.num("age_months", 60).no("bruising").choice("dv", "none").unknown("a").unknown("b").unknown("c");
    Outcome o = evaluate(*f.rules, f.c);
    REQUIRE(o.routes[f.rules->route_index("two_of_three")] == Finding::CannotRuleOut);
    auto all = what_could_change(*f.rules, f.c, o);
    const ChangeTarget& t = route_target(all, *f.rules, "two_of_three");
    REQUIRE(t.sets.size() == 3);
    CHECK(ids(*f.rules, t.sets[0]) == std::vector<std::string>{"a", "b"});
    CHECK(ids(*f.rules, t.sets[1]) == std::vector<std::string>{"a", "c"});
    CHECK(ids(*f.rules, t.sets[2]) == std::vector<std::string>{"b", "c"});
    // Both directions are possible for each pair.
    for (const auto& s : t.sets) CHECK(s.options.size() == 2);
}

TEST_CASE("a settled route has nothing that could change it", "[what-could-change]") {
    mini::Fixture f;
    f.num("age_months", 5).yes("bruising").no("mobile").unknown("dv").no("a").no("b").unknown("c");
    Outcome o = evaluate(*f.rules, f.c);
    auto all = what_could_change(*f.rules, f.c, o);
    CHECK(route_target(all, *f.rules, "s47").sets.empty());         // met whatever dv is
    CHECK(route_target(all, *f.rules, "two_of_three").sets.empty()); // can reach at most 1
}

TEST_CASE("the level: the answers that could raise it", "[what-could-change]") {
    mini::Fixture f;
    f.num("age_months", 60).no("bruising").choice("dv", "conflict").no("support").unknown("school").no("a").no("b").no("c");
    Outcome o = evaluate(*f.rules, f.c);
    REQUIRE(f.rules->levels[o.level].id == "targeted");
    auto all = what_could_change(*f.rules, f.c, o);
    const ChangeTarget& level = all.front();
    REQUIRE(level.is_level);
    CHECK(level.current == "targeted");
    REQUIRE(level.sets.size() == 1);
    CHECK(ids(*f.rules, level.sets[0]) == std::vector<std::string>{"school"});
    REQUIRE(level.sets[0].options.size() == 1);
    CHECK(level.sets[0].options[0].becomes == "statutory");
    CHECK(level.sets[0].options[0].answers[0].label == "yes");
}

TEST_CASE("numbers are tried either side of the thresholds the rules use", "[what-could-change]") {
    mini::Fixture f;
    auto answers = candidate_answers(*f.rules, f.rules->question_index("age_months"));
    std::vector<double> values;
    for (const auto& a : answers) values.push_back(a.value.lo);
    // thresholds 24 and 216 (max 216 excludes 217)
    CHECK(values == std::vector<double>{23, 24, 25, 215, 216});
}

TEST_CASE("questions ruled out by earlier answers are not offered", "[what-could-change]") {
    mini::Fixture f;
    f.num("age_months", 60).yes("bruising").choice("dv", "none").no("a").no("b").no("c");  // mobile does not apply
    Outcome o = evaluate(*f.rules, f.c);
    auto all = what_could_change(*f.rules, f.c, o);
    for (const auto& t : all)
        for (const auto& s : t.sets)
            for (auto q : s.questions) CHECK(f.rules->questions[q].id != "mobile");
}
