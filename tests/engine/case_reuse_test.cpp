// Reading line after line into one case, as impact analysis does for speed: each line must
// give exactly the case a new one would hold, whatever the line before it answered, whether
// the fast reader took that line or refused it part-way.
#include <catch2/catch.hpp>

#include "engine/case_io.hpp"
#include "engine/case_json_fast.hpp"
#include "reuse_library.hpp"

using namespace continuum::engine;

namespace {

void require_same(const RuleSet& rules, const Case& a, const Case& b) {
    CHECK(a.ref == b.ref);
    CHECK(a.referred_at == b.referred_at);
    REQUIRE(a.answers.size() == b.answers.size());
    for (std::size_t i = 0; i < a.answers.size(); ++i) {
        INFO("question " << rules.questions[i].id);
        const Answer &x = a.answers[i], &y = b.answers[i];
        CHECK(x.state == y.state);
        CHECK(x.value.truth == y.value.truth);
        CHECK(x.value.known == y.value.known);
        CHECK(x.value.choice == y.value.choice);
        CHECK(x.value.lo == y.value.lo);
        CHECK(x.value.hi == y.value.hi);
        CHECK(x.text() == y.text());
        REQUIRE((x.chronology() == nullptr) == (y.chronology() == nullptr));
        if (x.chronology()) CHECK(*x.chronology() == *y.chronology());
    }
}

}  // namespace

TEST_CASE("a case read into again holds nothing of the line before", "[case][fast][reuse]") {
    chronology_fixture::Rules r(reuse::kQuestions + reuse::siblings_question());
    const RuleSet& rules = *r.rules;
    FastCaseReader reader(rules);
    Case used = blank_case(rules);
    std::size_t fast = 0, refused = 0;
    for (const std::string& line : reuse::lines()) {
        INFO(line);
        Diagnostics d;
        auto careful = read_case_json(rules, line, "cases.jsonl", 1, d);
        if (!reader.read(line, line.size(), used)) {
            ++refused;
            // What a caller does when the fast reader refuses: the careful reading, whole.
            if (careful) used = *careful;
            continue;
        }
        ++fast;
        REQUIRE(careful);
        require_same(rules, used, *careful);
        Case fresh;
        REQUIRE(reader.read(line, line.size(), fresh));
        require_same(rules, used, fresh);
    }
    // Both ways in were taken, and the full lines answer what the sparse ones do not.
    CHECK(fast == 5);
    CHECK(refused == 3);
    Case full;
    REQUIRE(reader.read(reuse::full("F", "2026-06-15T10:30:00"), 0, full));
    for (std::size_t q = 0; q < rules.questions.size(); ++q) {
        INFO("question " << rules.questions[q].id);
        CHECK(full.answers[q].state != AnswerState::NotAsked);
    }
}

TEST_CASE("make_blank leaves a used case as blank_case gives it", "[case][reuse]") {
    chronology_fixture::Rules r(reuse::kQuestions + reuse::siblings_question());
    Diagnostics d;
    auto used =
        read_case_json(*r.rules, reuse::full("F-1", "2026-06-15T10:30:00"), "c.jsonl", 1, d);
    REQUIRE(used);
    make_blank(*r.rules, *used);
    require_same(*r.rules, *used, blank_case(*r.rules));
    // A case made for another rule set takes this one's number of questions.
    Case other;
    other.answers.resize(2);
    other.answers[1].set_text("left over");
    make_blank(*r.rules, other);
    require_same(*r.rules, other, blank_case(*r.rules));
}
