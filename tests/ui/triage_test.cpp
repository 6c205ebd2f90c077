// Headless tests of the triage views: answering, changing answers, hiding questions that do
// not apply, jumping from what could change, keyboard answers.
#include "harness.hpp"

using namespace continuum;
using ui_test::Harness;

TEST_CASE("clicking Yes answers the question and the outcome follows", "[ui]") {
    Harness h;
    h.go_to_step("development");
    REQUIRE(h.shown("answer/health_needs_unmet/yes"));
    unsigned before = h.session.evaluations();
    h.click("answer/health_needs_unmet/yes");
    CHECK(h.answer("health_needs_unmet").state == engine::AnswerState::Answered);
    CHECK(h.answer("health_needs_unmet").value.truth == engine::Tri::True);
    CHECK(h.level() == "targeted");
    CHECK(h.session.evaluations() == before + 1);  // once per change, not per frame
    CHECK(h.state().unsaved);
}

TEST_CASE("an earlier answer can be changed and everything downstream updates", "[ui]") {
    Harness h;
    h.go_to_step("development");
    h.click("answer/health_needs_unmet/yes");
    REQUIRE(h.level() == "targeted");
    h.click("answer/health_needs_unmet/no");
    CHECK(h.answer("health_needs_unmet").value.truth == engine::Tri::False);
    CHECK(h.level() == "universal");
    h.click("answer/health_needs_unmet/unknown");
    CHECK(h.answer("health_needs_unmet").state == engine::AnswerState::Unknown);
    CHECK(h.state().evaluation.outcome.higher_level_possible);
}

TEST_CASE("questions that do not apply are hidden and appear when they do", "[ui]") {
    Harness h;
    h.go_to_step("concern");
    // Mobility is asked only for a child under 24 months: hidden until the age is known.
    CHECK_FALSE(h.shown("answer/independently_mobile/yes"));
    CHECK(h.text.find("1 more question may appear") != std::string::npos);
    h.session.apply(
        ui::intent::SetAnswer{h.question("child_age_months"),
                              {engine::AnswerState::Answered, engine::Value::number(5), ""}});
    h.frames(2);
    CHECK(h.shown("answer/independently_mobile/yes"));
    h.session.apply(
        ui::intent::SetAnswer{h.question("child_age_months"),
                              {engine::AnswerState::Answered, engine::Value::number(120), ""}});
    h.frames(2);
    CHECK_FALSE(h.shown("answer/independently_mobile/yes"));

    // The explanation follow-up appears only once bruising is reported.
    h.go_to_step("safety");
    CHECK_FALSE(h.shown("answer/explanation_consistent/yes"));
    h.click("answer/bruising_seen/yes");
    CHECK(h.shown("answer/explanation_consistent/yes"));
}

TEST_CASE("clicking a question under what could change this jumps to it", "[ui]") {
    Harness h;
    h.go_to_step("safety");
    h.click("answer/bruising_seen/yes");
    h.go_to_step("concern");
    // The s47 finding is open until the explanation is known: its link is offered.
    REQUIRE(h.shown("jump/explanation_consistent"));
    h.activate("jump/explanation_consistent");
    const auto& step = h.state().steps[h.state().step];
    CHECK(h.state().rules->domains[step.domain].id == "safety");
    // The question now holds keyboard focus: N answers it.
    h.press(ui::keys::N);
    CHECK(h.answer("explanation_consistent").state == engine::AnswerState::Answered);
    CHECK(h.answer("explanation_consistent").value.truth == engine::Tri::False);
}

TEST_CASE("Y, N and U answer the focused question and do nothing while typing", "[ui]") {
    Harness h;
    h.session.apply(ui::intent::JumpToQuestion{h.question("parent_substance_misuse")});
    h.frames(2);
    h.press(ui::keys::Y);
    CHECK(h.answer("parent_substance_misuse").value.truth == engine::Tri::True);
    h.press(ui::keys::U);
    CHECK(h.answer("parent_substance_misuse").state == engine::AnswerState::Unknown);
    h.press(ui::keys::N);
    CHECK(h.answer("parent_substance_misuse").value.truth == engine::Tri::False);
    // Other questions are untouched.
    CHECK(h.answer("health_needs_unmet").state == engine::AnswerState::NotAsked);
}

TEST_CASE("a number that is out of range is refused with a message", "[ui]") {
    Harness h;
    h.go_to_step("concern");
    h.click("answer/child_age_months/value");
    ImGui::GetIO().AddInputCharactersUTF8("400");
    h.frames(2);
    h.press(ImGui::GetIO().KeyMap[ImGuiKey_Enter]);
    CHECK(h.answer("child_age_months").state == engine::AnswerState::NotAsked);
    INFO("typed: " << h.session.scratch().text["child_age_months"]);
    CHECK(h.state().notice.find("216") != std::string::npos);
}

TEST_CASE("a number known only by a bound is typed as a range, and shown as typed", "[ui]") {
    Harness h;
    h.go_to_step("concern");
    h.click("answer/child_age_months/value");
    ImGui::GetIO().AddInputCharactersUTF8("at least 3");
    h.frames(2);
    h.press(ImGui::GetIO().KeyMap[ImGuiKey_Enter]);
    const engine::Answer& a = h.answer("child_age_months");
    REQUIRE(a.state == engine::AnswerState::Answered);
    CHECK(a.value.lo == 3);
    CHECK_FALSE(a.value.known);  // not a number: comparisons over it stay three-valued
    // Something that is neither is refused, and the range stays.
    h.click("answer/child_age_months/value");
    ImGui::GetIO().AddInputCharactersUTF8(" or so");
    h.frames(2);
    h.press(ImGui::GetIO().KeyMap[ImGuiKey_Enter]);
    CHECK(h.state().notice.find("is not a number or a range") != std::string::npos);
    CHECK(h.answer("child_age_months").value.lo == 3);
}
