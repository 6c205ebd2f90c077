// The scenario runner: expectations checked, failures say expected and actual with the trace.
#include <catch2/catch.hpp>

#include "engine/scenario.hpp"
#include "mini_rules.hpp"

using namespace continuum::engine;

namespace {
std::vector<Scenario> load(const mini::Fixture& f, const std::string& text) {
    Diagnostics d;
    auto s = load_scenarios_from_text(*f.rules, "rs/tests/t.toml", text, d);
    for (const auto& m : fixture::messages(d)) INFO(m);
    REQUIRE_FALSE(d.has_errors());
    return s;
}
}  // namespace

TEST_CASE("a scenario that holds passes", "[scenario]") {
    mini::Fixture f;
    auto s = load(f, R"(
[[test]]
name = "bruised baby"
narrative = "A five-month-old with a bruise."
unknown = ["support"]
[test.answers]
age_months = 5
bruising = true
mobile = false
dv = "none"
[test.expect]
level = "statutory"
higher_level_possible = false
routes = { s47 = "met" }
triggers = ["bruise_trigger"]
fired = ["non_mobile_bruising"]
not_fired = ["dv_persistent"]
actions = ["strategy", "icpc"]
)");
    REQUIRE(s.size() == 1);
    CHECK(s[0].narrative == "A five-month-old with a bruise.");
    ScenarioResult r = run_scenario(*f.rules, s[0]);
    for (const auto& m : r.failures) INFO(m);
    CHECK(r.passed);
}

TEST_CASE("a scenario that does not hold reports each difference with its trace", "[scenario]") {
    mini::Fixture f;
    auto s = load(f, R"(
[[test]]
name = "expects too much"
unknown = ["mobile"]
[test.answers]
age_months = 5
bruising = true
dv = "none"
[test.expect]
level = "statutory"
routes = { s47 = "met" }
triggers = ["bruise_trigger"]
undetermined = ["dv_conflict"]
)");
    ScenarioResult r = run_scenario(*f.rules, s.at(0));
    CHECK_FALSE(r.passed);
    REQUIRE(r.failures.size() == 4);
    CHECK(r.failures[0] == "level: expected 'statutory', got 'universal'");
    CHECK(r.failures[1] == "route s47: expected met, got cannot_rule_out");
    CHECK(r.failures[2] == "triggers: expected [bruise_trigger], got []");
    CHECK(r.failures[3] == "'dv_conflict' expected to be undetermined, but it not_fired");
    bool shows_open_question = false;
    for (const auto& line : r.trace)
        if (line.find("route 's47' undetermined") != std::string::npos && line.find("open: mobile") != std::string::npos)
            shows_open_question = true;
    CHECK(shows_open_question);
}

TEST_CASE("todo scenarios are read but marked", "[scenario]") {
    mini::Fixture f;
    auto s = load(f, "[[test]]\nname = \"later\"\ntodo = true\n[test.expect]\nlevel = \"targeted\"\n");
    REQUIRE(s.size() == 1);
    CHECK(s[0].todo);
}
