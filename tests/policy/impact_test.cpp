// Impact analysis on rule-set pairs whose effect on an 18-case grid was worked out by hand
// (see policy_rules.hpp): which cases move, to where, and which edit is responsible.
#include <catch2/catch.hpp>

#include "engine/case_io.hpp"
#include "mini_rules.hpp"
#include "policy/case_generator.hpp"
#include "policy/impact.hpp"
#include "policy/impact_render.hpp"
#include "policy_rules.hpp"

using namespace continuum::engine;

namespace {

const ResponsibleGroup* group(const ImpactReport& r, const std::string& kind,
                              const std::string& id) {
    for (const auto& g : r.groups)
        if (g.kind == kind && g.id == id) return &g;
    return nullptr;
}

const CaseChange* change_of(const ImpactReport& r, const std::string& ref) {
    for (const auto& c : r.changes)
        if (c.ref == ref) return &c;
    return nullptr;
}

using Matrix = std::vector<std::vector<std::size_t>>;

}  // namespace

TEST_CASE("a new rule moves exactly the cases it fires for", "[impact]") {
    auto base = policy::load(policy::base_rules());
    auto cand =
        policy::load(policy::base_rules("8",
                                        "[[rule]]\nid = \"b_targeted\"\nlevel = "
                                        "\"targeted\"\ndomain = \"d\"\nsays = \"b\"\nwhen = \"b\"\n"
                                        "cites = [\"src\"]\n"));
    ImpactReport r = analyse_impact(*base, *cand, policy::grid_library(), {"grid.jsonl", 2});

    CHECK(r.lines == 18);
    CHECK(r.evaluated == 18);
    CHECK(r.failed == 0);
    // a = no, b = yes, score 2 or 5: Universal -> Targeted. a = no, b unknown, score 2 or 5: a
    // higher level can no longer be ruled out. b fires or is undetermined elsewhere without
    // changing the outcome: 8 cases of reasoning only. b = no: nothing changes.
    CHECK(r.outcome_changed == 4);
    CHECK(r.level_changed == 2);
    CHECK(r.higher_possible_changed == 2);
    CHECK(r.reasoning_only == 8);
    CHECK(r.unchanged == 6);
    CHECK(r.transitions == Matrix{{4, 2, 0}, {0, 6, 0}, {0, 0, 6}});

    REQUIRE(r.groups.size() == 1);
    const ResponsibleGroup& g = r.groups[0];
    CHECK(g.kind == "rule");
    CHECK(g.id == "b_targeted");
    CHECK(g.change == DiffChange::Added);
    CHECK(g.outcome_cases == 4);
    CHECK(g.reasoning_cases == 8);
    CHECK(g.higher_cases == 2);
    REQUIRE(g.level_moves.size() == 1);
    CHECK(g.level_moves[0].from == "universal");
    CHECK(g.level_moves[0].to == "targeted");
    CHECK(g.level_moves[0].cases == 2);
    CHECK(continuum::report::group_summary(r, g) ==
          "rule b_targeted (new): 2 cases move from Universal to Targeted; 2 cases: whether a "
          "higher level can be "
          "ruled out changes; 8 cases: reasoning changes only");

    // G-10: a = no, b = yes, score 2.
    const CaseChange* c = change_of(r, "G-10");
    REQUIRE(c);
    CHECK(c->line == 10);
    CHECK(c->outcome_changed);
    CHECK(c->level_before == "universal");
    CHECK(c->level_after == "targeted");
    REQUIRE(c->reasoning.size() == 1);
    CHECK(c->reasoning[0].id == "b_targeted");
    CHECK(c->reasoning[0].before == "absent");
    CHECK(c->reasoning[0].after == "fired");
    // G-1: a = yes, b = yes, score 2: b fires too, the level stays Targeted.
    c = change_of(r, "G-1");
    REQUIRE(c);
    CHECK_FALSE(c->outcome_changed);
    CHECK(c->level_before == c->level_after);
    // Changed cases are listed in library order.
    for (std::size_t i = 1; i < r.changes.size(); ++i)
        CHECK(r.changes[i - 1].line < r.changes[i].line);
}

TEST_CASE("a changed threshold moves the cases between the old and new thresholds", "[impact]") {
    auto base = policy::load(policy::base_rules("8"));
    auto cand = policy::load(policy::base_rules("5"));
    ImpactReport r = analyse_impact(*base, *cand, policy::grid_library(), {"grid.jsonl", 2});

    REQUIRE(r.diff.entries.size() == 1);
    CHECK(r.diff.entries[0].kind == "rule");
    CHECK(r.diff.entries[0].id == "score_high");
    // Score 5: three cases from Targeted (a = yes) and three from Universal to Statutory.
    CHECK(r.outcome_changed == 6);
    CHECK(r.level_changed == 6);
    CHECK(r.reasoning_only == 0);
    CHECK(r.routes_changed == 0);  // the route's own test did not change
    CHECK(r.transitions == Matrix{{3, 0, 3}, {0, 3, 3}, {0, 0, 6}});
    REQUIRE(r.groups.size() == 1);
    CHECK(group(r, "rule", "score_high") == &r.groups[0]);
    CHECK(r.groups[0].change == DiffChange::Changed);
    CHECK(continuum::report::group_summary(r, r.groups[0]) ==
          "rule score_high (changed): 3 cases move from Universal to Statutory; 3 cases move from "
          "Targeted to "
          "Statutory");
    for (const auto& c : r.changes)
        CHECK(c.level_after == "statutory");
}

TEST_CASE("a route rewritten to the same effect changes reasoning, not outcomes", "[impact]") {
    auto base = policy::load(policy::base_rules());
    auto cand =
        policy::load(policy::base_rules("8",
                                        "[[fact]]\nid = \"high_score\"\nlabel = \"The score is "
                                        "high\"\nwhen = \"score >= 8\"\ncites = [\"src\"]\n",
                                        "high_score"));
    ImpactReport r = analyse_impact(*base, *cand, policy::grid_library(), {"grid.jsonl", 1});

    const DiffEntry* route = r.diff.find("route", "r1");
    REQUIRE(route);
    CHECK(route->change == DiffChange::Changed);
    CHECK(route->condition_before == "score >= 8");
    CHECK(route->condition_after == "high_score");
    CHECK(r.outcome_changed == 0);
    CHECK(r.routes_changed == 0);
    CHECK(r.reasoning_only == 6);  // the score-9 cases, where the new fact fires
    CHECK(r.unchanged == 12);
    REQUIRE(r.groups.size() == 1);
    CHECK(r.groups[0].kind == "fact");
    CHECK(r.groups[0].id == "high_score");
    CHECK(r.groups[0].outcome_cases == 0);
    CHECK(r.groups[0].reasoning_cases == 6);
    for (const auto& c : r.changes) {
        CHECK_FALSE(c.outcome_changed);
        CHECK(c.routes.empty());
    }
}

TEST_CASE("a changed route test moves route findings and their actions", "[impact]") {
    auto base = policy::load(policy::base_rules());
    auto cand = policy::load(policy::base_rules("8", "", "score >= 8 or b"));
    ImpactReport r = analyse_impact(*base, *cand, policy::grid_library(), {"grid.jsonl", 2});
    // b = yes with score 2 or 5 (4 cases): not met -> met; b unknown with score 2 or 5: cannot rule
    // out.
    CHECK(r.routes_changed == 8);
    REQUIRE(r.groups.size() == 1);
    const auto& moves = r.groups[0].route_moves;
    REQUIRE(moves.size() == 2);
    CHECK(moves[0].route == "r1");
    CHECK(moves[0].from == "not_met");
    CHECK(moves[0].cases == 4);
    CHECK(((moves[0].to == "met" && moves[1].to == "cannot_rule_out") ||
           (moves[0].to == "cannot_rule_out" && moves[1].to == "met")));
}

TEST_CASE("an action given another timescale changes exactly the cases that need it", "[impact]") {
    // Every definition fires just the same and the level stays: only the needed action's due
    // date differs, for the nine cases with a = yes.
    auto with_visit_in = [](const std::string& due) {
        return policy::base_rules("8",
                                  "[[action]]\nid = \"visit\"\ntitle = \"Visit\"\nwhen = "
                                  "\"a\"\ndue = { working_days = " +
                                      due + " }\ncites = [\"src\"]\n");
    };
    auto base = policy::load(with_visit_in("2"));
    auto cand = policy::load(with_visit_in("5"));
    ImpactReport r = analyse_impact(*base, *cand, policy::grid_library(), {"grid.jsonl", 1});
    CHECK(r.outcome_changed == 9);
    CHECK(r.actions_changed == 9);
    CHECK(r.level_changed == 0);
    CHECK(r.routes_changed == 0);
    CHECK(r.reasoning_only == 0);
    CHECK(r.unchanged == 9);
    const CaseChange* c = change_of(r, "G-1");
    REQUIRE(c);
    REQUIRE(c->actions.size() == 1);
    CHECK(c->actions[0].id == "visit");
    CHECK(c->actions[0].before == "definite, due by the end of 2026-03-04");
    CHECK(c->actions[0].after == "definite, due by the end of 2026-03-09");
    CHECK(change_of(r, "G-10") == nullptr);  // a = no: not needed under either
}

TEST_CASE("actions listed in another order change nothing", "[impact]") {
    const std::string one =
        "[[action]]\nid = \"one\"\ntitle = \"One\"\nwhen = \"a\"\ncites = [\"src\"]\n\n";
    const std::string two =
        "[[action]]\nid = \"two\"\ntitle = \"Two\"\nwhen = \"b\"\ncites = [\"src\"]\n\n";
    auto base = policy::load(policy::base_rules("8", one + two));
    auto cand = policy::load(policy::base_rules("8", two + one));
    ImpactReport r = analyse_impact(*base, *cand, policy::grid_library(), {"grid.jsonl", 1});
    CHECK(r.unchanged == 18);
    CHECK(r.changes.empty());
}

TEST_CASE("cases that cannot be read are counted with their line, never dropped", "[impact]") {
    auto base = policy::load(policy::base_rules());
    auto cand = policy::load(policy::base_rules("8", fixture::yes_no("c")));
    const std::string good =
        R"({"ref": "OK-1", "referred_at": "2026-03-02T10:00:00", "answers": {"a": true}})";
    const std::string library =
        good +
        "\n"           // 1
        "\n"           // 2 (blank)
        "{not json\n"  // 3
        R"({"ref": "OK-2", "referred_at": "2026-03-02T10:00:00", "answers": {"score": 9}})"
        "\n"  // 4
        R"({"ref": "X-5", "referred_at": "2026-03-02T10:00:00", "answers": {"nope": true}})"
        "\n"  // 5
        R"({"ref": "X-6", "referred_at": "2026-03-02T10:00:00", "answers": {"score": 11}})"
        "\n"                                                                                 // 6
        R"({"ref": "OK-3", "referred_at": "2026-03-02T10:00:00", "answers": {"c": true}})";  // 7
    ImpactReport r = analyse_impact(*base, *cand, library, {"lib.jsonl", 2});
    CHECK(r.lines == 6);
    CHECK(r.evaluated == 3);
    CHECK(r.failed == 3);
    auto messages = fixture::messages(r.diagnostics);
    REQUIRE(messages.size() == 3);
    CHECK(messages[0] ==
          "lib.jsonl:3:2: error: this line is not valid JSON (object key - invalid literal; "
          "expected string literal) [json-syntax]");
    CHECK(messages[1] ==
          "lib.jsonl:5:1: error: unknown question 'nope': neither rule set asks it "
          "[unknown-question]");
    CHECK(messages[2] ==
          "lib.jsonl:6:1: error: question 'score' must be at most 10 (answered 11) [bad-answer]");
    // The candidate's new question 'c' is answered on line 7: set aside under the base.
    REQUIRE(r.set_aside.size() == 1);
    CHECK(r.set_aside[0].question == "c");
    CHECK(r.set_aside[0].side == "base");
    CHECK(r.set_aside[0].cases == 1);
}

TEST_CASE("an answer only one rule set refuses says which", "[impact]") {
    auto base = policy::load(policy::base_rules());
    std::string narrowed = policy::base_rules();
    narrowed.replace(narrowed.find("max = 10"), 8, "max = 5");
    auto cand = policy::load(narrowed);
    ImpactReport r = analyse_impact(*base, *cand, policy::grid_library(), {"grid.jsonl", 2});
    CHECK(r.failed == 6);  // the score-9 cases
    CHECK(r.evaluated == 12);
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK(fixture::messages(r.diagnostics)[0] ==
          "grid.jsonl:3:1: error: question 'score' must be at most 5 (answered 9) (under the "
          "candidate rules) "
          "[bad-answer]");
}

TEST_CASE("the report is the same whatever the number of threads", "[impact]") {
    auto base = fixture::load(mini::kRules).rules;
    std::string edited = mini::kRules;
    const std::string was = R"(dv == \"persistent\")";
    edited.replace(edited.find(was), was.size(), R"(dv in [\"incidents\", \"persistent\"])");
    auto cand = fixture::load(edited).rules;
    REQUIRE(base);
    REQUIRE(cand);
    std::string library;
    CaseGenerator gen(*base, 7);
    for (int i = 0; i < 3000; ++i)
        library += case_to_json(*base, gen.next()).dump() + "\n";
    auto one = continuum::report::to_json(analyse_impact(*base, *cand, library, {"lib.jsonl", 1}));
    auto two = continuum::report::to_json(analyse_impact(*base, *cand, library, {"lib.jsonl", 2}));
    auto five = continuum::report::to_json(analyse_impact(*base, *cand, library, {"lib.jsonl", 5}));
    CHECK(one["totals"]["evaluated"] == 3000);
    CHECK(one["totals"]["outcome_changed"].get<int>() > 0);
    CHECK(one == two);
    CHECK(one == five);
}

TEST_CASE("identical rule sets change nothing", "[impact]") {
    auto base = policy::load(policy::base_rules());
    ImpactReport r = analyse_impact(*base, *base, policy::grid_library());
    CHECK(r.unchanged == 18);
    CHECK(r.changes.empty());
    CHECK(r.groups.empty());
    CHECK(r.diff.empty());
}

TEST_CASE("a rule moved to another level is blamed for what the combinations counting it change",
          "[impact]") {
    // b_flag fires just the same in both; raised from targeted to statutory, it no longer
    // counts towards two_targeted, so route r2 (which reads only the combination) changes
    // while the level does not.
    auto with_b_at = [](const std::string& level) {
        return policy::base_rules(
            "8", "[[rule]]\nid = \"b_flag\"\nlevel = \"" + level +
                     "\"\ndomain = \"d\"\nsays = \"b\"\nwhen = \"b\"\ncites = [\"src\"]\n\n"
                     "[[rule]]\nid = \"score_mid\"\nlevel = \"targeted\"\ndomain = \"d\"\n"
                     "says = \"Mid score\"\nwhen = \"score >= 5\"\ncites = [\"src\"]\n\n"
                     "[[combination]]\nid = \"two_targeted\"\nlevel = \"statutory\"\nsays = \"Two "
                     "targeted\"\ncounts_level = \"targeted\"\nat_least = 2\nacross_domains = 1\n"
                     "cites = [\"src\"]\n\n"
                     "[[route]]\nid = \"r2\"\ntitle = \"Route two\"\nsection = \"s2\"\nstandard = "
                     "\"suspect\"\ntest = \"two_targeted\"\ncites = [\"src\"]\n");
    };
    auto base = policy::load(with_b_at("targeted"));
    auto cand = policy::load(with_b_at("statutory"));
    ImpactReport r = analyse_impact(*base, *cand, policy::grid_library(), {"grid.jsonl", 1});

    // two_targeted counts a, score >= 5 and (in the base only) b. Worked out case by case:
    // r2 changes where b's count was needed (G-1, G-11, G-12: met -> not met; G-7, G-17, G-18:
    // cannot rule out -> not met); G-10 (b alone) moves from targeted to statutory.
    CHECK(r.outcome_changed == 7);
    CHECK(r.level_changed == 1);
    CHECK(group(r, "unattributed", "-") == nullptr);
    const ResponsibleGroup* g = group(r, "rule", "b_flag");
    REQUIRE(g);
    CHECK(g->outcome_cases == 7);
    for (const char* ref : {"G-1", "G-7", "G-11", "G-12", "G-17", "G-18"}) {
        INFO(ref);
        const CaseChange* c = change_of(r, ref);
        REQUIRE(c);
        CHECK(c->outcome_changed);
        REQUIRE(c->routes.size() == 1);
        CHECK(c->routes[0].id == "r2");
    }
}
