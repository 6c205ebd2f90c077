// Group agreement over a session: per criterion, per scenario, and where trainees divide.
#include <sstream>

#include <catch2/catch.hpp>

#include "training/training_report.hpp"

using namespace continuum;

namespace {
report::RatedJudgement rated(const std::string& trainee, const std::string& scenario,
                             const std::string& level, const std::string& expected_level,
                             const std::string& s47 = "met") {
    return {trainee,
            "cohort",
            scenario,
            {level, {{"s47", s47}}, {}},
            {expected_level, {{"s47", "met"}}, {}}};
}
}  // namespace

TEST_CASE("agreement per criterion and scenario, and the most divisive first", "[report]") {
    std::vector<report::RatedJudgement> js = {
        rated("A", "baby", "statutory", "statutory"),
        rated("B", "baby", "statutory", "statutory"),
        rated("C", "baby", "intensive", "statutory", "cannot_rule_out"),
        rated("A", "bullied", "emerging", "emerging"),
        rated("B", "bullied", "targeted", "emerging"),
        rated("C", "bullied", "thriving", "emerging"),
        // A retry replaces the earlier judgement: C on "baby" now agrees on the level.
        rated("C", "baby", "statutory", "statutory", "cannot_rule_out"),
    };
    auto r = report::cohort_report(js);
    CHECK(r.judgements == 6);
    CHECK(r.trainees == 3);
    CHECK(r.scenarios == 2);
    REQUIRE(r.criteria.size() == 3);  // level, route:s47, triggers
    CHECK(r.criteria[0].criterion == "level");
    CHECK(*r.criteria[0].percent == Approx(4.0 / 6.0));
    CHECK(r.criteria[1].criterion == "route:s47");
    CHECK(*r.criteria[1].percent == Approx(5.0 / 6.0));
    CHECK_FALSE(r.criteria[2].cohen.has_value());  // everyone said "none": n/a, not 1
    CHECK(*r.criteria[2].percent == 1.0);
    REQUIRE(r.per_scenario.size() == 2);
    CHECK(r.per_scenario[0].scenario == "baby");
    CHECK(r.per_scenario[0].mean_score == Approx((1.0 + 1.0 + 2.0 / 3.0) / 3.0));
    REQUIRE(r.divisions.size() == 2);
    CHECK(r.divisions[0].scenario == "bullied");  // three different levels: no pair agrees
    CHECK(r.divisions[0].agreement == 0.0);
    CHECK(r.divisions[1].criterion == "route:s47");
    CHECK(r.divisions[1].agreement == Approx(1.0 / 3.0));

    std::ostringstream text, csv;
    report::write_report_text(text, r);
    report::write_report_csv(csv, r);
    CHECK(text.str().find("6 judgements by 3 trainees on 2 scenarios") == 0);
    CHECK(text.str().find("bullied              level            0% of pairs agree  "
                          "(emerging 1, targeted 1, thriving 1; expected emerging)") !=
          std::string::npos);
    CHECK(csv.str().find("criterion,,level,6,0.6667,") != std::string::npos);
}

TEST_CASE("the figures CSV neutralises a scenario id a spreadsheet would run as a formula",
          "[report]") {
    // Scenario ids may start with '-' (lower-case letters, digits and '-'); the figures are
    // the program's own numbers and stay numbers, negative kappas included.
    std::vector<report::RatedJudgement> js = {rated("A", "-sum-1", "statutory", "statutory"),
                                              rated("B", "-sum-1", "intensive", "statutory")};
    std::ostringstream csv;
    report::write_report_csv(csv, report::cohort_report(js));
    CHECK(csv.str().find("scenario,\"'-sum-1\",") != std::string::npos);
    CHECK(csv.str().find("division,\"'-sum-1\",level,") != std::string::npos);
}
