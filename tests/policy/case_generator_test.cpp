// The synthetic case generator: the same seed gives the same library, every case it writes
// reads back without a fault, and the documented distributions hold.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/calendar.hpp"
#include "engine/case_io.hpp"
#include "mini_rules.hpp"
#include "policy/case_generator.hpp"

using namespace continuum::engine;

namespace {

std::string library(const RuleSet& rules, std::size_t count, std::uint64_t seed) {
    std::string out;
    for (const auto& c : generate_cases(rules, count, seed))
        out += case_to_json(rules, c).dump() + "\n";
    return out;
}

}  // namespace

TEST_CASE("the same seed gives the same cases; another seed other cases", "[generator]") {
    mini::Fixture f;
    CHECK(library(*f.rules, 200, 42) == library(*f.rules, 200, 42));
    CHECK(library(*f.rules, 200, 42) != library(*f.rules, 200, 43));
    // Pinned: the generator's own draws over std::mt19937_64 make this line the same with any
    // standard library. If it changes, every committed sample library changes with it.
    CHECK(
        case_to_json(*f.rules, generate_cases(*f.rules, 1, 1)[0]).dump() ==
        R"({"answers":{"a":false,"b":false,"bruising":false,"c":false,"dv":"none","mobile":false,)"
        R"("school":false,"support":false},"ref":"SYN-000001","referred_at":"2026-03-20T15:42:00",)"
        R"("unknown":["age_months"]})");
}

TEST_CASE("every generated case reads back without a fault", "[generator]") {
    mini::Fixture f;
    const RuleSet& rules = *f.rules;
    auto cases = generate_cases(rules, 2000, 99);
    REQUIRE(cases.size() == 2000);
    std::size_t applicable = 0, unknown = 0;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const Case& c = cases[i];
        CHECK(c.ref == fmt::format("SYN-{:06}", i + 1));
        Diagnostics d;
        auto back = read_case_json(rules, case_to_json(rules, c).dump(), "lib.jsonl",
                                   static_cast<std::uint32_t>(i + 1), d);
        for (const auto& m : fixture::messages(d))
            INFO(m);
        REQUIRE(back);
        CHECK(d.empty());
        // Referrals on working days, in office hours.
        CHECK(is_working_day(rules.calendar, c.referred_at.day));
        CHECK(c.referred_at.second_of_day >= 8 * 3600);
        CHECK(c.referred_at.second_of_day < 18 * 3600);
        // 'mobile' is asked only of children under 24 months (or of unknown age).
        const Answer& age = c.answers[rules.question_index("age_months")];
        const Answer& mobile = c.answers[rules.question_index("mobile")];
        if (age.state == AnswerState::Answered && age.value.lo >= 24)
            CHECK(mobile.state == AnswerState::NotAsked);
        if (age.state == AnswerState::Answered && age.value.lo < 24)
            CHECK(mobile.state != AnswerState::NotAsked);
        for (const auto& a : c.answers) {
            applicable += a.state != AnswerState::NotAsked;
            unknown += a.state == AnswerState::Unknown;
        }
    }
    // About 8% unknown (binomial over ~17,000 answers: well within 7% to 9%).
    double share = static_cast<double>(unknown) / static_cast<double>(applicable);
    CHECK(share > 0.07);
    CHECK(share < 0.09);
}

TEST_CASE("numbers stay within the question's bounds and spread across them", "[generator]") {
    mini::Fixture f;
    auto cases = generate_cases(*f.rules, 3000, 5);
    std::uint32_t qi = f.rules->question_index("age_months");
    double lo = 1e9, hi = -1e9;
    std::size_t dv_persistent = 0, dv_none = 0;
    std::uint32_t dv = f.rules->question_index("dv");
    for (const auto& c : cases) {
        if (c.answers[qi].state == AnswerState::Answered) {
            lo = std::min(lo, c.answers[qi].value.lo);
            hi = std::max(hi, c.answers[qi].value.lo);
            CHECK(c.answers[qi].value.lo == std::floor(c.answers[qi].value.lo));
        }
        if (c.answers[dv].state == AnswerState::Answered) {
            dv_none += c.answers[dv].value.choice == 0;
            dv_persistent += c.answers[dv].value.choice == 3;
        }
    }
    CHECK(lo >= 0);
    CHECK(hi <= 216);
    CHECK(lo < 10);
    CHECK(hi > 206);
    // Choices as written run from least to most concerning: the first is the commonest.
    CHECK(dv_none > dv_persistent);
    CHECK(dv_persistent > 0);
}
