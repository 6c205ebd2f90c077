// Evaluating cases: the suggested level, protective factors, combinations, hidden questions,
// route findings, triggers, actions and consent.
#include <catch2/catch.hpp>

#include "engine/evaluate.hpp"
#include "mini_rules.hpp"

using namespace continuum::engine;

namespace {
std::string level_of(const mini::Fixture& f, const Outcome& o) { return f.rules->levels[o.level].id; }
}

TEST_CASE("nothing pointing higher suggests the lowest level", "[evaluate]") {
    mini::Fixture f;
    f.num("age_months", 60).no("bruising").choice("dv", "none").no("school");
    Outcome o = evaluate(*f.rules, f.c);
    CHECK(level_of(f, o) == "universal");
    CHECK_FALSE(o.higher_level_possible);
}

TEST_CASE("an indicator raises the level; a protective factor in `unless` lowers it again", "[evaluate]") {
    mini::Fixture f;
    f.num("age_months", 60).no("bruising").choice("dv", "conflict").no("school").no("support");
    Outcome o = evaluate(*f.rules, f.c);
    CHECK(level_of(f, o) == "targeted");
    f.yes("support");
    o = evaluate(*f.rules, f.c);
    CHECK(level_of(f, o) == "universal");
    CHECK(o.slots[f.slot("dv_conflict")].status == Tri::False);
    CHECK(o.slots[f.slot("dv_conflict")].unless_blocked);
}

TEST_CASE("an unknown protective factor leaves the indicator undetermined, not fired or cleared", "[evaluate]") {
    mini::Fixture f;
    f.num("age_months", 60).no("bruising").choice("dv", "conflict").no("school").unknown("support");
    Outcome o = evaluate(*f.rules, f.c);
    CHECK(o.slots[f.slot("dv_conflict")].status == Tri::Unknown);
    CHECK(level_of(f, o) == "universal");
    CHECK(o.higher_level_possible);
}

TEST_CASE("a combination needs enough indicators across enough domains", "[evaluate]") {
    mini::Fixture f;
    f.num("age_months", 60).no("bruising").choice("dv", "conflict").no("support");
    f.yes("school");  // targeted in domain d, dv_conflict targeted in domain e
    Outcome o = evaluate(*f.rules, f.c);
    CHECK(o.slots[f.slot("targeted_across_domains")].status == Tri::True);
    CHECK(level_of(f, o) == "statutory");

    f.no("school");
    o = evaluate(*f.rules, f.c);
    CHECK(o.slots[f.slot("targeted_across_domains")].status == Tri::False);
    CHECK(level_of(f, o) == "targeted");

    f.unknown("school");
    o = evaluate(*f.rules, f.c);
    CHECK(o.slots[f.slot("targeted_across_domains")].status == Tri::Unknown);
    CHECK(level_of(f, o) == "targeted");
    CHECK(o.higher_level_possible);
}

TEST_CASE("an answer to a question that no longer applies is set aside", "[evaluate]") {
    mini::Fixture f;
    f.num("age_months", 60).yes("bruising").no("mobile");  // mobile only asked under 24 months
    Outcome o = evaluate(*f.rules, f.c);
    CHECK(o.slots[f.slot("mobile")].status == Tri::False);  // does not apply
    CHECK_FALSE(slot_value(*f.rules, o, f.slot("mobile")).known);
    CHECK(o.slots[f.slot("non_mobile_bruising")].status == Tri::False);  // the age guard decides
}

TEST_CASE("routes: met, not met and cannot rule out", "[evaluate]") {
    mini::Fixture f;
    f.num("age_months", 5).yes("bruising").choice("dv", "none");
    SECTION("met") {
        f.no("mobile");
        Outcome o = evaluate(*f.rules, f.c);
        CHECK(o.routes[f.rules->route_index("s47")] == Finding::Met);
        CHECK(level_of(f, o) == "statutory");
        REQUIRE(o.triggers.size() == 1);
        CHECK(f.rules->triggers[o.triggers[0]].id == "bruise_trigger");
    }
    SECTION("not met") {
        f.yes("mobile");
        Outcome o = evaluate(*f.rules, f.c);
        CHECK(o.routes[f.rules->route_index("s47")] == Finding::NotMet);
        CHECK(o.triggers.empty());
    }
    SECTION("cannot rule out while mobility is unknown") {
        f.unknown("mobile");
        Outcome o = evaluate(*f.rules, f.c);
        CHECK(o.routes[f.rules->route_index("s47")] == Finding::CannotRuleOut);
        CHECK(o.possible_triggers.size() == 1);
        CHECK(o.higher_level_possible);
        CHECK(level_of(f, o) == "universal");
    }
}

TEST_CASE("actions: definite for a met route or fired trigger, possible for one not ruled out", "[evaluate]") {
    mini::Fixture f;
    f.num("age_months", 5).yes("bruising").choice("dv", "none").unknown("mobile");
    Outcome o = evaluate(*f.rules, f.c);
    auto find = [&](const char* id) -> const NeededAction* {
        for (const auto& n : o.actions)
            if (f.rules->actions[n.action].id == id) return &n;
        return nullptr;
    };
    REQUIRE(find("gather"));
    CHECK(find("gather")->definite);   // listed for "cannot rule out"
    REQUIRE(find("decide"));
    CHECK_FALSE(find("decide")->definite);  // only if s47 is met
    REQUIRE(find("strategy"));
    CHECK_FALSE(find("strategy")->definite);

    f.no("mobile");
    o = evaluate(*f.rules, f.c);
    REQUIRE(find("decide"));
    CHECK(find("decide")->definite);
    CHECK(find("gather") == nullptr);
    REQUIRE(find("icpc"));
    CHECK(find("icpc")->definite);
}

TEST_CASE("consent rules that hold are listed", "[evaluate]") {
    mini::Fixture f;
    f.num("age_months", 60).no("bruising").choice("dv", "conflict").no("support").no("school");
    Outcome o = evaluate(*f.rules, f.c);
    REQUIRE(o.consent.size() == 1);
    CHECK(f.rules->consents[o.consent[0]].id == "early_help_consent");
}

TEST_CASE("evaluating twice with one Evaluator gives the same outcome (buffers are reset)", "[evaluate]") {
    mini::Fixture f;
    Evaluator ev(*f.rules);
    Outcome first, again;
    f.num("age_months", 5).yes("bruising").no("mobile").choice("dv", "none");
    ev.evaluate(f.c, first);
    mini::Fixture other;
    other.num("age_months", 60).no("bruising").choice("dv", "conflict").no("support");
    ev.evaluate(other.c, again);  // a different case in between
    ev.evaluate(f.c, again);
    CHECK(again.level == first.level);
    CHECK(again.routes == first.routes);
    CHECK(again.triggers == first.triggers);
    CHECK(again.actions.size() == first.actions.size());
    for (std::size_t i = 0; i < first.slots.size(); ++i) CHECK(again.slots[i].status == first.slots[i].status);
}

TEST_CASE("each action's reasons are listed in the order they call for it", "[evaluate][actions]") {
    // Reasons in the order triggers, routes, then the action's own condition: a report reads
    // them in that order, so regrouping the wanted actions must keep it.
    auto loaded =
        fixture::load(fixture::yes_no("x") + fixture::yes_no("y") + fixture::yes_no("z") + R"(
[[trigger]]
id = "t_y"
title = "y"
says = "y"
when = "y"
level = "statutory"
actions = ["late", "early"]
cites = ["src"]

[[trigger]]
id = "t_x"
title = "x"
says = "x"
when = "x"
level = "statutory"
actions = ["early"]
cites = ["src"]

[[route]]
id = "r_z"
title = "z"
section = "z"
standard = "suspect"
test = "z"
actions = ["early", "late"]
actions_if_cannot_rule_out = ["late"]
cites = ["src"]

[[action]]
id = "early"
title = "Early"
cites = ["src"]

[[action]]
id = "late"
title = "Late"
when = "x"
cites = ["src"]
)");
    for (const auto& m : fixture::messages(loaded.diagnostics))
        INFO(m);
    REQUIRE(loaded.ok());
    const RuleSet& rules = *loaded.rules;
    Case c = blank_case(rules);
    fixture::answer(rules, c, "x", Value::boolean(Tri::True));
    fixture::answer(rules, c, "y", Value::boolean(Tri::True));
    fixture::unknown(rules, c, "z");
    Outcome o = evaluate(rules, c);
    std::vector<std::pair<std::string, std::vector<std::string>>> got;
    for (const NeededAction& n : o.actions) {
        got.push_back({rules.actions[n.action].id, {}});
        for (std::uint32_t k = 0; k < n.reasons_count; ++k)
            got.back().second.push_back(rules.symbols[o.action_reasons[n.reasons_first + k]].id);
    }
    using Reasons = std::vector<std::pair<std::string, std::vector<std::string>>>;
    CHECK(got == Reasons{{"early", {"t_y", "t_x", "r_z"}}, {"late", {"t_y", "r_z", "late"}}});
    REQUIRE(o.actions.size() == 2);
    CHECK(o.actions[0].definite);  // fired triggers call for both
    CHECK(o.actions[1].definite);
}
