// An answer is a value: copies are independent of the original (a case copied into the history
// or carried from one rule set to another must not change when the original is edited), and the
// words and chronology kept out of line travel with every copy.
#include <catch2/catch.hpp>

#include "engine/case.hpp"

using namespace continuum::engine;

namespace {
Chronology two_contacts() {
    Chronology c;
    c.complete = false;
    c.contacts.resize(2);
    c.contacts[0].day = 20'000;
    c.contacts[1].day = 20'100;
    return c;
}
}  // namespace

TEST_CASE("a copied text answer keeps its words and does not follow later edits", "[case]") {
    Answer a(AnswerState::Answered, Value::text_present(), "school raised it at pick-up");
    Answer b = a;
    CHECK(b.text() == "school raised it at pick-up");
    a.set_text("changed after the copy");
    CHECK(b.text() == "school raised it at pick-up");
    CHECK(a.text() == "changed after the copy");

    Answer c;
    c = a;
    CHECK(c.text() == "changed after the copy");
    CHECK(c.state == AnswerState::Answered);
    c = Answer{};  // a blank answer over one with words: nothing of the words is left
    CHECK(c.text().empty());
    CHECK_FALSE(c.chronology());
    CHECK(c.state == AnswerState::NotAsked);
    CHECK(a.text() == "changed after the copy");
}

TEST_CASE("a chronology answer's contacts travel with copies and moves", "[case][chronology]") {
    Answer a = chronology_answer(two_contacts());
    REQUIRE(a.chronology());
    CHECK_FALSE(a.value.known);  // partial
    Answer b = a;
    REQUIRE(b.chronology());
    CHECK(b.chronology()->contacts.size() == 2);
    Answer moved = std::move(b);
    REQUIRE(moved.chronology());
    CHECK(moved.chronology()->contacts.size() == 2);
    CHECK(moved.state == AnswerState::Answered);
    // Words added to a chronology answer do not lose its contacts.
    moved.set_text("checked with health");
    CHECK(moved.chronology()->contacts.size() == 2);
    CHECK(moved.text() == "checked with health");
    CHECK(a.text().empty());
}

TEST_CASE("answers without words or a chronology have none", "[case]") {
    Answer yes(AnswerState::Answered, Value::boolean(Tri::True));
    CHECK(yes.text().empty());
    CHECK_FALSE(yes.chronology());
    yes.set_text("");
    CHECK(yes.text().empty());
}
