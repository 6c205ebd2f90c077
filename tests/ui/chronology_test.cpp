// Headless tests of the chronology table in the Earlier contacts step: contacts entered with
// keyboard activation alone, kept in date order, refused with a reason when they cannot be
// recorded, the Complete / Partial marker, and the recorded decision keeping the chronology.
#include <nlohmann/json.hpp>

#include "engine/chronology.hpp"
#include "harness.hpp"
#include "ui/shell/widgets.hpp"

using namespace continuum;
using ui_test::Harness;

namespace {

const std::string kSurrey = std::string(CONTINUUM_SOURCE_DIR) + "/rules/surrey";

// Monday 15 June 2026, 09:30.
void refer_on_15_june(Harness& h) {
    h.session.apply(ui::intent::SetReferredAt{{engine::day_number(2026, 6, 15), 9 * 3600 + 1800}});
    h.frames(2);
}

const engine::Chronology* chronology(const Harness& h) {
    return engine::recorded_chronology(*h.state().rules, h.state().kase);
}

// Chooses a term in one of the new row's drop-downs as a keyboard user would: the drop-down
// is activated (Space or Enter), then the term.
void choose(Harness& h, const std::string& field, const std::string& term) {
    h.activate("answer/chronology/new/" + field);
    h.activate("answer/chronology/new/" + field + "/" + term);
}

// Types a date into the new row and presses Enter, which adds the contact. (The field is
// clicked: in ImGui 1.86 a text field activated by navigation needs a real keyboard source.)
void type_date_and_enter(Harness& h, const char* date) {
    h.click("answer/chronology/new/date");
    ImGui::GetIO().AddInputCharactersUTF8(date);
    h.frame();
    h.press(ui::keys::Enter);
    h.frames(2);
}

void add_contact(Harness& h, const char* date, const char* source, const char* category,
                 const char* outcome) {
    choose(h, "source", source);
    h.activate("answer/chronology/new/categories");
    h.activate(std::string("answer/chronology/new/categories/") + category);
    h.activate("answer/chronology/new/categories/done");
    choose(h, "outcome", outcome);
    type_date_and_enter(h, date);
}

engine::Tri status(const Harness& h, const char* id) {
    const auto& rules = *h.state().rules;
    return h.state().evaluation.outcome.slots[rules.symbol(id)->slot].status;
}

}  // namespace

TEST_CASE("contacts entered from the keyboard join the chronology in date order",
          "[ui][chronology]") {
    Harness h(kSurrey);
    refer_on_15_june(h);
    h.go_to_step("history");
    REQUIRE(h.shown("answer/chronology/new/date"));
    REQUIRE(h.shown("answer/chronology/complete"));
    // A partial chronology is how "not everything is known" is said: no Unknown, no Clear.
    CHECK_FALSE(h.shown("answer/chronology/unknown"));
    CHECK(h.text.find("Not recorded: every pattern over time stays open") != std::string::npos);
    CHECK(status(h, "recent_earlier_contact") == engine::Tri::Unknown);

    add_contact(h, "2026-03-10", "school", "neglect", "nfa");
    const engine::Chronology* ch = chronology(h);
    REQUIRE(ch);
    REQUIRE(ch->contacts.size() == 1);
    CHECK_FALSE(ch->complete);  // one agency's contact found: not yet every agency
    CHECK(engine::format_date(ch->contacts[0].day) == "2026-03-10");
    CHECK(h.text.find("? Partial: a pattern it does not yet show cannot be ruled out") !=
          std::string::npos);
    // A contact 3 months before the referral: a re-referral, whatever is still to be found.
    CHECK(status(h, "recent_earlier_contact") == engine::Tri::True);
    // The new row starts afresh, but keeps who raised the last contact.
    CHECK(h.text.find("YYYY-MM-DD") != std::string::npos);

    // An earlier contact typed later goes first.
    add_contact(h, "2025-11-19", "health", "domestic_abuse", "advice");
    ch = chronology(h);
    REQUIRE(ch->contacts.size() == 2);
    CHECK(engine::format_date(ch->contacts[0].day) == "2025-11-19");
    CHECK(engine::format_date(ch->contacts[1].day) == "2026-03-10");
    CHECK(h.shown("answer/chronology/2/remove"));
    CHECK(h.text.find("6 months") != std::string::npos);  // 208 days before the referral

    // Every agency checked: the marker says so.
    h.activate("answer/chronology/complete");
    h.frames(2);
    REQUIRE(chronology(h)->complete);
    CHECK(h.text.find("Complete: the chronology shows every earlier contact") != std::string::npos);

    // A row's outcome changed in place; a row removed.
    h.activate("answer/chronology/1/outcome");
    h.activate("answer/chronology/1/outcome/s47");
    CHECK(chronology(h)->contacts[0].outcome ==
          std::find(h.state().rules->chronology.outcome_ids.begin(),
                    h.state().rules->chronology.outcome_ids.end(), "s47") -
              h.state().rules->chronology.outcome_ids.begin());
    h.activate("answer/chronology/1/remove");
    h.frames(2);
    ch = chronology(h);
    REQUIRE(ch->contacts.size() == 1);
    CHECK(engine::format_date(ch->contacts[0].day) == "2026-03-10");
    CHECK(ch->complete);
}

TEST_CASE("a contact that cannot be recorded changes nothing and says why", "[ui][chronology]") {
    Harness h(kSurrey);
    refer_on_15_june(h);
    h.go_to_step("history");
    // Nothing chosen yet.
    type_date_and_enter(h, "2026-03-10");
    CHECK(h.state().notice == "To add the contact, give who raised it");
    CHECK_FALSE(chronology(h));
    // No category, then no outcome; the typed date stays for the next try.
    choose(h, "source", "police");
    type_date_and_enter(h, "");
    CHECK(h.state().notice == "To add the contact, give what it was about");
    h.activate("answer/chronology/new/categories");
    h.activate("answer/chronology/new/categories/missing");
    h.activate("answer/chronology/new/categories/done");
    type_date_and_enter(h, "");
    CHECK(h.state().notice == "To add the contact, give how it ended");
    // Not a date.
    choose(h, "outcome", "nfa");
    type_date_and_enter(h, "x");
    CHECK(h.state().notice.find("a date that exists") != std::string::npos);
    CHECK_FALSE(chronology(h));

    // After the referral.
    Harness later(kSurrey);
    refer_on_15_june(later);
    later.go_to_step("history");
    add_contact(later, "2026-07-01", "police", "missing", "nfa");
    CHECK(later.state().notice ==
          "This contact is dated 2026-07-01, after the referral (2026-06-15): an earlier "
          "contact comes before it");
    CHECK_FALSE(chronology(later));
}

TEST_CASE("the recorded decision keeps the chronology", "[ui][chronology]") {
    Harness h(kSurrey);
    refer_on_15_june(h);
    h.session.apply(ui::intent::SetCaseRef{"C-CHRON-1"});
    h.go_to_step("history");
    add_contact(h, "2026-01-20", "police", "missing", "nfa");
    REQUIRE(chronology(h));
    h.session.scratch().draft.service_consent = 0;
    h.session.scratch().draft.sharing_basis = 0;
    h.go_to_step("record");
    h.session.apply(ui::intent::Record{});
    h.frames(2);
    REQUIRE(h.sink.records.size() == 1);
    const nlohmann::json& answers = h.sink.records[0].answers;
    REQUIRE(answers.contains("chronology"));
    CHECK(answers["chronology"]["complete"] == false);
    REQUIRE(answers["chronology"]["contacts"].size() == 1);
    CHECK(answers["chronology"]["contacts"][0] ==
          nlohmann::json::parse(R"({"date":"2026-01-20","source":"police",)"
                                R"("categories":["missing"],"outcome":"nfa"})"));
}

TEST_CASE("a term too long for its cell is shortened with an ellipsis, never cut mid-letter",
          "[ui][chronology]") {
    Harness h(kSurrey);  // a context with a font to measure with
    using ui::widgets::fit_to_width;
    const std::string words = "neglect, school attendance";
    const float whole = ImGui::CalcTextSize(words.c_str()).x;
    CHECK(fit_to_width(words, whole) == words);

    const std::string ellipsis = "\u2026";
    for (float width : {whole * 0.75f, whole / 2, whole / 4}) {
        const std::string cut = fit_to_width(words, width);
        INFO(cut);
        REQUIRE(cut.size() > ellipsis.size());
        CHECK(cut.ends_with(ellipsis));
        CHECK(ImGui::CalcTextSize(cut.c_str()).x <= width);
        const std::string kept = cut.substr(0, cut.size() - ellipsis.size());
        CHECK(words.starts_with(kept));
        CHECK_FALSE(kept.ends_with(" "));  // "neglect…", not "neglect, …"
        CHECK_FALSE(kept.ends_with(","));
    }
    // Two-byte letters: a cut always falls between them.
    const std::string accented = "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9";
    const float accented_width = ImGui::CalcTextSize(accented.c_str()).x;
    for (int k = 1; k < 8; ++k) {
        const std::string cut = fit_to_width(accented, accented_width * static_cast<float>(k) / 8);
        CHECK((cut.size() - ellipsis.size()) % 2 == 0);
    }
}

TEST_CASE("the new row's date is reached with Tab and the contact added with Enter, no mouse",
          "[ui][chronology]") {
    Harness h(kSurrey);
    refer_on_15_june(h);
    h.go_to_step("history");
    choose(h, "source", "police");
    h.activate("answer/chronology/new/categories");
    h.activate("answer/chronology/new/categories/domestic_abuse");
    h.activate("answer/chronology/new/categories/done");
    choose(h, "outcome", "nfa");

    // Tab moves from text field to text field; the new row's date is one of them.
    const ImGuiID date_field = h.find("answer/chronology/new/date")->id;
    int presses = 0;
    while (ImGui::GetActiveID() != date_field && presses < 30) {
        h.press(258);  // GLFW_KEY_TAB, as the harness maps it
        ++presses;
    }
    INFO("Tab pressed " << presses << " times");
    REQUIRE(ImGui::GetActiveID() == date_field);
    ImGui::GetIO().AddInputCharactersUTF8("2026-02-02");
    h.frame();
    h.press(ui::keys::Enter);
    h.frames(2);
    const engine::Chronology* ch = chronology(h);
    REQUIRE(ch);
    REQUIRE(ch->contacts.size() == 1);
    CHECK(engine::format_date(ch->contacts[0].day) == "2026-02-02");
    CHECK(ch->contacts[0].outcome == std::find(h.state().rules->chronology.outcome_ids.begin(),
                                               h.state().rules->chronology.outcome_ids.end(),
                                               "nfa") -
                                         h.state().rules->chronology.outcome_ids.begin());
}
