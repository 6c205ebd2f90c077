// A case's chronology in files: TOML case files, JSON case libraries (the careful reader and
// the fast one agree), written back unchanged, and a case without one serialised exactly as
// before the chronology existed (so the audit log's hashes stay stable).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "chronology_rules.hpp"
#include "engine/case_json_fast.hpp"
#include "policy/case_generator.hpp"
#include "policy/impact.hpp"
#include "policy/rule_diff.hpp"

#include <cstring>

using namespace continuum::engine;
using chronology_fixture::Rules;

namespace {

const char* kLine =
    R"({"ref":"C-1","referred_at":"2026-06-15T10:30:00","answers":{"neglect_now":true},)"
    R"("chronology":{"complete":false,"contacts":[)"
    R"({"date":"2026-03-02","source":"police","categories":["domestic_abuse","neglect"],"outcome":"nfa"},)"
    R"({"date":"2025-11-20","source":"health","categories":["missing"],"outcome":"advice"}]}})";

// The chronology's terms with the categories in another order.
std::string terms_reordered() {
    std::string t = chronology_fixture::kTerms;
    const std::string neglect = "  { id = \"neglect\", label = \"neglect\" },\n";
    const auto at = t.find(neglect);
    REQUIRE(at != std::string::npos);
    t.erase(at, neglect.size());
    t.insert(t.find("]\noutcomes"), neglect);
    return t;
}

std::vector<std::string> read_errors(const Rules& r, const std::string& chronology) {
    Diagnostics d;
    auto c = read_case_toml(*r.rules, "case.toml",
                            std::string("[case]\nref = \"R\"\nreferred_at = ") +
                                chronology_fixture::kReferral + "\n" + chronology,
                            d);
    CHECK_FALSE(c);
    return fixture::messages(d);
}

}  // namespace

TEST_CASE("a chronology reads from a case file, sorted, and writes back the same",
          "[chronology][case]") {
    Rules r;
    Case c = r.with(
        "[chronology]\ncomplete = false\ncontacts = [\n"
        "  { date = 2026-03-02, source = \"police\", categories = [\"domestic_abuse\", "
        "\"neglect\"], outcome = \"nfa\" },\n"
        "  { date = \"2025-11-20\", source = \"health\", categories = [\"missing\"], outcome = "
        "\"advice\" },\n]\n");
    const Chronology* ch = recorded_chronology(*r.rules, c);
    REQUIRE(ch);
    CHECK_FALSE(ch->complete);
    REQUIRE(ch->contacts.size() == 2);
    CHECK(format_date(ch->contacts[0].day) == "2025-11-20");  // oldest first
    CHECK(ch->contacts[1].categories == 0b011);
    CHECK(c.answers[r.rules->chronology.question].state == AnswerState::Answered);
    CHECK_FALSE(c.answers[r.rules->chronology.question].value.known);

    const std::string toml = case_to_toml(*r.rules, c);
    CHECK(toml.find("[chronology]\ncomplete = false\ncontacts = [\n"
                    "  { date = 2025-11-20, source = \"health\", categories = [\"missing\"], "
                    "outcome = \"advice\" },\n"
                    "  { date = 2026-03-02, source = \"police\", categories = [\"neglect\", "
                    "\"domestic_abuse\"], outcome = \"nfa\" },\n]\n") != std::string::npos);
    Diagnostics d;
    auto again = read_case_toml(*r.rules, "again.toml", toml, d);
    REQUIRE(again);
    CHECK(*recorded_chronology(*r.rules, *again) == *ch);
    CHECK(case_to_toml(*r.rules, *again) == toml);
}

TEST_CASE("a chronology gone wrong in a case file says what and where",
          "[chronology][case][diagnostics]") {
    Rules r;
    auto m = read_errors(r,
                         "[chronology]\ncomplete = true\ncontacts = [\n"
                         "  { date = 2026-07-01, source = \"police\", categories = "
                         "[\"neglect\"], outcome = \"nfa\" },\n]\n");
    REQUIRE(m.size() == 1);
    CHECK(m[0] ==
          "case.toml:7:3: error: this contact is dated 2026-07-01, after the referral "
          "(2026-06-15): an earlier contact comes before it [bad-contact]");
    m = read_errors(r,
                    "[chronology]\ncomplete = true\ncontacts = [\n"
                    "  { date = 2026-01-01, source = \"polise\", categories = [\"neglect\"], "
                    "outcome = \"nfa\" },\n]\n");
    REQUIRE(m.size() == 1);
    CHECK(m[0].find("\"polise\" is not a source of this rule set's chronology (did you mean "
                    "'police'?)") != std::string::npos);
    CHECK(read_errors(r, "[chronology]\ncontacts = []\n")[0].find("needs 'complete'") !=
          std::string::npos);
    m = read_errors(r,
                    "[chronology]\ncomplete = true\ncontacts = [\n  { date = 2026-01-01, "
                    "source = \"police\", categories = [], outcome = \"nfa\" },\n]\n");
    REQUIRE(m.size() == 1);
    CHECK(m[0].find("needs at least one category") != std::string::npos);
    m = read_errors(r,
                    "[chronology]\ncomplete = true\ncontacts = [\n  { date = "
                    "\"2026-02-30\", source = \"police\", categories = [\"neglect\"], outcome = "
                    "\"nfa\" },\n]\n");
    REQUIRE(m.size() == 1);
    CHECK(m[0] ==
          "case.toml:7:12: error: a contact's date is a date that exists, like 2026-03-02 "
          "[bad-value]");
    // Written as a TOML date, TOML itself refuses 30 February, at the day.
    CHECK(read_errors(r,
                      "[chronology]\ncomplete = true\ncontacts = [\n  { date = 2026-02-30, "
                      "source = \"police\", categories = [\"neglect\"], outcome = \"nfa\" },\n]"
                      "\n")[0]
              .find("case.toml:7:22: error: this is not valid TOML") != std::string::npos);
    CHECK(read_errors(r, "[chronology]\ncomplete = true\ncontact = []\n")[0].find(
              "did you mean 'contacts'") != std::string::npos);
    CHECK(read_errors(r, "[answers]\nchronology = true\n")[0].find("write it as its own table") !=
          std::string::npos);

    Diagnostics d;
    auto c = read_case_toml(*r.rules, "case.toml",
                            "[case]\nref = \"R\"\nreferred_at = 2026-06-15T10:30:00\nunknown = "
                            "[\"chronology\"]\n",
                            d);
    CHECK_FALSE(c);
    CHECK(fixture::messages(d)[0].find("the chronology cannot be listed as unknown") !=
          std::string::npos);
}

TEST_CASE("a case library line carries the chronology; the fast reader agrees",
          "[chronology][case][fast]") {
    Rules r;
    Diagnostics d;
    auto careful = read_case_json(*r.rules, kLine, "cases.jsonl", 1, d);
    for (const auto& m : fixture::messages(d))
        INFO(m);
    REQUIRE(careful);
    FastCaseReader fast(*r.rules);
    Case quick;
    REQUIRE(fast.read(kLine, std::strlen(kLine), quick));
    REQUIRE(recorded_chronology(*r.rules, quick));
    CHECK(*recorded_chronology(*r.rules, quick) == *recorded_chronology(*r.rules, *careful));
    CHECK(quick.answers[r.rules->chronology.question].value.known ==
          careful->answers[r.rules->chronology.question].value.known);

    // Written back: the same line (JSON objects sort their keys).
    nlohmann::json written = case_to_json(*r.rules, *careful);
    CHECK(written["chronology"]["contacts"][0]["date"] == "2025-11-20");
    Diagnostics d2;
    auto again = read_case_json(*r.rules, written.dump(), "cases.jsonl", 1, d2);
    REQUIRE(again);
    CHECK(*recorded_chronology(*r.rules, *again) == *recorded_chronology(*r.rules, *careful));

    // Lines the careful reader questions, the fast one refuses.
    for (
        std::string bad :
        {R"({"ref":"C","referred_at":"2026-06-15T10:30:00","chronology":{"contacts":[]}})",
         R"({"ref":"C","referred_at":"2026-06-15T10:30:00","chronology":{"complete":true,"contacts":[{"date":"2026-07-01","source":"police","categories":["neglect"],"outcome":"nfa"}]}})",
         R"({"ref":"C","referred_at":"2026-06-15T10:30:00","chronology":{"complete":true,"contacts":[{"date":"2026-01-01","source":"polise","categories":["neglect"],"outcome":"nfa"}]}})",
         R"({"ref":"C","referred_at":"2026-06-15T10:30:00","chronology":{"complete":true,"contacts":[{"date":"2026-01-01","source":"police","categories":[],"outcome":"nfa"}]}})",
         R"({"ref":"C","referred_at":"2026-06-15T10:30:00","unknown":["chronology"]})"}) {
        INFO(bad);
        Case out;
        CHECK_FALSE(fast.read(bad, bad.size(), out));
        Diagnostics bd;
        const bool accepted_silently =
            read_case_json(*r.rules, bad, "cases.jsonl", 7, bd).has_value() && bd.empty();
        CHECK_FALSE(accepted_silently);
    }
}

TEST_CASE("impact sets aside what one rule set's chronology does not know",
          "[chronology][case][impact]") {
    Rules r;
    // A rule set without a chronology: the whole chronology is set aside.
    auto plain = load_ruleset_from_texts(
        "plain", {{"base.toml", fixture::kBase}, {"q.toml", fixture::yes_no("neglect_now")}});
    REQUIRE(plain.ok());
    nlohmann::json j = nlohmann::json::parse(kLine);
    Diagnostics d;
    std::vector<std::string> aside;
    auto c = read_case_json_object(*plain.rules, j, "cases.jsonl", 1, d, &aside);
    REQUIRE(c);
    CHECK(aside == std::vector<std::string>{"chronology"});
    // Without set-aside, the same line is an error that says why.
    Diagnostics strict;
    CHECK_FALSE(read_case_json_object(*plain.rules, j, "cases.jsonl", 1, strict));
    CHECK(fixture::messages(strict)[0].find("defines no [chronology]") != std::string::npos);

    // A term only the other rule set has: that category is left out, the contact kept.
    j["chronology"]["contacts"][0]["categories"] = {"neglect", "exploitation"};
    aside.clear();
    auto kept = read_case_json_object(*r.rules, j, "cases.jsonl", 1, d, &aside);
    REQUIRE(kept);
    CHECK(aside == std::vector<std::string>{"chronology"});
    CHECK(recorded_chronology(*r.rules, *kept)->contacts.size() == 2);
}

TEST_CASE("impact reads a chronology under each rule set's own terms", "[chronology][impact]") {
    // The same terms listed in another order: a contact's categories are the same words, so
    // nothing may change, though the rule sets number the categories differently.
    Rules base;
    std::string reordered = terms_reordered();
    auto cand = load_ruleset_from_texts("rs", {{"base.toml", fixture::kBase},
                                               {"chronology.toml", reordered},
                                               {"rules.toml", chronology_fixture::kRules}});
    REQUIRE(cand.ok());
    std::string line =
        R"({"ref":"C-1","referred_at":"2026-06-15T10:30:00","answers":{"neglect_now":true},)"
        R"("chronology":{"complete":true,"contacts":[)"
        R"({"date":"2026-03-02","source":"police","categories":["neglect"],"outcome":"nfa"},)"
        R"({"date":"2026-02-02","source":"police","categories":["neglect"],"outcome":"nfa"},)"
        R"({"date":"2026-01-05","source":"health","categories":["neglect"],"outcome":"advice"}]}})";
    ImpactReport r = analyse_impact(*base.rules, *cand.rules, line + "\n", {"cases.jsonl", 1});
    CHECK(r.evaluated == 1);
    CHECK(r.unchanged == 1);
    CHECK(r.changes.empty());
}

TEST_CASE("a case without a chronology serialises exactly as before", "[chronology][case]") {
    Rules r;
    Case c = r.with("");
    // The form the audit log hashes: no "chronology" key at all.
    CHECK(
        case_to_json(*r.rules, c).dump() ==
        R"({"answers":{"neglect_now":true},"ref":"R-1","referred_at":"2026-06-15T10:30:00","unknown":[]})");
    CHECK(case_to_toml(*r.rules, c).find("chronology") == std::string::npos);
}

TEST_CASE("generated cases carry chronologies without changing the other answers",
          "[chronology][generate]") {
    Rules r;
    auto plain = load_ruleset_from_texts(
        "plain", {{"base.toml", fixture::kBase},
                  {"rules.toml", fixture::yes_no("neglect_now") +
                                     "[[rule]]\nid = \"x\"\nlevel = \"targeted\"\nsays = "
                                     "\"x\"\nwhen = \"neglect_now\"\ncites = [\"src\"]\n"}});
    REQUIRE(plain.ok());
    auto with = generate_cases(*r.rules, 400, 7);
    auto without = generate_cases(*plain.rules, 400, 7);
    std::size_t absent = 0, partial = 0, complete = 0, contacts = 0;
    const std::uint32_t q = r.rules->question_index("neglect_now");
    for (std::size_t i = 0; i < with.size(); ++i) {
        CHECK(with[i].answers[q].state ==
              without[i].answers[plain.rules->question_index("neglect_now")].state);
        const Chronology* ch = recorded_chronology(*r.rules, with[i]);
        if (!ch) {
            ++absent;
            continue;
        }
        (ch->complete ? complete : partial) += 1;
        contacts += ch->contacts.size();
        for (const Contact& c : ch->contacts) {
            CHECK(c.day <= with[i].referred_at.day);
            CHECK(c.day > with[i].referred_at.day - 731);
            CHECK(c.categories != 0);
        }
    }
    CHECK(absent > 40);
    CHECK(partial > 100);
    CHECK(complete > 100);
    CHECK(contacts > 300);
    // The same seed gives the same library.
    auto again = generate_cases(*r.rules, 400, 7);
    for (std::size_t i = 0; i < with.size(); ++i)
        CHECK(case_to_json(*r.rules, again[i]) == case_to_json(*r.rules, with[i]));
}

TEST_CASE("the rule diff lists a change to the chronology's terms", "[chronology][diff]") {
    Rules before;
    std::string terms = chronology_fixture::kTerms;
    terms.replace(terms.find("label = \"advice\""), 16, "label = \"advice and signposting\"");
    auto after = load_ruleset_from_texts("rs", {{"base.toml", fixture::kBase},
                                                {"chronology.toml", terms},
                                                {"rules.toml", chronology_fixture::kRules}});
    REQUIRE(after.ok());
    RuleDiff diff = diff_rulesets(*before.rules, *after.rules);
    const DiffEntry* e = diff.find("chronology", "chronology");
    REQUIRE(e);
    REQUIRE(e->fields.size() == 1);
    CHECK(e->fields[0].field == "outcomes");
    CHECK(e->fields[0].after == "nfa (no further action), advice (advice and signposting)");
}
