// Training packs: the shipped Surrey pack agrees with the engine and covers the ground the
// issue asks for; a broken pack gets positioned messages.
#include <set>

#include "engine/evaluate.hpp"
#include "run_command.hpp"
#include "surrey.hpp"

using namespace continuum::engine;
using training_test::messages;
using training_test::surrey;

namespace {

// A valid scenario, with `extra` inserted into the scenario table and `expect` replacing the
// expected outcome, so each test breaks one thing.
std::string scenario(const std::string& extra = "",
                     const std::string& routes =
                         "s17 = \"not_met\", s47 = \"not_met\", s20 = "
                         "\"not_met\", s20_4 = \"not_met\", s31 = "
                         "\"not_met\", s44 = \"not_met\", s46 = \"not_met\"") {
    return "[[scenario]]\n"
           "id = \"quiet\"\n"
           "title = \"Nothing to worry about\"\n"
           "narrative = \"A seven-year-old, no concerns.\"\n"
           "ask = [\"child_age_years\"]\n" +
           extra +
           "[scenario.answers]\n"
           "child_age_years = 7\n"
           "pre_birth = false\n"
           "child_disabled = false\n"
           "injury_seen = false\n"
           "sexual_abuse_concern = false\n"
           "sexually_active = false\n"
           "exploitation = \"none\"\n"
           "fgm = \"none\"\n"
           "epo_or_police_protection = false\n"
           "fii_suspected = false\n"
           "needs_accommodation = false\n"
           "health_needs = \"met\"\n"
           "education = \"good\"\n"
           "relationships = \"good\"\n"
           "online_harm = \"none\"\n"
           "emotional_wellbeing = \"settled\"\n"
           "identity = false\n"
           "self_care = true\n"
           "social_presentation = \"appropriate\"\n"
           "unaccompanied = false\n"
           "boundaries = \"appropriate\"\n"
           "young_carer = \"no\"\n"
           "open_case = false\n"
           "disclosure = false\n"
           "allegation_against_worker = false\n"
           "harmed_by_child = false\n"
           "referrals_last_12_months = 0\n"
           "earlier_early_help = \"none\"\n"
           "basic_care = \"good\"\n"
           "parent_health = \"no_concern\"\n"
           "emotional_warmth = \"warm\"\n"
           "young_parent = false\n"
           "previous_children = \"no\"\n"
           "risky_adult = false\n"
           "domestic_abuse = \"none\"\n"
           "referrer = \"regulated_professional\"\n"
           "violence_to_child = false\n"
           "threats_to_child = false\n"
           "emotional_ill_treatment = false\n"
           "supervision = \"adequate\"\n"
           "self_harm = \"none\"\n"
           "suicidal = \"none\"\n"
           "mental_health_crisis = false\n"
           "attendance_percent = 96\n"
           "other_children = false\n"
           "separation = \"none\"\n"
           "housing = \"adequate\"\n"
           "income = \"managing\"\n"
           "home_used_for_drugs = false\n"
           "community_support = \"connected\"\n"
           "[scenario.expect]\n"
           "level = \"thriving\"\n"
           "routes = { " +
           routes +
           " }\n"
           "triggers = []\n"
           "[[scenario.teaching]]\n"
           "point = \"Universal services meet these needs.\"\n"
           "cites = [\"surrey_continuum#5\"]\n";
}

// "surrey/training/t.toml:LINE:COL: error:" at the first occurrence of `needle` in `text`.
std::string at(const std::string& text, const std::string& needle) {
    auto [line, col] = clitest::position_of(text, needle);
    return "surrey/training/t.toml:" + std::to_string(line) + ":" + std::to_string(col) +
           ": error:";
}

Diagnostics load(const std::string& text, TrainingPack& pack) {
    Diagnostics d;
    load_training_text(surrey(), "surrey/training/t.toml", text, pack, d);
    d.sort();
    return d;
}

}  // namespace

TEST_CASE("the Surrey pack loads cleanly and every expected outcome is the engine's", "[pack]") {
    Diagnostics d;
    TrainingPack pack = load_training_pack(surrey(), CONTINUUM_SOURCE_DIR "/rules/surrey", d);
    for (const auto& m : messages(d))
        INFO(m);
    REQUIRE(d.empty());
    REQUIRE(pack.scenarios.size() >= 12);
    for (const auto& s : pack.scenarios) {
        INFO(s.id);
        for (const auto& line : disagreements_with_engine(surrey(), s))
            INFO(line);
        CHECK(disagreements_with_engine(surrey(), s).empty());
        CHECK(judgement_of(surrey(), evaluate(surrey(), s.intended)) == s.expect);
        CHECK_FALSE(s.narrative.empty());
        CHECK_FALSE(s.teaching.empty());
        CHECK_FALSE(s.to_ask.empty());
        for (const auto& t : s.teaching)
            CHECK_FALSE(t.cites.empty());
    }
}

TEST_CASE("the Surrey pack covers every level, every route met and not met, and the hard cases",
          "[pack]") {
    Diagnostics d;
    TrainingPack pack = load_training_pack(surrey(), CONTINUUM_SOURCE_DIR "/rules/surrey", d);
    std::set<std::string> levels, tags, met, not_met, triggers;
    for (const auto& s : pack.scenarios) {
        levels.insert(s.expect.level);
        tags.insert(s.tags.begin(), s.tags.end());
        for (const auto& [route, finding] : s.expect.routes)
            (finding == "met" ? met : not_met).insert(route);
        triggers.insert(s.expect.triggers.begin(), s.expect.triggers.end());
    }
    for (const auto& l : surrey().levels)
        CHECK(levels.count(l.id));
    for (const auto& r : surrey().routes) {
        INFO(r.id);
        CHECK(met.count(r.id));
        CHECK(not_met.count(r.id));
    }
    CHECK(tags.count("borderline"));
    CHECK(tags.count("cumulative-neglect"));
    CHECK(triggers.size() >= 3);
    // s20 with an objection: a scenario where someone with parental responsibility objects.
    const TrainingScenario* objection = pack.find("father-objects");
    REQUIRE(objection);
    CHECK(objection->expect.routes.at("s20") == "not_met");
}

TEST_CASE("the trainee sees the prefilled answers, with the questions to ask left open", "[pack]") {
    TrainingPack pack;
    REQUIRE(load(scenario(), pack).empty());
    const auto& s = pack.scenarios.at(0);
    std::uint32_t age = surrey().question_index("child_age_years");
    CHECK(s.intended.answers[age].state == AnswerState::Answered);
    CHECK(s.prefilled().answers[age].state == AnswerState::NotAsked);
}

TEST_CASE("a pack's faults are positioned, with did-you-mean", "[pack]") {
    TrainingPack pack;
    SECTION("an unknown key") {
        std::string text = scenario("narative = \"typo\"\n");
        auto m = messages(load(text, pack));
        REQUIRE(m.size() == 1);
        CHECK(m[0].find(at(text, "narative")) == 0);
        CHECK(m[0].find("did you mean 'narrative'") != std::string::npos);
    }
    SECTION("an unknown route, and the route then missing") {
        std::string routes =
            "s17 = \"not_met\", s74 = \"not_met\", s20 = \"not_met\", s20_4 = "
            "\"not_met\", s31 = \"not_met\", s44 = \"not_met\", s46 = \"not_met\"";
        std::string text = scenario("", routes);
        auto m = messages(load(text, pack));
        REQUIRE(m.size() == 2);
        CHECK(m[0].find(at(text, "{ s17")) == 0);
        CHECK(m[0].find("gives no expected finding for route 's47'") != std::string::npos);
        CHECK(m[1].find(at(text, "s74")) == 0);
        CHECK(m[1].find("no route has the id 's74' (did you mean 's47'?)") != std::string::npos);
    }
    SECTION("a question to ask with no intended answer") {
        auto m = messages(load(scenario("ask = [\"injury_seen\"]\n"), pack));
        // `ask` twice is a TOML error: the key is already defined.
        REQUIRE(m.size() == 1);
        CHECK(m[0].find("toml-syntax") != std::string::npos);
    }
    SECTION("asking for something the scenario does not answer") {
        std::string text = scenario();
        text.replace(text.find("ask = [\"child_age_years\"]"), 25, "ask = [\"injury_explained\"]");
        auto m = messages(load(text, pack));
        REQUIRE(m.size() == 1);
        CHECK(m[0].find(at(text, "\"injury_explained\"")) == 0);
        CHECK(m[0].find("gives no intended answer") != std::string::npos);
    }
    SECTION("an unknown question in ask, and a bad answer") {
        std::string text = scenario();
        text.replace(text.find("ask = [\"child_age_years\"]"), 25, "ask = [\"child_age_yeras\"]");
        auto m = messages(load(text, pack));
        REQUIRE(m.size() == 1);
        CHECK(m[0].find("did you mean 'child_age_years'") != std::string::npos);
    }
    SECTION("a citation that points nowhere") {
        std::string text = scenario();
        text.replace(text.find("surrey_continuum#5"), 18, "surrey_continum#5");
        auto m = messages(load(text, pack));
        REQUIRE(m.size() == 1);
        CHECK(m[0].find(at(text, "\"surrey_continum")) == 0);
        CHECK(m[0].find("did you mean 'surrey_continuum'") != std::string::npos);
    }
    SECTION("an unknown level and trigger") {
        std::string text = scenario();
        text.replace(text.find("level = \"thriving\""), 18, "level = \"thrivng\"");
        text.replace(text.find("triggers = []"), 13, "triggers = [\"lado\"]");
        auto m = messages(load(text, pack));
        REQUIRE(m.size() == 2);
        CHECK(m[0].find("did you mean 'thriving'") != std::string::npos);
        CHECK(m[1].find("no trigger has the id 'lado'") != std::string::npos);
    }
    SECTION("a scenario id used twice") {
        std::string once = scenario();
        auto [second_line, col] = clitest::position_of(once, "cites");
        auto m = messages(load(once + scenario(), pack));
        REQUIRE(m.size() == 1);
        CHECK(m[0].find("surrey/training/t.toml:" + std::to_string(second_line + 1) +
                        ":1: error: scenario id 'quiet' is already used at "
                        "surrey/training/t.toml:1") == 0);
        CHECK(pack.scenarios.size() == 1);
    }
    SECTION("no teaching point, and a section that is not a scenario") {
        std::string text = scenario();
        text = text.substr(0, text.find("[[scenario.teaching]]")) + "[[senario]]\nid = 1\n";
        auto m = messages(load(text, pack));
        REQUIRE(m.size() == 2);
        CHECK(m[0].find("needs at least one [[scenario.teaching]]") != std::string::npos);
        CHECK(m[1].find("unknown section 'senario'") != std::string::npos);
    }
}

TEST_CASE("an expected outcome the engine does not give is reported criterion by criterion",
          "[pack]") {
    TrainingPack pack;
    std::string text = scenario();
    text.replace(text.find("level = \"thriving\""), 18, "level = \"targeted\"");
    REQUIRE(load(text, pack).empty());
    auto diffs = disagreements_with_engine(surrey(), pack.scenarios.at(0));
    REQUIRE(diffs.size() == 1);
    CHECK(diffs[0] == "level: expected targeted, engine gives thriving");
}
