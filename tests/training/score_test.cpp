// Scoring a committed judgement: criterion by criterion, with the rules' reasons and sources
// for each difference.
#include "surrey.hpp"
#include "training/training_score.hpp"

using namespace continuum;
using training_test::surrey;

namespace {
engine::Judgement bruised_baby() {
    engine::Diagnostics d;
    auto pack = engine::load_training_pack(surrey(), CONTINUUM_SOURCE_DIR "/rules/surrey", d);
    REQUIRE(pack.find("bruised-baby"));
    return pack.find("bruised-baby")->expect;
}
}  // namespace

TEST_CASE("a judgement that matches scores every criterion", "[score]") {
    auto expected = bruised_baby();
    auto f = report::score_judgement(surrey(), expected, expected);
    CHECK(f.criteria.size() == surrey().routes.size() + 2);
    CHECK(f.matched == f.criteria.size());
    CHECK(f.score() == 1.0);
    for (const auto& c : f.criteria)
        CHECK(c.why.empty());
}

TEST_CASE("each difference carries the rule's words and its sources", "[score]") {
    auto expected = bruised_baby();
    auto committed = expected;
    committed.level = "targeted";
    committed.routes["s47"] = "cannot_rule_out";
    committed.triggers.clear();
    auto f = report::score_judgement(surrey(), committed, expected);
    CHECK(f.matched == f.criteria.size() - 3);
    CHECK(f.score() == Approx(6.0 / 9.0));
    for (const auto& c : f.criteria) {
        INFO(c.id);
        if (c.id == "level") {
            CHECK_FALSE(c.agrees);
            CHECK(c.committed == "Targeted Support");
            CHECK(c.expected == "Statutory Services");
            CHECK_FALSE(c.cites.empty());
        } else if (c.id == "route:s47") {
            CHECK_FALSE(c.agrees);
            CHECK(c.committed == "cannot rule out");
            CHECK(c.why.find("reasonable cause to suspect") != std::string::npos);
            CHECK(c.cites.front().find("Children Act 1989 s47") == 0);
        } else if (c.id == "triggers") {
            CHECK_FALSE(c.agrees);
            CHECK(c.committed == "none");
            CHECK(c.why.find("Missed: Bruising or injury in a child who is not independently "
                             "mobile") == 0);
            CHECK_FALSE(c.cites.empty());
        } else {
            CHECK(c.agrees);
        }
    }
}

TEST_CASE("a trigger called for that the rules do not call for is explained too", "[score]") {
    auto expected = bruised_baby();
    auto committed = expected;
    committed.triggers = {"lado_allegation", "non_mobile_bruising", "lado_allegation"};
    auto f = report::score_judgement(surrey(), committed, expected);
    CHECK(f.matched == f.criteria.size() - 1);
    CHECK(f.criteria.back().why.find("Not called for: Allegation against someone") == 0);
}
