// Headless tests of the record step: override needs a category and a reason, keyboard-only
// recording, a failed append keeps the decision for a retry, the report and the close prompt.
#include "harness.hpp"
#include "report/decision_report.hpp"

using namespace continuum;
using ui_test::Harness;

namespace {
void answer_yes(Harness& h, const char* id) {
    h.session.apply(ui::intent::SetAnswer{
        h.question(id),
        {engine::AnswerState::Answered, engine::Value::boolean(engine::Tri::True), ""}});
}
void fill_case(Harness& h) {
    h.session.apply(ui::intent::SetCaseRef{"C-TEST-1"});
    answer_yes(h, "health_needs_unmet");
    h.session.scratch().draft.service_consent = 0;
    h.session.scratch().draft.sharing_basis = 0;
}
}  // namespace

TEST_CASE("an override is not recorded without a category and a reason", "[ui]") {
    Harness h;
    fill_case(h);
    h.go_to_step("record");
    auto& d = h.session.scratch().draft;
    d.agree = false;
    d.level = h.state().rules->level_index("statutory");
    h.frame();
    h.click("record");
    CHECK(h.sink.records.empty());
    CHECK(h.state().record.problem.find("policy or discretionary") != std::string::npos);
    d.category = ui::OverrideCategory::Discretionary;
    h.click("record");
    CHECK(h.sink.records.empty());
    CHECK(h.text.find("Give the reason for the override.") != std::string::npos);
    d.reason = "Third referral in six months; pattern of concern.";
    h.click("record");
    REQUIRE(h.sink.records.size() == 1);
    const auto& r = h.sink.records[0];
    CHECK_FALSE(r.agreed);
    CHECK(r.suggested_level == "targeted");
    CHECK(r.decided_level == "statutory");
    CHECK(r.override_category == "discretionary");
    CHECK(r.reason == d.reason);
    CHECK(r.ruleset_id == "ui-mini");
    CHECK(r.ruleset_digest == h.state().rules->digest);
    CHECK(h.state().record.phase == ui::RecordPhase::Recorded);
    CHECK_FALSE(h.state().unsaved);
}

TEST_CASE("a case reference with a pasted control character is not recorded", "[ui]") {
    Harness h;
    fill_case(h);
    h.session.apply(ui::intent::SetCaseRef{"C-TEST-1\u202e"});  // a right-to-left override
    h.go_to_step("record");
    h.frame();
    h.click("record");
    CHECK(h.sink.records.empty());
    CHECK(h.state().record.problem ==
          "The case reference holds an invisible control character (U+202E, character 9), "
          "perhaps pasted with it: type the reference again.");
    h.session.apply(ui::intent::SetCaseRef{"C-TEST-1"});
    h.frame();
    h.click("record");
    CHECK(h.sink.records.size() == 1);
}

TEST_CASE("a case can be triaged and recorded with the keyboard alone", "[ui]") {
    Harness h;
    h.session.apply(ui::intent::SetCaseRef{"C-TEST-2"});
    h.session.apply(ui::intent::JumpToQuestion{h.question("health_needs_unmet")});
    h.frames(2);
    h.press(ui::keys::Y);
    REQUIRE(h.answer("health_needs_unmet").value.truth == engine::Tri::True);
    // Ctrl+Enter from a question step shows the record step first.
    h.press(ui::keys::Enter, true);
    REQUIRE(h.state().steps[h.state().step].is_record);
    // Arrows move to the consent choices, Space picks them.
    const int down = ImGui::GetIO().KeyMap[ImGuiKey_DownArrow];
    const int space = ImGui::GetIO().KeyMap[ImGuiKey_Space];
    auto& d = h.session.scratch().draft;
    // Focus starts on "I agree"; below it: "I am overriding", the note, then the consent choices.
    for (int i = 0; i < 3; ++i)
        h.press(down);
    h.press(space);
    CHECK(d.agree);
    REQUIRE(d.service_consent == 0);  // given by the family
    for (int i = 0; i < 4; ++i)
        h.press(down);
    h.press(space);
    REQUIRE(d.sharing_basis == 0);  // consent
    if (d.service_consent == 2)
        d.consent_note = "Seeking consent would alert the adult causing harm.";
    h.press(ui::keys::Enter, true);
    REQUIRE(h.sink.records.size() == 1);
    CHECK(h.sink.records[0].agreed);
    CHECK(h.sink.records[0].decided_level == "targeted");
    CHECK(h.sink.records[0].case_ref == "C-TEST-2");
}

TEST_CASE("a failed append keeps the decision on screen for a retry", "[ui]") {
    Harness h;
    fill_case(h);
    h.go_to_step("record");
    h.sink.fail = true;
    h.press(ui::keys::Enter, true);
    CHECK(h.state().record.phase == ui::RecordPhase::Failed);
    CHECK(h.text.find("Not recorded.") != std::string::npos);
    CHECK(h.text.find("disk full") != std::string::npos);
    CHECK(h.state().unsaved);
    h.sink.fail = false;
    h.click("record");
    REQUIRE(h.sink.records.size() == 1);
    CHECK(h.state().record.phase == ui::RecordPhase::Recorded);
}

TEST_CASE("with no audit store nothing is shown as recorded", "[ui]") {
    ui::UnavailableSink none("no store in this build");
    ui::Session s(none, ui_test::test_settings());
    REQUIRE(s.load_rules(std::string(CONTINUUM_TEST_DATA) + "/rules/mini"));
    s.apply(ui::intent::SetCaseRef{"C-TEST-3"});
    s.scratch().draft.service_consent = 3;
    s.scratch().draft.sharing_basis = 3;
    s.select_step("record");
    s.apply(ui::intent::Record{});
    s.wait_for_store();
    CHECK(s.state().record.phase == ui::RecordPhase::Failed);
    CHECK(s.state().record.error.find("audit store not available") != std::string::npos);
}

TEST_CASE("the report carries the rule set, the decision and the chain head", "[ui][report]") {
    Harness h;
    fill_case(h);
    h.go_to_step("record");
    h.press(ui::keys::Enter, true);
    REQUIRE(h.sink.records.size() == 1);
    h.session.apply(ui::intent::CopyReport{});
    auto text = h.session.take_clipboard();
    REQUIRE(text);
    CHECK(text->find("Case reference: C-TEST-1") != std::string::npos);
    CHECK(text->find("ui-mini") != std::string::npos);
    CHECK(text->find(h.state().rules->digest) != std::string::npos);
    CHECK(text->find("Chain head after this record: " + h.sink.head()) != std::string::npos);
    CHECK(text->find("health needs going unmet") != std::string::npos);
    std::string html =
        report::decision_html(h.state().evaluation, h.sink.records[0], h.sink.head());
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("</html>") != std::string::npos);
}

TEST_CASE("closing with answers not recorded asks first", "[ui]") {
    Harness h;
    h.session.apply(ui::intent::RequestClose{});
    CHECK(h.state().close_now);  // nothing typed: closes at once

    Harness g;
    g.go_to_step("development");
    g.click("answer/health_needs_unmet/yes");
    g.session.apply(ui::intent::RequestClose{});
    CHECK_FALSE(g.state().close_now);
    g.frames(2);
    CHECK(g.text.find("have not been recorded") != std::string::npos);
    g.press(ImGui::GetIO().KeyMap[ImGuiKey_Escape]);  // keep working
    CHECK_FALSE(g.state().confirm_close);
    CHECK_FALSE(g.state().close_now);
    g.session.apply(ui::intent::RequestClose{});
    g.session.apply(ui::intent::ConfirmClose{});
    CHECK(g.state().close_now);
}

TEST_CASE("broken rules keep the last good ones and show positioned errors", "[ui]") {
    Harness h;
    std::string good_digest = h.state().rules->digest;
    CHECK_FALSE(h.session.load_rules(std::string(CONTINUUM_TEST_DATA) + "/rules/broken"));
    h.frames(2);
    CHECK(h.state().rules->digest == good_digest);
    CHECK(h.text.find("Still using the last good rules") != std::string::npos);
    CHECK(h.text.find("logic.toml:5:9") != std::string::npos);
}
